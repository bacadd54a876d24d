import {
  GRAPH_RESPONSES,
  notAnswered,
  summariseAnswers,
  unrepresentedKommuner,
  type AnswerSummary,
  type GraphResponse,
  type InvitationAnswer,
  type Organisation,
  type PersonAnswer,
  type RepresentationWarning,
} from '../../../src/domain';
import type { AttendeeAnswer } from '../../graph/calendar';
import type { ContactRecord } from '../contacts';
import type { MeetingRecord } from './register';

export interface MeetingAnswersView {
  meeting: MeetingRecord;
  totals: AnswerSummary['totals'];
  organisations: AnswerSummary['organisations'];
  people: PersonAnswer[];
  warnings: RepresentationWarning[];
  notAnswered: PersonAnswer[];
}

/** Graph's answers to an invitation, as the domain names them. */
function isGraphResponse(value: unknown): value is GraphResponse {
  return typeof value === 'string' && (GRAPH_RESPONSES as readonly string[]).includes(value);
}

/** The answers view from the attendees already read (undefined: the meeting has no invitation). */
export function answersView(
  record: MeetingRecord,
  people: readonly ContactRecord[],
  attendees: readonly AttendeeAnswer[] | undefined,
  organisations: readonly Organisation[],
): MeetingAnswersView {
  const answers: InvitationAnswer[] = [];
  if (attendees && record.convenerEmail) {
    answers.push({ email: record.convenerEmail, response: 'organizer' });
    for (const { email, name, response } of attendees) {
      answers.push({ email, response: isGraphResponse(response) ? response : 'none', ...(name ? { name } : {}) });
    }
  }
  const input = { answers, people, organisations };
  const summary = summariseAnswers(input);
  return {
    meeting: record,
    totals: summary.totals,
    organisations: summary.organisations.filter((org) => org.invited > 0 || org.kind === 'kommun'),
    people: summary.people,
    warnings: answers.length > 0 ? unrepresentedKommuner(input) : [],
    notAnswered: notAnswered(input),
  };
}

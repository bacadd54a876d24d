import type { CardElementArray, IAdaptiveCard } from '@microsoft/teams.cards';
import {
  MEETING_GROUP_LABELS,
  VOTE_LABELS,
  VOTE_VALUES,
  formatDateSv,
  formatDateTimeSv,
  weekLabel,
  type Meeting,
  type VoteValue,
} from '../../src/domain';
import { MeetingWithAnswers, card, heading, text, facts, section, actionButton, commandButton } from './elements';

// ------------------------------------------------------------------ meetings

function answersLine(answers: MeetingWithAnswers['answers']): string {
  return `${answers.accepted} ja, ${answers.tentative} kanske, ${answers.declined} nej, ${answers.notAnswered} har inte svarat`;
}

export function meetingFacts(meeting: Meeting): Array<[string, string]> {
  const rows: Array<[string, string]> = [
    ['När', `${formatDateTimeSv(meeting.startUtc)}–${meeting.endTime} (${weekLabel(meeting.date)})`],
    ['Grupp', MEETING_GROUP_LABELS[meeting.group].sv],
  ];
  if (meeting.location) rows.push(['Plats', meeting.location]);
  return rows;
}

export function meetingsCard(meetings: readonly MeetingWithAnswers[]): IAdaptiveCard {
  const body: CardElementArray = [heading('Kommande möten')];
  if (meetings.length === 0) {
    body.push(text('Inga möten är inplanerade.'));
    return card(body);
  }
  for (const { meeting, answers, byOrganisation, warnings } of meetings) {
    body.push(
      section([
        text(meeting.title, { weight: 'Bolder' }),
        facts([...meetingFacts(meeting), ['Svar', answersLine(answers)]]),
        ...(byOrganisation && byOrganisation.length > 0
          ? [facts(byOrganisation.map((org): [string, string] => [org.name, answersLine(org)]))]
          : []),
        ...(warnings ?? []).map((warning) => text(warning, { color: 'Attention' })),
      ]),
    );
  }
  return card(body);
}

export function meetingConvenedCard(meeting: Meeting, created: boolean): IAdaptiveCard {
  return card(
    [
      heading(created ? 'Kallelsen är skickad' : 'Kallelsen var redan skickad'),
      text(meeting.title, { weight: 'Bolder' }),
      facts(meetingFacts(meeting)),
      text('Stödgruppens medlemmar har fått inbjudan med Teamslänk. Svaren syns med kommandot möten.', {
        isSubtle: true,
      }),
    ],
    [commandButton('Möten', 'möten')],
  );
}

// ------------------------------------------------------------------ date polls and justering

export interface PollCardCandidate {
  /** The choice's input id, `k1`…; it comes back as the key of the answer. */
  id: string;
  label: string;
  ja: number;
  omDetBehovs: number;
  nej: number;
  kommunerCovered: number;
  kommunerTotal: number;
}

export interface PollCardInput {
  pollId: string;
  title: string;
  /** UTC instant. */
  deadline: string;
  open: boolean;
  voters: number;
  candidates: PollCardCandidate[];
  /** The clicking person's answers, so the refreshed card shows them. */
  myChoices?: Partial<Record<string, VoteValue>>;
  /** A line on top, e.g. "Tack, ditt svar är sparat." */
  notice?: string;
}

/** The date poll in the General channel: each candidate with Ja / Om det behövs / Nej and the tally so far. */
export function pollCard(input: PollCardInput): IAdaptiveCard {
  const body: CardElementArray = [heading(input.title)];
  if (input.notice) body.push(text(input.notice, { color: 'Good', weight: 'Bolder' }));
  body.push(
    text(
      input.open
        ? `Svara för varje förslag senast ${formatDateTimeSv(input.deadline)}. Ditt senaste svar gäller.`
        : `Omröstningen är stängd (svarstiden gick ut ${formatDateTimeSv(input.deadline)}).`,
      { isSubtle: true },
    ),
  );
  for (const candidate of input.candidates) {
    const mine = input.myChoices?.[candidate.id];
    body.push(
      section([
        text(candidate.label, { weight: 'Bolder' }),
        text(
          `Ja ${candidate.ja} · Om det behövs ${candidate.omDetBehovs} · Nej ${candidate.nej} · ` +
            `${candidate.kommunerCovered} av ${candidate.kommunerTotal} kommuner har ja`,
          { isSubtle: true },
        ),
        ...(input.open
          ? [
              {
                type: 'Input.ChoiceSet' as const,
                id: candidate.id,
                label: `Ditt svar för ${candidate.label}`,
                style: 'expanded' as const,
                ...(mine ? { value: mine } : {}),
                choices: VOTE_VALUES.map((value) => ({ title: VOTE_LABELS[value].sv, value })),
              },
            ]
          : []),
      ]),
    );
  }
  body.push(text(`${input.voters} har svarat.`, { isSubtle: true, size: 'Small' }));
  return card(body, input.open ? [actionButton('Skicka mitt svar', { verb: 'poll.vote', pollId: input.pollId })] : []);
}

export interface ProtocolApprovalCardInput {
  meetingId: string;
  meetingTitle: string;
  /** Stockholm date of the meeting. */
  date: string;
  /** The justerare by name, and who of them has approved. */
  adjusters: { name: string; approved: boolean }[];
  decisions: string[];
  locked: boolean;
  notice?: string;
}

/** Sent to each justerare when the protokoll is drafted; approving as someone else is refused by the bot. */
export function protocolApprovalCard(input: ProtocolApprovalCardInput): IAdaptiveCard {
  const body: CardElementArray = [heading(input.locked ? 'Protokollet är justerat' : 'Justera protokollet')];
  if (input.notice) body.push(text(input.notice, { color: 'Good', weight: 'Bolder' }));
  body.push(
    text(input.meetingTitle, { weight: 'Bolder' }),
    facts([
      ['Möte', formatDateSv(input.date)],
      ...input.adjusters.map((adjuster): [string, string] => [
        adjuster.name,
        adjuster.approved ? 'har justerat' : 'har inte justerat ännu',
      ]),
    ]),
  );
  body.push(
    section([
      text('Beslut', { weight: 'Bolder' }),
      text(input.decisions.length > 0 ? input.decisions.map((d) => `- ${d}`).join('\n') : 'Inga beslut.'),
    ]),
  );
  body.push(
    text(
      input.locked
        ? 'Båda justerarna har godkänt. Protokollet är låst och kan inte ändras.'
        : 'Läs protokollet i fliken Möten. När båda justerarna har godkänt låses det.',
      { isSubtle: true },
    ),
  );
  return card(
    body,
    input.locked ? [] : [actionButton('Justera protokollet', { verb: 'protocol.approve', meetingId: input.meetingId })],
  );
}

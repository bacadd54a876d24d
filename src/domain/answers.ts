import { z } from 'zod';
import { organisationForEmail, type Organisation, type OrganisationKind } from './organisations';
import type { Person } from './people';
import { parseOrThrow } from './validation';

/** The values of Graph's responseStatus.response on an event attendee. */
export const GRAPH_RESPONSES = [
  'none',
  'notResponded',
  'accepted',
  'tentativelyAccepted',
  'declined',
  'organizer',
] as const;
export type GraphResponse = (typeof GRAPH_RESPONSES)[number];

export const ANSWER_CATEGORIES = ['accepted', 'tentative', 'declined', 'noAnswer'] as const;
export type AnswerCategory = (typeof ANSWER_CATEGORIES)[number];

export const ANSWER_LABELS: Record<AnswerCategory, { sv: string; en: string }> = {
  accepted: { sv: 'Accepterat', en: 'Accepted' },
  tentative: { sv: 'Preliminärt', en: 'Tentative' },
  declined: { sv: 'Avböjt', en: 'Declined' },
  noAnswer: { sv: 'Inget svar', en: 'No answer' },
};

/** The organizer holds the meeting and so counts as coming. */
export function answerCategory(response: GraphResponse): AnswerCategory {
  switch (response) {
    case 'accepted':
    case 'organizer':
      return 'accepted';
    case 'tentativelyAccepted':
      return 'tentative';
    case 'declined':
      return 'declined';
    default:
      return 'noAnswer';
  }
}

export interface InvitationAnswer {
  email: string;
  response: GraphResponse;
  /** Display name from the invitation, used when the address is not in the contact list. */
  name?: string;
}

const answersSchema = z.array(
  z.object({
    email: z
      .string({ error: 'E-postadressen saknas.' })
      .trim()
      .toLowerCase()
      .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'Ogiltig e-postadress.'),
    response: z.enum(GRAPH_RESPONSES, {
      error: (issue) => `Okänt svar på inbjudan: ${issue.input === undefined ? 'saknas' : String(issue.input)}.`,
    }),
    name: z.string({ error: 'Namnet måste vara text.' }).trim().optional(),
  }),
  { error: 'Svaren måste anges som en lista.' },
);

export interface PersonAnswer {
  email: string;
  displayName: string;
  personId?: string;
  organisationId?: string;
  response: GraphResponse;
  answer: AnswerCategory;
  label: string;
  isOrganizer: boolean;
}

export interface AnswerCounts {
  invited: number;
  accepted: number;
  tentative: number;
  declined: number;
  noAnswer: number;
}

export interface OrganisationAnswers extends AnswerCounts {
  organisationId: string;
  name: string;
  kind: OrganisationKind;
}

export interface AnswerSummary {
  people: PersonAnswer[];
  /** Every organisation in the list, in list order, including those nobody from was invited. */
  organisations: OrganisationAnswers[];
  /** Invitees whose address matches no person and no organisation's e-mail domain. */
  unknownOrganisation: PersonAnswer[];
  totals: AnswerCounts;
}

export interface AnswersInput {
  answers: readonly InvitationAnswer[];
  people: readonly Person[];
  organisations: readonly Organisation[];
}

function emptyCounts(): AnswerCounts {
  return { invited: 0, accepted: 0, tentative: 0, declined: 0, noAnswer: 0 };
}

function count(into: AnswerCounts, answer: AnswerCategory): void {
  into.invited += 1;
  into[answer] += 1;
}

/**
 * Reads the attendees' answers to an invitation. A person is matched by e-mail address in the contact
 * list; an address that is not there is placed by its e-mail domain. The same address twice counts once.
 */
export function summariseAnswers(input: AnswersInput): AnswerSummary {
  const answers = parseOrThrow(answersSchema, input.answers);
  const personByEmail = new Map(input.people.map((person) => [person.email.trim().toLowerCase(), person]));
  const seen = new Set<string>();
  const people: PersonAnswer[] = [];
  for (const answer of answers) {
    if (seen.has(answer.email)) continue;
    seen.add(answer.email);
    const person = personByEmail.get(answer.email);
    const organisationId = person?.organisationId ?? organisationForEmail(input.organisations, answer.email)?.id;
    const category = answerCategory(answer.response);
    people.push({
      email: answer.email,
      displayName: person?.displayName ?? (answer.name && answer.name.length > 0 ? answer.name : answer.email),
      ...(person ? { personId: person.id } : {}),
      ...(organisationId ? { organisationId } : {}),
      response: answer.response,
      answer: category,
      label: ANSWER_LABELS[category].sv,
      isOrganizer: answer.response === 'organizer',
    });
  }

  const organisations: OrganisationAnswers[] = input.organisations.map((org) => ({
    organisationId: org.id,
    name: org.name,
    kind: org.kind,
    ...emptyCounts(),
  }));
  const byOrg = new Map(organisations.map((row) => [row.organisationId, row]));
  const totals = emptyCounts();
  const unknownOrganisation: PersonAnswer[] = [];
  for (const person of people) {
    count(totals, person.answer);
    const row = person.organisationId ? byOrg.get(person.organisationId) : undefined;
    if (row) count(row, person.answer);
    else unknownOrganisation.push(person);
  }
  return { people, organisations, unknownOrganisation, totals };
}

export type RepresentationWarningCode = 'NOT_INVITED' | 'ALL_DECLINED' | 'NOT_YET_ANSWERED';

export interface RepresentationWarning {
  code: RepresentationWarningCode;
  organisationId: string;
  name: string;
  message: string;
}

/**
 * Kommuner at risk of not being represented: nobody invited, everyone invited has declined, or nobody
 * has accepted (even tentatively) while someone still has to answer.
 */
export function unrepresentedKommuner(input: AnswersInput): RepresentationWarning[] {
  const summary = summariseAnswers(input);
  const warnings: RepresentationWarning[] = [];
  for (const row of summary.organisations) {
    if (row.kind !== 'kommun') continue;
    const base = { organisationId: row.organisationId, name: row.name };
    if (row.invited === 0) {
      warnings.push({ ...base, code: 'NOT_INVITED', message: `Ingen från ${row.name} är inbjuden.` });
    } else if (row.declined === row.invited) {
      warnings.push({
        ...base,
        code: 'ALL_DECLINED',
        message: `${row.name} blir inte representerad: alla inbjudna har tackat nej.`,
      });
    } else if (row.accepted + row.tentative === 0) {
      warnings.push({ ...base, code: 'NOT_YET_ANSWERED', message: `${row.name} har ännu inte svarat.` });
    }
  }
  return warnings;
}

/** Invitees who have not answered yet, for a reminder; sorted by organisation and name. */
export function notAnswered(input: AnswersInput): PersonAnswer[] {
  const summary = summariseAnswers(input);
  const orgName = new Map(input.organisations.map((org) => [org.id, org.name]));
  const nameOf = (person: PersonAnswer) => (person.organisationId ? (orgName.get(person.organisationId) ?? '') : '');
  return summary.people
    .filter((person) => person.answer === 'noAnswer')
    .sort((a, b) => nameOf(a).localeCompare(nameOf(b), 'sv') || a.displayName.localeCompare(b.displayName, 'sv'));
}

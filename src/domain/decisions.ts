import { z } from 'zod';
import { type IsoDate } from './calendar';
import { DomainRuleError } from './errors';
import type { Meeting } from './meetings';
import { idSchema, isoDateSchema, parseOrThrow } from './validation';

export const DECISION_KINDS = [
  'budget',
  'ekonomiska_prioriteringar',
  'verksamhetsplan',
  'aktiviteter_kalendarium',
  'utvardering',
  'arbetsgrupp',
  'delegering',
  // "Ordförande är sammankallande … om ingen annan utses": the appointment of another sammankallande (convener.ts).
  'sammankallande',
  // "Respektive kommun står för sina kostnader … om inget annat överenskommes": an exception agreed (costExceptions.ts).
  'kostnadsundantag',
] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export const DECISION_KIND_LABELS: Record<DecisionKind, { sv: string; en: string }> = {
  budget: { sv: 'Budget', en: 'Budget' },
  ekonomiska_prioriteringar: { sv: 'Ekonomiska prioriteringar', en: 'Economic priorities' },
  verksamhetsplan: { sv: 'Verksamhetsplan', en: 'Operational plan' },
  aktiviteter_kalendarium: { sv: 'Aktiviteter och kalendarium', en: 'Activities and calendar' },
  utvardering: { sv: 'Utvärdering och uppföljning', en: 'Evaluation and follow-up' },
  arbetsgrupp: { sv: 'Arbetsgrupp', en: 'Working group' },
  delegering: { sv: 'Delegering av uppdrag', en: 'Delegation' },
  sammankallande: { sv: 'Utseende av sammankallande', en: 'Appointment of a convener' },
  kostnadsundantag: { sv: 'Undantag för egna kostnader', en: 'Exception for own costs' },
};

export const FOLLOW_UP_STATUSES = ['ej_paborjad', 'pagar', 'klar'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

export const FOLLOW_UP_LABELS: Record<FollowUpStatus, { sv: string; en: string }> = {
  ej_paborjad: { sv: 'Ej påbörjad', en: 'Not started' },
  pagar: { sv: 'Pågår', en: 'In progress' },
  klar: { sv: 'Klar', en: 'Done' },
};

export interface Proposal {
  id: string;
  kind: DecisionKind;
  title: string;
  text: string;
  /** The stödgrupp meeting that prepared the proposal, when there was one. */
  preparedAtMeetingId?: string;
  proposedByPersonId?: string;
  date: IsoDate;
}

export interface Decision {
  id: string;
  meetingId: string;
  proposalId?: string;
  kind: DecisionKind;
  text: string;
  decidedOn: IsoDate;
  ownerPersonId?: string;
  followUp: FollowUpStatus;
  followUpDue?: IsoDate;
  /** The point of the dagordning it was taken under (Beslut's AgendaItemId, issue #16). */
  agendaItemId?: string;
  /** Its paragraph in the year's numbering (§ 1, § 2, …), when the register has given it one. */
  paragraph?: number;
}

const kindSchema = z.enum(DECISION_KINDS, {
  error: (issue) => `Okänd beslutstyp: ${issue.input === undefined ? 'saknas' : String(issue.input)}.`,
});

const proposalSchema = z.object({
  id: idSchema,
  kind: kindSchema,
  title: z.string({ error: 'Rubrik saknas.' }).trim().min(1, 'Rubriken får inte vara tom.'),
  text: z.string({ error: 'Förslagstext saknas.' }).trim().min(1, 'Förslagstexten får inte vara tom.'),
  preparedAtMeetingId: idSchema.optional(),
  proposedByPersonId: idSchema.optional(),
  date: isoDateSchema,
});

export function createProposal(input: unknown): Proposal {
  return parseOrThrow(proposalSchema, input);
}

export interface DecideOptions {
  id: string;
  /** The wording decided, when it differs from the proposal. */
  text?: string;
  ownerPersonId?: string;
  followUpDue?: IsoDate;
}

const decideSchema = z.object({
  id: idSchema,
  text: z
    .string({ error: 'Beslutstexten måste vara text.' })
    .trim()
    .min(1, 'Beslutstexten får inte vara tom.')
    .optional(),
  ownerPersonId: idSchema.optional(),
  followUpDue: isoDateSchema.optional(),
});

function assertCanDecide(meeting: Meeting): void {
  if (meeting.group !== 'samverkansgrupp') {
    throw new DomainRuleError(
      'ONLY_SAMVERKANSGRUPP_DECIDES',
      'Endast samverkansgruppen kan fatta beslut; stödgruppen lämnar förslag.',
    );
  }
  if (meeting.status === 'installt') {
    throw new DomainRuleError('MEETING_CANCELLED', 'Ett inställt möte kan inte fatta beslut.');
  }
}

/** Samverkansgruppen decides a proposal from stödgruppen at one of its meetings. */
export function decide(proposal: Proposal, meeting: Meeting, options: DecideOptions): Decision {
  assertCanDecide(meeting);
  const opts = parseOrThrow(decideSchema, options);
  if (opts.followUpDue !== undefined && opts.followUpDue < meeting.date) {
    throw new DomainRuleError('FOLLOW_UP_BEFORE_DECISION', 'Uppföljningsdatum ligger före beslutsdatum.');
  }
  return {
    id: opts.id,
    meetingId: meeting.id,
    proposalId: proposal.id,
    kind: proposal.kind,
    text: opts.text ?? proposal.text,
    decidedOn: meeting.date,
    ...(opts.ownerPersonId ? { ownerPersonId: opts.ownerPersonId } : {}),
    followUp: 'ej_paborjad',
    ...(opts.followUpDue ? { followUpDue: opts.followUpDue } : {}),
  };
}

const directDecisionSchema = decideSchema.extend({
  kind: kindSchema,
  text: z.string({ error: 'Beslutstext saknas.' }).trim().min(1, 'Beslutstexten får inte vara tom.'),
});

/** A decision taken at a samverkansgrupp meeting without a written proposal (e.g. a matter raised at the meeting). */
export function recordDecision(input: unknown, meeting: Meeting): Decision {
  assertCanDecide(meeting);
  const d = parseOrThrow(directDecisionSchema, input);
  return {
    id: d.id,
    meetingId: meeting.id,
    kind: d.kind,
    text: d.text,
    decidedOn: meeting.date,
    ...(d.ownerPersonId ? { ownerPersonId: d.ownerPersonId } : {}),
    followUp: 'ej_paborjad',
    ...(d.followUpDue ? { followUpDue: d.followUpDue } : {}),
  };
}

export function setFollowUp(decision: Decision, status: FollowUpStatus): Decision {
  const next = parseOrThrow(
    z.enum(FOLLOW_UP_STATUSES, {
      error: (issue) => `Okänd uppföljningsstatus: ${issue.input === undefined ? 'saknas' : String(issue.input)}.`,
    }),
    status,
  );
  return { ...decision, followUp: next };
}

/** Decisions not yet followed up to 'klar', oldest due date first; these go on the next agenda. */
export function openFollowUps(decisions: readonly Decision[]): Decision[] {
  return decisions
    .filter((d) => d.followUp !== 'klar')
    .slice()
    .sort((a, b) => {
      const dueA = a.followUpDue ?? '9999-12-31';
      const dueB = b.followUpDue ?? '9999-12-31';
      if (dueA !== dueB) return dueA < dueB ? -1 : 1;
      return a.decidedOn < b.decidedOn ? -1 : a.decidedOn > b.decidedOn ? 1 : 0;
    });
}

/** Open follow-ups whose due date has passed on `today`. */
export function overdueFollowUps(decisions: readonly Decision[], today: IsoDate): Decision[] {
  const day = parseOrThrow(isoDateSchema, today);
  return openFollowUps(decisions).filter((d) => d.followUpDue !== undefined && d.followUpDue < day);
}

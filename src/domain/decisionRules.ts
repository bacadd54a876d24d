import { formatDateSv, toIsoDate, type IsoDate } from './calendar';
import { DECISION_KIND_LABELS, type DecisionKind } from './decisions';
import { DomainRuleError } from './errors';
import type { Meeting } from './meetings';
import { isoDateSchema, parseOrThrow } from './validation';

/**
 * What makes a decision true (#17): samverkansgruppen decides at a meeting that has been held (or is under
 * way), or by a per capsulam procedure recorded as such; the decision takes the meeting's date, is numbered
 * per year (§ 1, § 2, …), is not older than its proposal, and is of the kind the agreement needs where it is
 * reused (the budget, the verksamhetsplan, the aktivitetsplan, an arbetsgrupp).
 */

/** The Möte a decision taken per capsulam (by written procedure, without a meeting) is recorded under. */
export const PER_CAPSULAM_MEETING_ID = 'per-capsulam';

export function isPerCapsulam(meetingId: string): boolean {
  return meetingId === PER_CAPSULAM_MEETING_ID;
}

/**
 * Refuses a decision at a meeting that has not started: a planned meeting whose start lies after `nowUtc`.
 * A meeting marked genomfört has been held whatever its times say.
 */
export function assertMeetingHeld(meeting: Meeting, nowUtc: string): void {
  if (meeting.status === 'genomfort') return;
  const start = meeting.startUtc ? Date.parse(meeting.startUtc) : Number.NaN;
  const now = Date.parse(nowUtc);
  if (!Number.isNaN(start) && !Number.isNaN(now) && start <= now) return;
  throw new DomainRuleError(
    'MEETING_NOT_HELD',
    `Mötet ${formatDateSv(meeting.date)} har inte hållits ännu. Ett beslut kan bara föras in för ett möte ` +
      'som har börjat, eller som ett beslut per capsulam.',
  );
}

/**
 * A per capsulam procedure as the meeting its decision belongs to: samverkansgruppen, held on `date`, which
 * cannot lie after `today`.
 */
export function perCapsulamMeeting(date: unknown, today: IsoDate): Meeting {
  const day = parseOrThrow(isoDateSchema, date);
  if (day > today) {
    throw new DomainRuleError(
      'PER_CAPSULAM_IN_FUTURE',
      `Ett beslut per capsulam kan inte dateras i framtiden (${formatDateSv(day)}).`,
    );
  }
  return {
    id: PER_CAPSULAM_MEETING_ID,
    group: 'samverkansgrupp',
    title: 'Beslut per capsulam',
    date: day,
    startTime: '00:00',
    endTime: '00:00',
    startUtc: `${day}T00:00:00Z`,
    endUtc: `${day}T00:00:00Z`,
    status: 'genomfort',
  };
}

/** Refuses a decision dated before the proposal it decides was made (`proposedAt` a date or an instant). */
export function assertNotBeforeProposal(decidedOn: IsoDate, proposedAt: string | undefined): void {
  if (!proposedAt) return;
  const proposedOn = toIsoDate(proposedAt);
  if (decidedOn < proposedOn) {
    throw new DomainRuleError(
      'DECISION_BEFORE_PROPOSAL',
      `Beslutet kan inte vara fattat ${formatDateSv(decidedOn)}, före förslaget som lades ${formatDateSv(proposedOn)}.`,
    );
  }
}

/** A decision as numbering needs it: its date and paragraph, when it has one. */
export interface NumberedDecision {
  decidedOn?: IsoDate;
  paragraph?: number;
}

/** The next paragraph number of the year `decidedOn` falls in: one after the highest that year, from § 1. */
export function nextParagraph(existing: readonly NumberedDecision[], decidedOn: IsoDate): number {
  const year = decidedOn.slice(0, 4);
  const highest = existing
    .filter((d) => d.decidedOn?.slice(0, 4) === year)
    .reduce((max, d) => Math.max(max, d.paragraph ?? 0), 0);
  return highest + 1;
}

/** "§ 3"; an unnumbered decision (recorded before numbering) has no paragraph. */
export function formatParagraph(paragraph: number | undefined): string {
  return paragraph === undefined ? '' : `§ ${paragraph}`;
}

/** What a reused decision is asked to stand for, and the kind the agreement needs for it. */
export const REQUIRED_DECISION_KIND = {
  activity: 'aktiviteter_kalendarium',
  operatingPlan: 'verksamhetsplan',
  workingGroup: 'arbetsgrupp',
  budget: 'budget',
} as const satisfies Record<string, DecisionKind>;

export type DecisionPurpose = keyof typeof REQUIRED_DECISION_KIND;

const PURPOSE_LABELS: Record<DecisionPurpose, string> = {
  activity: 'att besluta en aktivitet',
  operatingPlan: 'att fastställa verksamhetsplanen',
  workingGroup: 'att tillsätta en arbetsgrupp',
  budget: 'att fastställa budgeten',
};

/** Refuses a reused decision of another kind than the one `purpose` needs. */
export function assertDecisionKind(decision: { id: string; kind: DecisionKind }, purpose: DecisionPurpose): void {
  const required = REQUIRED_DECISION_KIND[purpose];
  if (decision.kind === required) return;
  throw new DomainRuleError(
    'WRONG_DECISION_KIND',
    `Beslut ${decision.id} är av typen ”${DECISION_KIND_LABELS[decision.kind].sv}”; ` +
      `för ${PURPOSE_LABELS[purpose]} krävs ett beslut av typen ”${DECISION_KIND_LABELS[required].sv}”.`,
  );
}

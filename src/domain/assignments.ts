import { addDays, type IsoDate } from './calendar';
import { ASSIGNMENT_STATUS_LABELS, type AssigneeKind, type AssignmentStatus } from './assignmentLists';
import { DomainRuleError } from './errors';
import type { Role } from './roles';

/**
 * Uppdrag (#17): what samverkansgruppen delegates by a decision, to a person of the contact list or to an
 * arbetsgrupp, with a due date; the samordnare follows them up. Pure rules: the status flow and what is due.
 */
export { ASSIGNEE_KINDS, ASSIGNMENT_STATUSES, ASSIGNMENT_STATUS_LABELS } from './assignmentLists';
export type { AssigneeKind, AssignmentStatus } from './assignmentLists';

/** How many days ahead an uppdrag counts as due soon (the todo feed, the reminder). */
export const ASSIGNMENT_DUE_SOON_DAYS = 7;

export interface Assignment {
  id: string;
  decisionId: string;
  assigneeKind: AssigneeKind;
  /** The contact's list item id (person) or the arbetsgrupp's item id. */
  assigneeId: string;
  description: string;
  due: IsoDate;
  status: AssignmentStatus;
}

const NEXT: Record<AssignmentStatus, readonly AssignmentStatus[]> = {
  ej_paborjat: ['pagar', 'klart', 'avbrutet'],
  pagar: ['klart', 'avbrutet'],
  klart: [],
  avbrutet: [],
};

export function isOpenAssignment(status: AssignmentStatus): boolean {
  return status === 'ej_paborjat' || status === 'pagar';
}

/**
 * The status an uppdrag moves to: forward only (ej påbörjat → pågår → klart, or avbrutet from either open
 * status); keeping the status is allowed (a report only). A closed uppdrag stays closed.
 */
export function moveAssignment(from: AssignmentStatus, to: AssignmentStatus): AssignmentStatus {
  if (from === to && isOpenAssignment(from)) return to;
  if (NEXT[from].includes(to)) return to;
  const label = (s: AssignmentStatus) => ASSIGNMENT_STATUS_LABELS[s].sv.toLowerCase();
  throw new DomainRuleError(
    'ASSIGNMENT_STATUS',
    isOpenAssignment(from)
      ? `Uppdraget har status ${label(from)} och kan inte bli ${label(to)}.`
      : `Uppdraget är redan ${label(from)} och kan inte ändras.`,
  );
}

export type AssignmentDueState = 'closed' | 'overdue' | 'dueSoon' | 'later';

/** Where an uppdrag stands on `today` (a Stockholm calendar day): overdue after its due day, due soon within a week. */
export function assignmentDueState(assignment: Pick<Assignment, 'due' | 'status'>, today: IsoDate): AssignmentDueState {
  if (!isOpenAssignment(assignment.status)) return 'closed';
  if (assignment.due < today) return 'overdue';
  if (assignment.due <= addDays(today, ASSIGNMENT_DUE_SOON_DAYS)) return 'dueSoon';
  return 'later';
}

/** The open uppdrag, earliest due first (then by id), as the owner's list and the bot show them. */
export function openAssignments<A extends Pick<Assignment, 'id' | 'due' | 'status'>>(assignments: readonly A[]): A[] {
  return assignments
    .filter((a) => isOpenAssignment(a.status))
    .sort((a, b) => a.due.localeCompare(b.due) || Number(a.id) - Number(b.id));
}

/** An uppdrag cannot be due before the decision that delegated it. */
export function assertDueNotBeforeDecision(due: IsoDate, decidedOn: IsoDate | undefined): void {
  if (decidedOn !== undefined && due < decidedOn) {
    throw new DomainRuleError('ASSIGNMENT_DUE_BEFORE_DECISION', 'Uppdragets slutdatum ligger före beslutsdatum.');
  }
}

/**
 * Who follows up every uppdrag (lists them all, may report on any): the samordnare. Anyone else sees and
 * reports on their own, and on their arbetsgruppers.
 */
export function followsUpAllAssignments(roles: readonly Role[]): boolean {
  return roles.includes('samordnare');
}

/** The two reminders an uppdrag's owner gets in Teams: a week before the due date, and once it is overdue. */
export type AssignmentReminderKind = 'weekBefore' | 'overdue';

/**
 * Which reminder is due for an uppdrag on `today` (a Stockholm calendar day): from a week before its due day
 * through the due day itself the week-before one, from the day after the overdue one, none once it is closed.
 * A week-before reminder missed (the job did not run) is not sent late once the uppdrag is overdue: the overdue
 * one supersedes it. Each is sent once per due date (the job's journal), so a new due date reminds again.
 */
export function dueAssignmentReminder(
  assignment: Pick<Assignment, 'due' | 'status'>,
  today: IsoDate,
): AssignmentReminderKind | undefined {
  const state = assignmentDueState(assignment, today);
  if (state === 'overdue') return 'overdue';
  if (state === 'dueSoon') return 'weekBefore';
  return undefined;
}

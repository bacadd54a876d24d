import { formatDateSv, type IsoDate } from './calendar';
import { ASSIGNMENT_STATUS_LABELS, type AssignmentStatus } from './assignmentLists';

/**
 * Uppdrag on the next dagordning (#17): the open ones due by the meeting are followed up under one item,
 * "Uppföljning av uppdrag", each named by what it is, its owner by name, its due date and the decision that
 * delegated it by its number (§ 3/2026). Never an internal id.
 */

export interface AgendaAssignment {
  description: string;
  /** The person's or the arbetsgrupp's name. */
  ownerName: string;
  due: IsoDate;
  status: AssignmentStatus;
  /** The decision that delegated it, when it is known: its paragraph and date, else its text. */
  decision?: { paragraph?: number; decidedOn?: IsoDate; text?: string };
}

export const ASSIGNMENT_AGENDA_TITLE = 'Uppföljning av uppdrag';

/** A decision's text in a line of the dagordning is cut here (a word boundary, then an ellipsis). */
const DECISION_TEXT_MAX = 80;

function isOpen(status: AssignmentStatus): boolean {
  return status === 'ej_paborjat' || status === 'pagar';
}

function shortText(text: string): string {
  const plain = text.replace(/\s+/g, ' ').trim();
  if (plain.length <= DECISION_TEXT_MAX) return plain;
  const cut = plain.slice(0, DECISION_TEXT_MAX);
  const space = cut.lastIndexOf(' ');
  return `${(space > 40 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}

/** "beslut § 3/2026", or the decision's text when it has no number, or nothing. */
export function decisionReference(decision: AgendaAssignment['decision']): string | undefined {
  if (!decision) return undefined;
  if (decision.paragraph !== undefined) {
    const year = decision.decidedOn?.slice(0, 4);
    return `beslut § ${decision.paragraph}${year ? `/${year}` : ''}`;
  }
  const text = decision.text?.trim();
  return text ? `beslut ”${shortText(text)}”` : undefined;
}

function assignmentLine(assignment: AgendaAssignment, asOf: IsoDate): string {
  const late = assignment.due < asOf ? ', försenat' : '';
  const status = ASSIGNMENT_STATUS_LABELS[assignment.status].sv.toLowerCase();
  const decision = decisionReference(assignment.decision);
  return `- ${assignment.description.trim()} – ${assignment.ownerName}, klart senast ${formatDateSv(assignment.due)}${late} (${status}${decision ? `; ${decision}` : ''})`;
}

/**
 * The dagordning's item for the open uppdrag due on or before the meeting's day, earliest due first (then by
 * owner); undefined when there are none. "Försenat" once the due date has passed on `asOf`, the day the
 * dagordning is written.
 */
export function assignmentFollowUpItem(
  assignments: readonly AgendaAssignment[],
  meetingDate: IsoDate,
  asOf: IsoDate,
): { kind: 'uppdrag'; title: string; details: string; overdue: boolean } | undefined {
  const due = assignments
    .filter((a) => isOpen(a.status) && a.due <= meetingDate)
    .slice()
    .sort((a, b) => a.due.localeCompare(b.due) || a.ownerName.localeCompare(b.ownerName, 'sv'));
  if (due.length === 0) return undefined;
  return {
    kind: 'uppdrag',
    title: ASSIGNMENT_AGENDA_TITLE,
    details: due.map((a) => assignmentLine(a, asOf)).join('\n'),
    overdue: due.some((a) => a.due < asOf),
  };
}

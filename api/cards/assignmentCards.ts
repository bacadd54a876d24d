import type { CardElementArray, IAdaptiveCard, IShowCardAction } from '@microsoft/teams.cards';
import {
  ASSIGNMENT_STATUS_LABELS,
  assignmentDueState,
  formatDateSv,
  moveAssignment,
  type AssignmentStatus,
  type IsoDate,
} from '../../src/domain';
import { actionButton, actionSet, card, heading, openUrlButton, section, text } from './elements';

/** At most this many uppdrag on a card, so that it reads on a phone; the rest are in the tab. */
export const ASSIGNMENT_CARD_ROWS = 8;

/** Longest report the card's text field takes (the API takes more; the card is for a short note). */
export const ASSIGNMENT_CARD_REPORT_MAX = 500;

export interface AssignmentCardRow {
  id: string;
  etag: string;
  description: string;
  /** The person's or the arbetsgrupp's name. */
  ownerName: string;
  due: IsoDate;
  status: AssignmentStatus;
  report?: string;
}

export interface AssignmentsCardInput {
  /** The samordnare's card: every open uppdrag, grouped by owner. Otherwise the sender's own. */
  all: boolean;
  /** The open uppdrag, earliest due first (all: by owner, then earliest due). */
  rows: AssignmentCardRow[];
  today: IsoDate;
  /** Where the whole list is (Översikt's Mina uppdrag, or Beslut for the samordnare). */
  tabUrl: string;
  /** What just happened: a saved update (good) or a conflict or refusal (attention). */
  notice?: { text: string; tone: 'good' | 'attention' };
}

/** Input ids carry the uppdrag's id: a card holds several forms and Adaptive Cards wants ids unique. */
export const statusInputId = (id: string) => `status_${id}`;
export const reportInputId = (id: string) => `report_${id}`;

function dueLine(row: AssignmentCardRow, today: IsoDate): string {
  const state = assignmentDueState(row, today);
  const status = ASSIGNMENT_STATUS_LABELS[row.status].sv;
  const due = `klart senast ${formatDateSv(row.due)}`;
  if (state === 'overdue') return `Försenat: ${due} · ${status}`;
  if (state === 'dueSoon') return `Snart: ${due} · ${status}`;
  return `${due[0]!.toUpperCase()}${due.slice(1)} · ${status}`;
}

/** The statuses the uppdrag may move to, its own first (a report only keeps it). */
function nextStatuses(from: AssignmentStatus): AssignmentStatus[] {
  return (['ej_paborjat', 'pagar', 'klart', 'avbrutet'] as const).filter((to) => {
    try {
      moveAssignment(from, to);
      return true;
    } catch {
      return false;
    }
  });
}

function updateForm(row: AssignmentCardRow): IShowCardAction {
  const choices = nextStatuses(row.status).map((status) => ({
    title: ASSIGNMENT_STATUS_LABELS[status].sv,
    value: status,
  }));
  const form = card(
    [
      {
        type: 'Input.ChoiceSet',
        id: statusInputId(row.id),
        label: 'Status',
        style: 'compact',
        value: row.status,
        isRequired: true,
        errorMessage: 'Välj en status.',
        choices,
      },
      {
        type: 'Input.Text',
        id: reportInputId(row.id),
        label: 'Kort rapport (valfri)',
        isMultiline: true,
        maxLength: ASSIGNMENT_CARD_REPORT_MAX,
        ...(row.report ? { value: row.report } : {}),
      },
    ] as CardElementArray,
    [
      actionButton('Spara', {
        verb: 'assignment.update',
        assignmentId: row.id,
        etag: row.etag,
      }),
    ],
  );
  return { type: 'Action.ShowCard', title: 'Uppdatera', card: form };
}

function rowItems(row: AssignmentCardRow, today: IsoDate): CardElementArray {
  const overdue = assignmentDueState(row, today) === 'overdue';
  return [
    text(row.description, { weight: 'Bolder' }),
    text(dueLine(row, today), { isSubtle: !overdue, spacing: 'None', ...(overdue ? { color: 'Attention' } : {}) }),
    actionSet([updateForm(row)]),
  ];
}

/**
 * Open uppdrag for a phone: at most eight, each with its due date and status and a form to update status
 * and report (Action.Execute with the uppdrag's ETag); the samordnare's grouped by owner.
 */
export function assignmentsCard(input: AssignmentsCardInput): IAdaptiveCard {
  const body: CardElementArray = [heading(input.all ? 'Öppna uppdrag' : 'Mina uppdrag')];
  if (input.notice) {
    body.push(
      text(input.notice.text, { weight: 'Bolder', color: input.notice.tone === 'good' ? 'Good' : 'Attention' }),
    );
  }
  if (input.rows.length === 0) {
    body.push(text(input.all ? 'Det finns inga öppna uppdrag.' : 'Du har inga öppna uppdrag.'));
    return card(body, [openUrlButton('Öppna fliken', input.tabUrl)]);
  }
  const shown = input.rows.slice(0, ASSIGNMENT_CARD_ROWS);
  let owner: string | undefined;
  for (const row of shown) {
    const items = rowItems(row, input.today);
    if (input.all && row.ownerName !== owner) {
      owner = row.ownerName;
      items.unshift(text(owner, { weight: 'Bolder', size: 'Medium' }));
    }
    body.push(section(items));
  }
  const rest = input.rows.length - shown.length;
  if (rest > 0) body.push(text(`och ${rest} till – öppna fliken`, { isSubtle: true }));
  return card(body, [openUrlButton('Öppna fliken', input.tabUrl)]);
}

export interface AssignmentReminderCardInput {
  row: AssignmentCardRow;
  kind: 'weekBefore' | 'overdue';
  today: IsoDate;
  tabUrl: string;
  /** The arbetsgrupp the uppdrag went to, when it went to one (its convener or members are reminded). */
  group?: string;
}

/**
 * The owner's reminder in their chat with the bot: a week before the due date, or once it is overdue; the same
 * Uppdatera form as the `uppdrag` card, so the owner can report at once.
 */
export function assignmentReminderCard({
  row,
  kind,
  today,
  tabUrl,
  group,
}: AssignmentReminderCardInput): IAdaptiveCard {
  const title = kind === 'overdue' ? 'Uppdraget är försenat' : 'Påminnelse: uppdraget ska vara klart snart';
  const ask =
    kind === 'overdue'
      ? 'Uppdatera status och skriv en kort rapport, eller hör av dig till samordnaren om det behövs mer tid.'
      : 'Uppdatera gärna status och skriv en kort rapport.';
  const body: CardElementArray = [heading(title)];
  if (group) body.push(text(`Uppdraget gäller ${group}.`));
  body.push(...rowItems(row, today), text(ask, { isSubtle: true }));
  return card(body, [openUrlButton('Öppna Mina uppdrag', tabUrl)]);
}

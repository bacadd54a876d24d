import type { Agenda } from './agenda';
import { DECISION_KIND_LABELS, FOLLOW_UP_LABELS, type Decision } from './decisions';
import type { ValidationIssue } from './errors';
import type { DraftItem } from './meetingDraft';
import { DRAFT_ITEM_KIND_LABELS, DRAFT_ITEM_KINDS, type DraftItemKind } from './meetingLists';

/**
 * The protokoll from the dagordning (issue #16): one section per point of the meeting's prepared dagordning (or,
 * for a meeting called without a draft, of the generated one), with the secretary's notes on the point and the
 * decisions taken under it; decisions tied to no point keep a section of their own at the end.
 */

/** The secretary's notes on one point: at most this many characters (the list keeps up to 63 999). */
export const MINUTES_NOTE_MAX_CHARS = 4_000;

/** A point of a generated dagordning has no id of its own: it is known by its number. */
export function agendaPointId(number: number): string {
  return `punkt-${number}`;
}

export interface MinutesItem {
  /** The prepared point's id, or `punkt-<number>` for a generated dagordning. */
  id: string;
  number: number;
  title: string;
  kind?: DraftItemKind;
  /** Föredragande, by name. */
  presenter?: string;
  /** A generated point on a proposal: the proposal's id, so that its decision is found under it. */
  proposalId?: string;
}

const isDraftKind = (kind: string): kind is DraftItemKind => (DRAFT_ITEM_KINDS as readonly string[]).includes(kind);

/** The points of the protokoll: the prepared ones when the meeting had a draft, else the dagordning's. */
export function minutesItems(
  draftItems: readonly DraftItem[] | undefined,
  agenda: Pick<Agenda, 'items'>,
  nameOf: (personId: string) => string | undefined,
): MinutesItem[] {
  if (draftItems && draftItems.length > 0) {
    return draftItems.map((item, index) => {
      const presenter = item.presenterId ? nameOf(item.presenterId) : undefined;
      return {
        id: item.id,
        number: index + 1,
        title: item.title,
        kind: item.kind,
        ...(presenter ? { presenter } : {}),
      };
    });
  }
  return agenda.items.map((item) => ({
    id: agendaPointId(item.number),
    number: item.number,
    title: item.title,
    ...(isDraftKind(item.kind) ? { kind: item.kind } : {}),
    ...(item.proposalId ? { proposalId: item.proposalId } : {}),
  }));
}

/**
 * The point a decision was taken under: the one its AgendaItemId names, the one on the proposal it decides, or
 * (decisions recorded before the column, written "{point}: {text}") the one whose title begins its text.
 */
export function pointOf(decision: Decision, items: readonly MinutesItem[]): MinutesItem | undefined {
  if (decision.agendaItemId) {
    const named = items.find((item) => item.id === decision.agendaItemId);
    if (named) return named;
  }
  if (decision.proposalId) {
    const onProposal = items.find((item) => item.proposalId === decision.proposalId);
    if (onProposal) return onProposal;
  }
  return items.find((item) => decision.text.startsWith(`${item.title}: `));
}

/** A decision's text under its point: the point's title, when the old side panel put it first, is left out. */
export function decisionTextUnder(decision: Decision, item: MinutesItem | undefined): string {
  const prefix = item ? `${item.title}: ` : undefined;
  return prefix && !decision.agendaItemId && decision.text.startsWith(prefix)
    ? decision.text.slice(prefix.length)
    : decision.text;
}

export interface MinutesParagraph {
  /** "§ 12" (the year's numbering in Beslut), or "§3" in the protokoll's order when the register has none. */
  paragraph: string;
  kind: string;
  text: string;
  followUp?: string;
}

export interface MinutesItemSection {
  id: string;
  number: number;
  /** "3. Budget 2027" */
  heading: string;
  /** "Beslut · Föredragande: Karin Nordström" */
  about?: string;
  notes?: string;
  beslut: MinutesParagraph[];
}

export interface MinutesSections {
  punkter: MinutesItemSection[];
  /** Decisions under no point of the dagordning. */
  ovrigaBeslut: MinutesParagraph[];
  /** Every decision in print order (the point's order, then the others), for Beslut and the archive. */
  beslut: MinutesParagraph[];
}

function paragraphOf(decision: Decision, printIndex: number, item: MinutesItem | undefined, nameOf: NameOf) {
  const followUpParts = [
    decision.ownerPersonId ? `Ansvarig: ${nameOf(decision.ownerPersonId)}` : undefined,
    decision.followUpDue ? `Följs upp senast ${decision.followUpDue}` : undefined,
  ].filter((part): part is string => part !== undefined);
  return {
    paragraph: decision.paragraph !== undefined ? `§ ${decision.paragraph}` : `§${printIndex + 1}`,
    kind: DECISION_KIND_LABELS[decision.kind].sv,
    text: decisionTextUnder(decision, item),
    ...(followUpParts.length > 0
      ? { followUp: `${followUpParts.join('. ')}. Status: ${FOLLOW_UP_LABELS[decision.followUp].sv}.` }
      : {}),
  };
}

type NameOf = (personId: string) => string;

/** The protokoll's points with their notes and decisions, and the decisions under no point. */
export function minutesSections(
  items: readonly MinutesItem[],
  notes: Readonly<Record<string, string>>,
  decisions: readonly Decision[],
  nameOf: NameOf,
): MinutesSections {
  const placed = decisions
    .map((decision, index) => ({ decision, index, item: pointOf(decision, items) }))
    .sort(
      (a, b) =>
        (a.item?.number ?? Number.MAX_SAFE_INTEGER) - (b.item?.number ?? Number.MAX_SAFE_INTEGER) || a.index - b.index,
    )
    .map((entry, printIndex) => ({ ...entry, printed: paragraphOf(entry.decision, printIndex, entry.item, nameOf) }));
  const punkter = items.map((item) => {
    const about = [
      item.kind ? DRAFT_ITEM_KIND_LABELS[item.kind] : undefined,
      item.presenter ? `Föredragande: ${item.presenter}` : undefined,
    ].filter(Boolean);
    const note = notes[item.id]?.trim();
    return {
      id: item.id,
      number: item.number,
      heading: `${item.number}. ${item.title}`,
      ...(about.length > 0 ? { about: about.join(' · ') } : {}),
      ...(note ? { notes: note } : {}),
      beslut: placed.filter((entry) => entry.item?.id === item.id).map((entry) => entry.printed),
    };
  });
  return {
    punkter,
    ovrigaBeslut: placed.filter((entry) => !entry.item).map((entry) => entry.printed),
    beslut: placed.map((entry) => entry.printed),
  };
}

/**
 * The secretary is the samordnare; someone else only when the group chose a stand-in at the meeting, recorded as
 * such ("Sekreterare (vald av mötet)").
 */
export function secretaryIssues(input: {
  secretaryId: string;
  samordnareIds: readonly string[];
  chosenByMeeting: boolean;
}): ValidationIssue[] {
  const isSamordnare = input.samordnareIds.includes(input.secretaryId);
  if (isSamordnare || input.chosenByMeeting) return [];
  return [
    {
      path: 'secretaryEmail',
      message:
        'Sekreteraren är samordnaren. Välj någon annan bara om mötet valde en ersättare, och markera att mötet valde hen.',
    },
  ];
}

/** The kallelse line naming the secretary. */
export function secretaryLabel(chosenByMeeting: boolean | undefined): string {
  return chosenByMeeting ? 'Sekreterare (vald av mötet)' : 'Sekreterare';
}

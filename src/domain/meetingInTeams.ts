import { DRAFT_ITEM_KIND_LABELS, DRAFT_ITEM_KINDS, type DraftItemKind } from './meetingLists';

/**
 * The Teams meeting a tab runs in, and the register meeting it is (issue #16, "Holding it in Teams").
 *
 * A Teams meeting's chat is a thread `19:meeting_…@thread.v2`. The tab reads it from teams-js (`context.chat.id`,
 * or inside `context.meeting.id`, base64 of `0#{thread}#0`); the register keeps the event's join URL, whose classic
 * form `https://teams.microsoft.com/l/meetup-join/{thread, percent-encoded}/0?context=…` names the same thread.
 * A join URL without it (the short `…/meet/{id}?p=…` form) is matched through Graph's `onlineMeeting.chatInfo.threadId`
 * (api/services/meetings/inTeams.ts).
 */

const THREAD = /^19:[A-Za-z0-9_.=-]+@thread\.(v2|tacv2|skype)$/;

/** A chat thread id as Teams writes it, or undefined. */
export function asThreadId(value: string | undefined | null): string | undefined {
  const trimmed = value?.trim();
  return trimmed && THREAD.test(trimmed) ? trimmed : undefined;
}

/** The chat thread a classic Teams join URL names; undefined for other URLs. */
export function threadIdFromJoinUrl(joinUrl: string | undefined): string | undefined {
  if (!joinUrl) return undefined;
  const match = /\/l\/meetup-join\/([^/?#]+)/.exec(joinUrl);
  if (!match) return undefined;
  try {
    return asThreadId(decodeURIComponent(match[1] as string));
  } catch {
    return undefined;
  }
}

/** teams-js `context.meeting.id`: base64 of `0#{thread}#0`; the thread, or undefined. */
export function threadIdFromMeetingId(meetingId: string | undefined): string | undefined {
  if (!meetingId) return undefined;
  try {
    const decoded = atob(meetingId);
    return asThreadId(decoded.split('#').find((part) => part.startsWith('19:')));
  } catch {
    return undefined;
  }
}

/** One point of a sent dagordning, as the meeting view and the bot show it. */
export interface AgendaPoint {
  number: number;
  title: string;
  /** The prepared point's kind (a generated dagordning's points have none). */
  kind?: DraftItemKind;
  presenter?: string;
  details?: string;
  documents: { title: string; url: string }[];
}

const KIND_BY_LABEL = new Map(DRAFT_ITEM_KINDS.map((kind) => [DRAFT_ITEM_KIND_LABELS[kind], kind]));
const NOTE = /^(\p{L}+)(?: · Föredragande: (.+))?$/u;
const HANDLING = /^Handling: (.+): (https?:\/\/\S+)$/;

function addLine(point: AgendaPoint, line: string): void {
  const handling = HANDLING.exec(line);
  if (handling) {
    point.documents.push({ title: handling[1] as string, url: handling[2] as string });
    return;
  }
  const note = NOTE.exec(line);
  const kind = note ? KIND_BY_LABEL.get(note[1] as string) : undefined;
  if (kind && point.kind === undefined) {
    point.kind = kind;
    if (note?.[2]) point.presenter = note[2];
    return;
  }
  point.details = point.details ? `${point.details}\n${line}` : line;
}

/**
 * The dagordning read back from the register's text (`agendaToText`, src/domain/agenda.ts): "1. Title", then
 * indented lines: the kind and föredragande ("Beslut · Föredragande: Karin Nordström"), "Handling: name: url",
 * or text. The kallelse's common handlingar ("Handlingar:" and "- name: url") end the points.
 */
export function agendaPointsFromText(text: string | undefined): AgendaPoint[] {
  const points: AgendaPoint[] = [];
  let current: AgendaPoint | undefined;
  for (const raw of (text ?? '').split('\n')) {
    const numbered = /^(\d+)\. (.+)$/.exec(raw);
    if (numbered) {
      current = { number: Number(numbered[1]), title: (numbered[2] as string).trim(), documents: [] };
      points.push(current);
    } else if (raw === 'Handlingar:') {
      current = undefined;
    } else if (current && /^\s+\S/.test(raw)) {
      addLine(current, raw.trim());
    }
  }
  return points;
}

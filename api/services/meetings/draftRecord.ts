import { z } from 'zod';
import {
  DRAFT_ITEM_KINDS,
  DRAFT_SOURCE_KINDS,
  MEETING_DRAFT_STATUS,
  MEETING_GROUPS,
  SEASONS,
  type DraftItem,
  type IsoDate,
  type MeetingGroup,
  type Season,
} from '../../../src/domain';
import type { MeetingDraftView } from '../../../src/contract';
import type { ListItemWithFields } from '../../graph/gateway';
import { jsonColumn } from '../lists';
import { toMeetingRecord, type MeetingFields, type MeetingRecord } from './register';

/** A meeting being prepared: a Möten item with Status `utkast` and its dagordning in DraftAgenda. */
export interface DraftRecord {
  id: string;
  etag: string;
  title: string;
  group: MeetingGroup;
  year: number;
  season?: Season;
  date?: IsoDate;
  items: DraftItem[];
  /** The meeting is called (its kallelse sent, Status `planerat`): a change goes to the attendees as an update. */
  called?: MeetingRecord;
}

const storedItem = z.object({
  id: z.string(),
  kind: z.enum(DRAFT_ITEM_KINDS),
  title: z.string(),
  text: z.string().optional(),
  presenterId: z.string().optional(),
  source: z.object({ kind: z.enum(DRAFT_SOURCE_KINDS), ref: z.string().optional(), label: z.string() }),
  documents: z.array(z.object({ id: z.string(), name: z.string(), size: z.number(), webUrl: z.string() })),
});

/** DraftAgenda: the proposed day and the points, as JSON (lists/json.ts). */
export const draftAgendaColumn = jsonColumn(z.object({ date: z.string().optional(), items: z.array(storedItem) }), {
  items: [],
});

/** SharePoint's multiple lines of text hold 63 999 characters; the dagordning stays well below. */
export const DRAFT_AGENDA_MAX_CHARS = 60_000;

const oneOf = <T extends string>(values: readonly T[], value: unknown): T | undefined =>
  typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : undefined;

/**
 * Reads a draft (`sending`: one whose kallelse was cut short; `called`: a called meeting prepared as a draft, with
 * its event); an item that is not one (a meeting already called, one typed in by hand) is undefined.
 */
export function toDraftRecord(
  item: ListItemWithFields<MeetingFields>,
  options: { sending?: boolean; called?: boolean } = {},
): DraftRecord | undefined {
  const f = item.fields;
  const group = oneOf(MEETING_GROUPS, f.MeetingGroup);
  const status = options.sending ? 'skickas' : options.called ? 'planerat' : MEETING_DRAFT_STATUS;
  if (f.Status !== status || !group || typeof f.Year !== 'number') return undefined;
  const called = options.called ? toMeetingRecord(item) : undefined;
  if (options.called && (!called?.eventId || typeof f.DraftAgenda !== 'string' || f.DraftAgenda === '')) {
    return undefined;
  }
  const stored = draftAgendaColumn.read(f.DraftAgenda);
  const season = oneOf(SEASONS, f.Season);
  return {
    id: item.id,
    etag: item.eTag,
    title: typeof f.Title === 'string' ? f.Title : '',
    group,
    year: f.Year,
    ...(season ? { season } : {}),
    ...(stored.date ? { date: stored.date } : {}),
    items: stored.items.map((i) => ({ ...i, documents: i.documents.map((d) => ({ ...d })) })),
    ...(called ? { called } : {}),
  };
}

/** The draft as the tab sees it: föredragande named from Kontakter. */
export function draftView(draft: DraftRecord, nameOf: (personId: string) => string | undefined): MeetingDraftView {
  return {
    id: draft.id,
    etag: draft.etag,
    title: draft.title,
    group: draft.group,
    year: draft.year,
    ...(draft.season ? { season: draft.season } : {}),
    ...(draft.date ? { date: draft.date } : {}),
    items: draft.items.map((item) => {
      const name = item.presenterId ? nameOf(item.presenterId) : undefined;
      return { ...item, ...(name ? { presenterName: name } : {}) };
    }),
  };
}

/** A meeting's folder name in the library: the title without the characters SharePoint refuses in names. */
export function folderName(title: string): string {
  const cleaned = title
    .replace(/["*:<>?/\\|#%~]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+|\.+$/g, '');
  return cleaned.slice(0, 120) || 'Möte';
}

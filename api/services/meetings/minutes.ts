import {
  DomainRuleError,
  DomainValidationError,
  agendaPointId,
  agendaPointsFromText,
  isLockedStatus,
  lockedRefusal,
  minutesItems,
  requireRole,
  secretaryIssues,
  type MinutesItem,
} from '../../../src/domain';
import {
  minutesItemParams,
  minutesNoteRequestSchema,
  type MinutesNoteDto,
  type MinutesViewDto,
} from '../../../src/contract';
import type { GraphGateway, ListItemWithFields } from '../../graph/gateway';
import { ConflictError, GraphRequestError } from '../../graph/errors';
import { eq } from '../../graph/odata';
import type { FieldsOf, ListStores } from '../lists';
import { NotFoundError } from '../errors';
import { draftAgendaColumn } from './draftRecord';
import type { MeetingRecord } from './register';
import type { Acting, MeetingsService } from './service';

type NoteFields = FieldsOf<'minutesNotes'>;
type NoteItem = ListItemWithFields<NoteFields>;

/** What the protokoll is built from besides närvaro and beslut: its points and the notes per point. */
export interface MinutesOfMeeting {
  items: MinutesItem[];
  notes: Record<string, string>;
}

const noteOf = (itemId: string, item: NoteItem | undefined): MinutesNoteDto => ({
  itemId,
  text: typeof item?.fields.Note === 'string' ? item.fields.Note : '',
  ...(item ? { etag: item.eTag } : {}),
  ...(typeof item?.fields.UpdatedByEmail === 'string' ? { updatedBy: item.fields.UpdatedByEmail } : {}),
});

/**
 * The protokoll from the dagordning (issue #16): the meeting's points (its prepared draft's, kept on the register
 * item after the kallelse, else the dagordning as sent) and the secretary's notes per point, one Protokollanteckningar
 * item per meeting and point, each written under its own ETag.
 */
export class MeetingMinutes {
  constructor(
    private readonly lists: Pick<ListStores, 'minutesNotes' | 'meetings' | 'protocols'>,
    private readonly meetings: Pick<MeetingsService, 'get' | 'people'>,
  ) {}

  /** The meeting's points, föredragande by name. */
  async items(gateway: GraphGateway, record: MeetingRecord): Promise<MinutesItem[]> {
    const [item, people] = await Promise.all([
      this.lists.meetings.get(gateway, record.id),
      this.meetings.people(gateway),
    ]);
    const names = new Map(people.map((p) => [p.id, p.displayName]));
    const draft = draftAgendaColumn.read(item.fields.DraftAgenda).items;
    if (draft.length > 0) return minutesItems(draft, { items: [] }, (id) => names.get(id));
    return agendaPointsFromText(record.agendaText).map((point) => ({
      id: agendaPointId(point.number),
      number: point.number,
      title: point.title,
      ...(point.kind ? { kind: point.kind } : {}),
      ...(point.presenter ? { presenter: point.presenter } : {}),
    }));
  }

  private async noteItems(gateway: GraphGateway, meetingId: string): Promise<NoteItem[]> {
    const items = await this.lists.minutesNotes.find(gateway, eq('MeetingId', meetingId));
    return items.sort((a, b) => Number(a.id) - Number(b.id));
  }

  /** The points and their notes, for the protokoll. */
  async of(gateway: GraphGateway, record: MeetingRecord): Promise<MinutesOfMeeting> {
    const [items, notes] = await Promise.all([this.items(gateway, record), this.noteItems(gateway, record.id)]);
    const byItem: Record<string, string> = {};
    for (const note of notes) {
      const id = note.fields.AgendaItemId;
      if (typeof id === 'string' && typeof note.fields.Note === 'string' && !(id in byItem))
        byItem[id] = note.fields.Note;
    }
    return { items, notes: byItem };
  }

  /** The points with their notes and ETags, and the samordnare the protokoll proposes as secretary. */
  async view(gateway: GraphGateway, meetingId: string): Promise<MinutesViewDto> {
    const record = await this.meetings.get(gateway, meetingId);
    const [items, notes, people, protocols] = await Promise.all([
      this.items(gateway, record),
      this.noteItems(gateway, meetingId),
      this.meetings.people(gateway),
      this.lists.protocols.find(gateway, eq('MeetingId', meetingId)),
    ]);
    const samordnare = people.find((p) => p.roles.includes('samordnare'));
    return {
      meetingId,
      items: items.map((item) => ({
        id: item.id,
        number: item.number,
        title: item.title,
        ...(item.kind ? { kind: item.kind } : {}),
        ...(item.presenter ? { presenter: item.presenter } : {}),
        note: noteOf(
          item.id,
          notes.find((n) => n.fields.AgendaItemId === item.id),
        ),
      })),
      ...(samordnare ? { samordnareEmail: samordnare.email } : {}),
      locked: protocols.some((p) => isLockedStatus(p.fields.Status)),
    };
  }

  /**
   * Writes one point's notes. If-Match is the note's ETag as read (`*`: the point had no notes): a stale one is a
   * 409 with the newer note; a repeat of this very write (its answer lost) finds its own text and is answered with it.
   * A justerare approved a text that no longer exists: the protokoll's approvals are withdrawn.
   */
  async save(
    gateway: GraphGateway,
    caller: Acting,
    params: unknown,
    input: unknown,
    ifMatch: string | undefined,
  ): Promise<MinutesNoteDto> {
    requireRole(caller.roles, 'meeting.attendance');
    const { id: meetingId, itemId } = minutesItemParams.parse(params);
    const { text } = minutesNoteRequestSchema.parse(input);
    if (!ifMatch) {
      throw new DomainValidationError([
        { path: 'If-Match', message: 'Ange vilken version av anteckningen du utgår från (If-Match, * för en ny).' },
      ]);
    }
    const record = await this.meetings.get(gateway, meetingId);
    if (record.status === 'installt') throw new DomainRuleError('MEETING_CANCELLED', 'Mötet är inställt.');
    const [items, notes, protocols] = await Promise.all([
      this.items(gateway, record),
      this.noteItems(gateway, meetingId),
      this.lists.protocols.find(gateway, eq('MeetingId', meetingId)),
    ]);
    if (protocols.some((p) => isLockedStatus(p.fields.Status))) {
      throw new DomainRuleError('PROTOCOL_LOCKED', lockedRefusal(record.group));
    }
    if (!items.some((item) => item.id === itemId)) throw new NotFoundError('Punkten finns inte på dagordningen.');
    const existing = notes.find((n) => n.fields.AgendaItemId === itemId);
    const fields: NoteFields = {
      Title: `${record.title} – punkt ${items.find((i) => i.id === itemId)?.number ?? ''}`.slice(0, 255),
      MeetingId: meetingId,
      AgendaItemId: itemId,
      Note: text,
      UpdatedByEmail: caller.person.email,
    };
    const saved = await this.write(gateway, existing, fields, ifMatch);
    await this.withdrawApprovals(gateway, protocols[0]);
    return noteOf(itemId, saved);
  }

  private async write(gateway: GraphGateway, existing: NoteItem | undefined, fields: NoteFields, ifMatch: string) {
    const mine = (item: NoteItem | undefined) => item !== undefined && item.fields.Note === fields.Note;
    const itemId = fields.AgendaItemId as string;
    if (!existing) {
      if (ifMatch !== '*') throw new ConflictError(noteOf(itemId, undefined));
      const key = `minutes:${fields.MeetingId}:${itemId}`;
      const { item, created } = await this.lists.minutesNotes.createOnce(gateway, fields, key);
      if (!created && !mine(item)) throw new ConflictError(noteOf(itemId, item));
      return item;
    }
    if (ifMatch === '*' || ifMatch !== existing.eTag) {
      if (mine(existing)) return existing;
      throw new ConflictError(noteOf(itemId, existing));
    }
    try {
      return await this.lists.minutesNotes.update(gateway, existing.id, existing.eTag, fields);
    } catch (error) {
      const lost = error instanceof GraphRequestError && error.transient && error.status !== 429;
      if (!(error instanceof ConflictError || lost)) throw error;
      const now = (await this.noteItems(gateway, fields.MeetingId as string)).find((n) => n.id === existing.id);
      if (mine(now)) return now as NoteItem;
      throw new ConflictError(noteOf(itemId, now));
    }
  }

  private async withdrawApprovals(
    gateway: GraphGateway,
    protocol: ListItemWithFields<FieldsOf<'protocols'>> | undefined,
  ) {
    const approvals = protocol?.fields.Approvals;
    if (!protocol || typeof approvals !== 'string' || approvals === '' || approvals === '[]') return;
    await this.lists.protocols.update(gateway, protocol.id, protocol.eTag, { Approvals: '[]' });
  }

  /** A decision names a point of this meeting's dagordning, or none: checked before it is written. */
  async checkPoint(gateway: GraphGateway, record: MeetingRecord, agendaItemId: string | undefined): Promise<void> {
    if (agendaItemId === undefined) return;
    const items = await this.items(gateway, record);
    if (!items.some((item) => item.id === agendaItemId)) {
      throw new DomainValidationError([{ path: 'agendaItemId', message: 'Punkten finns inte på mötets dagordning.' }]);
    }
  }

  /** The secretary is the samordnare, or a stand-in the meeting chose (recorded): checked before the protokoll is written. */
  async checkSecretary(gateway: GraphGateway, secretaryEmail: string, chosenByMeeting: boolean): Promise<void> {
    const people = await this.meetings.people(gateway);
    const samordnareIds = people.filter((p) => p.roles.includes('samordnare')).map((p) => p.email);
    const issues = secretaryIssues({ secretaryId: secretaryEmail, samordnareIds, chosenByMeeting });
    if (issues.length > 0) throw new DomainValidationError(issues);
  }
}

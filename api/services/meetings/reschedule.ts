import { DomainRuleError, DomainValidationError, type Meeting } from '../../../src/domain';
import type { CalendarApi } from '../../graph/calendar';
import { ConflictError } from '../../graph/errors';
import type { ListItemWithFields } from '../../graph/gateway';
import type { ListItemsApi, ListStore } from '../lists';
import { toMeetingRecord, type MeetingFields, type MeetingRecord } from './register';

export interface MeetingMove {
  gateway: ListItemsApi & Pick<CalendarApi, 'moveEvent'>;
  /** Reads the event: the app's registration (Graph's GET event wants Calendars.Read/ReadBasic). */
  reader: Pick<CalendarApi, 'eventState'>;
  meetings: ListStore<MeetingFields>;
  organizer: string;
  /** The register item as read now. */
  record: MeetingRecord;
  /** The If-Match the caller read the meeting with. */
  etag: string | undefined;
  moved: Meeting;
  room: string | undefined;
}

const bare = (etag: string) => etag.replace(/^W\//, '').replace(/"/g, '');

/**
 * Moves a meeting with If-Match (issue #15): two moves of one meeting never both win. The register is written
 * first, If-Match the caller's etag, so the second of two concurrent moves gets the conflict (409 with the
 * newer time) before it touches the event; then the event (Graph sends the attendees the update). A retry of
 * a move whose register write is done (the event step failed, or the answer was lost) finds the meeting already
 * at the requested time and moves the event, which is the same PATCH again.
 */
export async function moveMeeting(run: MeetingMove): Promise<MeetingRecord> {
  const { record, moved, room } = run;
  if (!run.etag) {
    throw new DomainValidationError([{ path: 'If-Match', message: 'If-Match med mötets etag krävs.' }]);
  }
  const there =
    record.startUtc === moved.startUtc &&
    record.endUtc === moved.endUtc &&
    (room === undefined || (record.location ?? '') === room);
  let updated = record;
  if (!there) {
    if (bare(record.etag) !== bare(run.etag)) throw new ConflictError(record);
    const patch: Partial<MeetingFields> = {
      StartDateTime: moved.startUtc,
      EndDateTime: moved.endUtc,
      ...(room !== undefined ? { Location: room } : {}),
      ...(moved.outsideWindowReason ? { OutsideWindowReason: moved.outsideWindowReason } : {}),
    };
    try {
      updated = registered(await run.meetings.update(run.gateway, record.id, run.etag, patch));
    } catch (error) {
      if (error instanceof ConflictError) throw new ConflictError(registered(error.current as ItemOf));
      throw error;
    }
  }
  // A retry whose earlier attempt moved the event too (its answer lost): the same PATCH again would send every
  // attendee a second update, so the event is read first.
  if (there && (await eventAt(run, moved, room))) return updated;
  await run.gateway.moveEvent(run.organizer, record.eventId as string, {
    date: moved.date,
    startTime: moved.startTime,
    endTime: moved.endTime,
    ...(room !== undefined ? { location: room } : {}),
  });
  return updated;
}

async function eventAt(run: MeetingMove, moved: Meeting, room: string | undefined): Promise<boolean> {
  const now = await run.reader.eventState(run.organizer, run.record.eventId as string);
  if (!now) return false;
  const same = (a: string, b: string) => new Date(a).getTime() === new Date(b).getTime();
  return (
    same(now.startUtc, moved.startUtc) &&
    same(now.endUtc, moved.endUtc) &&
    (room === undefined || now.location === room)
  );
}

type ItemOf = ListItemWithFields<MeetingFields>;

function registered(item: ItemOf): MeetingRecord {
  const record = toMeetingRecord(item);
  if (!record) throw new DomainRuleError('REGISTER_FAILED', 'Mötet kunde inte registreras.');
  return record;
}

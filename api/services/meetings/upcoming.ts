import { can } from '../../../src/domain';
import type { AttendeeAnswer, EventAnswers } from '../../graph/calendar';
import type { CollectionRead, GraphGateway } from '../../graph/gateway';
import type { ContactRecord } from '../contacts';
import type { MeetingRecord } from './register';
import type { MeetingAnswersView } from './service';

/** What `möten` needs of the meetings service. */
export interface UpcomingSource {
  recordsRead(gateway: GraphGateway): Promise<CollectionRead<MeetingRecord | undefined>>;
  answersFor(app: GraphGateway, record: MeetingRecord, people: readonly ContactRecord[]): Promise<MeetingAnswersView>;
  answersFrom(
    record: MeetingRecord,
    people: readonly ContactRecord[],
    attendees: readonly AttendeeAnswer[] | undefined,
  ): MeetingAnswersView;
}

/** How far ahead the conveners' calendars are read: a season and the next, with room. */
const HORIZON_DAYS = 400;

export function hasInvitation(record: MeetingRecord): boolean {
  return Boolean(record.eventId && record.convenerEmail && record.status !== 'installt');
}

/** Whoever may convene a group (the chair, the coordinator) with a mailbox id: their calendars hold the events. */
function likelyConveners(people: readonly ContactRecord[]): string[] {
  return [
    ...new Set(
      people
        .filter((p) => p.entraObjectId && (can(p.roles, 'samverkansgrupp.kalla') || can(p.roles, 'stodgrupp.kalla')))
        .map((p) => String(p.entraObjectId)),
    ),
  ];
}

/**
 * Planned meetings from `from` on, soonest first, with their answers, in one Graph round trip: a $batch with
 * the register and the calendarView of everyone who may convene (their events with the attendees' answers),
 * instead of one event read per meeting. A meeting whose convener's view did not hold its event (another
 * convener, a mailbox that failed, a date past the horizon) is read alone, as before.
 */
export async function upcomingWithAnswers(
  source: UpcomingSource,
  app: GraphGateway,
  from: Date,
  people: readonly ContactRecord[],
): Promise<MeetingAnswersView[]> {
  const fromIso = from.toISOString();
  const toIso = new Date(from.getTime() + HORIZON_DAYS * 86_400_000).toISOString();
  const conveners = likelyConveners(people);
  const views: Record<string, CollectionRead<unknown>> = {};
  conveners.forEach((id, index) => (views[`view${index}`] = app.calendarViewRead(id, fromIso, toIso)));
  const read = await app.readManySettled({ records: await source.recordsRead(app), ...views });
  if ('error' in read.records) throw read.records.error;
  const events = new Map<string, readonly AttendeeAnswer[]>();
  for (const [key, answer] of Object.entries(read)) {
    if (key === 'records' || !('value' in answer)) continue;
    for (const event of answer.value as unknown as EventAnswers[]) events.set(event.eventId, event.answers);
  }
  const upcoming = (read.records.value as (MeetingRecord | undefined)[])
    .filter((r): r is MeetingRecord => r !== undefined && r.startUtc >= fromIso && r.status === 'planerat')
    .sort((a, b) => a.startUtc.localeCompare(b.startUtc));
  return Promise.all(
    upcoming.map(async (record) => {
      if (!hasInvitation(record)) return source.answersFrom(record, people, undefined);
      const attendees = events.get(String(record.eventId));
      return attendees ? source.answersFrom(record, people, attendees) : source.answersFor(app, record, people);
    }),
  );
}

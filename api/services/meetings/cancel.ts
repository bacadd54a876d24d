import { GraphRequestError } from '../../graph/errors';
import type { CalendarApi } from '../../graph/calendar';
import type { MeetingRecord } from './register';

/**
 * Cancels the organizer's event once (issue #15). A retry of a cancel whose earlier attempt got through to
 * Graph (its answer lost, or the register step after it failed) finds the event gone from the calendar: Graph
 * keeps a canceled original in Deleted Items and answers 404 for it, and a second cancel would be refused the
 * same way. So the event is read first, and only a meeting still in the calendar is canceled; the attendees
 * get one cancellation each. `read` is the app's registration (Graph's GET event wants Calendars.Read or
 * ReadBasic, which the delegated registration does not hold; the application one does).
 */
export async function cancelEventOnce(
  gateway: { write: Pick<CalendarApi, 'cancelEvent'>; read: Pick<CalendarApi, 'eventState'> },
  organizer: string,
  record: MeetingRecord,
  comment: string,
): Promise<void> {
  const eventId = record.eventId as string;
  if (record.status === 'installt' || !(await gateway.read.eventState(organizer, eventId))) return;
  try {
    await gateway.write.cancelEvent(organizer, eventId, comment);
  } catch (error) {
    // Gone between the read and the cancel: this cancel's own earlier POST (timed out, then retried) did it.
    if (!(error instanceof GraphRequestError && error.status === 404)) throw error;
  }
}

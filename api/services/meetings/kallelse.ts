import type { CalendarApi, Invitation } from '../../graph/calendar';
import { ConflictError } from '../../graph/errors';
import type { ListItemWithFields } from '../../graph/gateway';
import type { ListItemsApi, ListStore } from '../lists';
import type { MeetingFields } from './register';

/** One kallelse as journalled steps, each found done by a repeat (issue #15). */
export interface KallelseRun {
  gateway: ListItemsApi & Pick<CalendarApi, 'sendInvitation'>;
  meetings: ListStore<MeetingFields>;
  /** The operation: the Möten item's OperationKey. */
  operationKey: string;
  /** The event's transactionId source: the operation's, or a new one after a cancellation under the same key. */
  eventKey: string;
  organizer: string;
  invitation: Invitation;
  /** The Möten item as registered before the invitation goes out (Status `skickas`, no event yet). */
  register: MeetingFields;
  /** The items under the operation key before this run (cancelled ones, or this kallelse half done). */
  earlier: readonly ListItemWithFields<MeetingFields>[];
}

/**
 * Sends a kallelse in the order that leaves something the user can see and finish after any cut:
 * 1. the Möten item, Status `skickas` (the tab shows it as not finished), or the half-done one found under the key;
 * 2. the calendar event, whose transactionId makes a repeat hand back the first event, not a second invitation;
 * 3. the item's final state (`planerat`, the event's id and join link), with If-Match.
 * A repeat of the operation resumes at the first step not done; a repeat of a finished one is answered by the
 * service from the register before this runs.
 */
export async function runKallelse(run: KallelseRun): Promise<{ item: ListItemWithFields<MeetingFields> }> {
  const { gateway, meetings, operationKey } = run;
  const before = new Set(run.earlier.map((item) => item.id));
  const item =
    run.earlier.find((found) => found.fields.Status === 'skickas') ??
    (await meetings.create(gateway, run.register, {
      operationKey,
      // After a lost answer, the item found under the key is this run's if it was not there before.
      isSame: (found) => !before.has(found.id),
    }));
  const sent = await gateway.sendInvitation(run.organizer, run.invitation, run.eventKey);
  const final: Partial<MeetingFields> = {
    Status: 'planerat',
    EventId: sent.eventId,
    ...(sent.joinUrl ? { JoinUrl: sent.joinUrl } : {}),
  };
  try {
    return { item: await meetings.update(gateway, item.id, item.eTag, final) };
  } catch (error) {
    // Our own final write, re-sent after its answer was lost: the item already says what we wrote.
    if (error instanceof ConflictError) {
      const current = error.current as ListItemWithFields<MeetingFields>;
      if (current.fields.EventId === sent.eventId && current.fields.Status === 'planerat') return { item: current };
    }
    throw error;
  }
}

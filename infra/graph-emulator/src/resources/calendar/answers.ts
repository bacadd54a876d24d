import type { ResponseType } from '@microsoft/microsoft-graph-types';
import type { EmulatorContext } from '../../context';
import type { StoredUser } from '../../model';
import { stamp } from './attendeeCopies';
import { EVENT_KIND, addressesOf, invalidRequest, loadEvent, type StoredEvent } from './model';

/** An attendee's answer on their copy and the organizer's tracking of it on the original. */

export type Answer = Extract<ResponseType, 'accepted' | 'declined' | 'tentativelyAccepted'>;

const SHOW_AS_FOR: Record<Answer, StoredEvent['showAs']> = {
  accepted: 'busy',
  tentativelyAccepted: 'tentative',
  declined: 'free',
};

/** accept / decline / tentativelyAccept by an attendee on their own copy. */
export function respondToEvent(
  ctx: EmulatorContext,
  attendee: StoredUser,
  eventId: string,
  answer: Answer,
  sendResponse: boolean,
): void {
  ctx.store.transaction(() => {
    const copy = loadEvent(ctx, attendee.id, eventId);
    if (copy.isOrganizer)
      throw invalidRequest("Your request can't be completed. You can't respond to a meeting that you organized.");
    if (copy.isCancelled) throw invalidRequest("Your request can't be completed. The meeting has been canceled.");
    const time = ctx.now().toISOString();
    copy.responseStatus = { response: answer, time };
    const original = ctx.store.get<StoredEvent>(EVENT_KIND, copy.xOrganizerId, copy.xOrganizerEventId);
    copy.showAs =
      answer === 'declined'
        ? 'free'
        : answer === 'accepted'
          ? (original?.showAs ?? SHOW_AS_FOR[answer])
          : SHOW_AS_FOR[answer];
    stamp(ctx, copy);
    ctx.store.put(EVENT_KIND, attendee.id, copy.id, copy);
    if (sendResponse && original) recordAnswer(ctx, original, addressesOf(attendee), answer, time);
  });
}

/** The organizer's tracking: attendees[].status of the original. */
export function recordAnswer(
  ctx: EmulatorContext,
  original: StoredEvent,
  addresses: string[],
  answer: Answer,
  time: string,
): boolean {
  const index = original.attendees.findIndex((a) => addresses.includes(a.emailAddress?.address?.toLowerCase() ?? ''));
  if (index < 0) return false;
  original.attendees[index] = { ...original.attendees[index], status: { response: answer, time } };
  stamp(ctx, original);
  ctx.store.put(EVENT_KIND, original.xOrganizerId, original.id, original);
  return true;
}

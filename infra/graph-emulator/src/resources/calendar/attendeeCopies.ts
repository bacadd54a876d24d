import type { Attendee } from '@microsoft/microsoft-graph-types';
import type { EmulatorContext } from '../../context';
import { TENANT_SCOPE, type StoredUser } from '../../model';
import { webLink } from './eventFields';
import {
  EVENT_KIND,
  MEETING_MESSAGE_KIND,
  OUTBOX_KIND,
  mailboxByAddress,
  newChangeKey,
  newEventId,
  noResponse,
  type OutboxMessage,
  type StoredEvent,
} from './model';
import { isoUtc } from './time';

/**
 * What the organizer's event sends out: each internal attendee holds a copy with the same iCalUId, kept in
 * step with the original; external attendees only get e-mail, recorded in the outbox.
 */

const CANCELED_PREFIX = 'Canceled: ';

export function addOutbox(
  ctx: EmulatorContext,
  type: OutboxMessage['type'],
  to: string,
  event: StoredEvent,
  organizer: StoredUser,
  comment?: string,
): void {
  const id = String(ctx.store.nextNumber(OUTBOX_KIND));
  const message: OutboxMessage = {
    id,
    type,
    to: to.toLowerCase(),
    from: organizer.mail,
    subject: event.subject,
    iCalUId: event.iCalUId,
    organizerEventId: event.id,
    start: isoUtc(event.xStart),
    end: isoUtc(event.xEnd),
    ...(comment ? { comment } : {}),
    sentDateTime: ctx.now().toISOString(),
  };
  ctx.store.insert(OUTBOX_KIND, TENANT_SCOPE, id, message);
}

/**
 * The meeting message an internal attendee receives in their inbox beside their copy: Exchange sends a meeting
 * request, an update when the organizer changes the meeting (subject, body, time, place…) and a cancellation
 * (learn.microsoft.com/graph/api/event-update; see the README). Same shape as the outbox.
 */
export function addMeetingMessage(
  ctx: EmulatorContext,
  type: OutboxMessage['type'],
  to: StoredUser,
  event: StoredEvent,
  comment?: string,
): void {
  const id = String(ctx.store.nextNumber(MEETING_MESSAGE_KIND));
  const message: OutboxMessage = {
    id,
    type,
    to: to.mail.toLowerCase(),
    from: event.organizer?.emailAddress?.address ?? '',
    subject: event.subject,
    iCalUId: event.iCalUId,
    organizerEventId: event.xOrganizerEventId ?? event.id,
    start: isoUtc(event.xStart),
    end: isoUtc(event.xEnd),
    ...(comment ? { comment } : {}),
    sentDateTime: ctx.now().toISOString(),
  };
  ctx.store.insert(MEETING_MESSAGE_KIND, TENANT_SCOPE, id, message);
}

export function listMeetingMessages(ctx: EmulatorContext): OutboxMessage[] {
  return ctx.store.list<OutboxMessage>(MEETING_MESSAGE_KIND, TENANT_SCOPE);
}

export function listOutbox(ctx: EmulatorContext): OutboxMessage[] {
  return ctx.store.list<OutboxMessage>(OUTBOX_KIND, TENANT_SCOPE);
}

/** Who gets a copy (internal mailboxes other than the organizer) and who gets e-mail (everyone else). */
export function splitAttendees(ctx: EmulatorContext, attendees: Attendee[], organizer: StoredUser) {
  const internal = new Map<string, StoredUser>();
  const external: string[] = [];
  for (const a of attendees) {
    const address = a.emailAddress?.address ?? '';
    const mailbox = mailboxByAddress(ctx, address);
    if (mailbox?.id === organizer.id) continue;
    if (mailbox) internal.set(mailbox.id, mailbox);
    else external.push(address.toLowerCase());
  }
  return { internal, external };
}

export function stamp(ctx: EmulatorContext, event: StoredEvent): void {
  event.changeKey = newChangeKey();
  event.lastModifiedDateTime = ctx.now().toISOString();
}

/** The fields a copy shares with the original. */
function sharedFields(original: StoredEvent) {
  return {
    subject: original.subject,
    body: original.body,
    bodyPreview: original.bodyPreview,
    start: original.start,
    end: original.end,
    xStart: original.xStart,
    xEnd: original.xEnd,
    originalStartTimeZone: original.originalStartTimeZone,
    originalEndTimeZone: original.originalEndTimeZone,
    isAllDay: original.isAllDay,
    location: original.location,
    locations: original.locations,
    attendees: original.attendees,
    isOnlineMeeting: original.isOnlineMeeting,
    onlineMeetingProvider: original.onlineMeetingProvider,
    onlineMeeting: original.onlineMeeting,
    onlineMeetingUrl: original.onlineMeetingUrl,
    allowNewTimeProposals: original.allowNewTimeProposals,
    hideAttendees: original.hideAttendees,
    importance: original.importance,
    sensitivity: original.sensitivity,
  };
}

export function createCopy(ctx: EmulatorContext, original: StoredEvent, attendee: StoredUser): string {
  const id = newEventId();
  const now = ctx.now().toISOString();
  const copy: StoredEvent = {
    ...sharedFields(original),
    id,
    createdDateTime: now,
    lastModifiedDateTime: now,
    changeKey: newChangeKey(),
    categories: [],
    transactionId: null,
    iCalUId: original.iCalUId,
    reminderMinutesBeforeStart: 15,
    isReminderOn: true,
    hasAttachments: false,
    isCancelled: false,
    isOrganizer: false,
    isDraft: false,
    responseRequested: original.responseRequested ?? true,
    seriesMasterId: null,
    // Exchange puts a received meeting request on the calendar as tentative until it is answered.
    showAs: 'tentative',
    type: 'singleInstance',
    webLink: webLink(id),
    recurrence: null,
    responseStatus: noResponse(),
    organizer: original.organizer,
    xOrganizerId: original.xOrganizerId,
    xOrganizerEventId: original.id,
  };
  ctx.store.insert(EVENT_KIND, attendee.id, id, copy);
  return id;
}

export function cancelCopy(ctx: EmulatorContext, ownerId: string, copyId: string): void {
  const copy = ctx.store.get<StoredEvent>(EVENT_KIND, ownerId, copyId);
  if (!copy || copy.isCancelled) return;
  copy.isCancelled = true;
  copy.subject = `${CANCELED_PREFIX}${copy.subject}`;
  stamp(ctx, copy);
  ctx.store.put(EVENT_KIND, ownerId, copyId, copy);
}

export function propagate(
  ctx: EmulatorContext,
  organizer: StoredUser,
  event: StoredEvent,
  previousAttendees: Attendee[],
  timeChanged: boolean,
  /** The PATCH changed only `attendees`: Graph sends the update only to those who changed. */
  attendeesOnly = false,
): void {
  const before = splitAttendees(ctx, previousAttendees, organizer);
  const after = splitAttendees(ctx, event.attendees, organizer);
  const copies = { ...(event.xCopies ?? {}) };
  for (const [userId, user] of before.internal) {
    if (after.internal.has(userId)) continue;
    const copyId = copies[userId];
    if (copyId) cancelCopy(ctx, userId, copyId);
    if (copyId) addMeetingMessage(ctx, 'cancellation', user, event);
    delete copies[userId];
  }
  for (const [userId, user] of after.internal) {
    const copyId = copies[userId];
    const copy = copyId ? ctx.store.get<StoredEvent>(EVENT_KIND, userId, copyId) : undefined;
    if (!copy || copy.isCancelled) {
      copies[userId] = createCopy(ctx, event, user);
      addMeetingMessage(ctx, 'invitation', user, event);
      continue;
    }
    // An unchanged attendee gets the update in their inbox, unless only the attendees changed.
    if (!attendeesOnly) addMeetingMessage(ctx, 'update', user, event);
    Object.assign(copy, sharedFields(event));
    if (timeChanged) {
      copy.responseStatus = noResponse();
      copy.showAs = 'tentative';
    }
    stamp(ctx, copy);
    ctx.store.put(EVENT_KIND, userId, copy.id, copy);
  }
  event.xCopies = copies;
  ctx.store.put(EVENT_KIND, organizer.id, event.id, event);
  for (const address of before.external)
    if (!after.external.includes(address)) addOutbox(ctx, 'cancellation', address, event, organizer);
  for (const address of after.external)
    addOutbox(ctx, before.external.includes(address) ? 'update' : 'invitation', address, event, organizer);
}

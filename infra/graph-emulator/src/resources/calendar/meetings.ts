import type { Event } from '@microsoft/microsoft-graph-types';
import type { EmulatorContext } from '../../context';
import { graphErrors } from '../../errors';
import { TENANT_SCOPE, type StoredUser } from '../../model';
import {
  addMeetingMessage,
  addOutbox,
  cancelCopy,
  createCopy,
  propagate,
  splitAttendees,
  stamp,
} from './attendeeCopies';
import {
  bodyPreview,
  emailOf,
  locationsOf,
  normaliseAttendees,
  normaliseLocation,
  onlineMeetingFields,
  times,
  webLink,
} from './eventFields';
import {
  DELETED_EVENT_KIND,
  EVENT_KIND,
  TRANSACTION_KIND,
  invalidRequest,
  loadEvent,
  newChangeKey,
  newEventId,
  newICalUId,
  NO_RESPONSE_TIME,
  noResponse,
  type StoredEvent,
} from './model';
import { applyBodyAndOnline, createdBody } from './onlineBody';
import type { EventCreate, EventPatch } from './schemas';
import { fromEpoch, type TimeZoneName } from './time';

/**
 * The meeting life cycle as Exchange runs it: the organizer's event is the original (created, updated,
 * canceled here); the attendees' copies and e-mail are in attendeeCopies.ts, their answers in answers.ts.
 */

/** POST …/events. A repeated transactionId returns the first event instead of creating another. */
export function createEvent(ctx: EmulatorContext, organizer: StoredUser, input: EventCreate): StoredEvent {
  if (input.recurrence !== undefined && input.recurrence !== null)
    throw graphErrors.notImplemented(
      'Recurring events are not supported by the local tenant. See infra/graph-emulator/README.md.',
    );
  return ctx.store.transaction(() => {
    if (input.transactionId) {
      const earlier = ctx.store.get<{ eventId: string }>(TRANSACTION_KIND, organizer.id, input.transactionId);
      const existing = earlier && ctx.store.get<StoredEvent>(EVENT_KIND, organizer.id, earlier.eventId);
      if (existing) return existing;
    }
    const id = newEventId();
    const now = ctx.now().toISOString();
    const when = times({ start: input.start, end: input.end, isAllDay: input.isAllDay });
    const places = locationsOf(input) ?? { location: normaliseLocation({ displayName: '' }), locations: [] };
    const attendees = normaliseAttendees(ctx, input.attendees ?? []);
    const online = onlineMeetingFields(ctx, organizer, input);
    const body = createdBody(ctx, organizer, online, input.body);
    const event: StoredEvent = {
      id,
      createdDateTime: now,
      lastModifiedDateTime: now,
      changeKey: newChangeKey(),
      categories: input.categories ?? [],
      transactionId: input.transactionId ?? null,
      originalStartTimeZone: when.originalStartTimeZone,
      originalEndTimeZone: when.originalEndTimeZone,
      iCalUId: newICalUId(),
      reminderMinutesBeforeStart: input.reminderMinutesBeforeStart ?? 15,
      isReminderOn: input.isReminderOn ?? true,
      hasAttachments: false,
      subject: input.subject ?? '',
      bodyPreview: bodyPreview(body.content),
      importance: input.importance ?? 'normal',
      sensitivity: input.sensitivity ?? 'normal',
      isAllDay: input.isAllDay ?? false,
      isCancelled: false,
      isOrganizer: true,
      isDraft: false,
      responseRequested: input.responseRequested ?? true,
      seriesMasterId: null,
      showAs: input.showAs ?? 'busy',
      type: 'singleInstance',
      webLink: webLink(id),
      ...online,
      allowNewTimeProposals: input.allowNewTimeProposals ?? true,
      hideAttendees: input.hideAttendees ?? false,
      recurrence: null,
      responseStatus: { response: 'organizer', time: NO_RESPONSE_TIME },
      body,
      start: fromEpoch(when.xStart),
      end: fromEpoch(when.xEnd),
      location: places.location,
      locations: places.locations,
      attendees,
      organizer: { emailAddress: emailOf(organizer) },
      xStart: when.xStart,
      xEnd: when.xEnd,
      xOrganizerId: organizer.id,
      xOrganizerEventId: id,
      xCopies: {},
    };
    const { internal, external } = splitAttendees(ctx, attendees, organizer);
    for (const [userId, user] of internal) {
      event.xCopies![userId] = createCopy(ctx, event, user);
      addMeetingMessage(ctx, 'invitation', user, event);
    }
    ctx.store.insert(EVENT_KIND, organizer.id, id, event);
    if (input.transactionId) ctx.store.put(TRANSACTION_KIND, organizer.id, input.transactionId, { eventId: id });
    for (const address of external) addOutbox(ctx, 'invitation', address, event, organizer);
    return event;
  });
}

const ORGANIZER_ONLY: (keyof EventPatch)[] = [
  'start',
  'end',
  'attendees',
  'isAllDay',
  'isOnlineMeeting',
  'onlineMeetingProvider',
  'allowNewTimeProposals',
  'recurrence',
];
/** What an update sends to attendees: the rest (categories, reminders, showAs) is the owner's own business. */
const PROPAGATED: (keyof EventPatch)[] = [
  'subject',
  'body',
  'start',
  'end',
  'location',
  'locations',
  'attendees',
  'isAllDay',
  'isOnlineMeeting',
  'onlineMeetingProvider',
];

/** What attendees see changed goes to them (an attendee-only change only to those who changed: event-update). */
function propagateChange(
  ctx: EmulatorContext,
  owner: StoredUser,
  event: StoredEvent,
  keys: readonly (keyof EventPatch)[],
  before: { previousAttendees: StoredEvent['attendees']; timeChanged: boolean },
): void {
  const sent = keys.filter((k) => PROPAGATED.includes(k));
  if (sent.length === 0) return;
  const attendeesOnly = sent.every((k) => k === 'attendees');
  propagate(ctx, owner, event, before.previousAttendees, before.timeChanged, attendeesOnly);
}

export function updateEvent(
  ctx: EmulatorContext,
  owner: StoredUser,
  eventId: string,
  patch: EventPatch,
  ifMatch?: string,
): StoredEvent {
  if (patch.recurrence !== undefined && patch.recurrence !== null)
    throw graphErrors.notImplemented(
      'Recurring events are not supported by the local tenant. See infra/graph-emulator/README.md.',
    );
  return ctx.store.transaction(() => {
    const event = loadEvent(ctx, owner.id, eventId);
    if (ifMatch && ifMatch !== '*' && ifMatch !== etagOf(event)) throw graphErrors.preconditionFailed();
    const keys = Object.keys(patch) as (keyof EventPatch)[];
    if (!event.isOrganizer && keys.some((k) => ORGANIZER_ONLY.includes(k)))
      throw invalidRequest("Only the meeting's organizer can change its time or attendees.");
    if (event.isCancelled) throw invalidRequest('The meeting has been canceled and cannot be changed.');

    const previousStart = event.xStart;
    const previousEnd = event.xEnd;
    if (patch.start || patch.end || patch.isAllDay !== undefined) {
      const when = times({
        start: patch.start ?? {
          dateTime: fromEpoch(event.xStart, { name: 'UTC', iana: 'UTC' }).dateTime!,
          timeZone: 'UTC',
        },
        end: patch.end ?? { dateTime: fromEpoch(event.xEnd, { name: 'UTC', iana: 'UTC' }).dateTime!, timeZone: 'UTC' },
        isAllDay: patch.isAllDay ?? event.isAllDay ?? false,
      });
      event.xStart = when.xStart;
      event.xEnd = when.xEnd;
      event.start = fromEpoch(when.xStart);
      event.end = fromEpoch(when.xEnd);
      if (patch.start) event.originalStartTimeZone = when.originalStartTimeZone;
      if (patch.end) event.originalEndTimeZone = when.originalEndTimeZone;
      if (patch.isAllDay !== undefined) event.isAllDay = patch.isAllDay;
    }
    const timeChanged = event.xStart !== previousStart || event.xEnd !== previousEnd;
    if (patch.subject !== undefined) event.subject = patch.subject;
    applyBodyAndOnline(ctx, owner, event, patch);
    const places = locationsOf(patch);
    if (places) Object.assign(event, places);
    for (const key of [
      'categories',
      'showAs',
      'isReminderOn',
      'reminderMinutesBeforeStart',
      'importance',
      'sensitivity',
      'hideAttendees',
      'responseRequested',
      'allowNewTimeProposals',
    ] as const) {
      if (patch[key] !== undefined) Object.assign(event, { [key]: patch[key] });
    }
    const previousAttendees = event.attendees;
    if (patch.attendees) event.attendees = normaliseAttendees(ctx, patch.attendees, previousAttendees);
    // A new time asks everyone again, as Outlook does: earlier answers no longer hold.
    if (timeChanged && event.isOrganizer)
      event.attendees = event.attendees.map((a) => ({ ...a, status: noResponse() }));
    stamp(ctx, event);
    ctx.store.put(EVENT_KIND, owner.id, event.id, event);

    if (event.isOrganizer) propagateChange(ctx, owner, event, keys, { previousAttendees, timeChanged });
    return event;
  });
}

/** Cancel (and DELETE by the organizer): attendees' copies are marked canceled, the original goes to Deleted Items. */
export function cancelEvent(ctx: EmulatorContext, owner: StoredUser, eventId: string, comment?: string): void {
  ctx.store.transaction(() => {
    const event = loadEvent(ctx, owner.id, eventId);
    if (!event.isOrganizer) throw invalidRequest('You need to be an organizer to cancel a meeting.');
    for (const [userId, copyId] of Object.entries(event.xCopies ?? {})) {
      const copy = ctx.store.get<StoredEvent>(EVENT_KIND, userId, copyId);
      cancelCopy(ctx, userId, copyId);
      const attendee = ctx.store.get<StoredUser>('user', TENANT_SCOPE, userId);
      if (attendee && copy && !copy.isCancelled) addMeetingMessage(ctx, 'cancellation', attendee, event, comment);
    }
    for (const address of splitAttendees(ctx, event.attendees, owner).external)
      addOutbox(ctx, 'cancellation', address, event, owner, comment);
    moveToDeletedItems(ctx, owner.id, event);
  });
}

export function moveToDeletedItems(ctx: EmulatorContext, ownerId: string, event: StoredEvent): void {
  ctx.store.delete(EVENT_KIND, ownerId, event.id);
  ctx.store.put(DELETED_EVENT_KIND, ownerId, event.id, event);
}

export function deleteEvent(ctx: EmulatorContext, owner: StoredUser, eventId: string): void {
  const event = loadEvent(ctx, owner.id, eventId);
  if (event.isOrganizer) return cancelEvent(ctx, owner, eventId);
  ctx.store.transaction(() => moveToDeletedItems(ctx, owner.id, event));
}

export function etagOf(event: StoredEvent): string {
  return `W/"${event.changeKey}"`;
}

/** The event as Graph answers it: no emulator fields, times in the caller's zone, `@odata.etag` first. */
export function renderEvent(
  event: StoredEvent,
  zone: TimeZoneName,
  options: { basic?: boolean } = {},
): Event & { '@odata.etag': string } {
  const out: Record<string, unknown> = { '@odata.etag': etagOf(event) };
  for (const [key, value] of Object.entries(event)) if (!/^x[A-Z]/.test(key)) out[key] = value;
  out.start = fromEpoch(event.xStart, zone);
  out.end = fromEpoch(event.xEnd, zone);
  if (options.basic) {
    delete out.body;
    delete out.bodyPreview;
  }
  return out as unknown as Event & { '@odata.etag': string };
}

import type { Attendee, Event, Location, ResponseType } from '@microsoft/microsoft-graph-types';
import type { EmulatorContext } from '../../context';
import { graphErrors } from '../../errors';
import { TENANT_SCOPE, type StoredUser } from '../../model';
import {
  DELETED_EVENT_KIND,
  EVENT_KIND,
  OUTBOX_KIND,
  TRANSACTION_KIND,
  addressesOf,
  directoryUserByAddress,
  invalidRequest,
  loadEvent,
  mailboxByAddress,
  newChangeKey,
  newEventId,
  newICalUId,
  NO_RESPONSE_TIME,
  noResponse,
  type OutboxMessage,
  type StoredEvent,
} from './model';
import type { EventCreate, EventPatch } from './schemas';
import { fromEpoch, isoUtc, toEpoch, type TimeZoneName } from './time';

/**
 * The meeting life cycle as Exchange runs it: the organizer's event is the original; each internal attendee
 * holds a copy with the same iCalUId; external attendees only get e-mail, recorded in the outbox.
 */

const CANCELED_PREFIX = 'Canceled: ';

function emailOf(user: StoredUser) {
  return { name: user.displayName, address: user.mail };
}

function bodyPreview(content: string): string {
  return content
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 255);
}

function normaliseLocation(location: Location): Location {
  const displayName = location.displayName ?? '';
  return {
    displayName,
    locationType: location.locationType ?? 'default',
    uniqueId: location.uniqueId ?? (displayName || undefined),
    uniqueIdType: location.uniqueIdType ?? (displayName ? 'private' : 'unknown'),
    ...(location.address ? { address: location.address } : {}),
    ...(location.locationUri ? { locationUri: location.locationUri } : {}),
    ...(location.locationEmailAddress ? { locationEmailAddress: location.locationEmailAddress } : {}),
  };
}

function locationsOf(
  input: Pick<EventPatch, 'location' | 'locations'>,
): { location: Location; locations: Location[] } | undefined {
  if (input.locations !== undefined) {
    const locations = input.locations.map(normaliseLocation);
    const location = input.location
      ? normaliseLocation(input.location)
      : normaliseLocation({ displayName: locations.map((l) => l.displayName).join('; ') });
    return { location, locations };
  }
  if (input.location !== undefined) {
    const location = normaliseLocation(input.location);
    return { location, locations: location.displayName ? [location] : [] };
  }
  return undefined;
}

/** Attendees as Graph answers them: de-duplicated by address, names from the directory when missing. */
function normaliseAttendees(
  ctx: EmulatorContext,
  input: NonNullable<EventPatch['attendees']>,
  previous: Attendee[] = [],
): Attendee[] {
  const seen = new Set<string>();
  const out: Attendee[] = [];
  for (const a of input) {
    const address = a.emailAddress.address.toLowerCase();
    if (seen.has(address)) continue;
    seen.add(address);
    const known = directoryUserByAddress(ctx, address);
    const before = previous.find((p) => p.emailAddress?.address?.toLowerCase() === address);
    out.push({
      type: a.type,
      status: before?.status ?? noResponse(),
      emailAddress: {
        name: a.emailAddress.name ?? known?.displayName ?? a.emailAddress.address,
        address: a.emailAddress.address,
      },
    });
  }
  return out;
}

function times(input: { start: EventCreate['start']; end: EventCreate['end']; isAllDay?: boolean }) {
  const xStart = toEpoch(input.start, 'start');
  const xEnd = toEpoch(input.end, 'end');
  if (xEnd < xStart)
    throw graphErrors.badRequest('The end time of the event must be later than its start time.', 'ErrorInvalidRequest');
  if (input.isAllDay) {
    const midnight = (dt: string) => /T00:00(:00(\.0+)?)?$/.test(dt.replace(/Z$/, ''));
    if (!midnight(input.start.dateTime) || !midnight(input.end.dateTime) || xEnd === xStart)
      throw graphErrors.badRequest(
        'An all-day event must start and end at midnight, at least one day apart.',
        'ErrorInvalidRequest',
      );
  }
  return {
    xStart,
    xEnd,
    originalStartTimeZone: input.start.timeZone ?? 'UTC',
    originalEndTimeZone: input.end.timeZone ?? 'UTC',
  };
}

function joinUrl(ctx: EmulatorContext, organizer: StoredUser): string {
  const thread = `19:meeting_${Buffer.from(newICalUId().slice(-36)).toString('base64url')}@thread.v2`;
  const context = JSON.stringify({ Tid: ctx.tenantId, Oid: organizer.id });
  return `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(thread)}/0?context=${encodeURIComponent(context)}`;
}

function onlineMeetingFields(
  ctx: EmulatorContext,
  organizer: StoredUser,
  input: Pick<EventPatch, 'isOnlineMeeting' | 'onlineMeetingProvider'>,
  previous?: StoredEvent,
) {
  const provider = input.onlineMeetingProvider ?? previous?.onlineMeetingProvider ?? 'teamsForBusiness';
  if (provider === 'skypeForBusiness' || provider === 'skypeForConsumer')
    throw graphErrors.badRequest(
      `Online meeting provider '${provider}' is not enabled for this tenant.`,
      'ErrorInvalidRequest',
    );
  const isOnlineMeeting = input.isOnlineMeeting ?? previous?.isOnlineMeeting ?? false;
  if (!isOnlineMeeting)
    return {
      isOnlineMeeting: false,
      onlineMeetingProvider: 'unknown' as const,
      onlineMeeting: null,
      onlineMeetingUrl: null,
    };
  const existing = previous?.isOnlineMeeting ? previous.onlineMeeting : undefined;
  return {
    isOnlineMeeting: true,
    onlineMeetingProvider: 'teamsForBusiness' as const,
    onlineMeetingUrl: null,
    onlineMeeting: existing ?? {
      joinUrl: joinUrl(ctx, organizer),
      conferenceId: String(100000000 + Math.floor(Math.random() * 899999999)),
      tollNumber: null,
    },
  };
}

function webLink(id: string): string {
  return `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(id)}&exvsurl=1&path=/calendar/item`;
}

function addOutbox(
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

export function listOutbox(ctx: EmulatorContext): OutboxMessage[] {
  return ctx.store.list<OutboxMessage>(OUTBOX_KIND, TENANT_SCOPE);
}

/** Who gets a copy (internal mailboxes other than the organizer) and who gets e-mail (everyone else). */
function splitAttendees(ctx: EmulatorContext, attendees: Attendee[], organizer: StoredUser) {
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

function stamp(ctx: EmulatorContext, event: StoredEvent): void {
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

function createCopy(ctx: EmulatorContext, original: StoredEvent, attendee: StoredUser): string {
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

function cancelCopy(ctx: EmulatorContext, ownerId: string, copyId: string): void {
  const copy = ctx.store.get<StoredEvent>(EVENT_KIND, ownerId, copyId);
  if (!copy || copy.isCancelled) return;
  copy.isCancelled = true;
  copy.subject = `${CANCELED_PREFIX}${copy.subject}`;
  stamp(ctx, copy);
  ctx.store.put(EVENT_KIND, ownerId, copyId, copy);
}

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
    const content = input.body?.content ?? '';
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
      bodyPreview: bodyPreview(content),
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
      ...onlineMeetingFields(ctx, organizer, input),
      allowNewTimeProposals: input.allowNewTimeProposals ?? true,
      hideAttendees: input.hideAttendees ?? false,
      recurrence: null,
      responseStatus: { response: 'organizer', time: NO_RESPONSE_TIME },
      body: { contentType: input.body?.contentType ?? 'html', content },
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
    for (const [userId, user] of internal) event.xCopies![userId] = createCopy(ctx, event, user);
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
    if (patch.body !== undefined) {
      event.body = { contentType: patch.body.contentType, content: patch.body.content };
      event.bodyPreview = bodyPreview(patch.body.content);
    }
    const places = locationsOf(patch);
    if (places) Object.assign(event, places);
    if (patch.isOnlineMeeting !== undefined || patch.onlineMeetingProvider !== undefined) {
      const organizer = ctx.store.get<StoredUser>('user', TENANT_SCOPE, event.xOrganizerId) ?? owner;
      Object.assign(event, onlineMeetingFields(ctx, organizer, patch, event));
    }
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

    if (event.isOrganizer && keys.some((k) => PROPAGATED.includes(k)))
      propagate(ctx, owner, event, previousAttendees, timeChanged);
    return event;
  });
}

function propagate(
  ctx: EmulatorContext,
  organizer: StoredUser,
  event: StoredEvent,
  previousAttendees: Attendee[],
  timeChanged: boolean,
): void {
  const before = splitAttendees(ctx, previousAttendees, organizer);
  const after = splitAttendees(ctx, event.attendees, organizer);
  const copies = { ...(event.xCopies ?? {}) };
  for (const [userId] of before.internal) {
    if (after.internal.has(userId)) continue;
    const copyId = copies[userId];
    if (copyId) cancelCopy(ctx, userId, copyId);
    delete copies[userId];
  }
  for (const [userId, user] of after.internal) {
    const copyId = copies[userId];
    const copy = copyId ? ctx.store.get<StoredEvent>(EVENT_KIND, userId, copyId) : undefined;
    if (!copy || copy.isCancelled) {
      copies[userId] = createCopy(ctx, event, user);
      continue;
    }
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

/** Cancel (and DELETE by the organizer): attendees' copies are marked canceled, the original goes to Deleted Items. */
export function cancelEvent(ctx: EmulatorContext, owner: StoredUser, eventId: string, comment?: string): void {
  ctx.store.transaction(() => {
    const event = loadEvent(ctx, owner.id, eventId);
    if (!event.isOrganizer) throw invalidRequest('You need to be an organizer to cancel a meeting.');
    for (const [userId, copyId] of Object.entries(event.xCopies ?? {})) cancelCopy(ctx, userId, copyId);
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

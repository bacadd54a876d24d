import { randomBytes } from 'node:crypto';
import type { Attendee, Event, ResponseType } from '@microsoft/microsoft-graph-types';
import type { EmulatorContext } from '../../context';
import { GraphHttpError, graphErrors } from '../../errors';
import { TENANT_SCOPE, type StoredUser } from '../../model';
import { findUser, userKey } from '../users';

/** Document kinds of this module (scope in brackets). */
export const EVENT_KIND = 'event'; // (user id) the calendars
export const DELETED_EVENT_KIND = 'deletedEvent'; // (user id) Deleted Items, where cancel and DELETE move events
export const TRANSACTION_KIND = 'eventTransaction'; // (organizer id) transactionId -> event id
export const OUTBOX_KIND = 'calendarOutbox'; // ('tenant') messages Exchange would have e-mailed to external people
/** ('tenant') the meeting messages (request, update, cancellation) Exchange puts in an internal attendee's inbox. */
export const MEETING_MESSAGE_KIND = 'meetingMessage';

/** An event as Graph returns it (start/end in UTC), plus what only the emulator needs (prefixed `x`). */
export interface StoredEvent extends Event {
  id: string;
  iCalUId: string;
  changeKey: string;
  subject: string;
  attendees: Attendee[];
  isOrganizer: boolean;
  isCancelled: boolean;
  showAs: NonNullable<Event['showAs']>;
  xStart: number;
  xEnd: number;
  /** The organizer's user id and their event's id: how copies find the original. */
  xOrganizerId: string;
  xOrganizerEventId: string;
  /** On the organizer's event: each internal attendee's user id -> the id of their copy. */
  xCopies?: Record<string, string>;
}

export interface OutboxMessage {
  id: string;
  type: 'invitation' | 'update' | 'cancellation';
  to: string;
  from: string;
  subject: string;
  iCalUId: string;
  organizerEventId: string;
  start: string;
  end: string;
  comment?: string;
  sentDateTime: string;
}

/** Exchange ids are long base64 strings (REST ids in URL-safe form); opaque to clients all the same. */
export function newEventId(): string {
  return `AAMkA${randomBytes(96).toString('base64url')}AAA=`;
}

export function newICalUId(): string {
  return `040000008200E00074C5B7101A82E00800000000${randomBytes(24).toString('hex').toUpperCase()}`;
}

export function newChangeKey(): string {
  return `DwAAABYAAA${randomBytes(18).toString('base64')}`;
}

export const NO_RESPONSE_TIME = '0001-01-01T00:00:00Z';

export function noResponse(): { response: ResponseType; time: string } {
  return { response: 'none', time: NO_RESPONSE_TIME };
}

export function addressesOf(user: StoredUser): string[] {
  return [user.mail, user.userPrincipalName, ...(user.otherMails ?? [])].map((a) => a.toLowerCase());
}

/** Whom an address names in the directory: mail, UPN or one of the other mails. */
export function directoryUserByAddress(ctx: EmulatorContext, address: string): StoredUser | undefined {
  const lower = address.toLowerCase();
  return ctx.store.list<StoredUser>('user', TENANT_SCOPE).find((u) => addressesOf(u).includes(lower));
}

/** An attendee is internal when the address is a mailbox of this tenant; guests' mailboxes live elsewhere. */
export function mailboxByAddress(ctx: EmulatorContext, address: string): StoredUser | undefined {
  const user = directoryUserByAddress(ctx, address);
  return user?.xHasMailbox ? user : undefined;
}

export function mailboxNotEnabled(): GraphHttpError {
  return new GraphHttpError(
    404,
    'MailboxNotEnabledForRESTAPI',
    'The mailbox is either inactive, soft-deleted, or is hosted on-premise.',
  );
}

/** Exchange's answer for a user the directory does not know (by id or UPN). */
export function mailboxOwnerNotFound(): GraphHttpError {
  return new GraphHttpError(404, 'ResourceNotFound', 'Resource could not be discovered.');
}

export function requireMailbox(ctx: EmulatorContext, idOrUpn: string): StoredUser {
  const user = findUser(ctx, userKey(idOrUpn));
  if (!user) throw mailboxOwnerNotFound();
  if (!user.xHasMailbox) throw mailboxNotEnabled();
  return user;
}

export function eventNotFound(): GraphHttpError {
  return new GraphHttpError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
}

export function invalidRequest(message: string): GraphHttpError {
  return graphErrors.badRequest(message, 'ErrorInvalidRequest');
}

export function accessDenied(): GraphHttpError {
  return new GraphHttpError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
}

export function loadEvent(ctx: EmulatorContext, ownerId: string, eventId: string): StoredEvent {
  const event = ctx.store.get<StoredEvent>(EVENT_KIND, ownerId, eventId);
  if (!event) throw eventNotFound();
  return event;
}

/** Events of a calendar, oldest first (the store keeps insertion order). */
export function listEvents(ctx: EmulatorContext, ownerId: string): StoredEvent[] {
  return ctx.store.list<StoredEvent>(EVENT_KIND, ownerId);
}

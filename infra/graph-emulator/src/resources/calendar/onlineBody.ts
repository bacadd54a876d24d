import type { EmulatorContext } from '../../context';
import { TENANT_SCOPE, type StoredUser } from '../../model';
import { bodyPreview, onlineMeetingFields } from './eventFields';
import { carriesJoinUrl, withBlob, withoutBlob, type BlobMeeting } from './meetingBlob';
import type { StoredEvent } from './model';
import type { EventPatch } from './schemas';

/**
 * An online meeting's body and its Teams meeting, as Exchange keeps them together (README, *The Teams meeting
 * blob*): turning the meeting on appends the blob; a body PATCH whose content no longer carries the blob (its join
 * URL) turns the meeting off, as Learn's *Update event* warns; the tenant records each such removal.
 */

/** ('tenant') Teams meetings an organiser's update took off an event, oldest first. */
export const ONLINE_MEETING_REMOVED_KIND = 'onlineMeetingRemoved';

export interface OnlineMeetingRemoval {
  id: string;
  iCalUId: string;
  organizerEventId: string;
  organizer: string;
  joinUrl: string;
  /** `bodyWithoutBlob`: a body PATCH dropped the blob; `isOnlineMeetingFalse`: the organiser turned it off. */
  reason: 'bodyWithoutBlob' | 'isOnlineMeetingFalse';
  dateTime: string;
}

export function blobMeetingOf(
  ctx: EmulatorContext,
  event: Pick<StoredEvent, 'isOnlineMeeting' | 'onlineMeeting'>,
  organizerId: string,
): BlobMeeting | undefined {
  const joinUrl = event.onlineMeeting?.joinUrl;
  if (!event.isOnlineMeeting || !joinUrl) return undefined;
  return { joinUrl, meetingId: event.onlineMeeting?.conferenceId, tenantId: ctx.tenantId, organizerId };
}

function setBody(event: StoredEvent, content: string, contentType = event.body?.contentType ?? 'html'): void {
  event.body = { contentType, content };
  event.bodyPreview = bodyPreview(content);
}

function recordRemoval(
  ctx: EmulatorContext,
  event: StoredEvent,
  organizer: StoredUser,
  joinUrl: string,
  reason: OnlineMeetingRemoval['reason'],
) {
  const id = String(ctx.store.nextNumber(ONLINE_MEETING_REMOVED_KIND));
  const removal: OnlineMeetingRemoval = {
    id,
    iCalUId: event.iCalUId,
    organizerEventId: event.id,
    organizer: organizer.mail,
    joinUrl,
    reason,
    dateTime: ctx.now().toISOString(),
  };
  ctx.store.insert(ONLINE_MEETING_REMOVED_KIND, TENANT_SCOPE, id, removal);
}

/** PATCH: the body and the online meeting fields, in step (the event is changed in place). */
export function applyBodyAndOnline(ctx: EmulatorContext, owner: StoredUser, event: StoredEvent, patch: EventPatch) {
  const organizer = ctx.store.get<StoredUser>('user', TENANT_SCOPE, event.xOrganizerId) ?? owner;
  const before = blobMeetingOf(ctx, event, organizer.id);
  if (patch.body !== undefined) setBody(event, patch.body.content, patch.body.contentType);
  if (patch.isOnlineMeeting !== undefined || patch.onlineMeetingProvider !== undefined)
    Object.assign(event, onlineMeetingFields(ctx, organizer, patch, event));
  // An attendee's copy: their own text (the meeting is the organiser's; ORGANIZER_ONLY refuses the rest).
  if (!event.isOrganizer) return;
  const after = blobMeetingOf(ctx, event, organizer.id);
  const content = event.body?.content ?? '';
  if (before && !after) {
    setBody(event, withoutBlob(content, before));
    recordRemoval(ctx, event, organizer, before.joinUrl, 'isOnlineMeetingFalse');
    return;
  }
  if (!after || carriesJoinUrl(content, after.joinUrl)) return;
  if (before && patch.body !== undefined && patch.isOnlineMeeting !== true) {
    // A new body without the blob: it "would disable meeting online" (event-update).
    Object.assign(event, onlineMeetingFields(ctx, organizer, { isOnlineMeeting: false }, event));
    recordRemoval(ctx, event, organizer, before.joinUrl, 'bodyWithoutBlob');
    return;
  }
  // Turned on now (or again, in the same PATCH as a body without it): Exchange writes the blob.
  setBody(event, withBlob(event.body?.contentType ?? 'html', content, after));
}

/** POST: the body as written, with the blob when the event is created online. */
export function createdBody(
  ctx: EmulatorContext,
  organizer: StoredUser,
  online: Pick<StoredEvent, 'isOnlineMeeting' | 'onlineMeeting'>,
  body: { contentType?: 'text' | 'html'; content?: string } | undefined,
): { contentType: 'text' | 'html'; content: string } {
  const contentType = body?.contentType ?? 'html';
  const content = body?.content ?? '';
  const meeting = blobMeetingOf(ctx, online, organizer.id);
  return { contentType, content: meeting ? withBlob(contentType, content, meeting) : content };
}

export function listOnlineMeetingRemovals(ctx: EmulatorContext): OnlineMeetingRemoval[] {
  return ctx.store.list<OnlineMeetingRemoval>(ONLINE_MEETING_REMOVED_KIND, TENANT_SCOPE);
}

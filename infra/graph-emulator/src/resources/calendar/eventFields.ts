import type { Attendee, Location } from '@microsoft/microsoft-graph-types';
import type { EmulatorContext } from '../../context';
import { graphErrors } from '../../errors';
import type { StoredUser } from '../../model';
import { directoryUserByAddress, newICalUId, noResponse, type StoredEvent } from './model';
import type { EventCreate, EventPatch } from './schemas';
import { toEpoch } from './time';

/** An event's fields as Exchange normalises them on create and update: body preview, places, attendees, times, the Teams link. */
export function emailOf(user: StoredUser) {
  return { name: user.displayName, address: user.mail };
}

export function bodyPreview(content: string): string {
  return content
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 255);
}

export function normaliseLocation(location: Location): Location {
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

export function locationsOf(
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
export function normaliseAttendees(
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

export function times(input: { start: EventCreate['start']; end: EventCreate['end']; isAllDay?: boolean }) {
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

export function onlineMeetingFields(
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

export function webLink(id: string): string {
  return `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(id)}&exvsurl=1&path=/calendar/item`;
}

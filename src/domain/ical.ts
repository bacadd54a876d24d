import { createEvents, type Attendee, type DateArray, type EventAttributes, type ParticipationStatus } from 'ics';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { SAMVERKANSOMRADE_LABELS } from './areas';
import { TARGET_GROUP_LABELS, type Activity, type Kalendarium } from './activities';
import { addDays } from './calendar';
import { DomainRuleError } from './errors';
import { MEETING_GROUP_LABELS, type Meeting } from './meetings';
import { parseOrThrow } from './validation';

/** The right-hand side of every UID, so that a re-export replaces the event in the user's calendar. */
export const ICS_UID_DOMAIN = 'plan-och-bygg-vasterbotten';
export const ICS_PRODUCT_ID = '-//Plan- och byggsamverkan Västerbotten//Teams-app//SV';

export type IcsEvent = EventAttributes;

export function meetingUid(meetingId: string): string {
  return `mote-${meetingId}@${ICS_UID_DOMAIN}`;
}

export function activityUid(activityId: string): string {
  return `aktivitet-${activityId}@${ICS_UID_DOMAIN}`;
}

const emailSchema = z
  .string({ error: 'E-postadressen saknas.' })
  .trim()
  .toLowerCase()
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'Ogiltig e-postadress.');

const PARTSTATS = ['NEEDS-ACTION', 'ACCEPTED', 'DECLINED', 'TENTATIVE'] as const;

const meetingEventOptionsSchema = z.object({
  uid: z.string({ error: 'UID måste vara text.' }).trim().min(1, 'UID får inte vara tomt.').optional(),
  organizer: z.object({ name: z.string().trim().optional(), email: emailSchema }).optional(),
  attendees: z
    .array(
      z.object({
        name: z.string().trim().optional(),
        email: emailSchema,
        partstat: z.enum(PARTSTATS, { error: 'Okänd svarsstatus.' }).optional(),
        optional: z.boolean().optional(),
      }),
      { error: 'Deltagarna måste anges som en lista.' },
    )
    .default([]),
  location: z.string({ error: 'Platsen måste vara text.' }).trim().optional(),
  description: z.string({ error: 'Beskrivningen måste vara text.' }).optional(),
  url: z
    .string({ error: 'Länken måste vara text.' })
    .trim()
    .refine((value) => /^https:\/\/\S+$/i.test(value) && URL.canParse(value), {
      message: 'Länken måste vara en https-adress.',
    })
    .optional(),
  sequence: z
    .number()
    .int('Sekvensnumret måste vara ett heltal.')
    .min(0, 'Sekvensnumret får inte vara negativt.')
    .optional(),
});

export type MeetingEventOptions = z.input<typeof meetingEventOptionsSchema>;

function utcArray(instant: string): DateArray {
  const dt = DateTime.fromISO(instant, { setZone: true }).toUTC();
  return [dt.year, dt.month, dt.day, dt.hour, dt.minute];
}

function dateArray(isoDate: string): DateArray {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return [year, month, day];
}

/**
 * A meeting as an `ics` event, start and end in UTC (DTSTART:…Z), so no VTIMEZONE is needed. The UID is
 * derived from the meeting id unless given: exporting again updates the event instead of adding a copy.
 */
export function meetingToIcsEvent(meeting: Meeting, options: MeetingEventOptions = {}): IcsEvent {
  const opts = parseOrThrow(meetingEventOptionsSchema, options);
  const location = opts.location ?? meeting.location;
  const attendees: Attendee[] = opts.attendees.map((attendee) => ({
    // Without a name the library writes CN="Unnamed attendee"; the address reads better.
    name: attendee.name && attendee.name.length > 0 ? attendee.name : attendee.email,
    email: attendee.email,
    rsvp: true,
    partstat: (attendee.partstat ?? 'NEEDS-ACTION') as ParticipationStatus,
    role: attendee.optional ? 'OPT-PARTICIPANT' : 'REQ-PARTICIPANT',
  }));
  return {
    uid: opts.uid ?? meetingUid(meeting.id),
    title: meeting.title,
    start: utcArray(meeting.startUtc),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: utcArray(meeting.endUtc),
    endInputType: 'utc',
    endOutputType: 'utc',
    status: meeting.status === 'installt' ? 'CANCELLED' : 'CONFIRMED',
    busyStatus: 'BUSY',
    categories: [MEETING_GROUP_LABELS[meeting.group].sv],
    sequence: opts.sequence ?? 0,
    ...(location ? { location } : {}),
    ...(opts.description ? { description: opts.description } : {}),
    ...(opts.url ? { url: opts.url } : {}),
    ...(opts.organizer
      ? { organizer: { ...(opts.organizer.name ? { name: opts.organizer.name } : {}), email: opts.organizer.email } }
      : {}),
    ...(attendees.length > 0 ? { attendees } : {}),
  };
}

function activityDescription(activity: Activity): string {
  const lines = [
    `Samverkansområde: ${SAMVERKANSOMRADE_LABELS[activity.area].sv}`,
    `Målgrupper: ${activity.targetGroups.map((group) => TARGET_GROUP_LABELS[group].sv).join(', ')}`,
  ];
  if (activity.description) lines.push('', activity.description);
  return lines.join('\n');
}

/** An activity as an all-day event; DTEND is the day after the last day, as iCalendar requires. */
export function activityToIcsEvent(activity: Activity): IcsEvent {
  return {
    uid: activityUid(activity.id),
    title: activity.title,
    start: dateArray(activity.startDate),
    end: dateArray(addDays(activity.endDate, 1)),
    description: activityDescription(activity),
    categories: [SAMVERKANSOMRADE_LABELS[activity.area].sv],
    status: activity.status === 'forslag' ? 'TENTATIVE' : 'CONFIRMED',
    busyStatus: 'FREE',
    transp: 'TRANSPARENT',
  };
}

/** The kalendarium's activities, in date order, as events. */
export function kalendariumToIcsEvents(kalendarium: Kalendarium): IcsEvent[] {
  return kalendarium.months.flatMap((month) => month.activities.map(activityToIcsEvent));
}

export interface IcsCalendarOptions {
  /** DTSTAMP of every event (an ISO instant); passed in so that the same input gives the same text. */
  now: string;
  calName?: string;
  /** 'PUBLISH' for a subscription/download, 'REQUEST' for an invitation. */
  method?: 'PUBLISH' | 'REQUEST' | 'CANCEL';
}

const calendarOptionsSchema = z.object({
  now: z
    .string({ error: 'Tidpunkten saknas.' })
    .refine((value) => /T.+(Z|[+-]\d{2}:?\d{2})$/.test(value) && DateTime.fromISO(value).isValid, {
      message: 'Tidpunkten måste vara en tidpunkt med tidszon.',
    }),
  calName: z.string().trim().min(1, 'Kalenderns namn får inte vara tomt.').optional(),
  method: z.enum(['PUBLISH', 'REQUEST', 'CANCEL']).optional(),
});

/**
 * A TEXT value as the one place that writes iCalendar makes it safe: CR removed (CRLF and a lone CR become
 * LF, which the `ics` library then escapes as `\n` with `\`, `;` and `,`, and folds), and every other
 * control character dropped, so that no value can start a property of its own.
 */
export function icsTextValue(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed here
  return value.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '');
}

/** A parameter value (CN="…"): one line, no control character and no `"` at all (RFC 5545 quoted-string). */
export function icsParamValue(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed here
      .replace(/[\u0000-\u001F\u007F]+/g, ' ')
      .replace(/"/g, "'")
      .trim()
  );
}

function safeEvent(event: IcsEvent): IcsEvent {
  const text = (value: string | undefined) => (value === undefined ? undefined : icsTextValue(value));
  const contact = <T extends { name?: string }>(person: T): T =>
    person.name === undefined ? person : { ...person, name: icsParamValue(person.name) };
  return {
    ...event,
    ...(event.title !== undefined ? { title: text(event.title) } : {}),
    ...(event.description !== undefined ? { description: text(event.description) } : {}),
    ...(event.location !== undefined ? { location: text(event.location) } : {}),
    ...(event.uid !== undefined ? { uid: icsParamValue(event.uid) } : {}),
    ...(event.url !== undefined ? { url: icsParamValue(event.url) } : {}),
    ...(event.categories ? { categories: event.categories.map((c) => icsTextValue(c)) } : {}),
    ...(event.organizer ? { organizer: contact(event.organizer) } : {}),
    ...(event.attendees ? { attendees: event.attendees.map(contact) } : {}),
  };
}

/**
 * Renders events to iCalendar text. Pure: the `ics` library only formats (escaping and folding), and the
 * clock comes from `now`. Every value passes safeEvent first.
 */
export function toIcsCalendar(events: readonly IcsEvent[], options: IcsCalendarOptions): string {
  const opts = parseOrThrow(calendarOptionsSchema, options);
  const timestamp = DateTime.fromISO(opts.now, { setZone: true }).toMillis();
  // `timestamp` (DTSTAMP) is accepted by the library's schema but missing from its type declarations.
  const stamped: IcsEvent[] = events.map((event) => {
    const withStamp: IcsEvent & { timestamp: number } = { ...safeEvent(event), timestamp };
    return withStamp;
  });
  const result = createEvents(stamped, {
    productId: ICS_PRODUCT_ID,
    method: opts.method ?? 'PUBLISH',
    ...(opts.calName ? { calName: icsParamValue(opts.calName) } : {}),
  });
  if (result.error || result.value === null) {
    throw new DomainRuleError('ICS_INVALID', 'Kalenderfilen kunde inte skapas: händelsernas uppgifter är ogiltiga.');
  }
  return result.value;
}

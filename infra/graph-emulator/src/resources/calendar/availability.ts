import type {
  AttendeeAvailability,
  FreeBusyStatus,
  MeetingTimeSuggestion,
  MeetingTimeSuggestionsResult,
  ScheduleInformation,
  ScheduleItem,
} from '@microsoft/microsoft-graph-types';
import { DateTime } from 'luxon';
import type { EmulatorContext } from '../../context';
import { graphErrors } from '../../errors';
import type { StoredUser } from '../../model';
import { listEvents, mailboxByAddress, type StoredEvent } from './model';
import type { FindMeetingTimesBody } from './schemas';
import { durationMinutes, fromEpoch, requireTimeZone, toEpoch, type TimeZoneName } from './time';

/** What free/busy sees of a calendar: events that take time, canceled ones excluded. */
interface BusyBlock {
  start: number;
  end: number;
  status: Exclude<FreeBusyStatus, 'free' | 'unknown'>;
  event: StoredEvent;
}

const MINUTE = 60_000;
/** Strongest first when blocks overlap, as Exchange merges them. */
const RANK: Record<FreeBusyStatus, number> = {
  unknown: -1,
  free: 0,
  tentative: 1,
  workingElsewhere: 2,
  busy: 3,
  oof: 4,
};
const VIEW_DIGIT: Record<FreeBusyStatus, string> = {
  free: '0',
  tentative: '1',
  busy: '2',
  oof: '3',
  workingElsewhere: '4',
  unknown: '0',
};

export function busyBlocks(ctx: EmulatorContext, userId: string, from: number, to: number): BusyBlock[] {
  const blocks: BusyBlock[] = [];
  for (const event of listEvents(ctx, userId)) {
    if (event.isCancelled || event.xEnd <= from || event.xStart >= to) continue;
    if (event.showAs === 'free' || event.showAs === 'unknown') continue;
    blocks.push({ start: event.xStart, end: event.xEnd, status: event.showAs, event });
  }
  return blocks.sort((a, b) => a.start - b.start);
}

function statusAt(blocks: BusyBlock[], start: number, end: number): FreeBusyStatus {
  let status: FreeBusyStatus = 'free';
  for (const block of blocks) {
    if (block.start >= end) break;
    if (block.end > start && RANK[block.status] > RANK[status]) status = block.status;
  }
  return status;
}

const MAX_VIEW_ENTRIES = 1000;

export function getSchedule(
  ctx: EmulatorContext,
  body: {
    schedules: string[];
    startTime: { dateTime: string; timeZone?: string };
    endTime: { dateTime: string; timeZone?: string };
    availabilityViewInterval?: number;
  },
  zone: TimeZoneName,
): ScheduleInformation[] {
  const from = toEpoch(body.startTime, 'startTime');
  const to = toEpoch(body.endTime, 'endTime');
  if (to <= from)
    throw graphErrors.badRequest('The end time must be later than the start time.', 'ErrorInvalidRequest');
  const interval = body.availabilityViewInterval ?? 30;
  const entries = Math.ceil((to - from) / (interval * MINUTE));
  if (entries > MAX_VIEW_ENTRIES)
    throw graphErrors.badRequest(
      `5006: The availability view would have ${entries} entries; the limit is ${MAX_VIEW_ENTRIES}. Use a longer availabilityViewInterval or a shorter window.`,
      'ErrorInvalidRequest',
    );
  return body.schedules.map((scheduleId): ScheduleInformation => {
    const mailbox = mailboxByAddress(ctx, scheduleId);
    if (!mailbox)
      return {
        scheduleId,
        error: {
          message: `Free/busy information for '${scheduleId}' is not available: it is not a mailbox of this organization.`,
          responseCode: 'UserNotFound',
        },
      };
    const blocks = busyBlocks(ctx, mailbox.id, from, to);
    let view = '';
    for (let i = 0; i < entries; i++) {
      const slotStart = from + i * interval * MINUTE;
      view += VIEW_DIGIT[statusAt(blocks, slotStart, Math.min(to, slotStart + interval * MINUTE))];
    }
    const scheduleItems: ScheduleItem[] = blocks.map((b) => ({
      isPrivate: b.event.sensitivity === 'private',
      status: b.status,
      subject: b.event.sensitivity === 'private' ? '' : b.event.subject,
      location: b.event.sensitivity === 'private' ? '' : (b.event.location?.displayName ?? ''),
      start: fromEpoch(b.start, zone),
      end: fromEpoch(b.end, zone),
    }));
    return { scheduleId, availabilityView: view, scheduleItems, workingHours: workingHoursOf(mailbox) };
  });
}

function workingHoursOf(user: StoredUser): NonNullable<ScheduleInformation['workingHours']> {
  const wh = user.xWorkingHours;
  return {
    daysOfWeek: wh.daysOfWeek as NonNullable<ScheduleInformation['workingHours']>['daysOfWeek'],
    startTime: wh.startTime,
    endTime: wh.endTime,
    timeZone: { name: wh.timeZone },
  };
}

const ALL_DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const minutesOfDay = (hhmmss: string) => {
  const [h, m] = hhmmss.split(':');
  return Number(h) * 60 + Number(m);
};

/** The user's working hours as absolute intervals over [from, to) (every day of the week for 'personal'). */
function workingIntervals(
  user: StoredUser,
  from: number,
  to: number,
  everyDay: boolean,
): { start: number; end: number }[] {
  const wh = user.xWorkingHours;
  const zone = requireTimeZone(wh.timeZone).iana;
  const intervals: { start: number; end: number }[] = [];
  const last = DateTime.fromMillis(to, { zone }).endOf('day');
  for (let day = DateTime.fromMillis(from, { zone }).startOf('day'); day <= last; day = day.plus({ days: 1 })) {
    if (!everyDay && !wh.daysOfWeek.includes(ALL_DAYS[day.weekday - 1]!)) continue;
    intervals.push({
      start: day.plus({ minutes: minutesOfDay(wh.startTime) }).toMillis(),
      end: day.plus({ minutes: minutesOfDay(wh.endTime) }).toMillis(),
    });
  }
  return intervals;
}

const within = (intervals: { start: number; end: number }[], start: number, end: number) =>
  intervals.some((i) => i.start <= start && end <= i.end);

/** Graph's published chances of attendance: free 100 %, unknown 49 %, busy 0 %. */
const CHANCE: Record<FreeBusyStatus, number> = {
  free: 100,
  tentative: 100,
  workingElsewhere: 100,
  unknown: 49,
  busy: 0,
  oof: 0,
};

const DEFAULT_MAX_CANDIDATES = 20;
const STEP_MINUTES = 30;

interface Candidate {
  start: number;
  confidence: number;
  organizer: FreeBusyStatus;
  availability: FreeBusyStatus[];
}

/** The time slots asked for, or the next two days from now. */
function requestedSlots(body: FindMeetingTimesBody, now: number): { start: number; end: number }[] {
  const slotInputs = body.timeConstraint?.timeSlots ?? body.timeConstraint?.timeslots;
  return slotInputs?.length
    ? slotInputs.map((s, i) => {
        const start = toEpoch(s.start, `timeSlots[${i}].start`);
        const end = toEpoch(s.end, `timeSlots[${i}].end`);
        if (end <= start)
          throw graphErrors.badRequest(`timeSlots[${i}]: the end must be later than the start.`, 'ErrorInvalidRequest');
        return { start, end };
      })
    : [{ start: now, end: now + 2 * 24 * 60 * MINUTE }];
}

/** The most likely candidates first, at most `max`, none overlapping another. */
function bestCandidates(candidates: Candidate[], max: number, length: number): Candidate[] {
  candidates.sort((a, b) => b.confidence - a.confidence || a.start - b.start);
  const chosen: Candidate[] = [];
  for (const c of candidates) {
    if (chosen.length >= max) break;
    // Suggestions do not overlap one another, as Graph's examples show (08:00, 15:00, 16:00 for a PT1H meeting).
    if (chosen.some((o) => o.start < c.start + length && c.start < o.start + length)) continue;
    chosen.push(c);
  }
  return chosen;
}

/** One suggestion as Graph answers it. */
function suggestion(
  c: Candidate,
  index: number,
  at: {
    body: FindMeetingTimesBody;
    zone: TimeZoneName;
    length: number;
    inputs: NonNullable<FindMeetingTimesBody['attendees']>;
  },
): MeetingTimeSuggestion {
  return {
    confidence: c.confidence,
    order: index + 1,
    organizerAvailability: c.organizer,
    ...(at.body.returnSuggestionReasons ? { suggestionReason: reasonFor(c.availability) } : {}),
    attendeeAvailability: at.inputs.map((input, i): AttendeeAvailability => ({
      attendee: {
        type: input.type,
        emailAddress: {
          address: input.emailAddress.address,
          ...(input.emailAddress.name ? { name: input.emailAddress.name } : {}),
        },
      },
      availability: c.availability[i]!,
    })),
    locations: (at.body.locationConstraint?.locations ?? []).map((l) => ({
      displayName: l.displayName,
      ...(l.locationEmailAddress ? { locationEmailAddress: l.locationEmailAddress } : {}),
    })),
    meetingTimeSlot: { start: fromEpoch(c.start, at.zone), end: fromEpoch(c.start + at.length, at.zone) },
  };
}

export function findMeetingTimes(
  ctx: EmulatorContext,
  organizer: StoredUser,
  body: FindMeetingTimesBody,
  zone: TimeZoneName,
): MeetingTimeSuggestionsResult {
  const duration = durationMinutes(body.meetingDuration ?? 'PT30M');
  if (duration <= 0) throw graphErrors.badRequest('meetingDuration must be positive.');
  const domain = body.timeConstraint?.activityDomain ?? 'work';
  const now = ctx.now().getTime();
  const slots = requestedSlots(body, now);
  const from = Math.min(...slots.map((s) => s.start));
  const to = Math.max(...slots.map((s) => s.end));

  const attendees = (body.attendees ?? []).map((a) => {
    const mailbox = a.type === 'resource' ? undefined : mailboxByAddress(ctx, a.emailAddress.address);
    return { input: a, mailbox, blocks: mailbox ? busyBlocks(ctx, mailbox.id, from, to) : [] };
  });
  const organizerBlocks = busyBlocks(ctx, organizer.id, from, to);
  // Suggestions for work fall within everyone's working hours; people sharing a schedule are checked once.
  const schedules = new Map<string, StoredUser>();
  for (const user of [organizer, ...attendees.flatMap((a) => (a.mailbox ? [a.mailbox] : []))])
    schedules.set(JSON.stringify(user.xWorkingHours), user);
  const hours = [...schedules.values()].map((u) => workingIntervals(u, from, to, domain === 'personal'));
  const minimum = body.minimumAttendeePercentage ?? 50;
  const organizerOptional = body.isOrganizerOptional ?? false;

  const step = STEP_MINUTES * MINUTE;
  const length = duration * MINUTE;
  const candidates: Candidate[] = [];
  let anyCandidate = false;
  let organizerEverFree = false;
  for (const slot of slots) {
    for (let start = Math.ceil(slot.start / step) * step; start + length <= slot.end; start += step) {
      const end = start + length;
      if (domain !== 'unrestricted' && !hours.every((h) => within(h, start, end))) continue;
      anyCandidate = true;
      const organizerStatus = statusAt(organizerBlocks, start, end);
      if (!organizerOptional && CHANCE[organizerStatus] === 0) continue;
      organizerEverFree = true;
      const availability = attendees.map((a) => (a.mailbox ? statusAt(a.blocks, start, end) : 'unknown'));
      const confidence = availability.length
        ? availability.reduce((sum, s) => sum + CHANCE[s], 0) / availability.length
        : 100;
      if (confidence < minimum) continue;
      candidates.push({
        start,
        confidence: Math.round(confidence * 100) / 100,
        organizer: organizerStatus,
        availability,
      });
    }
  }
  const chosen = bestCandidates(candidates, body.maxCandidates ?? DEFAULT_MAX_CANDIDATES, length);

  const suggestions = chosen.map((c, index) =>
    suggestion(c, index, { body, zone, length, inputs: attendees.map((a) => a.input) }),
  );
  let emptySuggestionsReason = '';
  if (suggestions.length === 0) {
    if (!anyCandidate) emptySuggestionsReason = 'Unknown';
    else if (!organizerEverFree) emptySuggestionsReason = 'OrganizerUnavailable';
    else if (attendees.some((a) => !a.mailbox)) emptySuggestionsReason = 'AttendeesUnavailableOrUnknown';
    else emptySuggestionsReason = 'AttendeesUnavailable';
  }
  return { emptySuggestionsReason, meetingTimeSuggestions: suggestions };
}

function reasonFor(availability: FreeBusyStatus[]): string {
  if (availability.every((s) => CHANCE[s] === 100))
    return 'Suggested because it is one of the nearest times when all attendees are available.';
  if (availability.every((s) => s === 'unknown' || CHANCE[s] === 100))
    return 'Suggested because it is one of the nearest times when all attendees whose availability is known are available.';
  return 'Suggested because it is one of the nearest times when most attendees are available.';
}

import type {
  Attendee,
  DateTimeTimeZone,
  Event,
  MeetingTimeSuggestion,
  MeetingTimeSuggestionsResult,
  ScheduleInformation,
} from '@microsoft/microsoft-graph-types';
import { DomainRuleError } from '../../../src/domain';
import type { CollectionRead } from '../batch';
import { GraphRequestError } from '../errors';
import { segment, type Collection, type GraphConnection } from '../connection';
import { meetingBlobOf } from './meetingBlob';
import { transactionIdFor } from './operationKey';

/** Graph's name for Stockholm's zone, understood by every Exchange version. */
const GRAPH_TIME_ZONE = 'W. Europe Standard Time';

export type Availability = 'free' | 'tentative' | 'busy' | 'unknown';

export interface Invitee {
  email: string;
  name: string;
}

/** A kallelse as the use case sees it: Stockholm wall-clock times, HTML body, the invited people. */
export interface Invitation {
  subject: string;
  html: string;
  date: string;
  startTime: string;
  endTime: string;
  location?: string;
  attendees: readonly Invitee[];
  /** With a Teams meeting. */
  online: boolean;
  category: string;
}

/** A time findMeetingTimes suggests: UTC instants and everyone's availability then. */
export interface TimeSuggestion {
  start: string;
  end: string;
  confidence: number;
  organizer: Availability;
  attendees: { email: string; availability: Availability }[];
}

export interface AttendeeAnswer {
  email: string;
  name?: string;
  /** Graph's responseStatus.response (accepted, tentativelyAccepted, declined, none…). */
  response?: string;
}

function graphTime(date: string, time: string): DateTimeTimeZone {
  return { dateTime: `${date}T${time}:00`, timeZone: GRAPH_TIME_ZONE };
}

/** Graph answers UTC as `2026-04-21T07:00:00.0000000` with timeZone "UTC". */
function graphInstant(value: DateTimeTimeZone | null | undefined): string {
  const raw = value?.dateTime ?? '';
  const trimmed = raw.replace(/(\.\d{3})\d*$/, '$1');
  const zone = value?.timeZone ?? 'UTC';
  if (zone !== 'UTC' && !/(Z|[+-]\d{2}:\d{2})$/.test(trimmed)) {
    throw new DomainRuleError('GRAPH_TIME_ZONE', 'Kalendern svarade i en oväntad tidszon.');
  }
  return new Date(/(Z|[+-]\d{2}:\d{2})$/.test(trimmed) ? trimmed : `${trimmed}Z`).toISOString();
}

function availabilityOf(value: string | null | undefined): Availability {
  switch (value) {
    case 'free':
      return 'free';
    case 'tentative':
    case 'workingElsewhere':
      return 'tentative';
    case 'busy':
    case 'oof':
      return 'busy';
    default:
      return 'unknown';
  }
}

function suggestionOf(suggestion: MeetingTimeSuggestion): TimeSuggestion {
  return {
    start: graphInstant(suggestion.meetingTimeSlot?.start),
    end: graphInstant(suggestion.meetingTimeSlot?.end),
    confidence: suggestion.confidence ?? 0,
    organizer: availabilityOf(suggestion.organizerAvailability),
    attendees: (suggestion.attendeeAvailability ?? []).map((row) => ({
      email: (row.attendee?.emailAddress?.address ?? '').toLowerCase(),
      availability: availabilityOf(row.availability),
    })),
  };
}

const required = (person: Invitee): Attendee => ({
  type: 'required',
  emailAddress: { address: person.email, name: person.name },
});

/** The Event body of a kallelse: the samverkan's zone, a Teams meeting when online, answers requested. */
export function invitationEvent(invitation: Invitation): Event {
  return {
    subject: invitation.subject,
    body: { contentType: 'html', content: invitation.html },
    start: graphTime(invitation.date, invitation.startTime),
    end: graphTime(invitation.date, invitation.endTime),
    ...(invitation.location ? { location: { displayName: invitation.location } } : {}),
    attendees: invitation.attendees.map(required),
    ...(invitation.online ? { isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' as const } : {}),
    allowNewTimeProposals: false,
    responseRequested: true,
    categories: [invitation.category],
  };
}

/** Calendars: meeting invitations as events in the organizer's mailbox, free/busy and meeting times. */
/** An event of a calendarView with its attendees' answers. */
export interface EventAnswers {
  eventId: string;
  answers: AttendeeAnswer[];
}

function answersOf(event: Event): AttendeeAnswer[] {
  return (event.attendees ?? []).flatMap((attendee) => {
    const email = attendee.emailAddress?.address;
    if (!email) return [];
    return [
      {
        email,
        ...(attendee.emailAddress?.name ? { name: attendee.emailAddress.name } : {}),
        ...(attendee.status?.response ? { response: attendee.status.response } : {}),
      },
    ];
  });
}

export function calendarApi(graph: GraphConnection) {
  return { ...eventsApi(graph), ...eventBodyApi(graph), ...eventStateApi(graph), ...availabilityApi(graph) };
}

/** A mailbox's events: invitations sent, moved and canceled as their organizer; the attendees' answers. */
function eventsApi(graph: GraphConnection) {
  const eventPath = (organizer: string, eventId: string) => `/users/${segment(organizer)}/events/${segment(eventId)}`;

  return {
    /**
     * Sends the invitation from the organizer's calendar; the transactionId derived from `operationKey`
     * makes a retried POST no second event.
     */
    async sendInvitation(
      organizer: string,
      invitation: Invitation,
      operationKey: string,
    ): Promise<{ eventId: string; joinUrl?: string }> {
      const body: Event = { ...invitationEvent(invitation), transactionId: transactionIdFor(operationKey) };
      const created = await graph.call(
        () => graph.api(`/users/${segment(organizer)}/events`).post(body) as Promise<Event>,
      );
      return {
        eventId: String(created.id ?? ''),
        ...(created.onlineMeeting?.joinUrl ? { joinUrl: created.onlineMeeting.joinUrl } : {}),
      };
    },

    /** Moves the meeting as its organizer; Graph sends the attendees the update. */
    async moveEvent(
      organizer: string,
      eventId: string,
      to: { date: string; startTime: string; endTime: string; location?: string },
    ): Promise<void> {
      const patch: Event = {
        start: graphTime(to.date, to.startTime),
        end: graphTime(to.date, to.endTime),
        ...(to.location !== undefined ? { location: { displayName: to.location } } : {}),
      };
      await graph.call(() => graph.api(eventPath(organizer, eventId)).patch(patch) as Promise<Event>);
    },

    /** Cancels a meeting as its organizer; every attendee gets the cancellation with the comment. */
    async cancelEvent(organizer: string, eventId: string, comment: string): Promise<void> {
      await graph.call(
        () => graph.api(`${eventPath(organizer, eventId)}/cancel`).post({ Comment: comment }) as Promise<unknown>,
      );
    },

    /**
     * A mailbox's events between two instants with their attendees' answers, as one read of a readMany
     * $batch (`$top` at Graph's page maximum so that a season's meetings come in one page).
     */
    calendarViewRead(userId: string, fromIso: string, toIso: string): CollectionRead<EventAnswers> {
      const query = new URLSearchParams({
        startDateTime: fromIso,
        endDateTime: toIso,
        $select: 'id,attendees',
        $top: '1000',
      });
      return {
        url: `/users/${segment(userId)}/calendarView?${query.toString().replace(/%24/g, '$')}`,
        toValue: (raw) => {
          const event = raw as Event;
          return { eventId: String(event.id), answers: answersOf(event) };
        },
      };
    },

    /** The attendees of an event and how each has answered. */
    async attendeeAnswers(organizer: string, eventId: string): Promise<AttendeeAnswer[]> {
      const event = await graph.call(() => graph.api(eventPath(organizer, eventId)).get() as Promise<Event>);
      return answersOf(event);
    },
  };
}

/** What an update of an invitation's text did with Exchange's Teams block. */
export type BodyUpdate =
  /** The event is no online meeting: the text as given. */
  | { blob: 'none' }
  /** Exchange's block, read from the current body, follows the new text unchanged. */
  | { blob: 'kept' }
  /** Online, but no block was found in the body: the caller's fallback (its own join link) went instead. */
  | { blob: 'missing'; joinUrl?: string };

/** The invitation's text, changed after it was sent. */
function eventBodyApi(graph: GraphConnection) {
  const eventPath = (organizer: string, eventId: string) => `/users/${segment(organizer)}/events/${segment(eventId)}`;
  return {
    /**
     * Replaces the invitation's text as its organiser (delegated); Graph sends every attendee the update. Learn's
     * *Update event* asks that an online meeting's body be read first and its meeting blob kept ("Inadvertently
     * removing the meeting blob from the body would disable meeting online"): the body is read
     * (Calendars.Read), Exchange's block taken out of it as written (meetingBlob.ts) and put after the new text.
     * `withoutBlob` makes the text when the meeting is online but its body has no block (the caller's own join
     * link, from the joinUrl read here).
     */
    async updateEventBody(
      organizer: string,
      eventId: string,
      html: string,
      withoutBlob?: (joinUrl: string) => string,
    ): Promise<BodyUpdate> {
      const current = await graph.call(
        () =>
          graph.api(eventPath(organizer, eventId)).select('body,isOnlineMeeting,onlineMeeting').get() as Promise<Event>,
      );
      const joinUrl = current.onlineMeeting?.joinUrl ?? undefined;
      const blob = current.isOnlineMeeting ? meetingBlobOf(current.body?.content ?? '', joinUrl) : undefined;
      const outcome: BodyUpdate = !current.isOnlineMeeting
        ? { blob: 'none' }
        : blob
          ? { blob: 'kept' }
          : { blob: 'missing', ...(joinUrl ? { joinUrl } : {}) };
      const content = blob
        ? `${html}\n${blob}`
        : outcome.blob === 'missing' && joinUrl && withoutBlob
          ? withoutBlob(joinUrl)
          : html;
      // A repeat whose first PATCH went through (its answer lost) finds this text there already: no second update.
      if (current.body?.content === content) return outcome;
      const patch: Event = { body: { contentType: 'html', content } };
      await graph.call(() => graph.api(eventPath(organizer, eventId)).patch(patch) as Promise<Event>);
      return outcome;
    },
  };
}

/** Free/busy and suggested meeting times. */
function availabilityApi(graph: GraphConnection) {
  return {
    async getSchedule(
      userId: string,
      request: {
        schedules: string[];
        startTime: Event['start'];
        endTime: Event['end'];
        availabilityViewInterval?: number;
      },
    ): Promise<ScheduleInformation[]> {
      const answer = await graph.call(
        () =>
          graph.api(`/users/${segment(userId)}/calendar/getSchedule`).post(request) as Promise<
            Collection<ScheduleInformation>
          >,
      );
      return answer.value;
    },

    /**
     * Times when the attendees can meet, as the organizer (delegated only), within the given Stockholm
     * wall-clock slots. People in other tenants come back with unknown availability.
     */
    async findMeetingTimes(
      organizer: string,
      request: {
        attendees: readonly Invitee[];
        slots: readonly { date: string; from: string; to: string }[];
        durationMinutes: number;
      },
    ): Promise<TimeSuggestion[]> {
      const body = {
        attendees: request.attendees.map(required),
        timeConstraint: {
          activityDomain: 'work',
          timeSlots: request.slots.map((slot) => ({
            start: graphTime(slot.date, slot.from),
            end: graphTime(slot.date, slot.to),
          })),
        },
        meetingDuration: `PT${request.durationMinutes}M`,
        minimumAttendeePercentage: 0,
        maxCandidates: 100,
        returnSuggestionReasons: true,
      };
      const answer = await graph.call(
        () =>
          graph
            .api(`/users/${segment(organizer)}/findMeetingTimes`)
            .post(body) as Promise<MeetingTimeSuggestionsResult>,
      );
      return (answer.meetingTimeSuggestions ?? []).map(suggestionOf);
    },
  };
}

export type CalendarApi = ReturnType<typeof calendarApi>;

/** Reads an event's time, for retries that must not send the same change twice. */
function eventStateApi(graph: GraphConnection) {
  const eventPath = (organizer: string, eventId: string) => `/users/${segment(organizer)}/events/${segment(eventId)}`;
  return {
    /**
     * Where the organizer's event is now (UTC instants), or undefined when it is gone from the calendar (a
     * canceled original is in Deleted Items: Graph answers 404). A retried move or cancel reads it first.
     */
    async eventState(
      organizer: string,
      eventId: string,
    ): Promise<{ startUtc: string; endUtc: string; location: string } | undefined> {
      try {
        const event = await graph.call(
          () => graph.api(eventPath(organizer, eventId)).select('start,end,location').get() as Promise<Event>,
        );
        const location = event.location?.displayName ?? '';
        return { startUtc: graphInstant(event.start), endUtc: graphInstant(event.end), location };
      } catch (error) {
        if (error instanceof GraphRequestError && error.status === 404) return undefined;
        throw error;
      }
    },
  };
}

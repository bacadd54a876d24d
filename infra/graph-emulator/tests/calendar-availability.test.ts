import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ResponseType, type Client } from '@microsoft/microsoft-graph-client';
import type {
  DateTimeTimeZone,
  Event,
  MeetingTimeSuggestionsResult,
  ScheduleInformation,
  User,
} from '@microsoft/microsoft-graph-types';
import { DateTime } from 'luxon';
import { SEED_PEOPLE, type RunningTenant } from '../src/index';
import { appClient, CHAIR, COORDINATOR, MEMBER_GUEST, startTestTenant, userClient } from './support';

const PER = 'per.holmberg@regionvasterbotten.se';
const EXTERNAL = 'anna.extern@konsultbolaget.example';
const STOCKHOLM = 'Europe/Stockholm';

type Collection<T> = { value: T[]; '@odata.nextLink'?: string };
const local = (dateTime: string) => ({ dateTime, timeZone: STOCKHOLM });
const epoch = (t: DateTimeTimeZone | null | undefined) =>
  DateTime.fromISO(t!.dateTime!, { zone: t!.timeZone === 'UTC' ? 'UTC' : t!.timeZone! }).toMillis();

describe('local tenant: calendarView, getSchedule and findMeetingTimes', () => {
  let tenant: RunningTenant;
  let app: Client;
  let chair: Client;

  beforeAll(async () => {
    tenant = await startTestTenant();
    app = await appClient(tenant);
    chair = await userClient(tenant, CHAIR);
  });
  afterAll(async () => tenant.close());

  async function schedule(
    schedules: string[],
    start: string,
    end: string,
    interval = 30,
  ): Promise<ScheduleInformation[]> {
    const answer = (await app.api(`/users/${CHAIR}/calendar/getSchedule`).post({
      schedules,
      startTime: local(start),
      endTime: local(end),
      availabilityViewInterval: interval,
    })) as { value: ScheduleInformation[] };
    return answer.value;
  }

  async function busyItems(people: string[], start: string, end: string) {
    const infos = await schedule(people, start, end, 1440);
    return infos.flatMap((i) =>
      (i.scheduleItems ?? [])
        .filter((s) => s.status === 'busy' || s.status === 'oof')
        .map((s) => ({ who: i.scheduleId, start: epoch(s.start), end: epoch(s.end) })),
    );
  }

  it('calendarView needs both window parameters and returns the events overlapping it, canceled originals excluded', async () => {
    await expect(
      chair.api('/me/calendarView').query({ startDateTime: '2027-08-10T00:00:00Z' }).get(),
    ).rejects.toMatchObject({
      statusCode: 400,
      code: 'ErrorInvalidParameter',
    });
    const inside = (await chair.api('/me/events').post({
      subject: 'I fönstret',
      start: { dateTime: '2027-08-10T10:00:00', timeZone: 'UTC' },
      end: { dateTime: '2027-08-10T11:00:00', timeZone: 'UTC' },
    })) as Event;
    const window = async (from: string, to: string) =>
      (
        (await chair.api('/me/calendarView').query({ startDateTime: from, endDateTime: to }).get()) as Collection<Event>
      ).value.map((e) => e.subject);
    expect(await window('2027-08-10T00:00:00Z', '2027-08-11T00:00:00Z')).toEqual(['I fönstret']);
    expect(await window('2027-08-10T10:30:00Z', '2027-08-10T10:45:00Z')).toEqual(['I fönstret']);
    expect(await window('2027-08-10T11:00:00Z', '2027-08-10T12:00:00Z')).toEqual([]);
    expect(await window('2027-08-10T12:00:00+02:00', '2027-08-10T12:30:00+02:00')).toEqual(['I fönstret']);
    await chair.api(`/me/events/${inside.id}/cancel`).post({});
    expect(await window('2027-08-10T00:00:00Z', '2027-08-11T00:00:00Z')).toEqual([]);

    // The seeded spring: sorted by start, paged ten at a time as Graph does.
    const first = (await app
      .api(`/users/${CHAIR}/calendarView`)
      .query({ startDateTime: '2027-04-01T00:00:00Z', endDateTime: '2027-06-01T00:00:00Z' })
      .get()) as Collection<Event>;
    expect(first.value).toHaveLength(10);
    expect(first['@odata.nextLink']).toContain('$skiptoken');
    const starts = first.value.map((e) => epoch(e.start));
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    const next = (await app.api(first['@odata.nextLink']!.replace(tenant.graphUrl, '')).get()) as Collection<Event>;
    expect(next.value[0]!.id).not.toBe(first.value[9]!.id);
  });

  it('getSchedule gives availabilityView, scheduleItems and workingHours for mailboxes, and a freeBusyError for others', async () => {
    await chair.api('/me/events').post({
      subject: 'Styrgrupp',
      start: local('2027-08-10T10:00:00'),
      end: local('2027-08-10T11:00:00'),
      location: { displayName: 'Rum 3' },
    });
    const karin = await userClient(tenant, COORDINATOR);
    await karin.api('/me/events').post({
      subject: 'Preliminärt',
      showAs: 'tentative',
      start: local('2027-08-10T08:30:00'),
      end: local('2027-08-10T09:00:00'),
    });
    await karin.api('/me/events').post({
      subject: 'Ledig',
      showAs: 'oof',
      start: local('2027-08-10T11:30:00'),
      end: local('2027-08-10T12:00:00'),
    });

    const [maria, karinInfo, guest, external] = await schedule(
      [CHAIR, COORDINATOR, MEMBER_GUEST, EXTERNAL],
      '2027-08-10T08:00:00',
      '2027-08-10T12:00:00',
    );
    expect(maria!.availabilityView).toBe('00002200');
    expect(karinInfo!.availabilityView).toBe('01000003');
    expect(maria!.scheduleItems).toEqual([
      {
        isPrivate: false,
        status: 'busy',
        subject: 'Styrgrupp',
        location: 'Rum 3',
        start: { dateTime: '2027-08-10T08:00:00.0000000', timeZone: 'UTC' },
        end: { dateTime: '2027-08-10T09:00:00.0000000', timeZone: 'UTC' },
      },
    ]);
    expect(maria!.workingHours).toMatchObject({
      daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
      startTime: '08:00:00.0000000',
      timeZone: { name: 'W. Europe Standard Time' },
    });
    for (const failed of [guest!, external!]) {
      expect(failed.error?.responseCode).toBe('UserNotFound');
      expect(failed).not.toHaveProperty('availabilityView');
    }
    expect((await schedule([CHAIR], '2027-08-10T08:00:00', '2027-08-10T12:00:00', 60))[0]!.availabilityView).toBe(
      '0020',
    );

    const delegated = (await chair.api('/me/calendar/getSchedule').post({
      schedules: [CHAIR],
      startTime: local('2027-08-10T08:00:00'),
      endTime: local('2027-08-10T12:00:00'),
    })) as { value: ScheduleInformation[] };
    expect(delegated.value[0]!.availabilityView).toBe('00002200');
    await expect(schedule([CHAIR], '2027-08-10T08:00:00', '2027-08-10T12:00:00', 4)).rejects.toMatchObject({
      statusCode: 400,
    });
    await expect(schedule([CHAIR], '2027-08-01T00:00:00', '2027-08-30T00:00:00', 30)).rejects.toMatchObject({
      statusCode: 400,
    });
    await expect(
      app
        .api(`/users/${SEED_PEOPLE.find((p) => p.mail === MEMBER_GUEST)!.id}/calendar/getSchedule`)
        .post({ schedules: [CHAIR], startTime: local('2027-08-10T08:00:00'), endTime: local('2027-08-10T12:00:00') }),
    ).rejects.toMatchObject({ statusCode: 404, code: 'MailboxNotEnabledForRESTAPI' });
  });

  async function find(body: Record<string, unknown>, client: Client = chair): Promise<MeetingTimeSuggestionsResult> {
    return (await client.api('/me/findMeetingTimes').post(body)) as MeetingTimeSuggestionsResult;
  }

  it('findMeetingTimes is delegated only', async () => {
    await expect(app.api(`/users/${CHAIR}/findMeetingTimes`).post({})).rejects.toMatchObject({ statusCode: 403 });
    const withoutShared = await startTestTenant({
      app: { delegatedPermissions: ['User.Read', 'Calendars.ReadWrite'] },
    });
    try {
      const maria = await userClient(withoutShared, CHAIR);
      await expect(maria.api('/me/findMeetingTimes').post({})).rejects.toMatchObject({
        statusCode: 403,
        code: 'Authorization_RequestDenied',
      });
      await expect(
        maria
          .api('/me/calendar/getSchedule')
          .post({ schedules: [CHAIR], startTime: local('2027-08-10T08:00:00'), endTime: local('2027-08-10T12:00:00') }),
      ).resolves.toMatchObject({ value: [{ scheduleId: CHAIR }] });
    } finally {
      await withoutShared.close();
    }
  });

  it('findMeetingTimes avoids seeded and created busy time, keeps to working hours and 30-minute boundaries', async () => {
    const karin = await userClient(tenant, COORDINATOR);
    await karin
      .api('/me/events')
      .post({ subject: 'Heldag', start: local('2027-04-13T08:00:00'), end: local('2027-04-13T17:00:00') });
    const people = [CHAIR, COORDINATOR, PER];
    const busy = await busyItems(people, '2027-04-12T00:00:00', '2027-04-17T00:00:00');
    expect(busy.filter((b) => b.who !== COORDINATOR || b.end - b.start < 9 * 3600_000).length).toBeGreaterThan(3);

    const result = await find({
      attendees: [COORDINATOR, PER].map((address) => ({ type: 'required', emailAddress: { address } })),
      timeConstraint: {
        activityDomain: 'work',
        timeSlots: [{ start: local('2027-04-12T00:00:00'), end: local('2027-04-17T00:00:00') }],
      },
      meetingDuration: 'PT1H',
      maxCandidates: 100,
      minimumAttendeePercentage: 100,
      returnSuggestionReasons: true,
    });
    expect(result.emptySuggestionsReason).toBe('');
    const suggestions = result.meetingTimeSuggestions ?? [];
    expect(suggestions.length).toBeGreaterThan(5);
    for (const s of suggestions) {
      const start = epoch(s.meetingTimeSlot!.start);
      const end = epoch(s.meetingTimeSlot!.end);
      expect(s.meetingTimeSlot!.start!.timeZone).toBe('UTC');
      expect(end - start).toBe(3600_000);
      expect(start % (30 * 60_000)).toBe(0);
      const inStockholm = DateTime.fromMillis(start, { zone: STOCKHOLM });
      expect(inStockholm.weekday).toBeLessThanOrEqual(5);
      expect(inStockholm.hour).toBeGreaterThanOrEqual(8);
      expect(DateTime.fromMillis(end, { zone: STOCKHOLM }).toFormat('HH:mm') <= '17:00').toBe(true);
      expect(inStockholm.toISODate()).not.toBe('2027-04-13');
      expect(busy.filter((b) => b.start < end && start < b.end)).toEqual([]);
      expect(s.confidence).toBe(100);
      expect(s.attendeeAvailability?.map((a) => a.availability)).toEqual(['free', 'free']);
      expect(s.suggestionReason).toMatch(/^Suggested because/);
    }
    // With the default 50 %, a slot where one of the two is busy qualifies too, ranked after the free ones.
    const half = await find({
      attendees: [COORDINATOR, PER].map((address) => ({ type: 'required', emailAddress: { address } })),
      timeConstraint: {
        activityDomain: 'work',
        timeSlots: [{ start: local('2027-04-12T00:00:00'), end: local('2027-04-17T00:00:00') }],
      },
      meetingDuration: 'PT1H',
      maxCandidates: 100,
    });
    expect(half.meetingTimeSuggestions!.length).toBeGreaterThan(suggestions.length);
    expect(half.meetingTimeSuggestions!.at(-1)!.confidence).toBe(50);
    const order = half.meetingTimeSuggestions!.map(
      (s) => [-(s.confidence ?? 0), epoch(s.meetingTimeSlot!.start)] as const,
    );
    expect([...order].sort((a, b) => a[0] - b[0] || a[1] - b[1])).toEqual(order);
  });

  it('findMeetingTimes explains empty answers: AttendeesUnavailable, AttendeesUnavailableOrUnknown, OrganizerUnavailable', async () => {
    const karin = await userClient(tenant, COORDINATOR);
    await karin
      .api('/me/events')
      .post({ subject: 'Upptagen', start: local('2027-08-16T08:00:00'), end: local('2027-08-16T17:00:00') });
    const day = (date: string) => ({
      activityDomain: 'work',
      timeSlots: [{ start: local(`${date}T08:00:00`), end: local(`${date}T17:00:00`) }],
    });
    const unavailable = await find({
      attendees: [{ type: 'required', emailAddress: { address: COORDINATOR } }],
      timeConstraint: day('2027-08-16'),
    });
    expect(unavailable).toMatchObject({ emptySuggestionsReason: 'AttendeesUnavailable', meetingTimeSuggestions: [] });

    const unknown = await find({
      attendees: [{ type: 'required', emailAddress: { address: MEMBER_GUEST } }],
      timeConstraint: day('2027-08-17'),
    });
    expect(unknown).toMatchObject({
      emptySuggestionsReason: 'AttendeesUnavailableOrUnknown',
      meetingTimeSuggestions: [],
    });
    const lowered = await find({
      attendees: [{ type: 'required', emailAddress: { address: MEMBER_GUEST } }],
      timeConstraint: day('2027-08-17'),
      minimumAttendeePercentage: 40,
    });
    expect(lowered.meetingTimeSuggestions?.[0]).toMatchObject({
      confidence: 49,
      attendeeAvailability: [{ availability: 'unknown' }],
    });

    await chair
      .api('/me/events')
      .post({ subject: 'Heldag', start: local('2027-08-18T08:00:00'), end: local('2027-08-18T17:00:00') });
    const organizerBusy = await find({
      attendees: [{ type: 'required', emailAddress: { address: PER } }],
      timeConstraint: day('2027-08-18'),
    });
    expect(organizerBusy.emptySuggestionsReason).toBe('OrganizerUnavailable');
    const optional = await find({
      attendees: [{ type: 'required', emailAddress: { address: PER } }],
      timeConstraint: day('2027-08-18'),
      isOrganizerOptional: true,
    });
    expect(optional.meetingTimeSuggestions?.[0]?.organizerAvailability).toBe('busy');
  });

  it('findMeetingTimes honours activityDomain and answers in the Prefer time zone', async () => {
    const saturday = { timeSlots: [{ start: local('2027-08-21T00:00:00'), end: local('2027-08-22T00:00:00') }] };
    expect((await find({ timeConstraint: { activityDomain: 'work', ...saturday } })).meetingTimeSuggestions).toEqual(
      [],
    );
    const personal = await find({ timeConstraint: { activityDomain: 'personal', ...saturday }, maxCandidates: 100 });
    expect(personal.meetingTimeSuggestions).toHaveLength(18);
    const unrestricted = await find({
      timeConstraint: { activityDomain: 'unrestricted', ...saturday },
      maxCandidates: 100,
    });
    expect(unrestricted.meetingTimeSuggestions).toHaveLength(48);

    const raw = (await chair
      .api('/me/findMeetingTimes')
      .header('Prefer', 'outlook.timezone="W. Europe Standard Time"')
      .responseType(ResponseType.RAW)
      .post({ timeConstraint: { activityDomain: 'personal', ...saturday }, maxCandidates: 1 })) as Response;
    expect(raw.headers.get('preference-applied')).toBe('outlook.timezone="W. Europe Standard Time"');
    const body = (await raw.json()) as MeetingTimeSuggestionsResult;
    expect(body.meetingTimeSuggestions?.[0]?.meetingTimeSlot?.start).toEqual({
      dateTime: '2027-08-21T08:00:00.0000000',
      timeZone: 'W. Europe Standard Time',
    });
  });

  it('findMeetingTimes over two months with 35 attendees answers quickly', async () => {
    const users = (await app.api('/users').top(100).get()) as Collection<User>;
    const attendees = users.value
      .filter((u) => u.mail !== CHAIR)
      .slice(0, 35)
      .map((u) => ({ type: 'required', emailAddress: { address: u.mail!, name: u.displayName! } }));
    expect(attendees).toHaveLength(35);
    const started = performance.now();
    const result = await find({
      attendees,
      timeConstraint: {
        activityDomain: 'work',
        timeSlots: [{ start: local('2027-09-01T00:00:00'), end: local('2027-11-01T00:00:00') }],
      },
      meetingDuration: 'PT2H',
      minimumAttendeePercentage: 50,
    });
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(1500);
    expect(result.meetingTimeSuggestions!.length).toBeGreaterThan(0);
    expect(result.meetingTimeSuggestions![0]!.attendeeAvailability).toHaveLength(35);
  });
});

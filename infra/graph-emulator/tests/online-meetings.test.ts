import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { AttendanceRecord, Event, MeetingAttendanceReport, OnlineMeeting } from '@microsoft/microsoft-graph-types';
import type { RunningTenant } from '../src/index';
import { CHAIR, control, COORDINATOR, MEMBER_GUEST, startTestTenant, userClient } from './support';

type Collection<T> = { value: T[] };

/** The join URL goes into the query encoded, as Microsoft's own example writes it (%253a for the URL's %3a). */
const odataString = (value: string) => `'${encodeURIComponent(value.replace(/'/g, "''"))}'`;

describe('local tenant: online meetings and attendance reports', () => {
  let tenant: RunningTenant;
  let chair: Client;
  let coordinator: Client;
  let event: Event;
  let joinUrl: string;

  beforeAll(async () => {
    tenant = await startTestTenant({
      app: {
        delegatedPermissions: [
          'User.Read',
          'Calendars.ReadWrite',
          'OnlineMeetings.Read',
          'OnlineMeetingArtifact.Read.All',
        ],
      },
    });
    chair = await userClient(tenant, CHAIR);
    coordinator = await userClient(tenant, COORDINATOR);
    event = (await chair.api('/me/events').post({
      subject: 'Samverkansgruppen vårmöte',
      start: { dateTime: '2027-04-15T09:00:00', timeZone: 'Europe/Stockholm' },
      end: { dateTime: '2027-04-15T12:00:00', timeZone: 'Europe/Stockholm' },
      attendees: [{ emailAddress: { address: COORDINATOR }, type: 'required' }],
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
    })) as Event;
    joinUrl = event.onlineMeeting!.joinUrl!;
  });
  afterAll(async () => tenant.close());

  const byJoinUrl = (client: Client) =>
    client
      .api('/me/onlineMeetings')
      .filter(`JoinWebUrl eq ${odataString(joinUrl)}`)
      .get() as Promise<Collection<OnlineMeeting>>;
  const presence = (what: 'join' | 'leave', user: string, at: string) =>
    control(tenant, 'POST', `/online-meetings/${what}`, { joinWebUrl: joinUrl, user, at });

  it("finds the event's Teams meeting by its join URL, as the organiser only", async () => {
    const found = await byJoinUrl(chair);
    expect(found.value).toHaveLength(1);
    expect(found.value[0]).toMatchObject({
      joinWebUrl: joinUrl,
      subject: 'Samverkansgruppen vårmöte',
      startDateTime: '2027-04-15T07:00:00.000Z',
    });
    expect(Buffer.from(found.value[0]!.id!, 'base64').toString()).toMatch(/^1\*[0-9a-f-]{36}\*0\*\*19:meeting_/);
    expect((await byJoinUrl(coordinator)).value).toEqual([]);
    await expect(chair.api('/me/onlineMeetings').get()).rejects.toMatchObject({ statusCode: 400 });
    await expect(chair.api('/me/onlineMeetings').filter(`subject eq 'x'`).get()).rejects.toMatchObject({
      statusCode: 400,
    });
  });

  it('has no report while the meeting runs, and one when its last participant leaves', async () => {
    const id = (await byJoinUrl(chair)).value[0]!.id!;
    const reports = () =>
      chair.api(`/me/onlineMeetings/${id}/attendanceReports`).get() as Promise<Collection<MeetingAttendanceReport>>;
    await presence('join', CHAIR, '2027-04-15T07:00:00Z');
    await presence('join', COORDINATOR, '2027-04-15T07:05:00Z');
    await presence('join', MEMBER_GUEST, '2027-04-15T07:10:00Z');
    await presence('leave', MEMBER_GUEST, '2027-04-15T07:40:00Z');
    await presence('join', MEMBER_GUEST, '2027-04-15T08:00:00Z');
    await presence('leave', COORDINATOR, '2027-04-15T09:00:00Z');
    await presence('leave', MEMBER_GUEST, '2027-04-15T09:30:00Z');
    expect((await reports()).value).toEqual([]);
    const ended = await presence('leave', CHAIR, '2027-04-15T10:00:00Z');
    expect(await ended.json()).toMatchObject({ ended: true });
    const list = (await reports()).value;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      totalParticipantCount: 3,
      meetingStartDateTime: '2027-04-15T07:00:00Z',
      meetingEndDateTime: '2027-04-15T10:00:00Z',
    });
    expect(list[0]).not.toHaveProperty('attendanceRecords');
    const report = (await chair
      .api(`/me/onlineMeetings/${id}/attendanceReports/${list[0]!.id}`)
      .expand('attendanceRecords')
      .get()) as MeetingAttendanceReport;
    const guest = report.attendanceRecords!.find((r) => r.emailAddress === MEMBER_GUEST)!;
    expect(guest).toMatchObject({ role: 'Attendee', totalAttendanceInSeconds: 30 * 60 + 90 * 60 });
    expect(guest.attendanceIntervals).toHaveLength(2);
    const records = (await chair
      .api(`/me/onlineMeetings/${id}/attendanceReports/${list[0]!.id}/attendanceRecords`)
      .get()) as Collection<AttendanceRecord>;
    expect(records.value.map((r) => r.role).sort()).toEqual(['Attendee', 'Organizer', 'Presenter']);
    await expect(coordinator.api(`/me/onlineMeetings/${id}/attendanceReports`).get()).rejects.toMatchObject({
      statusCode: 404,
    });
  });

  it("refuses without OnlineMeetingArtifact.Read.All, in Graph's words", async () => {
    const narrow = await startTestTenant({
      app: { delegatedPermissions: ['User.Read', 'Calendars.ReadWrite', 'OnlineMeetings.Read'] },
    });
    try {
      const user = await userClient(narrow, CHAIR);
      const created = (await user.api('/me/events').post({
        subject: 'x',
        start: { dateTime: '2027-04-15T09:00:00', timeZone: 'UTC' },
        end: { dateTime: '2027-04-15T10:00:00', timeZone: 'UTC' },
        isOnlineMeeting: true,
      })) as Event;
      const meetings = (await user
        .api('/me/onlineMeetings')
        .filter(`JoinWebUrl eq ${odataString(created.onlineMeeting!.joinUrl!)}`)
        .get()) as Collection<OnlineMeeting>;
      await expect(
        user.api(`/me/onlineMeetings/${meetings.value[0]!.id}/attendanceReports`).get(),
      ).rejects.toMatchObject({
        statusCode: 403,
        message: expect.stringContaining("API requires one of 'OnlineMeetingArtifact.Read.All'"),
      });
    } finally {
      await narrow.close();
    }
  });
});

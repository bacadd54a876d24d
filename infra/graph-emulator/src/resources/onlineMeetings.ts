import type { Request, Response, Router } from 'express';
import { z } from 'zod';
import type { EmulatorContext, ResourceModule } from '../context';
import { graphErrors } from '../errors';
import { TENANT_SCOPE, type StoredUser } from '../model';
import { assertQueryOptions, odataContext, queryString } from '../odata';
import { principalOf } from '../permissions';
import { param, type MountTable } from '../routing';
import { EVENT_KIND, type StoredEvent } from './calendar/model';

/**
 * Online meetings as Teams makes them for calendar events with `isOnlineMeeting` (the event's
 * `onlineMeeting.joinUrl` is the meeting's `joinWebUrl`), and their attendance reports: a report is made each time
 * a meeting ends, that is when its last participant leaves (meetingattendancereport-list: "Each time an online
 * meeting ends, an attendance report is generated for that session"). Participants join and leave through the
 * controls. Kinds: attendanceSession (scope meeting id, id 'current'), attendanceReport (scope meeting id).
 */
const SESSION_KIND = 'attendanceSession';
const REPORT_KIND = 'attendanceReport';

interface Participant {
  userId: string;
  email: string;
  displayName: string;
  role: 'Organizer' | 'Presenter' | 'Attendee';
  intervals: { joinDateTime: string; leaveDateTime?: string }[];
}

interface StoredSession {
  startedAt: string;
  participants: Participant[];
}

interface StoredReport {
  id: string;
  meetingStartDateTime: string;
  meetingEndDateTime: string;
  participants: Participant[];
}

interface FoundMeeting {
  organizerId: string;
  event: StoredEvent;
  id: string;
}

function threadOf(joinWebUrl: string): string {
  const m = /meetup-join\/([^/]+)\//.exec(joinWebUrl);
  return m ? decodeURIComponent(m[1]!) : '';
}

/** Graph's onlineMeeting ids encode the organiser and the chat thread: base64 of `1*{organizer}*0**{thread}`. */
function meetingIdOf(organizerId: string, joinWebUrl: string): string {
  return Buffer.from(`1*${organizerId}*0**${threadOf(joinWebUrl)}`).toString('base64');
}

function meetingsOf(ctx: EmulatorContext, organizerId: string): FoundMeeting[] {
  return ctx.store
    .list<StoredEvent>(EVENT_KIND, organizerId)
    .filter((e) => e.isOrganizer === true && e.isOnlineMeeting && e.onlineMeeting?.joinUrl)
    .map((event) => ({ organizerId, event, id: meetingIdOf(organizerId, event.onlineMeeting!.joinUrl!) }));
}

function findByJoinUrl(ctx: EmulatorContext, joinWebUrl: string): FoundMeeting | undefined {
  const hit = ctx.store
    .listAll<StoredEvent>(EVENT_KIND)
    .find((e) => e.doc.isOrganizer === true && e.doc.onlineMeeting?.joinUrl === joinWebUrl);
  return hit ? { organizerId: hit.scope, event: hit.doc, id: meetingIdOf(hit.scope, joinWebUrl) } : undefined;
}

function meetingShape(ctx: EmulatorContext, m: FoundMeeting): Record<string, unknown> {
  const organizer = ctx.store.get<StoredUser>('user', TENANT_SCOPE, m.organizerId);
  const identity = (u: { id: string }) => ({ user: { id: u.id, displayName: null, tenantId: ctx.tenantId } });
  const attendees = (m.event.attendees ?? []).map((a) => ({
    upn: a.emailAddress?.address ?? null,
    role: 'attendee',
    identity: { user: { id: null, displayName: a.emailAddress?.name ?? null, tenantId: null } },
  }));
  return {
    id: m.id,
    creationDateTime: m.event.createdDateTime,
    startDateTime: new Date(m.event.xStart).toISOString(),
    endDateTime: new Date(m.event.xEnd).toISOString(),
    joinWebUrl: m.event.onlineMeeting!.joinUrl,
    subject: m.event.subject,
    isBroadcast: false,
    allowedPresenters: 'everyone',
    autoAdmittedUsers: 'everyoneInCompany',
    chatInfo: { threadId: threadOf(m.event.onlineMeeting!.joinUrl!), messageId: '0', replyChainMessageId: null },
    joinMeetingIdSettings: { joinMeetingId: m.event.onlineMeeting?.conferenceId ?? null, isPasscodeRequired: false },
    participants: {
      organizer: {
        upn: organizer?.userPrincipalName ?? null,
        role: 'presenter',
        identity: identity({ id: m.organizerId }),
      },
      attendees,
    },
  };
}

/** `JoinWebUrl eq '…'` (the one filter onlinemeeting-get documents for a meeting whose id is not known). */
function joinUrlFilter(req: Request): string {
  const filter = queryString(req, '$filter');
  if (filter === undefined)
    throw graphErrors.badRequest("Listing online meetings needs $filter=JoinWebUrl eq '{joinWebUrl}'.");
  const m = /^\s*joinweburl\s+eq\s+'((?:[^']|'')*)'\s*$/i.exec(filter);
  if (!m) throw graphErrors.badRequest(`The filter '${filter}' is not supported: use JoinWebUrl eq '{joinWebUrl}'.`);
  return m[1]!.replace(/''/g, "'");
}

function myMeeting(ctx: EmulatorContext, req: Request): FoundMeeting {
  const principal = principalOf(req);
  if (principal.kind !== 'delegated')
    throw graphErrors.badRequest('/me request is only valid with delegated authentication flow.');
  const wanted = param(req, 'meetingId');
  const found = meetingsOf(ctx, principal.userId).find((m) => m.id === wanted);
  if (!found) throw graphErrors.notFound('The online meeting could not be found.');
  return found;
}

function listMeetings(ctx: EmulatorContext, req: Request, res: Response): void {
  assertQueryOptions(req, ['$filter']);
  const principal = principalOf(req);
  if (principal.kind !== 'delegated')
    throw graphErrors.badRequest('/me request is only valid with delegated authentication flow.');
  const url = joinUrlFilter(req);
  // Only the organiser's own meetings: another's join URL finds nothing under /me.
  const value = meetingsOf(ctx, principal.userId)
    .filter((m) => m.event.onlineMeeting?.joinUrl === url)
    .map((m) => meetingShape(ctx, m));
  res.json({ '@odata.context': odataContext(ctx.baseUrl(), "users('me')/onlineMeetings"), value });
}

function seconds(p: Participant): number {
  return p.intervals.reduce((s, i) => s + durationOf(i), 0);
}

function durationOf(i: { joinDateTime: string; leaveDateTime?: string }): number {
  return Math.round((Date.parse(i.leaveDateTime ?? i.joinDateTime) - Date.parse(i.joinDateTime)) / 1000);
}

function recordShape(ctx: EmulatorContext, p: Participant): Record<string, unknown> {
  return {
    id: p.userId,
    emailAddress: p.email,
    totalAttendanceInSeconds: seconds(p),
    role: p.role,
    registrationId: null,
    identity: { id: p.userId, displayName: p.displayName, tenantId: ctx.tenantId },
    attendanceIntervals: p.intervals.map((i) => ({ ...i, durationInSeconds: durationOf(i) })),
  };
}

function reportShape(r: StoredReport): Record<string, unknown> {
  return {
    id: r.id,
    totalParticipantCount: r.participants.length,
    meetingStartDateTime: r.meetingStartDateTime,
    meetingEndDateTime: r.meetingEndDateTime,
  };
}

function report(ctx: EmulatorContext, req: Request): StoredReport {
  const meeting = myMeeting(ctx, req);
  const found = ctx.store.get<StoredReport>(REPORT_KIND, meeting.id, param(req, 'reportId'));
  if (!found) throw graphErrors.notFound('The attendance report could not be found.');
  return found;
}

const ME = '/me/onlineMeetings';
export const ONLINE_MEETING_ROUTES: MountTable = [
  { method: 'GET', path: ME, operation: 'GET /me/onlineMeetings (with $filter=JoinWebUrl)', handler: listMeetings },
  {
    method: 'GET',
    path: `${ME}/:meetingId/attendanceReports`,
    operation: 'GET /me/onlineMeetings/{meetingId}/attendanceReports',
    handler: (ctx, req, res) => {
      assertQueryOptions(req, []);
      const meeting = myMeeting(ctx, req);
      // "This method only returns up to 50 of the most recent reports."
      const value = ctx.store.list<StoredReport>(REPORT_KIND, meeting.id).slice(-50).reverse().map(reportShape);
      res.json({
        '@odata.context': odataContext(ctx.baseUrl(), "users('me')/onlineMeetings('id')/attendanceReports"),
        value,
      });
    },
  },
  {
    method: 'GET',
    path: `${ME}/:meetingId/attendanceReports/:reportId`,
    operation: 'GET /me/onlineMeetings/{meetingId}/attendanceReports/{reportId}',
    handler: (ctx, req, res) => {
      assertQueryOptions(req, ['$expand']);
      const expand = queryString(req, '$expand');
      if (expand !== undefined && expand !== 'attendanceRecords')
        throw graphErrors.badRequest(
          `Could not find a property named '${expand}' on type 'microsoft.graph.meetingAttendanceReport'.`,
        );
      const r = report(ctx, req);
      res.json({
        ...reportShape(r),
        ...(expand ? { attendanceRecords: r.participants.map((p) => recordShape(ctx, p)) } : {}),
      });
    },
  },
  {
    method: 'GET',
    path: `${ME}/:meetingId/attendanceReports/:reportId/attendanceRecords`,
    operation: 'GET /me/onlineMeetings/{meetingId}/attendanceReports/{reportId}/attendanceRecords',
    handler: (ctx, req, res) => {
      assertQueryOptions(req, []);
      res.json({ value: report(ctx, req).participants.map((p) => recordShape(ctx, p)) });
    },
  },
];

const presenceBody = z.object({ joinWebUrl: z.string(), user: z.string(), at: z.string().datetime().optional() });

function personOf(ctx: EmulatorContext, key: string): StoredUser {
  const k = key.toLowerCase();
  const user = ctx.store
    .list<StoredUser>('user', TENANT_SCOPE)
    .find((u) => u.id === key || u.mail.toLowerCase() === k || u.userPrincipalName.toLowerCase() === k);
  if (!user) throw graphErrors.notFound(`No such person: ${key}`);
  return user;
}

/** Control: a participant joins (the meeting starts with its first) or leaves (it ends, and is reported, with its last). */
function presence(ctx: EmulatorContext, body: unknown, joining: boolean): { ended: boolean; reportId?: string } {
  const input = presenceBody.parse(body);
  const meeting = findByJoinUrl(ctx, input.joinWebUrl);
  if (!meeting) throw graphErrors.notFound('No online meeting has that join URL.');
  const user = personOf(ctx, input.user);
  const at = input.at ?? ctx.now().toISOString();
  const session = ctx.store.get<StoredSession>(SESSION_KIND, meeting.id, 'current') ?? {
    startedAt: at,
    participants: [],
  };
  let p = session.participants.find((x) => x.userId === user.id);
  if (!p) {
    const role = user.id === meeting.organizerId ? 'Organizer' : user.userType === 'Member' ? 'Presenter' : 'Attendee';
    p = { userId: user.id, email: user.mail, displayName: user.displayName, role, intervals: [] };
    session.participants.push(p);
  }
  const open = p.intervals.find((i) => i.leaveDateTime === undefined);
  if (joining && !open) p.intervals.push({ joinDateTime: at });
  if (!joining && open) open.leaveDateTime = at;
  const stillIn = session.participants.some((x) => x.intervals.some((i) => i.leaveDateTime === undefined));
  if (stillIn || joining) {
    ctx.store.put(SESSION_KIND, meeting.id, 'current', session);
    return { ended: false };
  }
  const reportId = crypto.randomUUID();
  const stored: StoredReport = {
    id: reportId,
    meetingStartDateTime: session.startedAt,
    meetingEndDateTime: at,
    participants: session.participants,
  };
  ctx.store.transaction(() => {
    ctx.store.put(REPORT_KIND, meeting.id, reportId, stored);
    ctx.store.delete(SESSION_KIND, meeting.id, 'current');
  });
  return { ended: true, reportId };
}

export const onlineMeetingsModule: ResourceModule = {
  name: 'onlineMeetings',
  routes: ONLINE_MEETING_ROUTES,
  controls(router: Router, ctx: EmulatorContext) {
    for (const [path, joining] of [
      ['join', true],
      ['leave', false],
    ] as const)
      router.post(`/online-meetings/${path}`, (req, res, next) => {
        try {
          res.json(presence(ctx, req.body, joining));
        } catch (error) {
          next(error);
        }
      });
  },
};

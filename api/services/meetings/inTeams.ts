import type { AttendanceRecord } from '@microsoft/microsoft-graph-types';
import {
  DomainRuleError,
  agendaPointsFromText,
  asThreadId,
  requireRole,
  threadIdFromJoinUrl,
  type Role,
} from '../../../src/domain';
import {
  inTeamsQuerySchema,
  type AttendanceReportDto,
  type MeetingInTeamsDto,
  type MeetingRecordDto,
} from '../../../src/contract';
import type { GraphGateway } from '../../graph/gateway';
import { NotFoundError } from '../errors';
import { systemClock, type Clock } from '../ports';
import type { AttendanceRow } from './attendance';
import type { MeetingProtocols } from './protocol';
import type { MeetingRecord } from './register';
import type { MeetingsService } from './service';

/** How far from today a meeting whose join URL names no thread is looked up in Graph (one round trip each). */
const LOOKUP_DAYS = 14;
const DAY_MS = 86_400_000;

function toDto({ operationKey: _key, ...record }: MeetingRecord): MeetingRecordDto {
  return record;
}

/**
 * The tab inside a Teams meeting (issue #16): which register meeting a Teams meeting is, and Teams' attendance
 * report for the secretary. The register keeps the event's join URL (`onlineMeeting.joinUrl`, the same as the
 * onlineMeeting's `joinWebUrl`). A classic join URL names the meeting chat's thread, compared with teams-js'
 * `context.chat.id` without any Graph call; a join URL that does not (the short `/meet/` form) is looked up as the
 * caller, `GET /me/onlineMeetings?$filter=JoinWebUrl eq '…'`, and its `chatInfo.threadId` compared. Graph finds only
 * the caller's own meetings as organiser, so that fallback works for the organiser only.
 */
export class MeetingsInTeams {
  constructor(
    private readonly meetings: Pick<MeetingsService, 'records' | 'get' | 'people'>,
    private readonly protocols: Pick<MeetingProtocols, 'attendance'>,
    private readonly clock: Clock = systemClock,
  ) {}

  async find(gateway: GraphGateway, query: unknown): Promise<MeetingInTeamsDto> {
    const { chatId } = inTeamsQuerySchema.parse(query);
    const records = (await this.meetings.records(gateway)).filter((record) => record.joinUrl);
    const record =
      records.find((r) => threadIdFromJoinUrl(r.joinUrl) === chatId) ??
      (await this.byGraphThread(gateway, records, chatId));
    if (!record) {
      throw new NotFoundError('Teamsmötet finns inte i mötesregistret. Öppna fliken Möten för att se alla möten.');
    }
    return this.view(gateway, record);
  }

  private async byGraphThread(
    gateway: GraphGateway,
    records: MeetingRecord[],
    chatId: string,
  ): Promise<MeetingRecord | undefined> {
    const now = this.clock.now().getTime();
    const near = records.filter(
      (r) => !threadIdFromJoinUrl(r.joinUrl) && Math.abs(Date.parse(r.startUtc) - now) <= LOOKUP_DAYS * DAY_MS,
    );
    for (const record of near) {
      const online = await gateway.findByJoinUrl(record.joinUrl as string);
      if (asThreadId(online?.chatInfo?.threadId) === chatId) return record;
    }
    return undefined;
  }

  private async view(gateway: GraphGateway, record: MeetingRecord): Promise<MeetingInTeamsDto> {
    const people = record.convenerEmail ? await this.meetings.people(gateway) : [];
    const organiser = people.find((p) => p.email === record.convenerEmail);
    return {
      meeting: toDto(record),
      agenda: agendaPointsFromText(record.agendaText),
      ...(record.convenerEmail
        ? { organiser: { email: record.convenerEmail, displayName: organiser?.displayName ?? record.convenerEmail } }
        : {}),
    };
  }

  /**
   * Teams' attendance report of the meeting, matched to its närvaro rows by e-mail (then by name), read as the
   * caller: Graph serves reports to the meeting's organiser only, and only once the meeting has ended. Every
   * session's report counts (a meeting left and rejoined has two). Nothing is written: the secretary saves närvaro.
   */
  async attendanceReport(
    gateway: GraphGateway,
    caller: { roles: Role[] },
    meetingId: string,
  ): Promise<AttendanceReportDto> {
    requireRole(caller.roles, 'meeting.attendance');
    const record = await this.meetings.get(gateway, meetingId);
    if (!record.joinUrl) {
      throw new DomainRuleError('NO_TEAMS_MEETING', 'Mötet har ingen Teamslänk, så Teams har ingen närvarorapport.');
    }
    const online = await gateway.findByJoinUrl(record.joinUrl);
    if (!online?.id) {
      const { organiser } = await this.view(gateway, record);
      throw new DomainRuleError(
        'NOT_ORGANISER',
        `Teams visar närvarorapporten bara för mötets organisatör${organiser ? ` (${organiser.displayName})` : ''}. Markera närvaron för hand.`,
      );
    }
    const reports = await gateway.attendanceReports(online.id);
    if (reports.length === 0) return { found: false, present: [], others: [] };
    const records = (
      await Promise.all(reports.map((report) => gateway.attendanceRecords(online.id as string, report.id as string)))
    ).flat();
    const starts = reports.map((r) => r.meetingStartDateTime).filter((v): v is string => !!v);
    const ends = reports.map((r) => r.meetingEndDateTime).filter((v): v is string => !!v);
    return {
      found: true,
      ...(starts.length > 0 ? { meetingStart: starts.sort()[0] } : {}),
      ...(ends.length > 0 ? { meetingEnd: ends.sort().at(-1) } : {}),
      ...matchAttendance(await this.protocols.attendance(gateway, meetingId), records),
    };
  }
}

/** The report's participants as närvaro rows (seconds summed over sessions), and the names that match none. */
export function matchAttendance(
  rows: readonly Pick<AttendanceRow, 'email' | 'displayName'>[],
  records: readonly AttendanceRecord[],
): Pick<AttendanceReportDto, 'present' | 'others'> {
  const byEmail = new Map(rows.map((row) => [row.email.toLowerCase(), row]));
  const byName = new Map(rows.map((row) => [row.displayName.toLowerCase(), row]));
  const seconds = new Map<string, number>();
  const others = new Set<string>();
  for (const record of records) {
    const name = record.identity?.displayName ?? record.emailAddress ?? '';
    const row =
      (record.emailAddress ? byEmail.get(record.emailAddress.toLowerCase()) : undefined) ??
      byName.get(name.toLowerCase());
    if (!row) {
      if (name) others.add(name);
      continue;
    }
    seconds.set(row.email, (seconds.get(row.email) ?? 0) + (record.totalAttendanceInSeconds ?? 0));
  }
  const present = rows
    .filter((row) => seconds.has(row.email))
    .map((row) => ({
      email: row.email,
      displayName: row.displayName,
      minutes: Math.round((seconds.get(row.email) ?? 0) / 60),
    }));
  return { present, others: [...others].sort((a, b) => a.localeCompare(b, 'sv')) };
}

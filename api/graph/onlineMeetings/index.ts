import type { AttendanceRecord, MeetingAttendanceReport, OnlineMeeting } from '@microsoft/microsoft-graph-types';
import { segment, type Collection, type GraphConnection } from '../connection';
import { odataString } from '../odata';

/**
 * The Teams meeting of a calendar event and its attendance reports, read as the organiser (delegated, /me):
 * Graph serves attendance reports to the organiser only.
 */
export function onlineMeetingsApi(graph: GraphConnection) {
  const meeting = (id: string) => `/me/onlineMeetings/${segment(id)}`;
  return {
    /**
     * The organiser's online meeting with this join URL (the event's `onlineMeeting.joinUrl`). The URL goes into the
     * filter percent-encoded, as Microsoft's example writes it: it carries `%3a`, `?` and `&` of its own.
     */
    async findByJoinUrl(joinWebUrl: string): Promise<OnlineMeeting | undefined> {
      const literal = odataString(joinWebUrl);
      const filter = `JoinWebUrl eq '${encodeURIComponent(literal.slice(1, -1))}'`;
      const found = await graph.call(
        () => graph.api('/me/onlineMeetings').filter(filter).get() as Promise<Collection<OnlineMeeting>>,
      );
      return found.value[0];
    },

    /** The meeting's reports, newest first (one per time the meeting ended; Graph keeps the 50 most recent). */
    attendanceReports(meetingId: string): Promise<MeetingAttendanceReport[]> {
      return graph.getAll<MeetingAttendanceReport>(graph.api(`${meeting(meetingId)}/attendanceReports`));
    },

    /** One report with its records in line ($expand=attendanceRecords). */
    attendanceReport(meetingId: string, reportId: string): Promise<MeetingAttendanceReport> {
      return graph.call(
        () =>
          graph
            .api(`${meeting(meetingId)}/attendanceReports/${segment(reportId)}`)
            .expand('attendanceRecords')
            .get() as Promise<MeetingAttendanceReport>,
      );
    },

    attendanceRecords(meetingId: string, reportId: string): Promise<AttendanceRecord[]> {
      return graph.getAll<AttendanceRecord>(
        graph.api(`${meeting(meetingId)}/attendanceReports/${segment(reportId)}/attendanceRecords`),
      );
    },
  };
}

export type OnlineMeetingsApi = ReturnType<typeof onlineMeetingsApi>;

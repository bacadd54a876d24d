import { z } from 'zod';
import { attendanceReportSchema, meetingInTeamsSchema } from '../../contract';
import type { ApiClient } from '../api';

/** The meeting view's endpoints (api/routes/meetingsInTeams.ts); närvaro and beslut are the Möten page's (../meetings/api). */
export function meetingPanelApi(api: ApiClient) {
  return {
    /** The register meeting of the Teams meeting chat `chatId`, with its dagordning as sent. */
    find: (chatId: string) =>
      api.request(`/api/meetings/in-teams?chatId=${encodeURIComponent(chatId)}`, meetingInTeamsSchema),
    /** Teams' attendance report matched to närvaro; nothing is written. */
    attendanceReport: async (meetingId: string) =>
      (
        await api.request(
          `/api/meetings/${encodeURIComponent(meetingId)}/attendance-report`,
          z.object({ report: attendanceReportSchema }),
        )
      ).report,
  };
}

import { z } from 'zod';
import { DRAFT_ITEM_KINDS } from '../domain/meetingLists';
import { meetingRecordSchema } from './meetings';

/**
 * The tab inside a Teams meeting (issue #16): GET /api/meetings/in-teams?chatId=… finds the register meeting of the
 * meeting's chat; GET /api/meetings/:id/attendance-report reads Teams' own attendance report for the secretary.
 */

/** The query: the meeting chat's thread id as teams-js gives it (`context.chat.id`). */
export const inTeamsQuerySchema = z
  .object({
    chatId: z
      .string({ error: 'Ange Teamsmötets chatt.' })
      .trim()
      .regex(/^19:[A-Za-z0-9_.=-]+@thread\.(v2|tacv2|skype)$/, 'Det här är inte ett Teamsmötes chatt.'),
  })
  .strict();

export const agendaPointSchema = z.object({
  /** The point's id in the protokoll (a prepared point's id, or `punkt-<n>`): decisions under it name it. */
  id: z.string().optional(),
  number: z.number(),
  title: z.string(),
  kind: z.enum(DRAFT_ITEM_KINDS).optional(),
  presenter: z.string().optional(),
  details: z.string().optional(),
  documents: z.array(z.object({ title: z.string(), url: z.string() })),
});
export type AgendaPointDto = z.infer<typeof agendaPointSchema>;

/** The register meeting of a Teams meeting, with its dagordning as sent and who organised it. */
export const meetingInTeamsSchema = z.object({
  meeting: meetingRecordSchema,
  agenda: z.array(agendaPointSchema),
  /** The Teams meeting's organiser (the one who sent the kallelse): only they can read its attendance report. */
  organiser: z.object({ email: z.string(), displayName: z.string() }).optional(),
});
export type MeetingInTeamsDto = z.infer<typeof meetingInTeamsSchema>;

/** Teams' attendance report matched to the meeting's närvaro rows. */
export const attendanceReportSchema = z.object({
  /** False: Teams has made no report yet (it does when the meeting has ended). */
  found: z.boolean(),
  meetingStart: z.string().optional(),
  meetingEnd: z.string().optional(),
  /** The närvaro rows (by e-mail) the report shows present, with their minutes in the meeting. */
  present: z.array(z.object({ email: z.string(), displayName: z.string(), minutes: z.number() })),
  /** Participants of the report who are not among the meeting's invited, by name. */
  others: z.array(z.string()),
});
export type AttendanceReportDto = z.infer<typeof attendanceReportSchema>;

import { z } from 'zod';
import {
  attendanceSchema,
  meetingAnswersSchema,
  meetingDecisionViewSchema,
  meetingPlanSchema,
  meetingRecordSchema,
  pollSchema,
  pollSummarySchema,
  protocolViewSchema,
  reminderSchema,
  type cancelRequestSchema,
  type meetingDecisionSchema,
  type PlanRequest,
  type pollRequestSchema,
  type protocolRequestSchema,
  type rescheduleRequestSchema,
  type SendRequest,
  type VoteValue,
  kallelsePreviewSchema,
} from '../../contract';
import type { ApiClient } from '../api';
import { minutesApi } from './minutesApi';

/** Request bodies as the contract accepts them. */
export type RescheduleRequest = z.input<typeof rescheduleRequestSchema>;
export type CancelRequest = z.input<typeof cancelRequestSchema>;
export type MeetingDecisionRequest = z.input<typeof meetingDecisionSchema>;
export type ProtocolRequest = z.input<typeof protocolRequestSchema>;
export type PollRequest = z.input<typeof pollRequestSchema>;

const id = (value: string) => encodeURIComponent(value);

/** The meetings endpoints (api/routes/meetings.ts), each answer checked against the contract's schema. */

const protocolAnswer = z.object({ protocol: protocolViewSchema });

export function meetingsApi(api: ApiClient) {
  const post = <T>(path: string, schema: z.ZodType<T>, body: unknown = {}) =>
    api.request(path, schema, { method: 'POST', body });
  return {
    records: async () =>
      (await api.request('/api/meetings/records', z.object({ meetings: z.array(meetingRecordSchema) }))).meetings,
    plan: (input: PlanRequest) => post('/api/meetings/plan', meetingPlanSchema, input),
    send: async (input: SendRequest) =>
      (await post('/api/meetings', z.object({ meeting: meetingRecordSchema }), input)).meeting,
    /** What the send with this body would send; nothing is written. */
    previewKallelse: (input: SendRequest) => post('/api/meetings/kallelse/preview', kallelsePreviewSchema, input),
    answers: (meetingId: string) => api.request(`/api/meetings/${id(meetingId)}/answers`, meetingAnswersSchema),
    /** If-Match the meeting as read: a move by someone else in between is a 409 with the newer meeting. */
    reschedule: async (meetingId: string, body: RescheduleRequest, etag: string) =>
      (
        await api.request(`/api/meetings/${id(meetingId)}/reschedule`, z.object({ meeting: meetingRecordSchema }), {
          method: 'POST',
          body,
          headers: { 'if-match': etag },
        })
      ).meeting,
    cancel: async (meetingId: string, comment: CancelRequest['comment']) =>
      (await post(`/api/meetings/${id(meetingId)}/cancel`, z.object({ meeting: meetingRecordSchema }), { comment }))
        .meeting,
    fileArchive: async (meetingId: string) =>
      (await post(`/api/meetings/${id(meetingId)}/archive`, z.object({ meeting: meetingRecordSchema }))).meeting,
    remind: async (meetingId: string) =>
      (await post(`/api/meetings/${id(meetingId)}/remind`, z.object({ reminder: reminderSchema }))).reminder,
    attendance: async (meetingId: string) =>
      (await api.request(`/api/meetings/${id(meetingId)}/attendance`, z.object({ attendance: attendanceSchema })))
        .attendance,
    setAttendance: async (meetingId: string, rows: { email: string; present: boolean }[]) =>
      (
        await api.request(`/api/meetings/${id(meetingId)}/attendance`, z.object({ attendance: attendanceSchema }), {
          method: 'PUT',
          body: { rows },
        })
      ).attendance,
    decisions: async (meetingId: string) =>
      (
        await api.request(
          `/api/meetings/${id(meetingId)}/decisions`,
          z.object({ decisions: z.array(meetingDecisionViewSchema) }),
        )
      ).decisions,
    recordDecision: async (meetingId: string, body: MeetingDecisionRequest) =>
      (await post(`/api/meetings/${id(meetingId)}/decisions`, z.object({ decision: meetingDecisionViewSchema }), body))
        .decision,
    protocol: async (meetingId: string) =>
      (await api.request(`/api/meetings/${id(meetingId)}/protocol`, z.object({ protocol: protocolViewSchema })))
        .protocol,
    draftProtocol: async (meetingId: string, body: ProtocolRequest) =>
      (
        await api.request(`/api/meetings/${id(meetingId)}/protocol`, z.object({ protocol: protocolViewSchema }), {
          method: 'PUT',
          body,
        })
      ).protocol,
    ...minutesApi(api),
    // The version the approver read: a newer one is refused with the reason (#16).
    approve: async (meetingId: string, version?: number) =>
      (await post(`/api/meetings/${id(meetingId)}/protocol/approve`, protocolAnswer, { version })).protocol,
    polls: async () =>
      (await api.request('/api/meetings/polls', z.object({ polls: z.array(pollSummarySchema) }))).polls,
    poll: async (pollId: string) =>
      (await api.request(`/api/meetings/polls/${id(pollId)}`, z.object({ poll: pollSchema }))).poll,
    createPoll: async (body: PollRequest) =>
      (await post('/api/meetings/polls', z.object({ poll: pollSchema }), body)).poll,
    vote: async (pollId: string, choices: Record<string, VoteValue>) =>
      (await post(`/api/meetings/polls/${id(pollId)}/votes`, z.object({ poll: pollSchema }), { choices })).poll,
    protocolPdf: (meetingId: string) => api.download(`/api/meetings/${id(meetingId)}/protocol.pdf`),
    meetingIcs: (meetingId: string) => api.download(`/api/meetings/${id(meetingId)}/meeting.ics`),
    yearIcs: (year: number) => api.download(`/api/meetings/calendar.ics?year=${year}`),
  };
}
export type MeetingsApi = ReturnType<typeof meetingsApi>;

import type { MeetingGroup, Season } from '../../domain/meetings';
import { z } from 'zod';
import type { ApiClient } from '../api';

const availabilityList = z.array(z.string());

export const candidateSchema = z.object({
  start: z.string(),
  end: z.string(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  label: z.string(),
  confidence: z.number(),
  convenerAvailability: z.string(),
  counts: z.object({ free: z.number(), tentative: z.number(), busy: z.number(), unknown: z.number() }),
  organisations: z.array(
    z.object({
      organisationId: z.string(),
      name: z.string(),
      free: availabilityList,
      tentative: availabilityList,
      busy: availabilityList,
      unknown: availabilityList,
    }),
  ),
  warnings: z.array(z.string()),
});
export type Candidate = z.infer<typeof candidateSchema>;

export const planSchema = z.object({
  group: z.string(),
  window: z.object({ start: z.string(), end: z.string() }),
  outsideWindow: z.boolean(),
  workingDays: z.number(),
  attendees: z.number(),
  candidates: z.array(candidateSchema),
  unknownAvailability: z.object({ people: z.number(), organisations: z.array(z.string()), label: z.string() }),
  pollAdvised: z.boolean(),
  message: z.string(),
});
export type MeetingPlan = z.infer<typeof planSchema>;

export const recordSchema = z.object({
  id: z.string(),
  etag: z.string(),
  title: z.string(),
  group: z.enum(['samverkansgrupp', 'stodgrupp']),
  season: z.string().optional(),
  year: z.number(),
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  startUtc: z.string(),
  endUtc: z.string(),
  status: z.enum(['planerat', 'genomfort', 'installt']),
  eventId: z.string().optional(),
  location: z.string().optional(),
  isOnline: z.boolean(),
  joinUrl: z.string().optional(),
  convenerEmail: z.string().optional(),
  outsideWindowReason: z.string().optional(),
  agendaText: z.string().optional(),
  cancelComment: z.string().optional(),
});
export type MeetingRecord = z.infer<typeof recordSchema>;

const countsShape = {
  invited: z.number(),
  accepted: z.number(),
  tentative: z.number(),
  declined: z.number(),
  noAnswer: z.number(),
};
const personAnswerSchema = z.object({
  email: z.string(),
  displayName: z.string(),
  organisationId: z.string().optional(),
  answer: z.enum(['accepted', 'tentative', 'declined', 'noAnswer']),
  label: z.string(),
  isOrganizer: z.boolean(),
});
export type PersonAnswer = z.infer<typeof personAnswerSchema>;

export const answersSchema = z.object({
  meeting: recordSchema,
  totals: z.object(countsShape),
  organisations: z.array(z.object({ organisationId: z.string(), name: z.string(), kind: z.string(), ...countsShape })),
  people: z.array(personAnswerSchema),
  warnings: z.array(z.object({ code: z.string(), organisationId: z.string(), message: z.string() })),
  notAnswered: z.array(personAnswerSchema),
});
export type MeetingAnswers = z.infer<typeof answersSchema>;

export const attendanceSchema = z.array(
  z.object({
    email: z.string(),
    displayName: z.string(),
    organisationId: z.string(),
    present: z.boolean(),
    recorded: z.boolean(),
  }),
);
export type AttendanceRow = z.infer<typeof attendanceSchema>[number];

export const decisionSchema = z.object({
  id: z.string(),
  meetingId: z.string(),
  kind: z.string(),
  text: z.string(),
  decidedOn: z.string(),
  ownerPersonId: z.string().optional(),
  followUp: z.string(),
  followUpDue: z.string().optional(),
});
export type MeetingDecision = z.infer<typeof decisionSchema>;

export const protocolSchema = z.object({
  meetingId: z.string(),
  status: z.enum(['utkast', 'justerat', 'saknas']),
  secretaryEmail: z.string().optional(),
  chairEmail: z.string().optional(),
  adjusterEmails: z.array(z.string()),
  approvals: z.array(z.object({ personId: z.string(), at: z.string() })),
  lockedAt: z.string().optional(),
  sections: z
    .object({
      title: z.string(),
      status: z.string(),
      dagordning: z.array(z.string()),
      beslut: z.array(z.object({ paragraph: z.string(), kind: z.string(), text: z.string() })),
    })
    .loose()
    .optional(),
});
export type ProtocolView = z.infer<typeof protocolSchema>;

const tallySchema = z.object({
  candidate: z.object({ id: z.string(), label: z.string(), start: z.string(), end: z.string() }).loose(),
  ja: z.number(),
  omDetBehovs: z.number(),
  nej: z.number(),
  kommunerCovered: z.number(),
  kommunerTotal: z.number(),
});
export const pollSchema = z.object({
  id: z.string(),
  group: z.string(),
  year: z.number(),
  status: z.enum(['oppen', 'stangd']),
  deadline: z.string(),
  candidates: z.array(z.object({ id: z.string(), label: z.string(), start: z.string(), end: z.string() }).loose()),
  tally: z.array(tallySchema),
  best: tallySchema.optional(),
  voters: z.number(),
  myChoices: z.record(z.string(), z.string()).optional(),
});
export type PollView = z.infer<typeof pollSchema>;
const pollSummarySchema = pollSchema.pick({ id: true, group: true, year: true, status: true, deadline: true });

export const VOTE_CHOICES = ['ja', 'om-det-behövs', 'nej'] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];

export interface PlanInput {
  group: 'samverkansgrupp' | 'stodgrupp';
  year: number;
  season?: 'var' | 'host';
  from?: string;
  to?: string;
  durationMinutes: number;
  outsideWindowReason?: string;
}

export interface SendInput {
  group: MeetingGroup;
  season?: Season;
  date: string;
  startTime: string;
  endTime: string;
  room?: string;
  online: boolean;
  outsideWindowReason?: string;
  idempotencyKey: string;
}

const id = (value: string) => encodeURIComponent(value);

/** The meetings endpoints (api/routes/meetings.ts), each answer checked against its schema. */
export const reminderSchema = z.object({
  posted: z.boolean(),
  already: z.boolean(),
  mentioned: z.array(z.string()),
  listed: z.array(z.string()),
});
export type ReminderResult = z.infer<typeof reminderSchema>;

export function meetingsApi(api: ApiClient) {
  const post = <T>(path: string, schema: z.ZodType<T>, body: unknown = {}) =>
    api.request(path, schema, { method: 'POST', body });
  return {
    records: async () =>
      (await api.request('/api/meetings/records', z.object({ meetings: z.array(recordSchema) }))).meetings,
    plan: (input: PlanInput) => post('/api/meetings/plan', planSchema, input),
    send: async (input: SendInput) => (await post('/api/meetings', z.object({ meeting: recordSchema }), input)).meeting,
    answers: (meetingId: string) => api.request(`/api/meetings/${id(meetingId)}/answers`, answersSchema),
    reschedule: async (meetingId: string, body: { date: string; startTime: string; endTime: string }) =>
      (await post(`/api/meetings/${id(meetingId)}/reschedule`, z.object({ meeting: recordSchema }), body)).meeting,
    cancel: async (meetingId: string, comment: string) =>
      (await post(`/api/meetings/${id(meetingId)}/cancel`, z.object({ meeting: recordSchema }), { comment })).meeting,
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
      (await api.request(`/api/meetings/${id(meetingId)}/decisions`, z.object({ decisions: z.array(decisionSchema) })))
        .decisions,
    recordDecision: async (
      meetingId: string,
      body: { kind: string; text: string; ownerEmail?: string; followUpDue?: string },
    ) =>
      (await post(`/api/meetings/${id(meetingId)}/decisions`, z.object({ decision: decisionSchema }), body)).decision,
    protocol: async (meetingId: string) =>
      (await api.request(`/api/meetings/${id(meetingId)}/protocol`, z.object({ protocol: protocolSchema }))).protocol,
    draftProtocol: async (
      meetingId: string,
      body: { secretaryEmail: string; chairEmail: string; adjusterEmails: string[] },
    ) =>
      (
        await api.request(`/api/meetings/${id(meetingId)}/protocol`, z.object({ protocol: protocolSchema }), {
          method: 'PUT',
          body,
        })
      ).protocol,
    approve: async (meetingId: string) =>
      (await post(`/api/meetings/${id(meetingId)}/protocol/approve`, z.object({ protocol: protocolSchema }))).protocol,
    polls: async () =>
      (await api.request('/api/meetings/polls', z.object({ polls: z.array(pollSummarySchema) }))).polls,
    poll: async (pollId: string) =>
      (await api.request(`/api/meetings/polls/${id(pollId)}`, z.object({ poll: pollSchema }))).poll,
    createPoll: async (body: {
      group: string;
      year: number;
      season?: string;
      candidates: { start: string; end: string }[];
      deadline: string;
    }) => (await post('/api/meetings/polls', z.object({ poll: pollSchema }), body)).poll,
    vote: async (pollId: string, choices: Record<string, VoteChoice>) =>
      (await post(`/api/meetings/polls/${id(pollId)}/votes`, z.object({ poll: pollSchema }), { choices })).poll,
    protocolPdf: (meetingId: string) => api.download(`/api/meetings/${id(meetingId)}/protocol.pdf`),
    meetingIcs: (meetingId: string) => api.download(`/api/meetings/${id(meetingId)}/meeting.ics`),
    yearIcs: (year: number) => api.download(`/api/meetings/calendar.ics?year=${year}`),
  };
}
export type MeetingsApi = ReturnType<typeof meetingsApi>;

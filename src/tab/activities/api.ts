import { z } from 'zod';
import {
  ACTIVITY_STATUSES as STATUSES,
  TARGET_GROUPS,
  type ActivityStatus as Status,
  type TargetGroup,
} from '../../domain/activities';
import { SAMVERKANSOMRADEN as AREAS, type Samverkansomrade as Area } from '../../domain/areas';
import type { ApiClient } from '../api';

export { AREAS, STATUSES, TARGET_GROUPS, type Area, type Status, type TargetGroup };

export const activitySchema = z.object({
  id: z.string(),
  etag: z.string(),
  title: z.string(),
  area: z.enum(AREAS),
  targetGroups: z.array(z.enum(TARGET_GROUPS)),
  startDate: z.string(),
  endDate: z.string(),
  year: z.number().int(),
  responsibleOrganisationId: z.string(),
  budgetedCostOre: z.number().int(),
  participantFeeOre: z.number().int(),
  status: z.enum(STATUSES),
  decisionId: z.string().optional(),
  description: z.string().optional(),
  proposedByEmail: z.string().optional(),
  evaluation: z
    .object({
      date: z.string(),
      summary: z.string(),
      participantCount: z.number().int().optional(),
      participantsByOrganisation: z.record(z.string(), z.number().int()),
      lessons: z.string().optional(),
    })
    .optional(),
});
export type ActivityDto = z.infer<typeof activitySchema>;

const meetingSchema = z.object({
  id: z.string(),
  title: z.string(),
  group: z.string().nullable(),
  start: z.string().nullable(),
  status: z.string().nullable(),
});
export type MeetingRow = z.infer<typeof meetingSchema>;

export const decisionSchema = z.object({
  id: z.string(),
  etag: z.string(),
  title: z.string(),
  meetingId: z.string(),
  kind: z.string(),
  text: z.string(),
  decidedOn: z.string().optional(),
  followUp: z.enum(['ej_paborjad', 'pagar', 'klar']),
  followUpDue: z.string().optional(),
  followUpNote: z.string().optional(),
  subjectRef: z.string().optional(),
});
export type DecisionDto = z.infer<typeof decisionSchema>;

export interface ActivityFilters {
  year: number;
  area?: Area;
  targetGroup?: TargetGroup;
  status?: Status;
}

export function activitiesQuery(filters: ActivityFilters): string {
  const params = new URLSearchParams({ year: String(filters.year) });
  if (filters.area) params.set('area', filters.area);
  if (filters.targetGroup) params.set('targetGroup', filters.targetGroup);
  if (filters.status) params.set('status', filters.status);
  return params.toString();
}

const activityAnswer = z.object({ activity: activitySchema });

export const activitiesApi = (api: ApiClient) => ({
  list: async (filters: ActivityFilters) =>
    (
      await api.request(
        `/api/activities?${activitiesQuery(filters)}`,
        z.object({ activities: z.array(activitySchema) }),
      )
    ).activities,
  /** Every meeting of the register (past ones too): decisions are recorded after the meeting. */
  meetings: async () =>
    (await api.request('/api/meetings', z.object({ meetings: z.array(meetingSchema.loose()) }))).meetings,
  decisions: async () =>
    (await api.request('/api/decisions', z.object({ decisions: z.array(decisionSchema) }))).decisions,
  propose: (body: Record<string, unknown>) => api.request('/api/activities', activityAnswer, { method: 'POST', body }),
  decide: (activity: ActivityDto, meetingId: string) =>
    api.request(
      `/api/activities/${activity.id}/decision`,
      z.object({ activity: activitySchema, decisionId: z.string() }),
      { method: 'POST', body: { meetingId }, headers: { 'if-match': activity.etag } },
    ),
  evaluate: (activity: ActivityDto, body: Record<string, unknown>) =>
    api.request(`/api/activities/${activity.id}/evaluation`, activityAnswer, {
      method: 'POST',
      body,
      headers: { 'if-match': activity.etag },
    }),
});

/** The Stockholm calendar date of an instant (a meeting's start). */
export function stockholmDate(instant: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant));
}

import { z } from 'zod';
import type { ApiClient } from '../api';

export const AREAS = [
  'kompetensutveckling',
  'erfarenhetsutbyte',
  'tillsynsprojekt',
  'omvarldsbevakning',
  'information',
] as const;
export const TARGET_GROUPS = ['kommuner', 'naringsliv', 'medborgare'] as const;
export const STATUSES = ['forslag', 'beslutad', 'genomford', 'utvarderad', 'struken'] as const;
export type Area = (typeof AREAS)[number];
export type TargetGroup = (typeof TARGET_GROUPS)[number];
export type Status = (typeof STATUSES)[number];

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

/** ISO 8601 week of a calendar date (YYYY-MM-DD), computed on the date itself with no time zone involved. */
export function isoWeekOf(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  return Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
}

/** The Stockholm calendar date of an instant (a meeting's start). */
export function stockholmDate(instant: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant));
}

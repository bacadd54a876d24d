import { z } from 'zod';
import {
  activityBudgetResultSchema,
  activitySchema,
  decisionSchema,
  meetingSummarySchema,
  type ActivityDto,
  type ActivityStatus,
  type EvaluationInput,
  type NewActivity,
  type Samverkansomrade,
  type TargetGroup,
} from '../../contract';
import type { ApiClient } from '../api';

export interface ActivityFilters {
  year: number;
  area?: Samverkansomrade;
  targetGroup?: TargetGroup;
  status?: ActivityStatus;
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
    (await api.request('/api/meetings', z.object({ meetings: z.array(meetingSummarySchema) }))).meetings,
  decisions: async () =>
    (await api.request('/api/decisions', z.object({ decisions: z.array(decisionSchema) }))).decisions,
  propose: (body: NewActivity) => api.request('/api/activities', activityAnswer, { method: 'POST', body }),
  decide: (activity: ActivityDto, meetingId: string) =>
    api.request(
      `/api/activities/${activity.id}/decision`,
      z.object({ activity: activitySchema, decisionId: z.string(), budget: activityBudgetResultSchema.optional() }),
      { method: 'POST', body: { meetingId }, headers: { 'if-match': activity.etag } },
    ),
  evaluate: (activity: ActivityDto, body: EvaluationInput) =>
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

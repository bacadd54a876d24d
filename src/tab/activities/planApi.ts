import { z } from 'zod';
import { operatingPlanSchema, operatingPlanViewSchema, type OperatingPlanDto, type PlanInput } from '../../contract';
import type { ApiClient } from '../api';

/** The newer plan a 409 carries, if it is one. */
export function conflictPlan(current: unknown): OperatingPlanDto | undefined {
  const parsed = operatingPlanSchema.safeParse(current);
  return parsed.success ? parsed.data : undefined;
}

export const planApi = (api: ApiClient) => ({
  get: (year: number) => api.request(`/api/operating-plan/${year}`, operatingPlanViewSchema),
  /** Creates the year's proposal the first time (no If-Match), later only with the ETag read. */
  save: (year: number, input: PlanInput, etag?: string) =>
    api.request(`/api/operating-plan/${year}`, z.object({ plan: operatingPlanSchema }), {
      method: 'PUT',
      body: input,
      headers: etag ? { 'if-match': etag } : {},
    }),
  decide: (plan: OperatingPlanDto, meetingId: string) =>
    api.request(`/api/operating-plan/${plan.year}/decision`, z.object({ plan: operatingPlanSchema }), {
      method: 'POST',
      body: { meetingId },
      headers: { 'if-match': plan.etag },
    }),
});

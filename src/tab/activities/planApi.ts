import { z } from 'zod';
import type { ApiClient } from '../api';

export const PLAN_STATUSES = ['forslag', 'beslutad'] as const;

export const planSchema = z.object({
  id: z.string(),
  etag: z.string(),
  year: z.number().int(),
  status: z.enum(PLAN_STATUSES),
  priorities: z.array(z.string()),
  goals: z.array(z.object({ id: z.string(), text: z.string(), activityIds: z.array(z.string()) })),
  decisionId: z.string().optional(),
});
export type PlanDto = z.infer<typeof planSchema>;

const coveredActivitySchema = z.object({ id: z.string(), title: z.string() }).loose();

const coverageSchema = z.object({
  goals: z.array(
    z.object({
      goalId: z.string(),
      text: z.string(),
      covered: z.boolean(),
      activities: z.array(coveredActivitySchema),
    }),
  ),
  coveredGoals: z.number().int(),
  totalGoals: z.number().int(),
});
export type PlanCoverageDto = z.infer<typeof coverageSchema>;

const planView = z.object({ plan: planSchema.nullable(), coverage: coverageSchema.nullable() });
export type PlanView = z.infer<typeof planView>;

export interface PlanInput {
  priorities: string[];
  goals: { id?: string; text: string; activityIds: string[] }[];
}

/** The newer plan a 409 carries, if it is one. */
export function conflictPlan(current: unknown): PlanDto | undefined {
  const parsed = planSchema.safeParse(current);
  return parsed.success ? parsed.data : undefined;
}

export const planApi = (api: ApiClient) => ({
  get: (year: number) => api.request(`/api/operating-plan/${year}`, planView),
  /** Creates the year's proposal the first time (no If-Match), later only with the ETag read. */
  save: (year: number, input: PlanInput, etag?: string) =>
    api.request(`/api/operating-plan/${year}`, z.object({ plan: planSchema }), {
      method: 'PUT',
      body: input,
      headers: etag ? { 'if-match': etag } : {},
    }),
  decide: (plan: PlanDto, meetingId: string) =>
    api.request(`/api/operating-plan/${plan.year}/decision`, z.object({ plan: planSchema }), {
      method: 'POST',
      body: { meetingId },
      headers: { 'if-match': plan.etag },
    }),
});

import { z } from 'zod';
import type { ApiClient } from '../api';

/** The economy endpoints' answers, checked at the tab's boundary. Amounts are integer öre. */

const ore = z.number().int();

export const budgetLineSchema = z.object({
  id: z.string(),
  etag: z.string(),
  year: z.number().int(),
  kind: z.enum(['kostnad', 'intakt']),
  category: z.string(),
  area: z.string().optional(),
  name: z.string(),
  amountOre: ore,
  organisationId: z.string().optional(),
});
export type BudgetLineDto = z.infer<typeof budgetLineSchema>;

const amountsSchema = z.object({ budgetOre: ore, outcomeOre: ore, forecastOre: ore, deviationOre: ore });
export type AmountsDto = z.infer<typeof amountsSchema>;

export const statusReportSchema = z.object({
  year: z.number().int(),
  asOf: z.string(),
  elapsedDays: z.number().int(),
  daysInYear: z.number().int(),
  lines: z.array(amountsSchema.extend({ line: budgetLineSchema.omit({ etag: true }), entryCount: z.number().int() })),
  byCategory: z.record(z.string(), amountsSchema),
  byArea: z.record(z.string(), z.object({ kostnad: amountsSchema, intakt: amountsSchema, net: amountsSchema })),
  byKind: z.object({ kostnad: amountsSchema, intakt: amountsSchema }),
  net: amountsSchema,
});
export type StatusReportDto = z.infer<typeof statusReportSchema>;

export const coFinancingSchema = z.object({
  year: z.number().int(),
  rows: z.array(
    z.object({
      organisationId: z.string(),
      name: z.string(),
      kind: z.string(),
      dueOre: ore,
      paidOre: ore,
      remainingOre: ore,
      overpaidOre: ore,
      status: z.string(),
      statusLabel: z.string(),
      flag: z.string().optional(),
    }),
  ),
  missing: z.array(z.object({ organisationId: z.string(), name: z.string(), message: z.string() })),
  totals: z.object({ dueOre: ore, paidOre: ore, remainingOre: ore, overpaidOre: ore }),
});
export type CoFinancingDto = z.infer<typeof coFinancingSchema>;

export const reportSchema = z.object({ status: statusReportSchema, coFinancing: coFinancingSchema });
export type BudgetReportDto = z.infer<typeof reportSchema>;

export const timeReportSchema = z.object({
  entries: z.array(
    z.object({
      id: z.string(),
      date: z.string(),
      hours: z.number(),
      assignment: z.string(),
      note: z.string().optional(),
    }),
  ),
  report: z.object({
    availableHours: z.number(),
    usedHours: z.number(),
    remainingHours: z.number(),
    usedToDateHours: z.number(),
    expectedToDateHours: z.number(),
    status: z.string(),
    statusLabel: z.string(),
    message: z.string(),
    perAssignment: z.array(z.object({ assignment: z.string(), hours: z.number(), entryCount: z.number() })),
  }),
});
export type TimeReportDto = z.infer<typeof timeReportSchema>;

export function reportQuery(year: number, asOf?: string): string {
  return `year=${year}${asOf ? `&asOf=${asOf}` : ''}`;
}

export const budgetApi = (api: ApiClient) => ({
  lines: async (year: number) =>
    (await api.request(`/api/budget?year=${year}`, z.object({ lines: z.array(budgetLineSchema) }))).lines,
  report: (year: number, asOf?: string) => api.request(`/api/budget/report?${reportQuery(year, asOf)}`, reportSchema),
  bookOutcome: (body: { budgetLineId: string; date: string; amountOre: number; text?: string }) =>
    api.request('/api/budget/outcomes', z.object({ outcome: z.object({ id: z.string() }).loose() }), {
      method: 'POST',
      body,
    }),
  addLine: (body: {
    year: number;
    category: string;
    name: string;
    amountOre: number;
    area?: string;
    organisationId?: string;
  }) => api.request('/api/budget/lines', z.object({ line: budgetLineSchema }), { method: 'POST', body }),
  /** Changes a line with the ETag it was read with; a 409 carries the newer line. */
  updateLine: (
    line: BudgetLineDto,
    patch: { name: string; category: string; area: string | null; amountOre: number },
  ) =>
    api.request(`/api/budget/lines/${line.id}`, z.object({ line: budgetLineSchema }), {
      method: 'PATCH',
      body: patch,
      headers: { 'if-match': line.etag },
    }),
  time: (year: number, asOf?: string) =>
    api.request(`/api/coordinator-time?${reportQuery(year, asOf)}`, timeReportSchema),
  logTime: (body: { date: string; hours: number; assignment: string }) =>
    api.request('/api/coordinator-time', z.object({ entry: z.object({ id: z.string() }).loose() }), {
      method: 'POST',
      body,
    }),
});

import { z } from 'zod';
import {
  budgetLineSchema,
  budgetReportSchema,
  budgetVersionSummarySchema,
  outcomeSchema,
  timeReportSchema,
  type BudgetLineDto,
  type BudgetLinePatch,
  type NewBudgetLine,
  type NewOutcome,
  type NewTimeEntry,
  type OutcomeReversal,
} from '../../contract';
import type { ApiClient } from '../api';

/** The economy endpoints, requests and answers as the contract (src/contract/budget.ts) has them. Amounts are öre. */

export function reportQuery(year: number, asOf?: string): string {
  return `year=${year}${asOf ? `&asOf=${asOf}` : ''}`;
}

export const budgetApi = (api: ApiClient) => ({
  lines: async (year: number) =>
    (await api.request(`/api/budget?year=${year}`, z.object({ lines: z.array(budgetLineSchema) }))).lines,
  report: (year: number, asOf?: string) =>
    api.request(`/api/budget/report?${reportQuery(year, asOf)}`, budgetReportSchema),
  bookOutcome: (body: NewOutcome) =>
    api.request('/api/budget/outcomes', z.object({ outcome: z.object({ id: z.string() }).loose() }), {
      method: 'POST',
      body,
    }),
  /** Stödgruppen's proposal for the year: its first budget, or a revision of the decided one (#17). */
  proposeVersion: (year: number) =>
    api.request('/api/budget/versions', z.object({ version: budgetVersionSummarySchema.loose() }), {
      method: 'POST',
      body: { year },
    }),
  outcomes: async (year: number) =>
    (await api.request(`/api/budget/outcomes?year=${year}`, z.object({ outcomes: z.array(outcomeSchema) }))).outcomes,
  /** Corrects a booking by reversal (#18); a 409 says it is already reversed or is itself a reversal. */
  reverseOutcome: (id: string, body: OutcomeReversal) =>
    api.request(`/api/budget/outcomes/${id}/reversal`, z.object({ outcome: outcomeSchema }), { method: 'POST', body }),
  addLine: (body: NewBudgetLine) =>
    api.request('/api/budget/lines', z.object({ line: budgetLineSchema }), { method: 'POST', body }),
  /** Changes a line with the ETag it was read with; a 409 carries the newer line. */
  updateLine: (line: BudgetLineDto, patch: BudgetLinePatch) =>
    api.request(`/api/budget/lines/${line.id}`, z.object({ line: budgetLineSchema }), {
      method: 'PATCH',
      body: patch,
      headers: { 'if-match': line.etag },
    }),
  time: (year: number, asOf?: string) =>
    api.request(`/api/coordinator-time?${reportQuery(year, asOf)}`, timeReportSchema),
  logTime: (body: NewTimeEntry) =>
    api.request('/api/coordinator-time', z.object({ entry: z.object({ id: z.string() }).loose() }), {
      method: 'POST',
      body,
    }),
});

import { z } from 'zod';
import { SAMVERKANSOMRADEN } from '../domain/areas';
import { BUDGET_CATEGORIES, BUDGET_KINDS, type BudgetCategory } from '../domain/budget';
import { isoDateInput } from './common';

/** Budget and outcome (/api/budget) and the coordinator's time (/api/coordinator-time). Amounts are integer öre. */

const ORE_LIMIT = Number.MAX_SAFE_INTEGER;

const lineShape = {
  year: z.number().int().min(2000, 'Ogiltigt budgetår.').max(2199, 'Ogiltigt budgetår.'),
  category: z.enum(BUDGET_CATEGORIES as [BudgetCategory, ...BudgetCategory[]], {
    error: (issue) => `Okänd budgetkategori: ${String(issue.input)}.`,
  }),
  area: z.enum(SAMVERKANSOMRADEN, { error: (issue) => `Okänt samverkansområde: ${String(issue.input)}.` }).optional(),
  name: z.string().trim().min(1, 'Namnet får inte vara tomt.').max(255, 'Namnet får vara högst 255 tecken.'),
  amountOre: z
    .number({ error: 'Beloppet måste vara ett heltal i öre.' })
    .int('Beloppet måste vara ett heltal i öre.')
    .min(0, 'Beloppet får inte vara negativt.')
    .max(ORE_LIMIT, 'Beloppet är för stort.'),
  organisationId: z.string().trim().min(1).max(64).optional(),
};

export const newBudgetLineSchema = z.object(lineShape).strict();

export type NewBudgetLine = z.infer<typeof newBudgetLineSchema>;

export const budgetLinePatchSchema = z
  .object({ ...lineShape, area: lineShape.area.nullable(), organisationId: lineShape.organisationId.nullable() })
  .omit({ year: true })
  .partial()
  .strict();

export type BudgetLinePatch = z.infer<typeof budgetLinePatchSchema>;

export const newOutcomeSchema = z
  .object({
    budgetLineId: z.string().regex(/^\d{1,12}$/, 'Ogiltig budgetrad.'),
    date: isoDateInput,
    amountOre: z
      .number({ error: 'Beloppet måste vara ett heltal i öre.' })
      .int('Beloppet måste vara ett heltal i öre.')
      .min(-ORE_LIMIT, 'Beloppet är för stort.')
      .max(ORE_LIMIT, 'Beloppet är för stort.'),
    text: z.string().trim().max(2000).optional(),
  })
  .strict();

export type NewOutcome = z.infer<typeof newOutcomeSchema>;

export const newTimeEntrySchema = z
  .object({
    date: isoDateInput,
    hours: z.number({ error: 'Antalet timmar måste vara ett tal.' }),
    assignment: z.string().trim().min(1, 'Ange vilket uppdrag tiden avser.').max(255),
    activityId: z
      .string()
      .regex(/^\d{1,12}$/, 'Ogiltig aktivitet.')
      .optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .strict();

export type NewTimeEntry = z.infer<typeof newTimeEntrySchema>;

// Answers

const ore = z.number().int();

export const budgetLineSchema = z.object({
  id: z.string(),
  etag: z.string(),
  year: z.number().int(),
  kind: z.enum(BUDGET_KINDS),
  category: z.string(),
  area: z.string().optional(),
  name: z.string(),
  amountOre: ore,
  organisationId: z.string().optional(),
});
export type BudgetLineDto = z.infer<typeof budgetLineSchema>;

export const amountsSchema = z.object({ budgetOre: ore, outcomeOre: ore, forecastOre: ore, deviationOre: ore });
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

/** GET /api/budget/report: the lägesrapport and the co-financing per organisation. */
export const budgetReportSchema = z.object({ status: statusReportSchema, coFinancing: coFinancingSchema });
export type BudgetReportDto = z.infer<typeof budgetReportSchema>;

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

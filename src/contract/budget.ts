import { z } from 'zod';
import { SAMVERKANSOMRADEN } from '../domain/areas';
import { BUDGET_CATEGORIES, BUDGET_KINDS, type BudgetCategory } from '../domain/budget';
import { NOTHING_TO_CHANGE, isoDateInput, lineText, longText, nonEmpty, oreAmount } from './common';

/** Budget and outcome (/api/budget) and the coordinator's time (/api/coordinator-time). Amounts are integer öre. */

const lineShape = {
  year: z
    .number({ error: 'Budgetåret måste vara ett heltal.' })
    .int('Ogiltigt budgetår.')
    .min(2020, 'Ogiltigt budgetår.')
    .max(2099, 'Ogiltigt budgetår.'),
  category: z.enum(BUDGET_CATEGORIES as [BudgetCategory, ...BudgetCategory[]], {
    error: (issue) => `Okänd budgetkategori: ${issue.input === undefined ? 'saknas' : String(issue.input)}.`,
  }),
  area: z
    .enum(SAMVERKANSOMRADEN, {
      error: (issue) => `Okänt samverkansområde: ${issue.input === undefined ? 'saknas' : String(issue.input)}.`,
    })
    .optional(),
  name: lineText(),
  amountOre: oreAmount(),
  organisationId: lineText(64).optional(),
};

export const newBudgetLineSchema = z.object(lineShape).strict();

export type NewBudgetLine = z.infer<typeof newBudgetLineSchema>;

export const budgetLinePatchSchema = z
  .object({ ...lineShape, area: lineShape.area.nullable(), organisationId: lineShape.organisationId.nullable() })
  .omit({ year: true })
  .partial()
  .strict()
  .refine(nonEmpty, NOTHING_TO_CHANGE);

export type BudgetLinePatch = z.infer<typeof budgetLinePatchSchema>;

export const newOutcomeSchema = z
  .object({
    budgetLineId: z.string().regex(/^\d{1,12}$/, 'Ogiltig budgetrad.'),
    date: isoDateInput,
    // An outcome is booked as a positive amount on its line (a cost or an income); a correction is a change
    // of the line, not a negative booking.
    amountOre: oreAmount({ allowZero: false }),
    text: lineText().optional(),
  })
  .strict();

export type NewOutcome = z.infer<typeof newOutcomeSchema>;

export const newTimeEntrySchema = z
  .object({
    date: isoDateInput,
    hours: z
      .number({ error: 'Antalet timmar måste vara ett tal.' })
      .min(0, 'Antalet timmar får inte vara negativt.')
      .max(24, 'Högst 24 timmar per dag.'),
    assignment: lineText(),
    activityId: z
      .string()
      .regex(/^\d{1,12}$/, 'Ogiltig aktivitet.')
      .optional(),
    note: longText(2000).optional(),
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
  /** The decided activity the line comes from (#17). */
  activityId: z.string().optional(),
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

/** A kostnadsundantag of the year as the lägesrapport shows it ("Överenskomna undantag", #17). */
export const agreedExceptionSchema = z.object({
  decisionId: z.string(),
  title: z.string(),
  text: z.string(),
  decidedOn: z.string(),
  paragraph: z.number().int().optional(),
  organisations: z.array(z.string()),
  ceilingOre: ore.optional(),
});
export type AgreedExceptionDto = z.infer<typeof agreedExceptionSchema>;

/** One of the year's budget versions (#17): stödgruppen's proposal or samverkansgruppen's decided budget. */
export const budgetVersionSummarySchema = z.object({
  version: z.number().int(),
  status: z.enum(['forslag', 'beslutad']),
  decisionId: z.string().optional(),
  decidedOn: z.string().optional(),
});
export type BudgetVersionSummaryDto = z.infer<typeof budgetVersionSummarySchema>;

/**
 * GET /api/budget/report: the lägesrapport, the co-financing per organisation and the agreed exceptions; the
 * decided version it is measured against and the year's versions, oldest first.
 */
export const budgetReportSchema = z.object({
  status: statusReportSchema,
  coFinancing: coFinancingSchema,
  exceptions: z.array(agreedExceptionSchema).optional(),
  measuredAgainst: budgetVersionSummarySchema.omit({ status: true }).optional(),
  versions: z.array(budgetVersionSummarySchema).optional(),
});
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

/** POST /api/budget/outcomes/:id/reversal: books the opposite amount, referencing the original (#18). */
export const outcomeReversalSchema = z
  .object({
    /** The reversal's booking date; today (Europe/Stockholm) when absent. */
    date: isoDateInput.optional(),
    text: lineText().optional(),
  })
  .strict();
export type OutcomeReversal = z.infer<typeof outcomeReversalSchema>;

/** A booked outcome as GET /api/budget/outcomes lists it. */
export const outcomeSchema = z.object({
  id: z.string(),
  etag: z.string(),
  budgetLineId: z.string(),
  date: z.string(),
  amountOre: ore,
  text: z.string().optional(),
  bookedByEmail: z.string().optional(),
  /** The booking this one reverses. */
  reversesId: z.string().optional(),
  /** The booking that reverses this one. */
  reversedById: z.string().optional(),
});
export type OutcomeDto = z.infer<typeof outcomeSchema>;

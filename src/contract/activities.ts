import { z } from 'zod';
import { ACTIVITY_STATUSES, TARGET_GROUPS } from '../domain/activities';
import { SAMVERKANSOMRADEN } from '../domain/areas';
import { OPERATING_PLAN_STATUSES } from '../domain/operatingPlan';
import { participantReportSchema, tagIdList } from './funders';
import { NOTHING_TO_CHANGE, isoDateInput, lineText, longText, nonEmpty, oreAmount } from './common';

/** Activities (/api/activities) and the verksamhetsplan (/api/operating-plan). */

export const oreInput = oreAmount();

const activityShape = {
  title: lineText(),
  area: z.enum(SAMVERKANSOMRADEN, {
    error: (issue) => `Okänt samverkansområde: ${issue.input === undefined ? 'saknas' : String(issue.input)}.`,
  }),
  targetGroups: z
    .array(
      z.enum(TARGET_GROUPS, {
        error: (issue) => `Okänd målgrupp: ${issue.input === undefined ? 'saknas' : String(issue.input)}.`,
      }),
    )
    .min(1, 'Ange minst en målgrupp.')
    .max(TARGET_GROUPS.length),
  startDate: isoDateInput,
  endDate: isoDateInput,
  responsibleOrganisationId: lineText(64),
  responsibleEmail: z.string().trim().toLowerCase().email('Ogiltig e-postadress.').max(255).optional(),
  budgetedCostOre: oreInput.default(0),
  participantFeeOre: oreInput.default(0),
  description: longText(10_000).optional(),
  /** Topic tags (#17): Ämnestaggar ids; a retired one only if the activity carries it already. */
  tagIds: tagIdList.optional(),
};

export const newActivitySchema = z
  .object(activityShape)
  .strict()
  .refine((a) => a.endDate >= a.startDate, {
    path: ['endDate'],
    message: 'Slutdatumet får inte vara före startdatumet.',
  });

export type NewActivity = z.input<typeof newActivitySchema>;

export const activityPatchSchema = z
  .object({
    ...activityShape,
    budgetedCostOre: oreInput,
    participantFeeOre: oreInput,
  })
  .partial()
  .strict()
  .refine(nonEmpty, NOTHING_TO_CHANGE);

export type ActivityPatch = z.infer<typeof activityPatchSchema>;

export const activityStatusSchema = z
  .object({ to: z.enum(['genomford', 'struken'], { error: 'Statusen kan bara sättas till genomförd eller struken.' }) })
  .strict();

export const evaluationInputSchema = z
  .object({
    date: isoDateInput,
    summary: longText(10_000),
    lessons: longText(10_000).optional(),
    participantsByOrganisation: z
      .record(
        z.string().regex(/^[a-z0-9-]{1,64}$/, 'Ogiltig organisation.'),
        z
          .number({ error: 'Antalet deltagare måste vara ett heltal.' })
          .int('Antalet deltagare måste vara ett heltal.')
          .min(0, 'Antalet deltagare får inte vara negativt.')
          .max(100_000),
      )
      .default({}),
  })
  .strict();

export type EvaluationInput = z.input<typeof evaluationInputSchema>;

export const planInputSchema = z
  .object({
    priorities: z.array(longText(2000)).max(50, 'Högst 50 prioriteringar.').default([]),
    goals: z
      .array(
        z
          .object({
            id: z
              .string()
              .regex(/^[A-Za-z0-9-]{1,64}$/, 'Ogiltigt mål-id.')
              .optional(),
            text: longText(2000),
            activityIds: z
              .array(z.string().regex(/^\d{1,12}$/, 'Ogiltigt aktivitets-id.'))
              .max(200)
              .default([]),
          })
          .strict(),
      )
      .max(50)
      .default([]),
  })
  .strict();

export type PlanInput = z.input<typeof planInputSchema>;

// Answers

export const activitySchema = z.object({
  id: z.string(),
  etag: z.string(),
  title: z.string(),
  area: z.enum(SAMVERKANSOMRADEN),
  targetGroups: z.array(z.enum(TARGET_GROUPS)),
  startDate: z.string(),
  endDate: z.string(),
  year: z.number().int(),
  responsibleOrganisationId: z.string(),
  budgetedCostOre: z.number().int(),
  participantFeeOre: z.number().int(),
  status: z.enum(ACTIVITY_STATUSES),
  decisionId: z.string().optional(),
  description: z.string().optional(),
  proposedByEmail: z.string().optional(),
  tagIds: z.array(z.string()).default([]),
  participants: participantReportSchema.optional(),
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

export const operatingPlanSchema = z.object({
  id: z.string(),
  etag: z.string(),
  year: z.number().int(),
  status: z.enum(OPERATING_PLAN_STATUSES),
  priorities: z.array(z.string()),
  goals: z.array(z.object({ id: z.string(), text: z.string(), activityIds: z.array(z.string()) })),
  decisionId: z.string().optional(),
});
export type OperatingPlanDto = z.infer<typeof operatingPlanSchema>;

const coveredActivitySchema = z.object({ id: z.string(), title: z.string() }).loose();

export const planCoverageSchema = z.object({
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
export type PlanCoverageDto = z.infer<typeof planCoverageSchema>;

/** GET /api/operating-plan/{year}: the plan and how its goals are covered, both null before the first save. */
export const operatingPlanViewSchema = z.object({
  plan: operatingPlanSchema.nullable(),
  coverage: planCoverageSchema.nullable(),
});
export type OperatingPlanViewDto = z.infer<typeof operatingPlanViewSchema>;

/** POST /api/activities/:id/decision: the decided activity, its decision, and what reached the budget (#17). */
export const activityBudgetResultSchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  /** Years whose decided budget got a proposal for revision for the activity's lines. */
  revisionsOpened: z.array(z.number().int()),
});
export type ActivityBudgetResultDto = z.infer<typeof activityBudgetResultSchema>;

import { z } from 'zod';
import type { Activity } from './activities';
import type { Decision } from './decisions';
import { DomainRuleError } from './errors';
import { idSchema, parseOrThrow } from './validation';

export const OPERATING_PLAN_STATUSES = ['forslag', 'beslutad'] as const;
export type OperatingPlanStatus = (typeof OPERATING_PLAN_STATUSES)[number];

export const OPERATING_PLAN_STATUS_LABELS: Record<OperatingPlanStatus, { sv: string; en: string }> = {
  forslag: { sv: 'Förslag', en: 'Proposed' },
  beslutad: { sv: 'Beslutad', en: 'Decided' },
};

export interface OperatingPlanGoal {
  id: string;
  text: string;
  activityIds: string[];
}

/** The verksamhetsplan for a year: stödgruppen proposes it, samverkansgruppen decides it. */
export interface OperatingPlan {
  year: number;
  status: OperatingPlanStatus;
  priorities: string[];
  goals: OperatingPlanGoal[];
  decisionId?: string;
}

const goalSchema = z.object({
  id: idSchema,
  text: z.string({ error: 'Målet saknar text.' }).trim().min(1, 'Målet får inte vara tomt.'),
  activityIds: z
    .array(idSchema, { error: 'Aktiviteterna måste anges som en lista.' })
    .default([])
    .transform((ids) => [...new Set(ids)]),
});

const planSchema = z
  .object({
    year: z
      .number({ error: 'Året måste vara ett heltal.' })
      .int('Året måste vara ett heltal.')
      .min(1900, 'Året måste vara mellan 1900 och 2199.')
      .max(2199, 'Året måste vara mellan 1900 och 2199.'),
    status: z
      .enum(OPERATING_PLAN_STATUSES, {
        error: (issue) => `Okänd status: ${issue.input === undefined ? 'saknas' : String(issue.input)}.`,
      })
      .default('forslag'),
    priorities: z
      .array(
        z.string({ error: 'En prioritering måste vara text.' }).trim().min(1, 'En prioritering får inte vara tom.'),
        {
          error: 'Prioriteringarna måste anges som en lista.',
        },
      )
      .default([]),
    goals: z.array(goalSchema, { error: 'Målen måste anges som en lista.' }).default([]),
    decisionId: idSchema.optional(),
  })
  .superRefine((plan, ctx) => {
    const seen = new Set<string>();
    plan.goals.forEach((goal, index) => {
      if (seen.has(goal.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['goals', index, 'id'],
          message: `Mål-id förekommer flera gånger: ${goal.id}.`,
        });
      }
      seen.add(goal.id);
    });
    if (plan.status === 'beslutad' && plan.decisionId === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['decisionId'],
        message: 'En beslutad verksamhetsplan måste hänvisa till ett beslut.',
      });
    }
  });

export function createOperatingPlan(input: unknown): OperatingPlan {
  return parseOrThrow(planSchema, input);
}

function copyPlan(plan: OperatingPlan): OperatingPlan {
  return {
    ...plan,
    priorities: [...plan.priorities],
    goals: plan.goals.map((goal) => ({ ...goal, activityIds: [...goal.activityIds] })),
  };
}

/**
 * Samverkansgruppen decides the plan (usually in the autumn before the plan's year). A Decision is
 * checked to be about the verksamhetsplan; a bare id is trusted. A decided plan cannot be decided again.
 */
export function decidePlan(plan: OperatingPlan, decision: string | Decision): OperatingPlan {
  if (plan.status !== 'forslag') {
    throw new DomainRuleError('PLAN_ALREADY_DECIDED', `Verksamhetsplanen för ${plan.year} är redan beslutad.`);
  }
  if (typeof decision !== 'string') {
    if (decision.kind !== 'verksamhetsplan') {
      throw new DomainRuleError('WRONG_DECISION_KIND', 'Beslutet gäller inte verksamhetsplanen.');
    }
  }
  const decisionId = parseOrThrow(idSchema, typeof decision === 'string' ? decision : decision.id);
  return { ...copyPlan(plan), status: 'beslutad', decisionId };
}

/** Links an activity to a goal; linking it again changes nothing. */
export function linkActivity(plan: OperatingPlan, goalId: string, activityId: string): OperatingPlan {
  const id = parseOrThrow(idSchema, activityId);
  const next = copyPlan(plan);
  const goal = next.goals.find((g) => g.id === goalId);
  if (!goal) {
    throw new DomainRuleError('GOAL_NOT_FOUND', `Verksamhetsplanen har inget mål med id ${goalId}.`);
  }
  if (!goal.activityIds.includes(id)) goal.activityIds.push(id);
  return next;
}

export function unlinkActivity(plan: OperatingPlan, goalId: string, activityId: string): OperatingPlan {
  const next = copyPlan(plan);
  const goal = next.goals.find((g) => g.id === goalId);
  if (!goal) {
    throw new DomainRuleError('GOAL_NOT_FOUND', `Verksamhetsplanen har inget mål med id ${goalId}.`);
  }
  goal.activityIds = goal.activityIds.filter((id) => id !== activityId);
  return next;
}

export interface GoalCoverage {
  goalId: string;
  text: string;
  /** Linked activities that are not struken. */
  activities: Activity[];
  /** Linked ids not found among the activities given. */
  unknownActivityIds: string[];
  covered: boolean;
  message?: string;
}

export interface PlanCoverage {
  year: number;
  goals: GoalCoverage[];
  goalsWithoutActivities: GoalCoverage[];
  /** The year's activities (not struken) that no goal points to. */
  activitiesOutsidePlan: Activity[];
  coveredGoals: number;
  totalGoals: number;
}

/** Which goals have activities. A struck activity does not cover a goal. */
export function planCoverage(plan: OperatingPlan, activities: readonly Activity[]): PlanCoverage {
  const byId = new Map(activities.map((activity) => [activity.id, activity]));
  const goals: GoalCoverage[] = plan.goals.map((goal) => {
    const found = goal.activityIds.map((id) => byId.get(id));
    const live = found.filter((a): a is Activity => a !== undefined && a.status !== 'struken');
    const unknownActivityIds = goal.activityIds.filter((id) => !byId.has(id));
    const covered = live.length > 0;
    return {
      goalId: goal.id,
      text: goal.text,
      activities: live,
      unknownActivityIds,
      covered,
      ...(covered
        ? {}
        : {
            message:
              goal.activityIds.length > 0
                ? `Målet ”${goal.text}” saknar aktiviteter som genomförs (de kopplade är strukna eller okända).`
                : `Målet ”${goal.text}” saknar aktiviteter.`,
          }),
    };
  });
  const linked = new Set(plan.goals.flatMap((goal) => goal.activityIds));
  return {
    year: plan.year,
    goals,
    goalsWithoutActivities: goals.filter((goal) => !goal.covered),
    activitiesOutsidePlan: activities.filter(
      (a) => a.status !== 'struken' && a.startDate.startsWith(`${plan.year}-`) && !linked.has(a.id),
    ),
    coveredGoals: goals.filter((goal) => goal.covered).length,
    totalGoals: goals.length,
  };
}

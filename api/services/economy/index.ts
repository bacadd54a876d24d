/** Economy: activities, the verksamhetsplan, budget and outcome, the coordinator's time and the decision register. */
export {
  ActivitiesService,
  activityPatchSchema,
  activityStatusSchema,
  evaluationInputSchema,
  newActivitySchema,
  toActivity,
} from './activities';
export type { ActivityRecord } from './activities';
export {
  budgetLinePatchSchema,
  BudgetService,
  newBudgetLineSchema,
  newOutcomeSchema,
  resolveBudgetLine,
} from './budget';
export type { BudgetLineRecord, BudgetReport, NewBudgetLine, NewOutcome, OutcomeRecord } from './budget';
export { CoordinatorTimeService, newTimeEntrySchema } from './coordinatorTime';
export {
  decisionReferenceSchema,
  DecisionsService,
  followUpPatchSchema,
  newDecisionSchema,
  toDecision,
} from './decisions';
export type { DecisionRecord, OpenProposal } from './decisions';
export { isoDateInput, yearInput } from './listFields';
export { OperatingPlanService, planInputSchema } from './operatingPlan';
export type { OperatingPlanRecord } from './operatingPlan';

/** Economy: activities, the verksamhetsplan, budget and outcome, the coordinator's time and the decision register. */
export { ActivitiesService, toActivity } from './activities';
export type { ActivityRecord } from './activities';
export { ActivityBudgetLink } from './activityBudget';
export type { ActivityBudgetResult } from './activityBudget';
export { BudgetService, resolveBudgetLine } from './budget';
export type { BudgetLineRecord, BudgetReport, OutcomeRecord } from './budget';
export { BudgetVersionsService } from './budgetVersions';
export type { BudgetVersionRecord } from './budgetVersions';
export { CoordinatorTimeService } from './coordinatorTime';
export { AssignmentsService, nameOf as assigneeNameOf } from './assignments';
export type { AssignmentActor, AssignmentFields, Assignees } from './assignments';
export { PlannerMirror, PLANNER_PERCENT, PLANNER_PLAN_TITLE } from './plannerMirror';
export { DecisionsService, costExceptionCheck, toDecision } from './decisions';
export type { DecisionRecord, OpenProposal, RecordCheck } from './decisions';

export { OperatingPlanService } from './operatingPlan';
export type { OperatingPlanRecord } from './operatingPlan';
export { FundersService } from './funders';
export { TopicTagsService } from './topicTags';
export type { TopicTagRecord } from './topicTags';

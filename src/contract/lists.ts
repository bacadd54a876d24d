/**
 * The shared lists of the samverkan, from the domain: what the tab offers in its choices is what the API
 * accepts. Re-exported here so that the tab and the routes take them from one place.
 */
export {
  ACTIVITY_STATUSES,
  ACTIVITY_STATUS_LABELS,
  TARGET_GROUPS,
  TARGET_GROUP_LABELS,
  type ActivityStatus,
  type TargetGroup,
} from '../domain/activities';
export { SAMVERKANSOMRADEN, SAMVERKANSOMRADE_LABELS, type Samverkansomrade } from '../domain/areas';
export {
  BUDGET_CATEGORIES,
  BUDGET_CATEGORY_LABELS,
  BUDGET_KINDS,
  BUDGET_KIND_LABELS,
  COST_CATEGORIES,
  INCOME_CATEGORIES,
  type BudgetCategory,
  type BudgetKind,
} from '../domain/budget';
export {
  DECISION_KINDS,
  DECISION_KIND_LABELS,
  FOLLOW_UP_LABELS,
  FOLLOW_UP_STATUSES,
  type DecisionKind,
  type FollowUpStatus,
} from '../domain/decisions';
export { PER_CAPSULAM_MEETING_ID, formatParagraph } from '../domain/decisionRules';
export {
  MEETING_GROUPS,
  MEETING_GROUP_LABELS,
  MEETING_STATUSES,
  MEETING_STATUS_LABELS,
  SEASONS,
  SEASON_LABELS,
  type MeetingGroup,
  type MeetingStatus,
  type Season,
} from '../domain/meetings';
export {
  OPERATING_PLAN_STATUSES,
  OPERATING_PLAN_STATUS_LABELS,
  type OperatingPlanStatus,
} from '../domain/operatingPlan';
export { ORGANISATION_KINDS, ORGANISATION_KIND_LABELS, type OrganisationKind } from '../domain/organisations';
export { POLL_STATUSES, VOTE_LABELS, VOTE_VALUES, type PollStatus, type VoteValue } from '../domain/pollLists';
export { PROTOCOL_STATUSES, PROTOCOL_STATUS_LABELS, type ProtocolStatus } from '../domain/protocol';
export { ROLES, ROLE_LABELS, type Role } from '../domain/roles';
export {
  MEMBERSHIP_TYPES,
  WORKING_GROUP_STATUSES,
  WORKING_GROUP_STATUS_LABELS,
  type MembershipType,
  type WorkingGroupStatus,
} from '../domain/workingGroups';

export * from './errors';
export * from './organisations';
export * from './roles';
export * from './people';
export * from './commitments';
export * from './calendar';
export * from './holidays';
export * from './meetings';
export * from './meetingRules';
export * from './areas';
export * from './activities';
export * from './funders';
export * from './money';
export * from './budget';
export * from './reversal';
export * from './bookingFilter';
export * from './decisions';
export * from './workingGroups';
export * from './authorization';
export { parseOrThrow, isValidIsoDate } from './validation';
export * from './agenda';
export * from './meetingDraft';
export {
  DRAFT_DOCUMENT_LIMITS,
  DRAFT_ITEM_KINDS,
  DRAFT_ITEM_KIND_LABELS,
  DRAFT_MAX_ITEMS,
  DRAFT_SOURCE_KINDS,
  MEETING_DRAFT_STATUS,
  REGISTER_STATUSES,
  type DraftItemKind,
  type DraftSourceKind,
} from './meetingLists';
export * from './answers';
export * from './poll';
export * from './protocol';
export * from './protocolApproval';
export * from './protocolSections';
export * from './minutes';
export * from './protocolTurn';
export * from './protocolKind';
export * from './minutesRecord';
export * from './cofinancing';
export * from './coordinatorTime';
export * from './operatingPlan';
export * from './ical';
export * from './csv';
export * from './bounds';
export * from './vcard';
export * from './similarity';
export * from './decisionRules';
export * from './roster';
export * from './budgetVersions';
export * from './todo';
export * from './assignments';
export * from './assignmentAgenda';
export * from './convener';
export * from './yearRhythm';
export * from './activityBudget';
export * from './costExceptions';
export * from './meetingInTeams';

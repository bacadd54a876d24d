import { ASSIGNEE_KINDS, ASSIGNMENT_STATUSES } from '../../../src/domain';
import type { ListSpec } from '../../graph/lists';

/** Uppdrag delegated by a decision (#17); SCHEMA_VERSION 6 adds the list to existing sites. */
export const ASSIGNMENTS_LIST = {
  displayName: 'Uppdrag',
  description: 'Uppdrag som samverkansgruppen delegerat genom beslut, med ansvarig, slutdatum och status.',
  columns: [
    { name: 'DecisionId', displayName: 'Beslut', kind: { type: 'text' }, required: true, indexed: true },
    { name: 'AssigneeKind', displayName: 'Ansvarig är', kind: { type: 'choice', choices: ASSIGNEE_KINDS } },
    {
      name: 'AssigneeId',
      displayName: 'Ansvarig',
      kind: { type: 'text' },
      indexed: true,
      description: 'Kontaktens eller arbetsgruppens id.',
    },
    { name: 'DueDate', displayName: 'Slutdatum', kind: { type: 'dateOnly' } },
    { name: 'Status', displayName: 'Status', kind: { type: 'choice', choices: ASSIGNMENT_STATUSES }, indexed: true },
    { name: 'Report', displayName: 'Rapport', kind: { type: 'multilineText' } },
    { name: 'AssignedByEmail', displayName: 'Delegerat av', kind: { type: 'text' } },
    { name: 'OperationKey', displayName: 'Operationsnyckel', kind: { type: 'text' }, indexed: true },
    // SCHEMA_VERSION 13: the uppdrag's Planner task (PLANNER_MIRROR=on), and when mirroring it last failed.
    { name: 'PlannerTaskId', displayName: 'Planner-uppgift', kind: { type: 'text' } },
    { name: 'PlannerFailedAt', displayName: 'Inte speglad i Planner sedan', kind: { type: 'text' } },
  ],
} as const satisfies ListSpec;

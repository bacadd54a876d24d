import type { NewDecision } from '../../contract';
import { parseKronor } from '../../domain/money';
import type { DecisionValues } from './DecisionFields';

/** The fields only some kinds take: the appointed person and end date, or the kommuner and the ceiling. */
function kindExtras(values: DecisionValues): Partial<NewDecision> {
  if (values.kind === 'sammankallande') {
    return {
      ...(values.personId ? { personId: values.personId } : {}),
      ...(values.validUntil ? { validUntil: values.validUntil } : {}),
    };
  }
  if (values.kind === 'kostnadsundantag') {
    return {
      organisationIds: values.organisationIds,
      // parseKronor refuses a malformed amount with a Swedish message before anything is sent.
      ...(values.ceiling.trim() ? { ceilingOre: parseKronor(values.ceiling) } : {}),
    };
  }
  return {};
}

/** The request that records the decision the form describes. */
export function decisionBody(values: DecisionValues, meetingId: string, decidedOn?: string): NewDecision {
  const { kind, title, text, owner, due } = values;
  return {
    meetingId,
    kind,
    text: text.trim(),
    ...(title.trim() ? { title: title.trim() } : {}),
    ...(owner.trim() ? { ownerEmail: owner.trim() } : {}),
    ...(due ? { followUpDue: due } : {}),
    ...(decidedOn ? { decidedOn } : {}),
    ...kindExtras(values),
  };
}

export const EMPTY_DECISION: DecisionValues = {
  kind: 'utvardering',
  title: '',
  text: '',
  owner: '',
  due: '',
  personId: '',
  validUntil: '',
  organisationIds: [],
  ceiling: '',
};

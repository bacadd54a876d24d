import type { ListSpec } from '../../graph/lists';

/**
 * Funders' figures (#17), kept apart from schema.ts so that file stays readable; SCHEMA_VERSION 9 adds them.
 * Ämnestaggar is the samordnare's list of topic tags (Title is the tag's name); a retired tag keeps its item,
 * so old activities still name it.
 */
export const TOPIC_TAGS_LIST = {
  displayName: 'Ämnestaggar',
  description: 'Ämnestaggar för aktiviteter (energikrav, brandsäkerhet, …), som samordnaren håller.',
  columns: [
    { name: 'RetiredOn', displayName: 'Används inte från', kind: { type: 'dateOnly' } },
    { name: 'OperationKey', displayName: 'Operationsnyckel', kind: { type: 'text' }, indexed: true },
  ],
} as const satisfies ListSpec;

/** The activity's tags and its participant counts after the event (counts only, no personal data). */
export const ACTIVITY_FUNDER_COLUMNS = [
  {
    name: 'TopicTagIds',
    displayName: 'Ämnestaggar',
    kind: { type: 'text' },
    description: 'Ämnestaggarnas id:n åtskilda med semikolon.',
  },
  {
    name: 'ParticipantReport',
    displayName: 'Deltagarrapport',
    kind: { type: 'multilineText' },
    description: 'Antal deltagare per organisation och kön, med rapportdatum, som JSON.',
  },
] as const;

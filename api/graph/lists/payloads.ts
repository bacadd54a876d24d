import type { ColumnDefinition, List } from '@microsoft/microsoft-graph-types';

/** A column as the app describes it; turned into Graph's columnDefinition only here. */
export type ColumnKind =
  | { type: 'text' }
  | { type: 'multilineText' }
  | { type: 'number'; decimals?: number }
  | { type: 'boolean' }
  | { type: 'dateOnly' }
  | { type: 'dateTime' }
  | { type: 'choice'; choices: readonly string[] };

export interface ColumnSpec {
  /** Internal name: English-ish, no spaces; what items' `fields` use. */
  name: string;
  /** Swedish, as users see it in SharePoint. */
  displayName: string;
  kind: ColumnKind;
  required?: boolean;
  /** Columns the app filters on are indexed (lists over 5,000 items refuse filters on others). */
  indexed?: boolean;
  /** SharePoint refuses a second item with the same value (409); needs `indexed`. A natural key's guard. */
  unique?: boolean;
  description?: string;
}

export interface ListSpec {
  /** Swedish display name; also how provisioning recognises the list. */
  displayName: string;
  description: string;
  columns: readonly ColumnSpec[];
}

export function columnDefinition(spec: ColumnSpec): ColumnDefinition {
  const base: ColumnDefinition = {
    name: spec.name,
    displayName: spec.displayName,
    description: spec.description,
    required: spec.required ?? false,
    indexed: spec.indexed ?? false,
    enforceUniqueValues: spec.unique ?? false,
    hidden: false,
  };
  switch (spec.kind.type) {
    case 'text':
      return { ...base, text: { allowMultipleLines: false, maxLength: 255 } };
    case 'multilineText':
      return { ...base, text: { allowMultipleLines: true, linesForEditing: 6 } };
    case 'number':
      return {
        ...base,
        number: { decimalPlaces: spec.kind.decimals === 0 ? 'none' : 'automatic', displayAs: 'number' },
      };
    case 'boolean':
      return { ...base, boolean: {} };
    case 'dateOnly':
      return { ...base, dateTime: { format: 'dateOnly', displayAs: 'standard' } };
    case 'dateTime':
      return { ...base, dateTime: { format: 'dateTime', displayAs: 'standard' } };
    case 'choice':
      return { ...base, choice: { choices: [...spec.kind.choices], displayAs: 'dropDownMenu', allowTextEntry: false } };
  }
}

/** A generic list with its columns created in the same call (the list's Title column comes with the template). */
export function listDefinition(spec: ListSpec, columns: readonly ColumnSpec[] = spec.columns): List {
  return {
    displayName: spec.displayName,
    description: spec.description,
    list: { template: 'genericList' },
    columns: columns.map(columnDefinition),
  };
}

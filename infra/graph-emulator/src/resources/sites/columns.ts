import { DateTime } from 'luxon';
import { z } from 'zod';
import { graphErrors } from '../../errors';
import { stableGuid } from '../../seed/people';
import type { ValueKind } from '../../filter';
import type { StoredColumn } from './model';
import { SITE_TIME_ZONE } from '../sitesConfig';

/** The column type facets the local tenant implements; Graph makes them mutually exclusive. */
export const COLUMN_TYPES = [
  'text',
  'number',
  'currency',
  'dateTime',
  'boolean',
  'choice',
  'personOrGroup',
  'lookup',
] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

const textColumn = z.strictObject({
  allowMultipleLines: z.boolean().optional(),
  appendChangesToExistingText: z.boolean().optional(),
  linesForEditing: z.number().int().min(0).optional(),
  maxLength: z.number().int().min(1).max(255).optional(),
  textType: z.enum(['plain', 'richText']).optional(),
});
const numberColumn = z.strictObject({
  decimalPlaces: z.enum(['automatic', 'none', 'one', 'two', 'three', 'four', 'five']).optional(),
  displayAs: z.enum(['number', 'percentage']).optional(),
  minimum: z.number().optional(),
  maximum: z.number().optional(),
});
const currencyColumn = z.strictObject({ locale: z.string().min(2).optional() });
const dateTimeColumn = z.strictObject({
  format: z.enum(['dateOnly', 'dateTime']).optional(),
  displayAs: z.enum(['default', 'friendly', 'standard']).optional(),
});
const choiceColumn = z.strictObject({
  choices: z.array(z.string().min(1)).min(1),
  allowTextEntry: z.boolean().optional(),
  displayAs: z.enum(['checkBoxes', 'dropDownMenu', 'radioButtons']).optional(),
});
const personOrGroupColumn = z.strictObject({
  allowMultipleSelection: z.boolean().optional(),
  chooseFromType: z.enum(['peopleAndGroups', 'peopleOnly']).optional(),
  displayAs: z.string().optional(),
});
const lookupColumn = z.strictObject({
  listId: z.string().min(1),
  columnName: z.string().min(1),
  allowMultipleValues: z.boolean().optional(),
  allowUnlimitedLength: z.boolean().optional(),
  primaryLookupColumnId: z.string().optional(),
});

export const columnInputSchema = z.strictObject({
  name: z
    .string()
    .regex(
      /^[A-Za-z_][A-Za-z0-9_]{0,31}$/,
      'A column name starts with a letter and holds at most 32 letters, digits or _.',
    ),
  displayName: z.string().min(1).max(255).optional(),
  description: z.string().max(255).optional(),
  required: z.boolean().optional(),
  indexed: z.boolean().optional(),
  enforceUniqueValues: z.boolean().optional(),
  hidden: z.boolean().optional(),
  text: textColumn.optional(),
  number: numberColumn.optional(),
  currency: currencyColumn.optional(),
  dateTime: dateTimeColumn.optional(),
  boolean: z.strictObject({}).optional(),
  choice: choiceColumn.optional(),
  personOrGroup: personOrGroupColumn.optional(),
  lookup: lookupColumn.optional(),
});
export type ColumnInput = z.infer<typeof columnInputSchema>;

/** Names SharePoint keeps for itself on every genericList item (the fieldValueSet's system fields). */
export const SYSTEM_FIELD_NAMES: ReadonlySet<string> = new Set(
  [
    'id',
    'ID',
    'ContentType',
    'Created',
    'Modified',
    'Author',
    'Editor',
    'AuthorLookupId',
    'EditorLookupId',
    '_UIVersionString',
    'Attachments',
    'Edit',
    'LinkTitle',
    'LinkTitleNoMenu',
    'ItemChildCount',
    'FolderChildCount',
    'DocIcon',
  ].map((n) => n.toLowerCase()),
);

export function columnType(column: StoredColumn): ColumnType {
  for (const t of COLUMN_TYPES) if (column[t]) return t;
  return 'text';
}

export function isMultiValue(column: StoredColumn): boolean {
  return Boolean(
    column.personOrGroup?.allowMultipleSelection ||
    column.lookup?.allowMultipleValues ||
    column.choice?.displayAs === 'checkBoxes',
  );
}

/** Person and lookup columns are written and read as `{Name}LookupId`. */
export function isLookupLike(column: StoredColumn): boolean {
  const t = columnType(column);
  return t === 'personOrGroup' || t === 'lookup';
}

/** The comparable type of a column's stored value, for $filter and $orderby. */
export function valueKind(column: StoredColumn): ValueKind {
  switch (columnType(column)) {
    case 'number':
    case 'currency':
    case 'personOrGroup':
    case 'lookup':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'dateTime':
      return 'dateTime';
    default:
      return 'string';
  }
}

/** Validates a column definition (types exclusive, facets consistent) and gives it its stored shape. */
export function buildColumn(listId: string, input: ColumnInput): StoredColumn {
  const types = COLUMN_TYPES.filter((t) => input[t] !== undefined);
  if (types.length > 1)
    throw graphErrors.invalidRequest(`A column can have only one type facet; '${input.name}' has ${types.join(', ')}.`);
  if (
    input.number?.minimum !== undefined &&
    input.number.maximum !== undefined &&
    input.number.minimum > input.number.maximum
  )
    throw graphErrors.invalidRequest(`Column '${input.name}': minimum is greater than maximum.`);
  // SharePoint cannot index "Multiple lines of text" (Note) columns.
  if (input.indexed && input.text?.allowMultipleLines)
    throw graphErrors.invalidRequest(`Column '${input.name}' holds multiple lines of text and cannot be indexed.`);
  if (input.enforceUniqueValues && !input.indexed)
    throw graphErrors.invalidRequest(`Column '${input.name}' must be indexed to enforce unique values.`);
  if (input.enforceUniqueValues && isMultiValueInput(input))
    throw graphErrors.invalidRequest(`Column '${input.name}' allows several values and cannot enforce unique values.`);
  const type = types[0] ?? 'text';
  const facet = type === 'text' ? { maxLength: 255, allowMultipleLines: false, ...input.text } : input[type];
  return {
    id: stableGuid(`column:${listId}:${input.name.toLowerCase()}`),
    name: input.name,
    displayName: input.displayName ?? input.name,
    description: input.description ?? '',
    columnGroup: 'Custom Columns',
    enforceUniqueValues: input.enforceUniqueValues ?? false,
    hidden: input.hidden ?? false,
    indexed: input.indexed ?? false,
    readOnly: false,
    required: input.required ?? false,
    [type]: facet,
  };
}

function isMultiValueInput(input: ColumnInput): boolean {
  return Boolean(
    input.personOrGroup?.allowMultipleSelection ||
    input.lookup?.allowMultipleValues ||
    input.choice?.displayAs === 'checkBoxes',
  );
}

/** The columns a genericList starts with: Title, and the read-only system columns Graph lists. */
export function defaultColumns(listId: string): StoredColumn[] {
  const system = (name: string, displayName: string, facet: Partial<StoredColumn>): StoredColumn => ({
    id: stableGuid(`column:${listId}:${name.toLowerCase()}`),
    name,
    displayName,
    description: '',
    columnGroup: 'Base Columns',
    enforceUniqueValues: false,
    hidden: false,
    indexed: false,
    readOnly: true,
    required: false,
    ...facet,
  });
  return [
    {
      ...system('Title', 'Title', {
        text: { allowMultipleLines: false, appendChangesToExistingText: false, linesForEditing: 0, maxLength: 255 },
      }),
      columnGroup: 'Custom Columns',
      readOnly: false,
      required: true,
    },
    system('Created', 'Created', { dateTime: { displayAs: 'default', format: 'dateTime' } }),
    system('Modified', 'Modified', { dateTime: { displayAs: 'default', format: 'dateTime' } }),
    system('Author', 'Created By', {
      personOrGroup: {
        allowMultipleSelection: false,
        chooseFromType: 'peopleAndGroups',
        displayAs: 'nameWithPresence',
      },
    }),
    system('Editor', 'Modified By', {
      personOrGroup: {
        allowMultipleSelection: false,
        chooseFromType: 'peopleAndGroups',
        displayAs: 'nameWithPresence',
      },
    }),
  ];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Graph writes dates as UTC without fractions: 2026-09-01T13:00:00Z. */
export function normaliseDateTime(value: string): string | undefined {
  if (ISO_DATE.test(value)) value = `${value}T00:00:00Z`;
  else if (!ISO_DATE_TIME.test(value)) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return undefined;
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * A date-only column holds a calendar date: SharePoint stores midnight of that date in the site's time zone and
 * Graph answers that instant in UTC. A date (`2026-09-01`) names the date; an instant names the date it falls on
 * in the site's zone, so writing back what was read keeps the date.
 */
export function normaliseDateOnly(value: string, zone: string = SITE_TIME_ZONE.iana): string | undefined {
  if (!ISO_DATE.test(value) && !ISO_DATE_TIME.test(value)) return undefined;
  const local = ISO_DATE.test(value)
    ? DateTime.fromISO(value, { zone })
    : DateTime.fromISO(value, { setZone: true }).setZone(zone);
  if (!local.isValid) return undefined;
  return local
    .startOf('day')
    .toUTC()
    .toISO({ suppressMilliseconds: true })!
    .replace(/\.000Z$/, 'Z');
}

/** What field validation needs to resolve person and lookup ids into values. */
export interface LookupResolver {
  person(lookupId: number): { displayName: string; email?: string } | undefined;
  /** The looked-up item's value for the lookup column's `columnName`, or undefined if the item does not exist. */
  item(column: StoredColumn, lookupId: number): { value: string } | undefined;
}

const notRecognized = (name: string) => graphErrors.invalidRequest(`Field '${name}' is not recognized`);

/**
 * Checks a `fields` body against the list's columns and returns the changes to store (null: clear the field).
 * Keys are the names Graph reads back: `{Name}LookupId` for single person and lookup columns, `{Name}` for the rest.
 */
export function validateFieldValues(
  columns: StoredColumn[],
  body: Record<string, unknown>,
  resolve: LookupResolver,
): Map<string, unknown> {
  const byKey = new Map<string, StoredColumn>();
  for (const c of columns) byKey.set((isLookupLike(c) ? `${c.name}LookupId` : c.name).toLowerCase(), c);
  const annotations = new Map<string, unknown>();
  const changes = new Map<string, unknown>();
  for (const [key, value] of Object.entries(body)) {
    if (key === '@odata.etag') continue;
    const at = key.indexOf('@odata.type');
    if (at > 0 && at === key.length - '@odata.type'.length) {
      annotations.set(key.slice(0, at).toLowerCase(), value);
      continue;
    }
    const column = byKey.get(key.toLowerCase());
    if (!column) {
      const plain = columns.find((c) => c.name.toLowerCase() === key.toLowerCase());
      if (plain && isLookupLike(plain))
        throw graphErrors.invalidRequest(
          `Field '${key}' is a ${columnType(plain)} column; write its id as '${plain.name}LookupId'.`,
        );
      throw notRecognized(key);
    }
    if (column.readOnly) throw graphErrors.invalidRequest(`Field '${key}' is read-only.`);
    const outKey =
      isLookupLike(column) && isMultiValue(column)
        ? column.name
        : isLookupLike(column)
          ? `${column.name}LookupId`
          : column.name;
    changes.set(outKey, convertValue(column, key, value, resolve));
  }
  for (const [annotated] of annotations) if (!byKey.has(annotated)) throw notRecognized(`${annotated}@odata.type`);
  // Collections must be announced, as Graph's OData reader requires.
  for (const [key, column] of byKey) {
    if (!isMultiValue(column)) continue;
    const given = Object.keys(body).find((k) => k.toLowerCase() === key);
    if (given === undefined || body[given] === null) continue;
    const expected = columnType(column) === 'choice' ? 'Collection(Edm.String)' : 'Collection(Edm.Int32)';
    if (annotations.get(key) !== expected)
      throw graphErrors.invalidRequest(
        `Field '${given}' holds several values: send '${given}@odata.type': '${expected}' with it.`,
      );
  }
  return changes;
}

function convertValue(column: StoredColumn, key: string, value: unknown, resolve: LookupResolver): unknown {
  if (value === null || value === '') return null;
  const wrongType = (expected: string) =>
    graphErrors.invalidRequest(`Field '${key}' expects ${expected}; the value given is ${JSON.stringify(value)}.`);
  switch (columnType(column)) {
    case 'text': {
      if (typeof value !== 'string') throw wrongType('text');
      const max = column.text?.allowMultipleLines ? 63999 : (column.text?.maxLength ?? 255);
      if (value.length > max) throw graphErrors.invalidRequest(`Field '${key}' is longer than ${max} characters.`);
      return value;
    }
    case 'number':
    case 'currency': {
      if (typeof value !== 'number' || !Number.isFinite(value)) throw wrongType('a number');
      const { minimum, maximum } = column.number ?? {};
      if (typeof minimum === 'number' && value < minimum)
        throw graphErrors.invalidRequest(`Field '${key}' must be at least ${minimum}.`);
      if (typeof maximum === 'number' && value > maximum)
        throw graphErrors.invalidRequest(`Field '${key}' must be at most ${maximum}.`);
      return value;
    }
    case 'boolean':
      if (typeof value !== 'boolean') throw wrongType('true or false');
      return value;
    case 'dateTime': {
      const normalise = column.dateTime?.format === 'dateOnly' ? normaliseDateOnly : normaliseDateTime;
      const normalised = typeof value === 'string' ? normalise(value) : undefined;
      if (!normalised) throw wrongType('an ISO 8601 date or date and time');
      return normalised;
    }
    case 'choice': {
      const choices = column.choice?.choices ?? [];
      const check = (v: unknown): string => {
        if (typeof v !== 'string') throw wrongType('a choice (text)');
        if (!column.choice?.allowTextEntry && !choices.includes(v))
          throw graphErrors.invalidRequest(
            `Field '${key}': '${v}' is not one of the column's choices (${choices.join(', ')}).`,
          );
        return v;
      };
      if (isMultiValue(column)) {
        if (!Array.isArray(value)) throw wrongType('a collection of choices');
        return value.length === 0 ? null : value.map(check);
      }
      return check(value);
    }
    case 'personOrGroup':
    case 'lookup': {
      const toId = (v: unknown): number => {
        const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
        if (typeof n !== 'number' || !Number.isInteger(n) || n < 1) throw wrongType('an integer lookup id');
        return n;
      };
      const describe = (id: number) => {
        if (columnType(column) === 'personOrGroup') {
          const person = resolve.person(id);
          if (!person)
            throw graphErrors.invalidRequest(
              `Field '${key}': no user with lookup id ${id} in the site's User Information List.`,
            );
          return { LookupId: id, LookupValue: person.displayName, ...(person.email ? { Email: person.email } : {}) };
        }
        const target = resolve.item(column, id);
        if (!target) throw graphErrors.invalidRequest(`Field '${key}': item ${id} does not exist in the lookup list.`);
        return { LookupId: id, LookupValue: target.value };
      };
      if (isMultiValue(column)) {
        if (!Array.isArray(value)) throw wrongType('a collection of integer lookup ids');
        return value.length === 0 ? null : value.map((v) => describe(toId(v)));
      }
      const id = toId(value);
      describe(id);
      return String(id);
    }
  }
}

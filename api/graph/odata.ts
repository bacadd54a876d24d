/**
 * OData literals and filters. Every value that goes into a `$filter` passes through `odataString`, and
 * filters are built only by the helpers below, so a quote in a name can neither break nor widen a query.
 */
export function odataString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export type FilterValue = string | number | boolean;

function literal(value: FilterValue): string {
  if (typeof value === 'string') return odataString(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError('OData number literal must be finite');
    return String(value);
  }
  return value ? 'true' : 'false';
}

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function fieldPath(field: string): string {
  if (!FIELD_NAME.test(field)) throw new RangeError(`Invalid field name for a filter: ${field}`);
  return `fields/${field}`;
}

export type ListItemFilter =
  | { op: 'eq' | 'ne' | 'lt' | 'gt' | 'le' | 'ge'; field: string; value: FilterValue }
  | { op: 'startswith'; field: string; value: string }
  | { op: 'and' | 'or'; filters: ListItemFilter[] };

/** `$filter` text for list items (`fields/X eq 'y'`). */
export function listItemFilter(filter: ListItemFilter): string {
  switch (filter.op) {
    case 'and':
    case 'or':
      if (filter.filters.length === 0) throw new RangeError('Empty compound filter');
      return filter.filters.map((f) => `(${listItemFilter(f)})`).join(` ${filter.op} `);
    case 'startswith':
      return `startswith(${fieldPath(filter.field)},${odataString(filter.value)})`;
    default:
      return `${fieldPath(filter.field)} ${filter.op} ${literal(filter.value)}`;
  }
}

export const eq = (field: string, value: FilterValue): ListItemFilter => ({ op: 'eq', field, value });

import type { EmulatorContext } from '../../context';
import { GraphHttpError, graphErrors } from '../../errors';
import { applySelect, assertQueryOptions, parseSelect } from '../../odata';
import {
  buildColumn,
  COLUMN_TYPES,
  columnType,
  columnInputSchema,
  SYSTEM_FIELD_NAMES,
  type ColumnInput,
} from './columns';
import {
  COLUMN_KIND,
  LIST_ITEM_KIND,
  LIST_KIND,
  type StoredColumn,
  type StoredList,
  type StoredListItem,
  type StoredSite,
} from './model';
import { ListItemCache } from './itemCache';

import { checkSelect, listColumns, listContext, requireList, type SiteCall } from './listBase';

/** A list's columns: read, add, change, delete, each checked as SharePoint checks a column definition. */

/** Checks a new column against the list's columns (names are unique, case-insensitively) and a lookup's target. */
export function newColumn(
  ctx: EmulatorContext,
  site: StoredSite,
  listId: string,
  existing: StoredColumn[],
  input: ColumnInput,
): StoredColumn {
  const lower = input.name.toLowerCase();
  if (SYSTEM_FIELD_NAMES.has(lower) || existing.some((c) => c.name.toLowerCase() === lower))
    throw graphErrors.conflict(`A duplicate field name "${input.name}" was found.`);
  if (input.lookup) {
    const target = ctx.store.get<StoredList>(LIST_KIND, site.id, input.lookup.listId.toLowerCase());
    if (!target)
      throw graphErrors.invalidRequest(
        `Lookup column '${input.name}': list '${input.lookup.listId}' does not exist in this site.`,
      );
    const targetColumns = listColumns(ctx, target.id);
    const name = input.lookup.columnName;
    if (name !== 'ID' && !targetColumns.some((c) => c.name === name))
      throw graphErrors.invalidRequest(
        `Lookup column '${input.name}': list '${target.displayName}' has no column '${name}'.`,
      );
  }
  return buildColumn(listId, input);
}

const COLUMN_PROPERTIES = new Set([
  'id',
  'name',
  'displayName',
  'description',
  'columnGroup',
  'enforceUniqueValues',
  'hidden',
  'indexed',
  'readOnly',
  'required',
  'text',
  'number',
  'currency',
  'dateTime',
  'boolean',
  'choice',
  'personOrGroup',
  'lookup',
]);

export function getColumns(call: SiteCall, listKey: string): void {
  const { ctx, req, res, site } = call;
  assertQueryOptions(req, ['$select']);
  const select = parseSelect(req);
  checkSelect(select, COLUMN_PROPERTIES, 'columnDefinition');
  const list = requireList(ctx, site, listKey);
  res.json({
    '@odata.context': listContext(call, list, 'columns'),
    value: listColumns(ctx, list.id).map((c) => applySelect(c, select)),
  });
}

function requireColumn(ctx: EmulatorContext, listId: string, key: string): StoredColumn {
  const lower = key.toLowerCase();
  const column = listColumns(ctx, listId).find((c) => c.id === lower || c.name.toLowerCase() === lower);
  if (!column) throw graphErrors.notFound('Column not found');
  return column;
}

export function getColumn(call: SiteCall, listKey: string, columnKey: string): void {
  const { ctx, req, res, site } = call;
  assertQueryOptions(req, ['$select']);
  const select = parseSelect(req);
  checkSelect(select, COLUMN_PROPERTIES, 'columnDefinition');
  const list = requireList(ctx, site, listKey);
  res.json({
    '@odata.context': listContext(call, list, 'columns/$entity'),
    ...applySelect(requireColumn(ctx, list.id, columnKey), select),
  });
}

export function createColumn(call: SiteCall, listKey: string): void {
  const { ctx, req, res, site } = call;
  assertQueryOptions(req, []);
  const input = columnInputSchema.parse(req.body);
  const list = requireList(ctx, site, listKey);
  const column = newColumn(ctx, site, list.id, listColumns(ctx, list.id), input);
  ctx.store.insert(COLUMN_KIND, list.id, column.id, column);
  res.status(201).json({ '@odata.context': listContext(call, list, 'columns/$entity'), ...column });
}

const columnPatchSchema = columnInputSchema.partial();

/** PATCH a column: its settings and its type's facet may change; its name and type may not. */
export function updateColumn(call: SiteCall, listKey: string, columnKey: string): void {
  const { ctx, req, res, site } = call;
  assertQueryOptions(req, []);
  const patch = columnPatchSchema.parse(req.body);
  const list = requireList(ctx, site, listKey);
  const column = requireColumn(ctx, list.id, columnKey);
  if (column.readOnly) throw graphErrors.accessDenied(`Column '${column.name}' is read-only.`);
  if (patch.name !== undefined && patch.name !== column.name)
    throw graphErrors.invalidRequest(`The name of column '${column.name}' cannot be changed.`);
  const type = columnType(column);
  const patchedTypes = COLUMN_TYPES.filter((t) => patch[t] !== undefined);
  if (patchedTypes.some((t) => t !== type))
    throw graphErrors.invalidRequest(
      `Column '${column.name}' is a ${type} column; changing its type is not supported by the local tenant.`,
    );
  const merged = {
    name: column.name,
    displayName: patch.displayName ?? column.displayName,
    description: patch.description ?? column.description ?? undefined,
    required: patch.required ?? column.required ?? undefined,
    indexed: patch.indexed ?? column.indexed ?? undefined,
    enforceUniqueValues: patch.enforceUniqueValues ?? column.enforceUniqueValues ?? undefined,
    hidden: patch.hidden ?? column.hidden ?? undefined,
    [type]: { ...(column[type] ?? {}), ...(patch[type] ?? {}) },
  };
  const rebuilt = buildColumn(list.id, columnInputSchema.parse(merged));
  const updated: StoredColumn = { ...rebuilt, id: column.id, columnGroup: column.columnGroup };
  ctx.store.put(COLUMN_KIND, list.id, column.id, updated);
  res.json({ '@odata.context': listContext(call, list, 'columns/$entity'), ...updated });
}

export function deleteColumn(call: SiteCall, listKey: string, columnKey: string): void {
  const { ctx, req, res, site } = call;
  assertQueryOptions(req, []);
  const list = requireList(ctx, site, listKey);
  const column = requireColumn(ctx, list.id, columnKey);
  if (column.readOnly || column.name === 'Title')
    throw new GraphHttpError(403, 'accessDenied', `Column '${column.name}' cannot be deleted.`);
  const keys = [column.name, `${column.name}LookupId`];
  ctx.store.transaction(() => {
    ctx.store.delete(COLUMN_KIND, list.id, column.id);
    for (const item of ctx.store.list<StoredListItem>(LIST_ITEM_KIND, list.id)) {
      if (!keys.some((k) => k in item.fields)) continue;
      for (const k of keys) delete item.fields[k];
      ctx.store.put(LIST_ITEM_KIND, list.id, item.id, item);
    }
    ListItemCache.invalidate(ctx.store, list.id);
  });
  res.status(204).end();
}

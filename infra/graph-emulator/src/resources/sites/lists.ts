import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import type { ColumnDefinition, List } from '@microsoft/microsoft-graph-types';
import { z } from 'zod';
import type { EmulatorContext } from '../../context';
import { GraphHttpError, graphErrors } from '../../errors';
import {
  applySelect,
  assertQueryOptions,
  odataContext,
  page,
  parseExpandOption,
  parseSelect,
  parseTop,
  queryString,
  type ExpandItem,
} from '../../odata';
import { expandedItems } from './items';
import { principalOf } from '../../permissions';
import { withoutPrivate } from './addressing';
import {
  buildColumn,
  COLUMN_TYPES,
  columnType,
  columnInputSchema,
  defaultColumns,
  SYSTEM_FIELD_NAMES,
  type ColumnInput,
} from './columns';
import { compileFilter, FilterSyntaxError, parseFilter, type PathBinding } from '../../filter';
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
import { SiteUsers } from './siteUsers';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface SiteCall {
  ctx: EmulatorContext;
  req: Request;
  res: Response;
  site: StoredSite;
}

/** Graph accepts a list's id, its name (URL segment) or its displayName. */
export function findList(ctx: EmulatorContext, site: StoredSite, key: string): StoredList | undefined {
  if (GUID.test(key)) {
    const byId = ctx.store.get<StoredList>(LIST_KIND, site.id, key.toLowerCase());
    if (byId) return byId;
  }
  const wanted = key.toLowerCase();
  const lists = ctx.store.list<StoredList>(LIST_KIND, site.id);
  return (
    lists.find((l) => l.name.toLowerCase() === wanted) ?? lists.find((l) => l.displayName.toLowerCase() === wanted)
  );
}

export function requireList(ctx: EmulatorContext, site: StoredSite, key: string): StoredList {
  const list = findList(ctx, site, key);
  if (!list) throw graphErrors.notFound('List not found');
  return list;
}

export function listColumns(ctx: EmulatorContext, listId: string): StoredColumn[] {
  return ctx.store.list<StoredColumn>(COLUMN_KIND, listId);
}

export function listContext(call: SiteCall, list: StoredList, rest: string): string {
  return odataContext(call.ctx.baseUrl(), `sites('${call.site.id}')/lists('${list.id}')/${rest}`);
}

/** SharePoint derives a list's URL name from its title: letters and digits only. */
function deriveListName(displayName: string, taken: ReadonlySet<string>): string {
  const base = displayName.replace(/[^\p{L}\p{N}]/gu, '') || 'List';
  let name = base;
  for (let n = 1; taken.has(name.toLowerCase()); n++) name = `${base}${n}`;
  return name;
}

function publicList(list: StoredList, columns?: StoredColumn[]): List {
  const out = withoutPrivate(list) as List;
  return columns ? { ...out, columns: columns as ColumnDefinition[] } : out;
}

const listCreateSchema = z.strictObject({
  displayName: z.string().trim().min(1).max(255),
  description: z.string().max(2000).optional(),
  list: z
    .strictObject({
      template: z.string().optional(),
      hidden: z.boolean().optional(),
      contentTypesEnabled: z.boolean().optional(),
    })
    .optional(),
  columns: z.array(columnInputSchema).optional(),
});

interface ListExpansion {
  columns?: ExpandItem;
  items?: ExpandItem;
}

/** `$expand=columns`, `items`, or both, each with its own `select` (and `items(expand=fields(…))`). */
function parseListExpand(call: SiteCall): ListExpansion {
  const expand = queryString(call.req, '$expand');
  if (expand === undefined) return {};
  const out: ListExpansion = {};
  for (const item of parseExpandOption(expand)) {
    if (item.name === 'columns' && !item.expand) out.columns = item;
    else if (item.name === 'items') out.items = item;
    else
      throw graphErrors.badRequest(
        `Parsing OData Select and Expand failed: '${item.name}' cannot be expanded on a list in the local tenant.`,
      );
  }
  return out;
}

/** `$select` picks properties; what `$expand` names is embedded whether selected or not (OData). */
function selectExpanded(list: List, select: string[] | undefined): Partial<List> {
  const chosen = applySelect(list, select, ['id'], 'microsoft.graph.list');
  if (select && list.columns) chosen.columns = list.columns;
  if (select && list.items) chosen.items = list.items;
  return chosen;
}

function expandedList(ctx: EmulatorContext, list: StoredList, expansion: ListExpansion): List {
  const out = publicList(list) as Record<string, unknown>;
  if (expansion.columns)
    out.columns = listColumns(ctx, list.id).map((c) =>
      applySelect(c, expansion.columns!.select, ['id'], 'microsoft.graph.columnDefinition'),
    );
  if (expansion.items) out.items = expandedItems(ctx, list, expansion.items);
  return out as List;
}

const LIST_PROPERTIES = new Set([
  'id',
  'name',
  'displayName',
  'description',
  'webUrl',
  'createdDateTime',
  'lastModifiedDateTime',
  'createdBy',
  'lastModifiedBy',
  'list',
  'parentReference',
  'columns',
  'items',
]);

function checkSelect(select: string[] | undefined, known: ReadonlySet<string>, type: string): void {
  for (const s of select ?? [])
    if (!known.has(s))
      throw graphErrors.badRequest(`Could not find a property named '${s}' on type 'microsoft.graph.${type}'.`);
}

export function getLists(call: SiteCall): void {
  const { ctx, req, res, site } = call;
  assertQueryOptions(req, ['$select', '$filter', '$expand', '$top', '$skiptoken']);
  const select = parseSelect(req);
  checkSelect(select, LIST_PROPERTIES, 'list');
  const expansion = parseListExpand(call);
  let lists = ctx.store.list<StoredList>(LIST_KIND, site.id);
  const filter = queryString(req, '$filter');
  if (filter !== undefined) {
    const bind = (segments: string[]): PathBinding<StoredList> => {
      const property = segments.join('/');
      if (property === 'displayName' || property === 'name' || property === 'id' || property === 'description')
        return { kind: 'string', read: (l) => l[property] ?? null };
      throw new FilterSyntaxError(`Filtering lists on '${property}' is not supported by the local tenant.`);
    };
    let predicate: (l: StoredList) => boolean;
    try {
      predicate = compileFilter(parseFilter(filter), bind);
    } catch (error) {
      if (error instanceof FilterSyntaxError)
        throw graphErrors.invalidRequest(`Invalid filter clause: ${error.message}`);
      throw error;
    }
    lists = lists.filter(predicate);
  }
  const shaped = lists.map((l) => selectExpanded(expandedList(ctx, l, expansion), select));
  res.json({
    '@odata.context': odataContext(ctx.baseUrl(), `sites('${site.id}')/lists`),
    ...page(req, ctx.baseUrl(), shaped, parseTop(req, 5000, 200)),
  });
}

export function getList(call: SiteCall, listKey: string): void {
  const { ctx, req, res, site } = call;
  assertQueryOptions(req, ['$select', '$expand']);
  const select = parseSelect(req);
  checkSelect(select, LIST_PROPERTIES, 'list');
  const expansion = parseListExpand(call);
  const list = requireList(ctx, site, listKey);
  res.json({
    '@odata.context': odataContext(ctx.baseUrl(), `sites('${site.id}')/lists/$entity`),
    ...selectExpanded(expandedList(ctx, list, expansion), select),
  });
}

export function createList(call: SiteCall): void {
  const { ctx, req, res, site } = call;
  const principal = principalOf(req);
  assertQueryOptions(req, []);
  const body = listCreateSchema.parse(req.body);
  const template = body.list?.template ?? 'genericList';
  if (template !== 'genericList')
    throw graphErrors.invalidRequest(
      `List template '${template}' is not supported by the local tenant; use genericList.`,
    );
  if (body.list?.contentTypesEnabled)
    throw graphErrors.invalidRequest('contentTypesEnabled is not supported by the local tenant.');
  const existing = ctx.store.list<StoredList>(LIST_KIND, site.id);
  const wanted = body.displayName.toLowerCase();
  if (existing.some((l) => l.displayName.toLowerCase() === wanted))
    throw graphErrors.conflict(
      'A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.',
    );
  const id = randomUUID();
  const name = deriveListName(body.displayName, new Set(existing.map((l) => l.name.toLowerCase())));
  const columns = defaultColumns(id);
  for (const input of body.columns ?? []) columns.push(newColumn(ctx, site, id, columns, input));
  const now = isoNow(ctx);
  const writer = new SiteUsers(ctx, site.id).writer(principal);
  const list: StoredList = {
    id,
    name,
    displayName: body.displayName,
    description: body.description ?? '',
    webUrl: `${site.webUrl}/Lists/${encodeURIComponent(name)}`,
    createdDateTime: now,
    lastModifiedDateTime: now,
    createdBy: writer.identity,
    lastModifiedBy: writer.identity,
    parentReference: { siteId: site.id },
    list: { template, hidden: body.list?.hidden ?? false, contentTypesEnabled: false },
    xSiteId: site.id,
  };
  ctx.store.transaction(() => {
    ctx.store.insert(LIST_KIND, site.id, id, list);
    for (const c of columns) ctx.store.insert(COLUMN_KIND, id, c.id, c);
  });
  res.status(201).json({
    '@odata.context': odataContext(ctx.baseUrl(), `sites('${site.id}')/lists/$entity`),
    ...publicList(list),
  });
}

export function deleteList(call: SiteCall, listKey: string): void {
  const { ctx, req, res, site } = call;
  assertQueryOptions(req, []);
  const list = requireList(ctx, site, listKey);
  ctx.store.transaction(() => {
    ctx.store.deleteScope(LIST_ITEM_KIND, list.id);
    ctx.store.deleteScope(COLUMN_KIND, list.id);
    ctx.store.delete(LIST_KIND, site.id, list.id);
    ListItemCache.forget(ctx.store, list.id);
  });
  res.status(204).end();
}

/** Checks a new column against the list's columns (names are unique, case-insensitively) and a lookup's target. */
function newColumn(
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

export function isoNow(ctx: EmulatorContext): string {
  return ctx
    .now()
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');
}

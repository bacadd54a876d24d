import type { Request } from 'express';
import type { FieldValueSet, ListItem } from '@microsoft/microsoft-graph-types';
import type { EmulatorContext } from '../../context';
import { GraphHttpError, graphErrors } from '../../errors';
import {
  applySelect,
  assertQueryOptions,
  page,
  parseExpandOption,
  parseSelect,
  parseTop,
  queryString,
  type ExpandItem,
} from '../../odata';
import { LIST_ITEMS_DEFAULT_PAGE, LIST_ITEMS_MAX_PAGE, NON_INDEXED_PREFERENCE } from '../sitesConfig';
import { isLookupLike, isMultiValue, valueKind } from './columns';
import { compileFilter, FilterSyntaxError, parseFilter, type Comparable, type PathBinding } from '../../filter';
import { listColumns, listContext, requireList, type SiteCall } from './listBase';
import { ListItemCache } from './itemCache';
import { LIST_ITEM_KIND, type StoredColumn, type StoredList, type StoredListItem } from './model';

const ITEM_PROPERTIES = new Set([
  'id',
  'createdDateTime',
  'lastModifiedDateTime',
  'createdBy',
  'lastModifiedBy',
  'eTag',
  'webUrl',
  'contentType',
  'parentReference',
  'fields',
]);
/** Fields every genericList item has, besides its columns' values. */
const SYSTEM_FIELDS = [
  'id',
  'ContentType',
  'Modified',
  'Created',
  'AuthorLookupId',
  'EditorLookupId',
  '_UIVersionString',
  'Attachments',
];

export function eTagOf(item: StoredListItem): string {
  return `"${item.guid},${item.version}"`;
}

export function requireItem(ctx: EmulatorContext, list: StoredList, itemId: string): StoredListItem {
  const item = /^\d+$/.test(itemId) ? ctx.store.get<StoredListItem>(LIST_ITEM_KIND, list.id, itemId) : undefined;
  if (!item) throw graphErrors.notFound('Item not found');
  return item;
}

/** `If-Match` may carry the item's eTag or its fields' @odata.etag, quoted or not, weak or not; `*` matches any. */
export function checkIfMatch(req: Request, item: StoredListItem): void {
  const header = req.header('if-match');
  if (header === undefined || header.trim() === '*') return;
  const given = header.trim().replace(/^W\//, '').replace(/"/g, '').trim();
  if (given !== `${item.guid},${item.version}`) throw graphErrors.preconditionFailed();
}

export function fieldValues(item: StoredListItem, select?: string[]): FieldValueSet {
  const eTag = eTagOf(item);
  if (!select) return { '@odata.etag': eTag, ...item.fields } as FieldValueSet;
  const out: Record<string, unknown> = { '@odata.etag': eTag };
  for (const key of select) if (item.fields[key] !== undefined) out[key] = item.fields[key];
  return out as FieldValueSet;
}

export function publicItem(list: StoredList, item: StoredListItem, fields: 'all' | string[] | undefined): ListItem {
  const eTag = eTagOf(item);
  return {
    '@odata.etag': eTag,
    createdDateTime: item.createdDateTime,
    eTag,
    id: item.id,
    lastModifiedDateTime: item.lastModifiedDateTime,
    webUrl: `${list.webUrl}/${item.id}_.000`,
    createdBy: item.createdBy,
    lastModifiedBy: item.lastModifiedBy,
    parentReference: { id: list.id, siteId: list.xSiteId },
    contentType: { id: contentTypeId(list), name: 'Item' },
    ...(fields === undefined ? {} : { fields: fieldValues(item, fields === 'all' ? undefined : fields) }),
  } as ListItem;
}

function contentTypeId(list: StoredList): string {
  return `0x0100${list.id.replace(/-/g, '').toUpperCase()}`;
}

/** `$expand=fields` or `$expand=fields($select=A,B)` (also `fields(select=A,B)`); nothing else expands on a listItem. */
function parseExpandFields(req: Request, columns: StoredColumn[]): 'all' | string[] | undefined {
  const expand = queryString(req, '$expand');
  if (expand === undefined) return undefined;
  const items = parseExpandOption(expand);
  if (items.length !== 1) throw notExpandable(expand);
  return fieldsExpansion(items[0]!, columns);
}

function notExpandable(expand: string): GraphHttpError {
  return graphErrors.badRequest(
    `Parsing OData Select and Expand failed: '${expand}' cannot be expanded on a listItem in the local tenant.`,
  );
}

/** What an `$expand` item asks of a listItem's fields: all of them, or the selected names. */
export function fieldsExpansion(item: ExpandItem, columns: StoredColumn[]): 'all' | string[] {
  if (item.name !== 'fields' || item.expand) throw notExpandable(item.name);
  return item.select === undefined ? 'all' : selectFieldNames(item.select.join(','), columns);
}

/** The items of a list as `GET …/lists/{id}?$expand=items(…)` embeds them (one page, as SharePoint does). */
export function expandedItems(ctx: EmulatorContext, list: StoredList, expand: ExpandItem): Partial<ListItem>[] {
  const columns = listColumns(ctx, list.id);
  let fields: 'all' | string[] | undefined;
  for (const nested of expand.expand ?? []) fields = fieldsExpansion(nested, columns);
  for (const s of expand.select ?? [])
    if (!ITEM_PROPERTIES.has(s))
      throw graphErrors.badRequest(`Could not find a property named '${s}' on type 'microsoft.graph.listItem'.`);
  return ListItemCache.items(ctx.store, list.id)
    .slice(0, LIST_ITEMS_DEFAULT_PAGE)
    .map((item) => shapeItem(list, item, fields, expand.select));
}

function selectFieldNames(raw: string, columns: StoredColumn[]): string[] {
  const known = new Map<string, string[]>();
  for (const key of SYSTEM_FIELDS) known.set(key, [key]);
  known.set('Author', ['AuthorLookupId']);
  known.set('Editor', ['EditorLookupId']);
  for (const c of columns) {
    if (isLookupLike(c) && !isMultiValue(c)) {
      known.set(c.name, [`${c.name}LookupId`]);
      known.set(`${c.name}LookupId`, [`${c.name}LookupId`]);
    } else known.set(c.name, [c.name]);
  }
  const out: string[] = [];
  for (const name of raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const keys = known.get(name);
    if (!keys) throw graphErrors.invalidRequest(`Field '${name}' is not recognized`);
    out.push(...keys);
  }
  return out;
}

function allowsNonIndexed(req: Request): boolean {
  const prefer = req.header('prefer') ?? '';
  return prefer.split(',').some((p) => p.trim().toLowerCase() === NON_INDEXED_PREFERENCE.toLowerCase());
}

function notIndexed(name: string): GraphHttpError {
  return graphErrors.invalidRequest(
    `Field '${name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: ${NON_INDEXED_PREFERENCE}' header to allow this, but be warned that such queries may fail on large lists.`,
  );
}

/** Resolves `id`, `createdDateTime`, `lastModifiedDateTime` and `fields/X` for $filter and $orderby. */
function itemBinder(req: Request, columns: StoredColumn[]): (segments: string[]) => PathBinding<StoredListItem> {
  const honourNonIndexed = allowsNonIndexed(req);
  const numericId: PathBinding<StoredListItem> = { kind: 'number', read: (item) => Number(item.id) };
  const dateOf = (v: string | undefined): Comparable => (v === undefined ? null : Date.parse(v));
  return (segments) => {
    const path = segments.join('/');
    if (path === 'id') return numericId;
    if (path === 'createdDateTime') return { kind: 'dateTime', read: (item) => dateOf(item.createdDateTime) };
    if (path === 'lastModifiedDateTime') return { kind: 'dateTime', read: (item) => dateOf(item.lastModifiedDateTime) };
    if (segments.length !== 2 || segments[0] !== 'fields')
      throw new FilterSyntaxError(`'${path}' is not a listItem property the local tenant can filter or order on.`);
    const name = segments[1]!;
    if (name === 'id' || name === 'ID') return numericId;
    const column = columns.find((c) => c.name === name || (isLookupLike(c) && `${c.name}LookupId` === name));
    if (!column) throw graphErrors.invalidRequest(`Field '${name}' is not recognized`);
    if (isMultiValue(column))
      throw new FilterSyntaxError(
        `Filtering on the multi-value column '${name}' is not supported by the local tenant.`,
      );
    if (!column.indexed && !honourNonIndexed) throw notIndexed(name);
    const key = isLookupLike(column) ? `${column.name}LookupId` : column.name;
    const kind = valueKind(column);
    if (kind === 'dateTime') return { kind, read: (item) => dateOf(item.fields[key] as string | undefined) };
    if (isLookupLike(column))
      return { kind, read: (item) => (item.fields[key] === undefined ? null : Number(item.fields[key])) };
    return { kind, read: (item) => (item.fields[key] as Comparable | undefined) ?? null };
  };
}

function parseOrderBy(
  raw: string,
  bind: (segments: string[]) => PathBinding<StoredListItem>,
): (a: StoredListItem, b: StoredListItem) => number {
  const keys = raw.split(',').map((part) => {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*(?:\/[A-Za-z_][A-Za-z0-9_]*)*)(?:\s+(asc|desc))?\s*$/.exec(part);
    if (!m) throw new FilterSyntaxError(`Invalid $orderby clause '${part.trim()}'.`);
    return { binding: bind(m[1]!.split('/')), direction: m[2] === 'desc' ? -1 : 1 };
  });
  return (a, b) => {
    for (const { binding, direction } of keys) {
      const order = compareValues(binding.read(a), binding.read(b), binding.kind === 'string');
      if (order !== 0) return order * direction;
    }
    return 0;
  };
}

/** Empty values first in ascending order, as SharePoint sorts them. */
function compareValues(a: Comparable, b: Comparable, text: boolean): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  if (text) return String(a).localeCompare(String(b), 'sv', { sensitivity: 'base' });
  return a < b ? -1 : a > b ? 1 : 0;
}

function asInvalidRequest<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof FilterSyntaxError) throw graphErrors.invalidRequest(`Invalid filter clause: ${error.message}`);
    throw error;
  }
}

export function listItems(call: SiteCall, listKey: string): void {
  const { ctx, req, res, site } = call;
  assertQueryOptions(req, ['$select', '$expand', '$filter', '$orderby', '$top', '$skiptoken']);
  const list = requireList(ctx, site, listKey);
  const columns = listColumns(ctx, list.id);
  const select = parseSelect(req);
  for (const s of select ?? [])
    if (!ITEM_PROPERTIES.has(s))
      throw graphErrors.badRequest(`Could not find a property named '${s}' on type 'microsoft.graph.listItem'.`);
  const expand = parseExpandFields(req, columns);
  const top = parseTop(req, LIST_ITEMS_MAX_PAGE, LIST_ITEMS_DEFAULT_PAGE);
  const bind = itemBinder(req, columns);
  const filter = queryString(req, '$filter');
  const orderBy = queryString(req, '$orderby');
  const predicate = filter === undefined ? undefined : asInvalidRequest(() => compileFilter(parseFilter(filter), bind));
  const order = orderBy === undefined ? undefined : asInvalidRequest(() => parseOrderBy(orderBy, bind));

  let items = ListItemCache.items(ctx.store, list.id);
  if (predicate) items = items.filter(predicate);
  if (order) items.sort(order);
  const pageOfItems = page(req, ctx.baseUrl(), items, top);
  res.json({
    '@odata.context': listContext(call, list, 'items'),
    ...pageOfItems,
    value: pageOfItems.value.map((item) => shapeItem(list, item, expand, select)),
  });
}

function shapeItem(
  list: StoredList,
  item: StoredListItem,
  expand: 'all' | string[] | undefined,
  select: string[] | undefined,
): Partial<ListItem> {
  const full = publicItem(list, item, expand);
  if (!select) return full;
  const chosen = applySelect(full, select, ['id']) as Record<string, unknown>;
  const out: Record<string, unknown> = { '@odata.etag': full['@odata.etag' as keyof ListItem], ...chosen };
  if (expand !== undefined) out.fields = full.fields;
  return out as Partial<ListItem>;
}

export function getItem(call: SiteCall, listKey: string, itemId: string): void {
  const { ctx, req, res, site } = call;
  assertQueryOptions(req, ['$select', '$expand']);
  const list = requireList(ctx, site, listKey);
  const columns = listColumns(ctx, list.id);
  const select = parseSelect(req);
  for (const s of select ?? [])
    if (!ITEM_PROPERTIES.has(s))
      throw graphErrors.badRequest(`Could not find a property named '${s}' on type 'microsoft.graph.listItem'.`);
  const expand = parseExpandFields(req, columns);
  const item = requireItem(ctx, list, itemId);
  res.json({ '@odata.context': listContext(call, list, 'items/$entity'), ...shapeItem(list, item, expand, select) });
}

export function getItemFields(call: SiteCall, listKey: string, itemId: string): void {
  const { ctx, req, res, site } = call;
  assertQueryOptions(req, ['$select']);
  const list = requireList(ctx, site, listKey);
  const raw = queryString(req, '$select');
  const select = raw === undefined ? undefined : selectFieldNames(raw, listColumns(ctx, list.id));
  const item = requireItem(ctx, list, itemId);
  res.json({
    '@odata.context': listContext(call, list, `items('${item.id}')/fields/$entity`),
    ...fieldValues(item, select),
  });
}

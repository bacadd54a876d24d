import { randomUUID } from 'node:crypto';
import type { ColumnDefinition, List } from '@microsoft/microsoft-graph-types';
import { z } from 'zod';
import type { EmulatorContext } from '../../context';
import { graphErrors } from '../../errors';
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
import { columnInputSchema, defaultColumns } from './columns';
import { compileFilter, FilterSyntaxError, parseFilter, type PathBinding } from '../../filter';
import { COLUMN_KIND, LIST_ITEM_KIND, LIST_KIND, type StoredColumn, type StoredList } from './model';
import { ListItemCache } from './itemCache';
import { SiteUsers } from './siteUsers';

import { newColumn } from './columnRoutes';
import { checkSelect, isoNow, listColumns, requireList, type SiteCall } from './listBase';

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

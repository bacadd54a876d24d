import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { EmulatorContext } from '../../context';
import { GraphHttpError, graphErrors } from '../../errors';
import { assertQueryOptions } from '../../odata';
import { principalOf } from '../../permissions';
import { isLookupLike, isMultiValue, validateFieldValues, type LookupResolver } from './columns';
import { ListItemCache } from './itemCache';
import { checkIfMatch, fieldValues, publicItem, requireItem } from './items';
import { isoNow, listColumns, listContext, requireList, type SiteCall } from './listBase';
import { LIST_ITEM_KIND, type StoredColumn, type StoredList, type StoredListItem } from './model';
import { SiteUsers } from './siteUsers';

/** Writes of list items: create, change fields (If-Match), delete; field values validated against the columns. */

const createItemSchema = z.strictObject({ fields: z.record(z.string(), z.unknown()) });
const fieldsPatchSchema = z.record(z.string(), z.unknown());

function lookupResolver(ctx: EmulatorContext, users: SiteUsers): LookupResolver {
  return {
    person: (id) => users.get(id),
    item: (column, id) => {
      const targetListId = column.lookup?.listId?.toLowerCase();
      if (!targetListId) return undefined;
      const target = ctx.store.get<StoredListItem>(LIST_ITEM_KIND, targetListId, String(id));
      if (!target) return undefined;
      const name = column.lookup?.columnName ?? 'Title';
      const value = name === 'ID' ? target.id : target.fields[name];
      return { value: value === undefined || value === null ? '' : String(value) };
    },
  };
}

function checkRequired(columns: StoredColumn[], fields: Record<string, unknown>): void {
  for (const c of columns) {
    if (!c.required || c.readOnly) continue;
    const key = isLookupLike(c) && !isMultiValue(c) ? `${c.name}LookupId` : c.name;
    if (fields[key] === undefined || fields[key] === null)
      throw graphErrors.invalidRequest(`Field '${c.name}' is required.`);
  }
}

/** SharePoint refuses a second item with the same value in a column that enforces unique values. */
function checkUnique(
  ctx: EmulatorContext,
  list: StoredList,
  columns: StoredColumn[],
  fields: Record<string, unknown>,
  selfId?: string,
): void {
  const unique = columns.filter((c) => c.enforceUniqueValues);
  if (unique.length === 0) return;
  const items = ListItemCache.items(ctx.store, list.id);
  const same = (a: unknown, b: unknown) =>
    typeof a === 'string' && typeof b === 'string' ? a.toLowerCase() === b.toLowerCase() : a === b;
  for (const c of unique) {
    const key = isLookupLike(c) ? `${c.name}LookupId` : c.name;
    const value = fields[key];
    if (value === undefined || value === null) continue;
    if (items.some((i) => i.id !== selfId && same(i.fields[key], value)))
      throw new GraphHttpError(
        409,
        'nameAlreadyExists',
        `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${c.name}].`,
      );
  }
}

export function createItem(call: SiteCall, listKey: string): void {
  const { ctx, req, res, site } = call;
  const principal = principalOf(req);
  assertQueryOptions(req, []);
  const body = createItemSchema.parse(req.body);
  const list = requireList(ctx, site, listKey);
  const columns = listColumns(ctx, list.id);
  const users = new SiteUsers(ctx, site.id);
  const changes = validateFieldValues(columns, body.fields, lookupResolver(ctx, users));
  const fields: Record<string, unknown> = {};
  for (const [key, value] of changes) if (value !== null) fields[key] = value;
  checkRequired(columns, fields);
  checkUnique(ctx, list, columns, fields);
  const writer = users.writer(principal);
  const now = isoNow(ctx);
  const id = String(ctx.store.nextNumber(`listItem:${list.id}`));
  const item: StoredListItem = {
    id,
    guid: randomUUID(),
    version: 1,
    createdDateTime: now,
    lastModifiedDateTime: now,
    createdBy: writer.identity,
    lastModifiedBy: writer.identity,
    fields: {
      ...fields,
      id,
      ContentType: 'Item',
      Modified: now,
      Created: now,
      AuthorLookupId: String(writer.lookupId),
      EditorLookupId: String(writer.lookupId),
      _UIVersionString: '1.0',
      Attachments: false,
    },
  };
  ctx.store.transaction(() => {
    ctx.store.insert(LIST_ITEM_KIND, list.id, id, item);
    ListItemCache.written(ctx.store, list.id, { put: item });
  });
  res
    .status(201)
    .json({ '@odata.context': listContext(call, list, 'items/$entity'), ...publicItem(list, item, 'all') });
}

export function patchItemFields(call: SiteCall, listKey: string, itemId: string): void {
  const { ctx, req, res, site } = call;
  const principal = principalOf(req);
  assertQueryOptions(req, []);
  const body = fieldsPatchSchema.parse(req.body);
  const list = requireList(ctx, site, listKey);
  const item = requireItem(ctx, list, itemId);
  checkIfMatch(req, item);
  const columns = listColumns(ctx, list.id);
  const users = new SiteUsers(ctx, site.id);
  const changes = validateFieldValues(columns, body, lookupResolver(ctx, users));
  const fields = { ...item.fields };
  for (const [key, value] of changes) {
    if (value === null) delete fields[key];
    else fields[key] = value;
  }
  checkRequired(columns, fields);
  checkUnique(ctx, list, columns, fields, item.id);
  const writer = users.writer(principal);
  const now = isoNow(ctx);
  const version = item.version + 1;
  const updated: StoredListItem = {
    ...item,
    version,
    lastModifiedDateTime: now,
    lastModifiedBy: writer.identity,
    fields: { ...fields, Modified: now, EditorLookupId: String(writer.lookupId), _UIVersionString: `${version}.0` },
  };
  ctx.store.transaction(() => {
    ctx.store.put(LIST_ITEM_KIND, list.id, item.id, updated);
    ListItemCache.written(ctx.store, list.id, { put: updated });
  });
  res.json({
    '@odata.context': listContext(call, list, `items('${item.id}')/fields/$entity`),
    ...fieldValues(updated),
  });
}

export function deleteItem(call: SiteCall, listKey: string, itemId: string): void {
  const { ctx, req, res, site } = call;
  assertQueryOptions(req, []);
  const list = requireList(ctx, site, listKey);
  const item = requireItem(ctx, list, itemId);
  checkIfMatch(req, item);
  ctx.store.transaction(() => {
    ctx.store.delete(LIST_ITEM_KIND, list.id, item.id);
    ListItemCache.written(ctx.store, list.id, { removedId: item.id });
  });
  res.status(204).end();
}

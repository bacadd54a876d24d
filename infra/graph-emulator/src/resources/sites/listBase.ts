import type { Request, Response } from 'express';
import type { EmulatorContext } from '../../context';
import { graphErrors } from '../../errors';
import { odataContext } from '../../odata';
import { COLUMN_KIND, LIST_KIND, type StoredColumn, type StoredList, type StoredSite } from './model';

/** What the list, column and item handlers share: the call, finding a list, its columns, the answer's context. */

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

export function checkSelect(select: string[] | undefined, known: ReadonlySet<string>, type: string): void {
  for (const s of select ?? [])
    if (!known.has(s))
      throw graphErrors.badRequest(`Could not find a property named '${s}' on type 'microsoft.graph.${type}'.`);
}

export function isoNow(ctx: EmulatorContext): string {
  return ctx
    .now()
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');
}

import type { NextFunction, Request, Response, Router } from 'express';
import type { EmulatorContext, ResourceModule } from '../context';
import { graphErrors } from '../errors';
import { TENANT_SCOPE, type StoredUser } from '../model';
import { applySelect, assertQueryOptions, odataContext, parseSelect } from '../odata';
import { authorize } from '../permissions';
import type { NamedOperation } from '../routing';
import { parseSitesPath, resolveSite, seedSite, withoutPrivate } from './sites/addressing';
import { getItem, getItemFields, listItems } from './sites/items';
import { createItem, deleteItem, patchItemFields } from './sites/itemWrites';
import { createColumn, deleteColumn, getColumn, getColumns, updateColumn } from './sites/columnRoutes';
import type { SiteCall } from './sites/listBase';
import { createList, deleteList, getList, getLists } from './sites/lists';
import {
  createSitePermission,
  deleteSitePermission,
  grantSite,
  listSitePermissions,
  updateSitePermission,
} from './sites/permissions';
import { seedSiteUsers } from './sites/siteUsers';
import { ROOT_SITE_DISPLAY_NAME, SITE_DESCRIPTION, SITE_DISPLAY_NAME, SITE_HOSTNAME, SITE_PATH } from './sitesConfig';

type SiteHandler = (call: SiteCall, params: string[]) => void;

/**
 * One row of the sites mount table: a path below the site as segments ('*' is a parameter) → a named operation.
 * Sites are addressed in several ways Graph allows (see addressing.ts), which express paths cannot express, so
 * this module dispatches its table itself.
 */
interface SiteRoute extends NamedOperation {
  below: string[];
  handler: SiteHandler;
}

function getSite(call: SiteCall): void {
  const { ctx, req, res, site } = call;
  assertQueryOptions(req, ['$select']);
  res.json({
    '@odata.context': odataContext(ctx.baseUrl(), 'sites/$entity'),
    ...applySelect(withoutPrivate(site), parseSelect(req)),
  });
}

const SITE = 'GET /sites/{hostname}:/{server-relative-path}';
const LISTS = '/sites/{site-id}/lists';
const LIST = `${LISTS}/{list-id}`;
const PERMISSIONS = '/sites/{site-id}/permissions';

export const SITE_ROUTES: readonly SiteRoute[] = [
  { method: 'GET', below: [], operation: SITE, handler: getSite },
  { method: 'GET', below: ['lists'], operation: `GET ${LISTS}`, handler: (c) => getLists(c) },
  { method: 'POST', below: ['lists'], operation: `POST ${LISTS}`, handler: (c) => createList(c) },
  { method: 'GET', below: ['lists', '*'], operation: `GET ${LIST}`, handler: (c, [l]) => getList(c, l!) },
  { method: 'DELETE', below: ['lists', '*'], operation: `DELETE ${LIST}`, handler: (c, [l]) => deleteList(c, l!) },
  {
    method: 'GET',
    below: ['lists', '*', 'columns'],
    operation: `GET ${LIST}/columns`,
    handler: (c, [l]) => getColumns(c, l!),
  },
  {
    method: 'POST',
    below: ['lists', '*', 'columns'],
    operation: `POST ${LIST}/columns`,
    handler: (c, [l]) => createColumn(c, l!),
  },
  {
    method: 'GET',
    below: ['lists', '*', 'columns', '*'],
    operation: `GET ${LIST}/columns/{column-id}`,
    handler: (c, [l, col]) => getColumn(c, l!, col!),
  },
  {
    method: 'PATCH',
    below: ['lists', '*', 'columns', '*'],
    operation: `PATCH ${LIST}/columns/{column-id}`,
    handler: (c, [l, col]) => updateColumn(c, l!, col!),
  },
  {
    method: 'DELETE',
    below: ['lists', '*', 'columns', '*'],
    operation: `DELETE ${LIST}/columns/{column-id}`,
    handler: (c, [l, col]) => deleteColumn(c, l!, col!),
  },
  {
    method: 'GET',
    below: ['lists', '*', 'items'],
    operation: `GET ${LIST}/items (with $expand=fields, $filter)`,
    handler: (c, [l]) => listItems(c, l!),
  },
  {
    method: 'POST',
    below: ['lists', '*', 'items'],
    operation: `POST ${LIST}/items`,
    handler: (c, [l]) => createItem(c, l!),
  },
  {
    method: 'GET',
    below: ['lists', '*', 'items', '*'],
    operation: `GET ${LIST}/items/{item-id}`,
    handler: (c, [l, i]) => getItem(c, l!, i!),
  },
  {
    method: 'DELETE',
    below: ['lists', '*', 'items', '*'],
    operation: `DELETE ${LIST}/items/{item-id}`,
    handler: (c, [l, i]) => deleteItem(c, l!, i!),
  },
  {
    method: 'GET',
    below: ['lists', '*', 'items', '*', 'fields'],
    operation: `GET ${LIST}/items/{item-id}/fields`,
    handler: (c, [l, i]) => getItemFields(c, l!, i!),
  },
  {
    method: 'PATCH',
    below: ['lists', '*', 'items', '*', 'fields'],
    operation: `PATCH ${LIST}/items/{item-id}/fields`,
    handler: (c, [l, i]) => patchItemFields(c, l!, i!),
  },
  { method: 'GET', below: ['permissions'], operation: `GET ${PERMISSIONS}`, handler: (c) => listSitePermissions(c) },
  { method: 'POST', below: ['permissions'], operation: `POST ${PERMISSIONS}`, handler: (c) => createSitePermission(c) },
  {
    method: 'PATCH',
    below: ['permissions', '*'],
    operation: `PATCH ${PERMISSIONS}/{permission-id}`,
    handler: (c, [p]) => updateSitePermission(c, p!),
  },
  {
    method: 'DELETE',
    below: ['permissions', '*'],
    operation: `DELETE ${PERMISSIONS}/{permission-id}`,
    handler: (c, [p]) => deleteSitePermission(c, p!),
  },
];

function matches(pattern: string[], tail: string[], params: string[]): boolean {
  if (pattern.length !== tail.length) return false;
  return pattern.every((p, i) => (p === '*' ? (params.push(tail[i]!), true) : p === tail[i]));
}

/** The routes whose path matches (any method), with the path's parameters. */
function match(tail: string[]): { routes: SiteRoute[]; params: string[] } | undefined {
  for (const route of SITE_ROUTES) {
    const params: string[] = [];
    if (matches(route.below, tail, params))
      return { routes: SITE_ROUTES.filter((r) => r.below.join('/') === route.below.join('/')), params };
  }
  return undefined;
}

/** `lists('Name')` and `items('3')` as OData key syntax, besides plain segments. */
function splitKeySegments(tail: string[]): string[] {
  const out: string[] = [];
  for (const segment of tail) {
    const m = /^(lists|items|columns)\('(.*)'\)$/.exec(segment);
    if (m) out.push(m[1]!, m[2]!.replace(/''/g, "'"));
    else out.push(segment);
  }
  return out;
}

function siteIdOf(ctx: EmulatorContext, address: Parameters<typeof resolveSite>[1]): string | undefined {
  try {
    return resolveSite(ctx, address).id;
  } catch {
    return undefined;
  }
}

export const sitesModule: ResourceModule = {
  name: 'sites',
  dispatchedRoutes: {
    operations: SITE_ROUTES,
    mount(router: Router, ctx: EmulatorContext) {
      router.use('/sites', (req: Request, res: Response, next: NextFunction) => {
        const parsed = parseSitesPath(req.path);
        if (!parsed) return next();
        const found = match(splitKeySegments(parsed.tail));
        if (!found) return next();
        const route = found.routes.find((r) => r.method === req.method);
        if (!route) throw graphErrors.methodNotAllowed();
        res.locals.operation = route.operation;
        // Graph authorises before it looks the site up: an unknown site with a weak token is a 403, not a 404.
        // A Sites.Selected app holds what the admin granted it on the addressed site (none on an unknown one).
        res.locals.allowedBy = authorize(ctx, req, route.operation, { siteId: () => siteIdOf(ctx, parsed.site) });
        const site = resolveSite(ctx, parsed.site);
        route.handler({ ctx, req, res, site }, found.params);
      });
    },
  },
  seed(ctx) {
    seedSite(ctx, SITE_HOSTNAME, '/', ROOT_SITE_DISPLAY_NAME, '');
    const site = seedSite(ctx, SITE_HOSTNAME, SITE_PATH, SITE_DISPLAY_NAME, SITE_DESCRIPTION);
    seedSiteUsers(ctx, site.id, ctx.store.list<StoredUser>('user', TENANT_SCOPE));
    // The admin's one-time Sites.Selected grant (docs/deployment.md step 5): manage, as for the first provisioning.
    if (ctx.app.applicationPermissions.includes('Sites.Selected'))
      grantSite(ctx, site.id, { id: ctx.app.clientId, displayName: ctx.app.displayName }, ['manage']);
  },
};

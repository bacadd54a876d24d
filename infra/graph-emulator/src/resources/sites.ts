import type { NextFunction, Request, Response, Router } from 'express';
import type { EmulatorContext, ResourceModule } from '../context';
import { graphErrors } from '../errors';
import { TENANT_SCOPE, type StoredUser } from '../model';
import { applySelect, assertQueryOptions, odataContext, parseSelect } from '../odata';
import { requirePermission } from '../permissions';
import { parseSitesPath, resolveSite, seedSite, withoutPrivate } from './sites/addressing';
import { createItem, deleteItem, getItem, getItemFields, listItems, patchItemFields } from './sites/items';
import {
  createColumn,
  createList,
  deleteColumn,
  deleteList,
  getColumn,
  getColumns,
  getList,
  getLists,
  READ_SITES,
  type SiteCall,
  updateColumn,
} from './sites/lists';
import { seedSiteUsers } from './sites/siteUsers';
import { ROOT_SITE_DISPLAY_NAME, SITE_DESCRIPTION, SITE_DISPLAY_NAME, SITE_HOSTNAME, SITE_PATH } from './sitesConfig';

type Handler = (call: SiteCall, params: string[]) => void;
type Routes = Partial<Record<'GET' | 'POST' | 'PATCH' | 'DELETE', Handler>>;

function getSite(call: SiteCall): void {
  const { ctx, req, res, site } = call;
  requirePermission(req, READ_SITES);
  assertQueryOptions(req, ['$select']);
  res.json({
    '@odata.context': odataContext(ctx.baseUrl(), 'sites/$entity'),
    ...applySelect(withoutPrivate(site), parseSelect(req)),
  });
}

/**
 * The URL tree under a site, as patterns of segments ('*' is a parameter). Sites are addressed in several ways
 * Graph allows (see addressing.ts), which express patterns cannot express, so this module dispatches itself.
 */
const ROUTES: [string[], Routes][] = [
  [[], { GET: getSite }],
  [['lists'], { GET: (c) => getLists(c), POST: (c) => createList(c) }],
  [['lists', '*'], { GET: (c, [l]) => getList(c, l!), DELETE: (c, [l]) => deleteList(c, l!) }],
  [['lists', '*', 'columns'], { GET: (c, [l]) => getColumns(c, l!), POST: (c, [l]) => createColumn(c, l!) }],
  [
    ['lists', '*', 'columns', '*'],
    {
      GET: (c, [l, col]) => getColumn(c, l!, col!),
      PATCH: (c, [l, col]) => updateColumn(c, l!, col!),
      DELETE: (c, [l, col]) => deleteColumn(c, l!, col!),
    },
  ],
  [['lists', '*', 'items'], { GET: (c, [l]) => listItems(c, l!), POST: (c, [l]) => createItem(c, l!) }],
  [
    ['lists', '*', 'items', '*'],
    { GET: (c, [l, i]) => getItem(c, l!, i!), DELETE: (c, [l, i]) => deleteItem(c, l!, i!) },
  ],
  [
    ['lists', '*', 'items', '*', 'fields'],
    { GET: (c, [l, i]) => getItemFields(c, l!, i!), PATCH: (c, [l, i]) => patchItemFields(c, l!, i!) },
  ],
];

function match(tail: string[]): { routes: Routes; params: string[] } | undefined {
  for (const [pattern, routes] of ROUTES) {
    if (pattern.length !== tail.length) continue;
    const params: string[] = [];
    if (pattern.every((p, i) => (p === '*' ? (params.push(tail[i]!), true) : p === tail[i]))) return { routes, params };
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

export const sitesModule: ResourceModule = {
  name: 'sites',
  graph(router: Router, ctx: EmulatorContext) {
    router.use('/sites', (req: Request, res: Response, next: NextFunction) => {
      const parsed = parseSitesPath(req.path);
      if (!parsed) return next();
      const found = match(splitKeySegments(parsed.tail));
      if (!found) return next();
      const handler = found.routes[req.method as keyof Routes];
      if (!handler) throw graphErrors.methodNotAllowed();
      // Graph authorises before it looks the site up: an unknown site with a weak token is a 403, not a 404.
      requirePermission(req, READ_SITES);
      const site = resolveSite(ctx, parsed.site);
      handler({ ctx, req, res, site }, found.params);
    });
  },
  seed(ctx) {
    seedSite(ctx, SITE_HOSTNAME, '/', ROOT_SITE_DISPLAY_NAME, '');
    const site = seedSite(ctx, SITE_HOSTNAME, SITE_PATH, SITE_DISPLAY_NAME, SITE_DESCRIPTION);
    seedSiteUsers(ctx, site.id, ctx.store.list<StoredUser>('user', TENANT_SCOPE));
  },
};

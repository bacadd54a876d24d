import { randomUUID } from 'node:crypto';
import type { Permission } from '@microsoft/microsoft-graph-types';
import { z } from 'zod';
import type { EmulatorContext } from '../../context';
import { graphErrors } from '../../errors';
import { assertQueryOptions, odataContext } from '../../odata';
import { SITE_GRANT_KIND, type StoredSiteGrant } from '../../permissions';
import type { SiteCall } from './listBase';

/**
 * `Sites.Selected`: an app with this role reaches no site until an admin grants it one, with
 * `POST /sites/{site-id}/permissions` (roles read, write, manage or fullcontrol). The grant needs
 * Sites.FullControl.All, which the app never holds: an admin makes it once (docs/deployment.md step 5; the
 * local tenant's seed does it for the app's own registration).
 */
const ROLE = z.enum(['read', 'write', 'manage', 'fullcontrol']);
const identity = z.object({ application: z.object({ id: z.string().min(1), displayName: z.string().optional() }) });
const grantInput = z
  .object({
    roles: z.array(ROLE).min(1),
    grantedToIdentities: z.array(identity).min(1).optional(),
    grantedToIdentitiesV2: z.array(identity).min(1).optional(),
  })
  .strict()
  .refine((g) => g.grantedToIdentities || g.grantedToIdentitiesV2, "'grantedToIdentitiesV2' is required.");
const rolesInput = z.object({ roles: z.array(ROLE).min(1) }).strict();

function view(grant: StoredSiteGrant): Permission {
  return {
    id: grant.id,
    roles: grant.roles,
    grantedToIdentitiesV2: grant.grantedToIdentitiesV2,
    grantedToIdentities: grant.grantedToIdentitiesV2,
  };
}

/** Grants an app a role on a site (the admin's call, and the seed's). */
export function grantSite(
  ctx: EmulatorContext,
  siteId: string,
  app: { id: string; displayName: string },
  roles: string[],
): StoredSiteGrant {
  const grant: StoredSiteGrant = {
    id: Buffer.from(`aTowaS50fG1zLnNwLmV4dHwke${randomUUID()}`).toString('base64url'),
    roles,
    grantedToIdentitiesV2: [{ application: app }],
  };
  ctx.store.put(SITE_GRANT_KIND, siteId, grant.id, grant);
  return grant;
}

function requireGrant(call: SiteCall, id: string): StoredSiteGrant {
  const grant = call.ctx.store.get<StoredSiteGrant>(SITE_GRANT_KIND, call.site.id, id);
  if (!grant) throw graphErrors.notFound(`Permission '${id}' was not found on the site.`);
  return grant;
}

const context = (call: SiteCall) => odataContext(call.ctx.baseUrl(), `sites('${call.site.id}')/permissions`);

export function listSitePermissions(call: SiteCall): void {
  assertQueryOptions(call.req, []);
  const grants = call.ctx.store.list<StoredSiteGrant>(SITE_GRANT_KIND, call.site.id);
  call.res.json({ '@odata.context': context(call), value: grants.map(view) });
}

export function createSitePermission(call: SiteCall): void {
  assertQueryOptions(call.req, []);
  const input = grantInput.parse(call.req.body);
  const who = (input.grantedToIdentitiesV2 ?? input.grantedToIdentities)![0]!.application;
  const grant = grantSite(call.ctx, call.site.id, { id: who.id, displayName: who.displayName ?? who.id }, input.roles);
  call.res.status(201).json({ '@odata.context': `${context(call)}/$entity`, ...view(grant) });
}

export function updateSitePermission(call: SiteCall, id: string): void {
  assertQueryOptions(call.req, []);
  const { roles } = rolesInput.parse(call.req.body);
  const updated = { ...requireGrant(call, id), roles };
  call.ctx.store.put(SITE_GRANT_KIND, call.site.id, id, updated);
  call.res.json({ '@odata.context': `${context(call)}/$entity`, ...view(updated) });
}

export function deleteSitePermission(call: SiteCall, id: string): void {
  assertQueryOptions(call.req, []);
  requireGrant(call, id);
  call.ctx.store.delete(SITE_GRANT_KIND, call.site.id, id);
  call.res.status(204).end();
}

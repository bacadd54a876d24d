import type { Request } from 'express';
import type { EmulatorContext } from './context';
import { graphErrors } from './errors';
import { NO_PERMISSION_OF_ITS_OWN, OPERATION_RULES, type OperationRule } from './permissionTable';

export type Principal =
  | { kind: 'delegated'; tenantId: string; appId: string; userId: string; upn: string; scopes: ReadonlySet<string> }
  | { kind: 'application'; tenantId: string; appId: string; roles: ReadonlySet<string> };

/** Installations of a Teams app in a team: document kind, scoped by team id. */
export const INSTALLATION_KIND = 'teamsAppInstallation';
/** `Sites.Selected` grants (`POST /sites/{id}/permissions`): document kind, scoped by site id. */
export const SITE_GRANT_KIND = 'sitePermission';

export interface StoredInstallation {
  id: string;
  /** The org catalog id of the app (`teamsApp.id`). */
  teamsAppId: string;
  externalId: string;
  /** The Entra app (webApplicationInfo.id) whose RSC permissions the team's owner consented to. */
  azureADAppId: string;
}

export interface StoredSiteGrant {
  id: string;
  roles: string[];
  grantedToIdentitiesV2: { application: { id: string; displayName: string } }[];
}

/** What a Sites.Selected role on a site lets the app do, as the Sites.* permission it stands for. */
const SITE_ROLE_PERMISSIONS: Record<string, string[]> = {
  read: ['Sites.Read.All'],
  write: ['Sites.Read.All', 'Sites.ReadWrite.All'],
  manage: ['Sites.Read.All', 'Sites.ReadWrite.All', 'Sites.Manage.All'],
  fullcontrol: ['Sites.Read.All', 'Sites.ReadWrite.All', 'Sites.Manage.All', 'Sites.FullControl.All'],
};

export function principalOf(req: Request): Principal {
  const principal = req.res?.locals.principal as Principal | undefined;
  if (!principal) throw graphErrors.unauthenticated();
  return principal;
}

/** The rule of an operation; an operation without one is a bug of the emulator (the contract test finds it). */
export function ruleFor(operation: string): OperationRule {
  const rule = OPERATION_RULES.get(operation);
  if (!rule) throw new Error(`No permission rule for '${operation}' (permissions/*.json).`);
  return rule;
}

/** Where the request points, for grants that hold in one place only (RSC in a team, Sites.Selected on a site). */
export interface GrantScope {
  teamId?: string;
  /** The addressed site's id, or undefined when there is no such site. */
  siteId?: () => string | undefined;
}

function installedIn(ctx: EmulatorContext, teamId: string, appId: string): boolean {
  return ctx.store.list<StoredInstallation>(INSTALLATION_KIND, teamId).some((i) => i.azureADAppId === appId);
}

/** RSC permissions the app holds in the team: declared in its Teams manifest, and the app installed there. */
export function rscHeld(ctx: EmulatorContext, principal: Principal, teamId: string | undefined): string[] {
  if (principal.kind !== 'application' || !teamId || principal.appId !== ctx.app.clientId) return [];
  return installedIn(ctx, teamId, principal.appId) ? [...ctx.app.rscPermissions] : [];
}

/** Site permissions a Sites.Selected app holds on one site through the admin's grant. */
export function siteGrantHeld(ctx: EmulatorContext, principal: Principal, siteId: string | undefined): string[] {
  if (principal.kind !== 'application' || !siteId || !principal.roles.has('Sites.Selected')) return [];
  const grants = ctx.store
    .list<StoredSiteGrant>(SITE_GRANT_KIND, siteId)
    .filter((g) => g.grantedToIdentitiesV2.some((i) => i.application.id === principal.appId));
  return [...new Set(grants.flatMap((g) => g.roles.flatMap((r) => SITE_ROLE_PERMISSIONS[r] ?? [])))];
}

/** The permission that allowed the request (for the request log), or undefined when none is needed. */
export type Allowed = { permission: string; via: 'scope' | 'role' | 'rsc' | 'site' } | undefined;

/**
 * Graph's check of one operation: the token (or the app's RSC in the addressed team, or its Sites.Selected grant
 * on the addressed site) must hold one of the permissions Microsoft's table lists for the operation, least or
 * higher privileged, for the kind of principal. Throws Graph's 403 otherwise.
 */
export function authorize(ctx: EmulatorContext, req: Request, operation: string, scope: GrantScope = {}): Allowed {
  if (NO_PERMISSION_OF_ITS_OWN.has(operation)) return undefined;
  const rule = ruleFor(operation);
  const principal = principalOf(req);
  if (principal.kind === 'delegated') {
    if (rule.delegated.length === 0) throw graphErrors.forbidden('This API does not support delegated permissions.');
    const found = rule.delegated.find((p) => principal.scopes.has(p));
    if (found) return { permission: found, via: 'scope' };
    throw graphErrors.forbidden(
      `Missing scope permissions on the request. API requires one of '${rule.delegated.join(', ')}'. Scopes on the request '${[...principal.scopes].join(', ')}'.`,
    );
  }
  const options = [...new Set([...rule.application, ...rule.rsc])];
  if (options.length === 0) throw graphErrors.forbidden('This API does not support application permissions.');
  // RSC permissions never appear in a token: Graph looks them up in the team.
  const role = options.find((p) => !p.endsWith('.Group') && principal.roles.has(p));
  if (role) return { permission: role, via: 'role' };
  const rsc = rscHeld(ctx, principal, scope.teamId);
  const byRsc = options.find((p) => p.endsWith('.Group') && rsc.includes(p));
  if (byRsc) return { permission: byRsc, via: 'rsc' };
  if (scope.siteId && principal.roles.has('Sites.Selected')) {
    const held = siteGrantHeld(ctx, principal, scope.siteId());
    const bySite = options.find((p) => held.includes(p));
    if (bySite) return { permission: `Sites.Selected (${bySite})`, via: 'site' };
  }
  throw graphErrors.forbidden(
    `Missing role permissions on the request. API requires one of '${options.join(', ')}'. Roles on the request '${[...principal.roles].join(', ')}'.`,
  );
}

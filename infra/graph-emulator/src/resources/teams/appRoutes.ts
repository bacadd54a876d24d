import type { Request, Response } from 'express';
import type { TeamsApp, TeamsAppDefinition, TeamsAppInstallation } from '@microsoft/microsoft-graph-types';
import { z } from 'zod';
import type { EmulatorContext } from '../../context';
import { graphErrors } from '../../errors';
import { TENANT_SCOPE } from '../../model';
import { assertQueryOptions, odataContext, queryString } from '../../odata';
import { INSTALLATION_KIND, principalOf, type StoredInstallation } from '../../permissions';
import { param, type MountTable } from '../../routing';
import { stableGuid } from '../../seed/people';
import { catalogIdFor } from './ids';
import { assertDelegatedChannelManager, assertDelegatedTeamOwner, requireChannel, requireTeam } from './model';

/** The org app catalog (apps an admin uploaded): document kind, tenant-wide. */
const CATALOG_KIND = 'teamsCatalogApp';
/** Apps enabled in a shared channel: document kind, scoped by channel id. */
const ENABLED_KIND = 'channelEnabledApp';

export interface StoredCatalogApp {
  id: string;
  externalId: string;
  displayName: string;
  distributionMethod: 'organization';
  version: string;
  /** The Entra app of the manifest's webApplicationInfo (whose RSC the manifest declares). */
  azureADAppId: string;
}

export function catalogApp(ctx: EmulatorContext, id: string): StoredCatalogApp | undefined {
  return ctx.store.get<StoredCatalogApp>(CATALOG_KIND, TENANT_SCOPE, id);
}

/** Is the catalog app installed in the team? */
export function installedInTeam(ctx: EmulatorContext, teamId: string, teamsAppId: string): boolean {
  return ctx.store.list<StoredInstallation>(INSTALLATION_KIND, teamId).some((i) => i.teamsAppId === teamsAppId);
}

/** Is the catalog app enabled in the (shared) channel? */
export function enabledInChannel(ctx: EmulatorContext, channelId: string, teamsAppId: string): boolean {
  return ctx.store.get(ENABLED_KIND, channelId, teamsAppId) !== undefined;
}

const externalApp = (app: StoredCatalogApp): TeamsApp => ({
  id: app.id,
  externalId: app.externalId,
  displayName: app.displayName,
  distributionMethod: app.distributionMethod,
});

const definitionOf = (app: StoredCatalogApp): TeamsAppDefinition => ({
  id: stableGuid(`definition:${app.id}:${app.version}`),
  teamsAppId: app.id,
  displayName: app.displayName,
  version: app.version,
  publishingState: 'published',
});

/** `field eq 'value'` on the fields Graph filters these collections by; anything else is refused, not ignored. */
function equalityFilter(req: Request, fields: readonly string[]): { field: string; value: string } | undefined {
  const raw = queryString(req, '$filter');
  if (raw === undefined) return undefined;
  const m = /^\s*([A-Za-z/]+)\s+eq\s+'((?:[^']|'')*)'\s*$/.exec(raw);
  if (!m || !fields.includes(m[1]!))
    throw graphErrors.badRequest(`Invalid filter clause: the local tenant filters on ${fields.join(', ')} with eq.`);
  return { field: m[1]!, value: m[2]!.replace(/''/g, "'") };
}

function expandSet(req: Request, allowed: readonly string[]): Set<string> {
  const raw = queryString(req, '$expand');
  const items = raw === undefined ? [] : raw.split(',').map((s) => s.trim());
  for (const item of items)
    if (!allowed.includes(item)) throw graphErrors.badRequest(`Could not find a property named '${item}'.`);
  return new Set(items);
}

function listCatalog(ctx: EmulatorContext, req: Request, res: Response): void {
  assertQueryOptions(req, ['$filter', '$expand']);
  const filter = equalityFilter(req, ['externalId', 'id', 'displayName', 'distributionMethod']);
  const expand = expandSet(req, ['appDefinitions']);
  const apps = ctx.store
    .list<StoredCatalogApp>(CATALOG_KIND, TENANT_SCOPE)
    .filter((a) => !filter || String(a[filter.field as keyof StoredCatalogApp]) === filter.value);
  res.json({
    '@odata.context': odataContext(ctx.baseUrl(), 'appCatalogs/teamsApps'),
    value: apps.map((a) => ({
      ...externalApp(a),
      ...(expand.has('appDefinitions') ? { appDefinitions: [definitionOf(a)] } : {}),
    })),
  });
}

function installationView(ctx: EmulatorContext, i: StoredInstallation, expand: Set<string>): TeamsAppInstallation {
  const app = catalogApp(ctx, i.teamsAppId);
  return {
    id: i.id,
    ...(expand.has('teamsApp') && app ? { teamsApp: externalApp(app) } : {}),
    ...(expand.has('teamsAppDefinition') && app ? { teamsAppDefinition: definitionOf(app) } : {}),
  };
}

function listInstalledApps(ctx: EmulatorContext, req: Request, res: Response): void {
  assertQueryOptions(req, ['$filter', '$expand']);
  const team = requireTeam(ctx, param(req, 'teamId'));
  const filter = equalityFilter(req, ['teamsApp/externalId', 'teamsApp/id']);
  const expand = expandSet(req, ['teamsApp', 'teamsAppDefinition']);
  const installations = ctx.store.list<StoredInstallation>(INSTALLATION_KIND, team.id).filter((i) => {
    if (!filter) return true;
    return filter.field === 'teamsApp/id' ? i.teamsAppId === filter.value : i.externalId === filter.value;
  });
  res.json({
    '@odata.context': odataContext(ctx.baseUrl(), `teams('${team.id}')/installedApps`),
    value: installations.map((i) => installationView(ctx, i, expand)),
  });
}

const bindInput = z.object({ 'teamsApp@odata.bind': z.string().regex(/\/appCatalogs\/teamsApps\/[^/]+$/) }).strict();

function requireCatalogApp(ctx: EmulatorContext, reference: string): StoredCatalogApp {
  const id = decodeURIComponent(reference.split('/').pop() ?? '').replace(/^\('?|'?\)$/g, '');
  const app = catalogApp(ctx, id);
  if (!app) throw graphErrors.notFound(`The app '${id}' is not in the organisation's app catalog.`);
  return app;
}

/** Installs a catalog app in a team; the installer consents to the RSC permissions its manifest declares. */
export function installApp(ctx: EmulatorContext, teamId: string, app: StoredCatalogApp): StoredInstallation {
  if (installedInTeam(ctx, teamId, app.id))
    throw graphErrors.conflict(`The app '${app.displayName}' is already installed in the team.`, 'Conflict');
  const installation: StoredInstallation = {
    id: Buffer.from(`${teamId}##${app.id}`).toString('base64'),
    teamsAppId: app.id,
    externalId: app.externalId,
    azureADAppId: app.azureADAppId,
  };
  ctx.store.put(INSTALLATION_KIND, teamId, installation.id, installation);
  return installation;
}

function postInstalledApp(ctx: EmulatorContext, req: Request, res: Response): void {
  assertQueryOptions(req, []);
  const input = bindInput.parse(req.body);
  const team = requireTeam(ctx, param(req, 'teamId'));
  assertDelegatedTeamOwner(ctx, principalOf(req), team.id);
  installApp(ctx, team.id, requireCatalogApp(ctx, input['teamsApp@odata.bind']));
  res.status(201).end();
}

const refInput = z.object({ '@odata.id': z.string().regex(/\/appCatalogs\/teamsApps\/[^/]+$/) }).strict();

/** Enables an installed app in a shared channel (Graph allows it for shared channels only). */
function enableAppInChannel(ctx: EmulatorContext, req: Request, res: Response): void {
  assertQueryOptions(req, []);
  const input = refInput.parse(req.body);
  const team = requireTeam(ctx, param(req, 'teamId'));
  const channel = requireChannel(ctx, team.id, param(req, 'channelId'));
  assertDelegatedChannelManager(ctx, principalOf(req), channel);
  if (channel.membershipType !== 'shared')
    throw graphErrors.badRequest('This operation is allowed only for channels with a membershipType value of shared.');
  const app = requireCatalogApp(ctx, input['@odata.id']);
  if (!installedInTeam(ctx, team.id, app.id))
    throw graphErrors.badRequest(`The app '${app.displayName}' is not installed in the team.`);
  ctx.store.put(ENABLED_KIND, channel.id, app.id, { id: app.id });
  res.status(204).end();
}

/** The admin's upload of this app to the org catalog and the team owner's install (deployment step 7). */
export function seedApps(ctx: EmulatorContext, teamId: string): void {
  const app: StoredCatalogApp = {
    id: catalogIdFor(ctx.app.teamsAppExternalId),
    externalId: ctx.app.teamsAppExternalId,
    displayName: 'Plan och bygg',
    distributionMethod: 'organization',
    version: '1.0.0',
    azureADAppId: ctx.app.clientId,
  };
  ctx.store.put(CATALOG_KIND, TENANT_SCOPE, app.id, app);
  installApp(ctx, teamId, app);
}

export const APP_ROUTES: MountTable = [
  {
    method: 'GET',
    path: '/appCatalogs/teamsApps',
    operation: "GET /appCatalogs/teamsApps?$filter=externalId eq '...'",
    handler: listCatalog,
  },
  {
    method: 'GET',
    path: '/teams/:teamId/installedApps',
    operation: 'GET /teams/{team-id}/installedApps',
    handler: listInstalledApps,
  },
  {
    method: 'POST',
    path: '/teams/:teamId/installedApps',
    operation: 'POST /teams/{team-id}/installedApps',
    handler: postInstalledApp,
  },
  {
    method: 'POST',
    path: '/teams/:teamId/channels/:channelId/enabledApps/\\$ref',
    operation: 'POST /teams/{team-id}/channels/{channel-id}/enabledApps/$ref',
    handler: enableAppInChannel,
  },
];

import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import type { TeamsTab } from '@microsoft/microsoft-graph-types';
import { z } from 'zod';
import type { EmulatorContext } from '../../context';
import { graphErrors } from '../../errors';
import { applySelect, assertQueryOptions, odataContext, parseSelect, queryString } from '../../odata';
import { principalOf } from '../../permissions';
import { param, type MountTable } from '../../routing';
import { catalogApp, enabledInChannel, installedInTeam } from './appRoutes';
import {
  assertDelegatedChannelAccess,
  assertNotArchived,
  requireChannel,
  requireTeam,
  type StoredChannel,
} from './model';

/** Tabs pinned in a channel: document kind `channelTab`, scoped by channel id. */
const TAB_KIND = 'channelTab';

interface StoredTab extends TeamsTab {
  id: string;
  displayName: string;
  xTeamsAppId: string;
}

const httpsOrHttpUrl = z.url({ protocol: /^https?$/ });

const tabInput = z
  .object({
    displayName: z.string().trim().min(1, "'displayName' is required.").max(128),
    'teamsApp@odata.bind': z.string().regex(/\/appCatalogs\/teamsApps\/[^/]+$/, 'Invalid teamsApp@odata.bind.'),
    configuration: z
      .object({
        entityId: z.string().max(256).nullable().optional(),
        contentUrl: httpsOrHttpUrl,
        websiteUrl: httpsOrHttpUrl.nullable().optional(),
        removeUrl: httpsOrHttpUrl.nullable().optional(),
      })
      .strict(),
  })
  .strict();

function tabWebUrl(ctx: EmulatorContext, channel: StoredChannel, tab: { id: string; displayName: string }): string {
  return `https://teams.microsoft.com/l/channel/${encodeURIComponent(channel.id)}/tab::${tab.id}?label=${encodeURIComponent(tab.displayName)}&groupId=${channel.xTeamId}&tenantId=${ctx.tenantId}`;
}

function expandTeamsApp(raw: string | undefined): boolean {
  if (raw === undefined) return false;
  if (raw.trim() !== 'teamsApp')
    throw graphErrors.badRequest(`Expand '${raw}' is not supported on tabs; use teamsApp.`);
  return true;
}

function externalTab(tab: StoredTab, expand: boolean): TeamsTab {
  const { xTeamsAppId, ...rest } = tab;
  return expand
    ? {
        ...rest,
        teamsApp: { id: xTeamsAppId, externalId: null, displayName: xTeamsAppId, distributionMethod: 'organization' },
      }
    : rest;
}

function channelFor(ctx: EmulatorContext, req: Request): StoredChannel {
  return requireChannel(ctx, requireTeam(ctx, param(req, 'teamId')).id, param(req, 'channelId'));
}

function tabsContext(ctx: EmulatorContext, req: Request): string {
  return odataContext(ctx.baseUrl(), `teams('${param(req, 'teamId')}')/channels('${param(req, 'channelId')}')/tabs`);
}

/**
 * Teams pins a tab of an app only if the app is in the org catalog (`teamsApp@odata.bind` names its catalog id,
 * not the bot's or the Entra app's id), installed in the team, and, in a shared channel, enabled there.
 */
function assertAppUsable(ctx: EmulatorContext, channel: StoredChannel, appId: string): void {
  const app = catalogApp(ctx, appId);
  if (!app) throw graphErrors.badRequest(`TeamsApp with id '${appId}' is not found in the app catalog.`);
  if (!installedInTeam(ctx, channel.xTeamId, app.id))
    throw graphErrors.badRequest(`The app '${app.displayName}' is not installed in the team.`);
  if (channel.membershipType === 'shared' && !enabledInChannel(ctx, channel.id, app.id))
    throw graphErrors.badRequest(`The app '${app.displayName}' is not enabled in the shared channel.`);
}

function addTab(ctx: EmulatorContext, req: Request, res: Response): void {
  const principal = principalOf(req);
  assertQueryOptions(req, []);
  const input = tabInput.parse(req.body);
  const channel = channelFor(ctx, req);
  assertDelegatedChannelAccess(ctx, principal, channel);
  assertNotArchived(channel, 'adding tabs');
  const appId = decodeURIComponent(input['teamsApp@odata.bind'].split('/').pop() ?? '');
  assertAppUsable(ctx, channel, appId);
  const id = randomUUID();
  const tab: StoredTab = {
    id,
    displayName: input.displayName,
    webUrl: tabWebUrl(ctx, channel, { id, displayName: input.displayName }),
    configuration: {
      entityId: input.configuration.entityId ?? null,
      contentUrl: input.configuration.contentUrl,
      websiteUrl: input.configuration.websiteUrl ?? null,
      removeUrl: input.configuration.removeUrl ?? null,
    },
    xTeamsAppId: appId,
  };
  ctx.store.insert(TAB_KIND, channel.id, id, tab);
  res.status(201).json({ '@odata.context': `${tabsContext(ctx, req)}/$entity`, ...externalTab(tab, false) });
}

function listTabs(ctx: EmulatorContext, req: Request, res: Response): void {
  const principal = principalOf(req);
  assertQueryOptions(req, ['$expand', '$select']);
  const expand = expandTeamsApp(queryString(req, '$expand'));
  const channel = channelFor(ctx, req);
  assertDelegatedChannelAccess(ctx, principal, channel);
  const select = parseSelect(req);
  const tabs = ctx.store
    .list<StoredTab>(TAB_KIND, channel.id)
    .map((t) => applySelect(externalTab(t, expand), select, expand ? ['id', 'teamsApp'] : ['id']));
  res.json({ '@odata.context': tabsContext(ctx, req), '@odata.count': tabs.length, value: tabs });
}

function getTab(ctx: EmulatorContext, req: Request, res: Response): void {
  const principal = principalOf(req);
  assertQueryOptions(req, ['$expand', '$select']);
  const expand = expandTeamsApp(queryString(req, '$expand'));
  const channel = channelFor(ctx, req);
  assertDelegatedChannelAccess(ctx, principal, channel);
  const tab = ctx.store.get<StoredTab>(TAB_KIND, channel.id, param(req, 'tabId'));
  if (!tab) throw graphErrors.notFound(`Tab ${param(req, 'tabId')} was not found in the channel.`);
  res.json({
    '@odata.context': `${tabsContext(ctx, req)}/$entity`,
    ...applySelect(externalTab(tab, expand), parseSelect(req)),
  });
}

function removeTab(ctx: EmulatorContext, req: Request, res: Response): void {
  const principal = principalOf(req);
  assertQueryOptions(req, []);
  const channel = channelFor(ctx, req);
  assertDelegatedChannelAccess(ctx, principal, channel);
  assertNotArchived(channel, 'removing tabs');
  if (!ctx.store.get<StoredTab>(TAB_KIND, channel.id, param(req, 'tabId')))
    throw graphErrors.notFound(`Tab ${param(req, 'tabId')} was not found in the channel.`);
  ctx.store.delete(TAB_KIND, channel.id, param(req, 'tabId'));
  res.status(204).end();
}

const TABS = '/teams/:teamId/channels/:channelId/tabs';

/** Channel tabs: add, list, get, delete. */
export const TAB_ROUTES: MountTable = [
  { method: 'POST', path: TABS, operation: 'POST /teams/{team-id}/channels/{channel-id}/tabs', handler: addTab },
  { method: 'GET', path: TABS, operation: 'GET /teams/{team-id}/channels/{channel-id}/tabs', handler: listTabs },
  {
    method: 'GET',
    path: `${TABS}/:tabId`,
    operation: 'GET /teams/{team-id}/channels/{channel-id}/tabs/{tab-id}',
    handler: getTab,
  },
  {
    method: 'DELETE',
    path: `${TABS}/:tabId`,
    operation: 'DELETE /teams/{team-id}/channels/{channel-id}/tabs/{tab-id}',
    handler: removeTab,
  },
];

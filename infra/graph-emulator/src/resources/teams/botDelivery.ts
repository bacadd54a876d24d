import { randomUUID } from 'node:crypto';
import type { Router } from 'express';
import { z } from 'zod';
import type { EmulatorContext } from '../../context';
import { graphErrors } from '../../errors';
import { TENANT_SCOPE, type StoredUser } from '../../model';
import { findPerson, findUser } from '../users';
import { catalogApp, installApp, installedInTeam } from './appRoutes';
import { catalogIdFor } from './ids';
import { KIND, type StoredChannel, type StoredMember, type StoredTeam } from './model';

/**
 * Teams' side of a bot installation: when an app with a bot is added to a team, Teams sends the bot an
 * `installationUpdate` (action `add`) in the team's General channel, with `channelData.team` naming the team
 * by its Bot Framework id (the General channel's thread id) and its Microsoft 365 group id (`aadGroupId`),
 * and `serviceUrl` where the bot answers (here: this tenant's connector). The bot keeps the conversation
 * reference from it; without it a bot has no way to post in the team.
 *
 * Docs: https://learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/subscribe-to-conversation-events
 * (installationUpdate; channelData.team with id, name and aadGroupId).
 */

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

const installInput = z
  .object({
    /** The bot's messaging endpoint; locally a loopback http(s) URL only. */
    endpoint: z.url(),
    /** The team's Graph id; the seeded team when left out. */
    teamId: z.string().min(1).optional(),
    /** Who adds the app (id, UPN or mail); the team's first owner when left out. */
    installer: z.string().min(1).optional(),
  })
  .strict();

function teamOf(ctx: EmulatorContext, teamId: string | undefined): StoredTeam {
  const teams = ctx.store.list<StoredTeam>(KIND.team, TENANT_SCOPE);
  const team = teamId ? teams.find((t) => t.id === teamId) : teams[0];
  if (!team) throw graphErrors.notFound(`No team '${teamId ?? ''}' in the local tenant.`);
  return team;
}

function installerOf(ctx: EmulatorContext, team: StoredTeam, wanted: string | undefined): StoredUser {
  if (wanted) {
    const user = findPerson(ctx, wanted);
    if (!user) throw graphErrors.notFound(`No person '${wanted}' in the local tenant.`);
    return user;
  }
  const owner = ctx.store.list<StoredMember>(KIND.teamMember, team.id).find((m) => m.roles.includes('owner'));
  const user = owner ? findUser(ctx, owner.userId) : undefined;
  if (!user) throw graphErrors.badRequest(`Team '${team.displayName}' has no owner to install the app.`);
  return user;
}

/** The activity Teams sends when the app is added to the team. */
export function installationActivity(ctx: EmulatorContext, team: StoredTeam, installer: StoredUser) {
  const general = ctx.store.list<StoredChannel>(KIND.channel, team.id).find((c) => c.xIsGeneral);
  if (!general) throw graphErrors.badRequest(`Team '${team.displayName}' has no General channel.`);
  return {
    type: 'installationUpdate',
    action: 'add',
    id: `f:${randomUUID()}`,
    timestamp: ctx.now().toISOString(),
    channelId: 'msteams',
    serviceUrl: ctx.baseUrl(),
    from: { id: `29:${installer.id}`, name: installer.displayName, aadObjectId: installer.id },
    recipient: { id: `28:${ctx.app.clientId}`, name: ctx.app.displayName },
    conversation: { id: general.id, conversationType: 'channel', isGroup: true, tenantId: ctx.tenantId },
    channelData: {
      tenant: { id: ctx.tenantId },
      source: { name: 'message' },
      team: { id: general.id, name: team.displayName, aadGroupId: team.id },
      settings: { selectedChannel: { id: general.id } },
    },
    locale: 'sv-SE',
  };
}

/** `POST /_emulator/bot/install {endpoint, teamId?, installer?}`: installs the app and tells its bot, as Teams does. */
export function botDeliveryControls(router: Router, ctx: EmulatorContext): void {
  router.post('/bot/install', async (req, res) => {
    const body = installInput.safeParse(req.body ?? {});
    if (!body.success)
      throw graphErrors.badRequest('Body must be {"endpoint": url, "teamId"?: id, "installer"?: user}.');
    const endpoint = new URL(body.data.endpoint);
    if (!LOOPBACK_HOSTS.has(endpoint.hostname) || !/^https?:$/.test(endpoint.protocol))
      throw graphErrors.badRequest('The local tenant delivers activities to a bot on this machine only.');
    const team = teamOf(ctx, body.data.teamId);
    const installer = installerOf(ctx, team, body.data.installer);
    const app = catalogApp(ctx, catalogIdFor(ctx.app.teamsAppExternalId));
    if (!app) throw graphErrors.notFound('The app is not in the organisation’s app catalog.');
    if (!installedInTeam(ctx, team.id, app.id)) installApp(ctx, team.id, app);
    const activity = installationActivity(ctx, team, installer);
    let status: number;
    try {
      const answer = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(activity),
        signal: AbortSignal.timeout(15_000),
      });
      status = answer.status;
    } catch (error) {
      throw graphErrors.badRequest(`The bot at ${endpoint.href} did not answer: ${String(error)}`);
    }
    res.status(status < 300 ? 201 : 502).json({ delivered: status < 300, botStatus: status, activity });
  });
}

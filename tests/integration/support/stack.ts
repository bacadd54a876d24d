import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { ChatMessage } from '@microsoft/microsoft-graph-types';
import { SEED_PEOPLE, type RunningTenant, type TenantOptions } from '../../../infra/graph-emulator/src/index';
import { SEED_GENERAL_CHANNEL_ID, SEED_TEAM_ID } from '../../../infra/graph-emulator/src/resources/teams/ids';
import { control, ssoToken, startAppTenant } from '../../../infra/graph-emulator/tests/support';
import { loadConfig, type AppConfig } from '../../../api/config';
import { createServer, type RunningServer, type ServerDeps } from '../../../api/server';
import { prepareSite, type SetupReport } from '../../../api/services/provisioning';
import { SqliteStateStore } from '../../../api/state/sqliteStore';
import { installInLocalTeam, localTenantEnv, seedContacts } from '../../../scripts/start';
import { shownCardText } from '../../../api/cards/markdown';

export interface Stack {
  tenant: RunningTenant;
  server: RunningServer;
  config: AppConfig;
  url: string;
  /**
   * Provisions the lists, seeds Kontakter and has the local tenant install the app in its team through the
   * connector (the bot keeps the General channel's reference), as `npm start` does in local mode.
   */
  prepare(): Promise<SetupReport>;
  token(user: string): Promise<string>;
  call(
    path: string,
    init?: { token?: string; method?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<Response>;
  close(): Promise<void>;
}

export async function startStack(
  options: { env?: Record<string, string>; tenant?: TenantOptions; deps?: ServerDeps } = {},
): Promise<Stack> {
  const tenant = await startAppTenant(options.tenant);
  const dir = mkdtempSync(join(tmpdir(), 'planochbygg-server-'));
  const config = loadConfig({
    ...localTenantEnv(tenant),
    PORT: '0',
    DATA_DIR: dir,
    TAB_DIST_DIR: join(dir, 'tab'),
    LOG_LEVEL: 'silent',
    GRAPH_RETRY_DELAY_SECONDS: '0.01',
    // Tests run the timed jobs themselves (server.jobs.runOnce()).
    JOBS_INTERVAL_SECONDS: '0',
    ...options.env,
  });
  const server = createServer(config, { state: new SqliteStateStore(':memory:'), ...options.deps });
  const { url } = await server.listen(0, '127.0.0.1');
  return {
    tenant,
    server,
    config,
    url,
    async prepare() {
      const report = await prepareSite(server.services.graph.forApp(), server.services, {
        seedContacts: seedContacts(),
      });
      const installed = await installInLocalTeam(tenant.url, Number(new URL(url).port));
      if (!installed.ok) throw new Error(installed.message);
      return report;
    },
    token: (user) => ssoToken(tenant, user),
    call: (path, init = {}) =>
      fetch(`${url}${path}`, {
        method: init.method ?? 'GET',
        headers: {
          ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...init.headers,
        },
        body:
          init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
      }),
    async close() {
      await server.close();
      await tenant.close();
    },
  };
}

export async function mintToken(
  tenant: RunningTenant,
  claims: Record<string, unknown>,
  ttlSeconds?: number,
): Promise<string> {
  const response = await control(tenant, 'POST', '/tokens', {
    claims,
    ...(ttlSeconds === undefined ? {} : { ttlSeconds }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

export async function requestLogSeq(tenant: RunningTenant): Promise<number> {
  return ((await (await control(tenant, 'GET', '/requests')).json()) as { lastSeq: number }).lastSeq;
}

export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  batchInner: boolean;
  faultInjected: boolean;
  durationMs: number;
  operation?: string;
  principal?: 'delegated' | 'application' | 'inspection';
  allowedBy?: { permission: string; via: 'scope' | 'role' | 'rsc' | 'site' };
}

export async function requestsSince(tenant: RunningTenant, seq: number): Promise<LoggedRequest[]> {
  return ((await (await control(tenant, 'GET', `/requests?since=${seq}`)).json()) as { requests: LoggedRequest[] })
    .requests;
}

export { control, SEED_GENERAL_CHANNEL_ID, SEED_TEAM_ID };

// ------------------------------------------------------------------ the bot, as Teams talks to it

/**
 * Bot Framework activities as Teams sends them to the server's /api/messages when the app runs against the
 * local tenant: the tenant's connector is the serviceUrl, the seeded Team's General channel the conversation.
 */

export interface SeededUser {
  id: string;
  displayName: string;
  mail: string;
}

export function seededUser(mail: string): SeededUser {
  const user = SEED_PEOPLE.find((p) => p.mail.toLowerCase() === mail.toLowerCase());
  if (!user) throw new Error(`no seeded user ${mail}`);
  return { id: user.id, displayName: user.displayName, mail: user.mail };
}

let sequence = 0;

function base(tenant: RunningTenant, from: SeededUser) {
  sequence += 1;
  return {
    id: `activity-${Date.now()}-${sequence}`,
    channelId: 'msteams',
    serviceUrl: tenant.url,
    timestamp: new Date().toISOString(),
    from: { id: `29:${from.id}`, name: from.displayName, aadObjectId: from.id },
    recipient: { id: `28:${tenant.clientId}`, name: 'Plan- och bygg' },
    locale: 'sv-SE',
  };
}

const teamChannelData = (tenant: RunningTenant) => ({
  tenant: { id: tenant.tenantId },
  // Bot Framework names a team by its General channel's thread id.
  team: { id: SEED_GENERAL_CHANNEL_ID, name: 'Plan- och byggsamverkan Västerbotten', aadGroupId: SEED_TEAM_ID },
  channel: { id: SEED_GENERAL_CHANNEL_ID, name: 'General' },
});

/** A message in the General channel that @mentions the bot. */
export function generalChannelMessage(tenant: RunningTenant, from: SeededUser, command: string) {
  const mention = '<at>Plan- och bygg</at>';
  const activity = base(tenant, from);
  return {
    ...activity,
    type: 'message',
    text: `${mention} ${command}`,
    textFormat: 'plain',
    conversation: {
      id: SEED_GENERAL_CHANNEL_ID,
      conversationType: 'channel',
      isGroup: true,
      tenantId: tenant.tenantId,
    },
    entities: [{ type: 'mention', text: mention, mentioned: activity.recipient }],
    channelData: teamChannelData(tenant),
  };
}

/** The app being added to the seeded Team: the bot learns the General channel from it. */
export function teamInstall(tenant: RunningTenant, installer: SeededUser) {
  return {
    ...base(tenant, installer),
    type: 'installationUpdate',
    action: 'add',
    conversation: {
      id: SEED_GENERAL_CHANNEL_ID,
      conversationType: 'channel',
      isGroup: true,
      tenantId: tenant.tenantId,
    },
    channelData: teamChannelData(tenant),
  };
}

export async function postActivity(serverUrl: string, activity: object): Promise<Response> {
  return fetch(`${serverUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
}

export interface PostedActivity {
  id: string;
  type: string;
  summary?: string;
  text?: string;
  attachments?: { contentType: string; content?: unknown }[];
}

/** What the bot has posted in a conversation, as the local tenant's connector stored it. */
export async function postedActivities(tenant: RunningTenant, conversationId: string): Promise<PostedActivity[]> {
  const response = await control(tenant, 'GET', `/conversations/${encodeURIComponent(conversationId)}/activities`);
  if (!response.ok) throw new Error(`activities of ${conversationId}: ${response.status}`);
  return ((await response.json()) as { activities: PostedActivity[] }).activities;
}

/** Every text of an Adaptive Card (TextBlock text, FactSet title/value, action titles), in order. */
export function cardText(card: unknown): string {
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'text' || key === 'title' || key === 'value') && typeof value === 'string')
          parts.push(shownCardText(value));
        else walk(value);
      }
    }
  };
  walk(card);
  return parts.join('\n');
}

export function activityCardText(activity: PostedActivity | undefined): string {
  return cardText(activity?.attachments?.[0]?.content);
}

/** The General channel's messages through Graph (app-only), newest last. */
export async function generalMessages(graph: Client): Promise<ChatMessage[]> {
  const page = (await graph.api(`/teams/${SEED_TEAM_ID}/channels/${SEED_GENERAL_CHANNEL_ID}/messages`).get()) as {
    value: ChatMessage[];
  };
  return page.value;
}

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfidentialClientApplication, type INetworkModule, type NetworkRequestOptions } from '@azure/msal-node';
import {
  Client,
  HTTPMessageHandler,
  RetryHandler,
  RetryHandlerOptions,
  type Context,
  type Middleware,
} from '@microsoft/microsoft-graph-client';
import { startTenant, type RunningTenant, type TenantOptions } from '../src/index';

/**
 * Test support for the conformance suite: the real msal-node and the real Graph client, over HTTP, against
 * a local tenant on a free port. conformance.test.ts also runs against a real tenant when GRAPH_CONFORMANCE_* is set.
 */
export async function startTestTenant(options: TenantOptions = {}): Promise<RunningTenant> {
  const dir = mkdtempSync(join(tmpdir(), 'local-tenant-'));
  return startTenant({ port: 0, dbFile: join(dir, 'tenant.sqlite'), ...options, app: { ...TEST_APP, ...options.app } });
}

/**
 * A local tenant with the app's own registration (permissions from infra/entra/aad.manifest.json and the Teams
 * manifest's RSC, nothing added): what the app's integration tests run against.
 */
export async function startAppTenant(options: TenantOptions = {}): Promise<RunningTenant> {
  const dir = mkdtempSync(join(tmpdir(), 'local-tenant-'));
  // The permission audit covers the app's own registration only: a test that narrows it (`app`) is about a 403.
  const audit = process.env.GRAPH_PERMISSION_AUDIT;
  const auditFile = audit && !options.app ? { auditFile: audit } : {};
  return startTenant({ port: 0, dbFile: join(dir, 'tenant.sqlite'), ...auditFile, ...options });
}

/**
 * The emulator's own tests are about what Graph answers, not about this app's registration: they run as a test
 * registration with the permissions the operations under test need (as the conformance suite's separate test
 * app does, docs/deployment.md step 8). A test about a 403 narrows it with `app`.
 */
export const TEST_APP = {
  delegatedPermissions: [
    'User.Read',
    'User.ReadBasic.All',
    'Sites.ReadWrite.All',
    'Sites.Manage.All',
    'Calendars.ReadBasic',
    'Calendars.ReadWrite',
    'Calendars.Read.Shared',
    'Channel.Create',
    'Channel.ReadBasic.All',
    'ChannelMember.ReadWrite.All',
    'ChannelSettings.ReadWrite.All',
    'ChannelMessage.Send',
    'ChannelMessage.Read.All',
    'TeamMember.ReadWrite.All',
    'Team.ReadBasic.All',
    'TeamsTab.Create',
    'TeamsTab.Read.All',
    'TeamsAppInstallation.ReadWriteForTeam',
  ],
  applicationPermissions: [
    'User.Read.All',
    'Sites.ReadWrite.All',
    'Sites.Manage.All',
    'Calendars.ReadWrite',
    'Calendars.Read',
    'Channel.Create',
    'Channel.ReadBasic.All',
    'ChannelMember.ReadWrite.All',
    'ChannelSettings.ReadWrite.All',
    'ChannelMessage.Read.All',
    'TeamMember.ReadWrite.All',
    'Team.ReadBasic.All',
    'User.Invite.All',
    'TeamsTab.ReadWrite.All',
    'TeamsAppInstallation.ReadWriteForTeam.All',
  ],
};

/** A Graph client as the inspection principal (`POST /_emulator/admin-token`): for counting what is there. */
export async function adminClient(tenant: RunningTenant): Promise<Client> {
  let token: string | undefined;
  return graphClient(tenant, async () => (token ??= await adminToken(tenant)));
}

export async function adminToken(tenant: RunningTenant, user?: string): Promise<string> {
  const response = await control(tenant, 'POST', '/admin-token', user ? { user } : {});
  if (!response.ok) throw new Error(`admin token: ${response.status}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** msal-node refuses http:// authorities: keep the real Entra address in MSAL and send it to the local tenant. */
export function loopbackNetworkClient(tenantUrl: string): INetworkModule {
  const rewrite = (url: string) => url.replace(/^https:\/\/login\.microsoftonline\.com/, tenantUrl);
  const send = async <T>(method: 'GET' | 'POST', url: string, options?: NetworkRequestOptions) => {
    const response = await fetch(rewrite(url), { method, headers: options?.headers, body: options?.body });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => (headers[key] = value));
    return { status: response.status, headers, body: (await response.json()) as T };
  };
  return {
    sendGetRequestAsync: (url, options) => send('GET', url, options),
    sendPostRequestAsync: (url, options) => send('POST', url, options),
  };
}

export function msalFor(tenant: RunningTenant): ConfidentialClientApplication {
  return new ConfidentialClientApplication({
    auth: {
      clientId: tenant.clientId,
      clientSecret: tenant.clientSecret,
      authority: `https://login.microsoftonline.com/${tenant.tenantId}`,
    },
    system: { networkClient: loopbackNetworkClient(tenant.url) },
  });
}

class BearerMiddleware implements Middleware {
  private next?: Middleware;
  constructor(private readonly token: () => Promise<string>) {}
  async execute(context: Context): Promise<void> {
    const headers = new Headers(context.options?.headers as HeadersInit | undefined);
    headers.set('Authorization', `Bearer ${await this.token()}`);
    context.options = { ...context.options, headers };
    await this.next?.execute(context);
  }
  setNext(next: Middleware): void {
    this.next = next;
  }
}

export function graphClient(
  tenant: RunningTenant,
  token: () => Promise<string>,
  retry = { delay: 0.01, maxRetries: 3 },
): Client {
  const auth = new BearerMiddleware(token);
  const retryHandler = new RetryHandler(new RetryHandlerOptions(retry.delay, retry.maxRetries));
  auth.setNext(retryHandler);
  retryHandler.setNext(new HTTPMessageHandler());
  return Client.initWithMiddleware({ middleware: auth, baseUrl: `${tenant.url}/`, defaultVersion: 'v1.0' });
}

export async function appClient(tenant: RunningTenant): Promise<Client> {
  const msal = msalFor(tenant);
  return graphClient(tenant, async () => {
    const result = await msal.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
    if (!result) throw new Error('no token');
    return result.accessToken;
  });
}

/** A Graph client acting as a person: their SSO token exchanged on-behalf-of, as the app's server does. */
export async function userClient(tenant: RunningTenant, user: string): Promise<Client> {
  const sso = await ssoToken(tenant, user);
  const msal = msalFor(tenant);
  return graphClient(tenant, async () => {
    const result = await msal.acquireTokenOnBehalfOf({
      oboAssertion: sso,
      scopes: ['https://graph.microsoft.com/.default'],
    });
    if (!result) throw new Error('no token');
    return result.accessToken;
  });
}

export async function ssoToken(tenant: RunningTenant, user: string): Promise<string> {
  const response = await fetch(`${tenant.url}/_emulator/personas/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user }),
  });
  if (!response.ok) throw new Error(`persona token: ${response.status}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

export async function control(tenant: RunningTenant, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${tenant.url}/_emulator${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export const CHAIR = 'maria.bergstrom@regionvasterbotten.se';
export const COORDINATOR = 'karin.nordstrom@regionvasterbotten.se';
export const MEMBER_GUEST = 'erik.lundqvist@umea.se';

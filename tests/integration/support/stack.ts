import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningTenant, TenantOptions } from '../../../infra/graph-emulator/src/index';
import { control, ssoToken, startTestTenant } from '../../../infra/graph-emulator/tests/support';
import { loadConfig, type AppConfig } from '../../../api/config';
import { createServer, type RunningServer, type ServerDeps } from '../../../api/server';
import { prepareSite, type SetupReport } from '../../../api/services/setup';
import { SqliteStateStore } from '../../../api/state/sqliteStore';
import { localTenantEnv, seedContacts } from '../../../scripts/start';

export interface Stack {
  tenant: RunningTenant;
  server: RunningServer;
  config: AppConfig;
  url: string;
  /** Provisions the lists and seeds Kontakter, as `npm start` does in local mode. */
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
  const tenant = await startTestTenant(options.tenant);
  const dir = mkdtempSync(join(tmpdir(), 'planochbygg-server-'));
  const config = loadConfig({
    ...localTenantEnv(tenant),
    PORT: '0',
    DATA_DIR: dir,
    TAB_DIST_DIR: join(dir, 'tab'),
    LOG_LEVEL: 'silent',
    GRAPH_RETRY_DELAY_SECONDS: '0.01',
    ...options.env,
  });
  const server = createServer(config, { state: new SqliteStateStore(':memory:'), ...options.deps });
  const { url } = await server.listen(0, '127.0.0.1');
  return {
    tenant,
    server,
    config,
    url,
    prepare: () => prepareSite(server.services.graph.forApp(), server.services, { seedContacts: seedContacts() }),
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
}

export async function requestsSince(tenant: RunningTenant, seq: number): Promise<LoggedRequest[]> {
  return ((await (await control(tenant, 'GET', `/requests?since=${seq}`)).json()) as { requests: LoggedRequest[] })
    .requests;
}

export { control };

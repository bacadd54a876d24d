import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { EmulatorContext } from './context';
import { createApp } from './app';
import { FaultRegistry } from './controls/faults';
import { RequestLog } from './controls/requestLog';
import { loadOrCreateSigningKey } from './identity/keys';
import { createTokenIssuer } from './identity/tokens';
import { MODULES } from './modules';
import { SqliteDocumentStore, type DocumentStore } from './store';
import { DEFAULT_APP, TENANT_ID, type AppRegistration } from './tenantConfig';
import { TENANT_SCOPE } from './model';
import { SITE_HOSTNAME, SITE_PATH } from './resources/sitesConfig';

export interface TenantOptions {
  /** 0 for a free port (tests). */
  port?: number;
  /** SQLite file; ':memory:' for a throwaway tenant. */
  dbFile?: string;
  /** Wipe and reseed. */
  reset?: boolean;
  /** Override the app registration (e.g. fewer permissions, to test 403s). */
  app?: Partial<AppRegistration>;
  /** Append each authorised Graph request of the app to this file, one JSON line each (see RequestLog). */
  auditFile?: string;
}

export interface RunningTenant {
  url: string;
  graphUrl: string;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  siteUrl: string;
  ctx: EmulatorContext;
  close(): Promise<void>;
}

function seedIfEmpty(ctx: EmulatorContext): void {
  if (ctx.store.count('user', TENANT_SCOPE) > 0) return;
  ctx.store.transaction(() => {
    for (const m of MODULES) m.seed?.(ctx);
  });
}

export async function startTenant(options: TenantOptions = {}): Promise<RunningTenant> {
  const dbFile = options.dbFile ?? '.data/local-tenant.sqlite';
  if (dbFile !== ':memory:') mkdirSync(dirname(dbFile), { recursive: true });
  const store: DocumentStore = new SqliteDocumentStore(dbFile);
  if (options.reset) store.clear();
  const app = { ...DEFAULT_APP, ...options.app };
  const key = await loadOrCreateSigningKey(store);
  let baseUrl = '';
  const ctx: EmulatorContext = {
    store,
    tenantId: TENANT_ID,
    app,
    tokens: createTokenIssuer(key, TENANT_ID, app),
    faults: new FaultRegistry(),
    requestLog: new RequestLog(options.auditFile),
    baseUrl: () => baseUrl,
    now: () => new Date(),
  };
  const reset = () => {
    const keyDoc = store.get('signingKey', TENANT_SCOPE, 'current');
    store.clear();
    if (keyDoc) store.put('signingKey', TENANT_SCOPE, 'current', keyDoc);
    ctx.faults.clear();
    ctx.requestLog.clear();
    seedIfEmpty(ctx);
  };
  seedIfEmpty(ctx);

  const server: Server = createServer(createApp(ctx, reset));
  // Longer than any client's idle keep-alive (undici keeps 4 s): a server that closes an idle socket first races
  // a request just written on it, and the client sees "other side closed" (msal: network_error) on a busy machine.
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;
  const siteUrl = `https://${SITE_HOSTNAME}${SITE_PATH}`;
  return {
    url: baseUrl,
    graphUrl: `${baseUrl}/v1.0`,
    tenantId: TENANT_ID,
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    siteUrl,
    ctx,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      store.close();
    },
  };
}

export { TENANT_ID, DEFAULT_APP } from './tenantConfig';
export { SEED_PEOPLE } from './seed/people';

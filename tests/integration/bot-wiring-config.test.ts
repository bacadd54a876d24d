import { describe, expect, it } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BotConfigError, assertBotConfig } from '../../api/bot';
import { botConfigFrom } from '../../api/composition/botDeps';
import { CONFIG_ENV_NAMES, ConfigError, loadConfig, redactedSummary } from '../../api/config';
import { createServer } from '../../api/server';

const TENANT_ENV: Record<string, string> = {
  MODE: 'tenant',
  TENANT_ID: '3f6b2c1a-9d4e-4b7a-8c5f-1e2d3a4b5c6d',
  CLIENT_ID: '8a1f4d2e-6b3c-4e9a-b7d1-2c4e6f8a0b13',
  CLIENT_SECRET: 'graph-app-secret',
  PUBLIC_URL: 'https://pobvb.azurewebsites.net',
  TEAM_ID: '19a1b2c3-d4e5-4f60-8a9b-0c1d2e3f4a5b',
  BOT_ID: '6c9f1e2a-4b3d-4e8f-9a1b-2c3d4e5f6a7b',
  TEAMS_APP_ID: '4c0e5a8b-2f1d-4e6a-9b3c-7d8e9f0a1b2c',
};
const IDENTITY = '6c9f1e2a-4b3d-4e8f-9a1b-2c3d4e5f6a7b';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('config: the bot in tenant mode, by client secret or by user-assigned managed identity', () => {
  it('defaults to ClientSecret and then requires BOT_PASSWORD', () => {
    expect(problemsOf(TENANT_ENV)).toEqual(['BOT_PASSWORD krävs i läget tenant med BOT_AUTH_TYPE=ClientSecret.']);
    const config = loadConfig({ ...TENANT_ENV, BOT_PASSWORD: 'bot-secret' });
    expect(config.bot).toMatchObject({ id: TENANT_ENV.BOT_ID, authType: 'ClientSecret', password: 'bot-secret' });
    expect(config.bot.managedIdentityClientId).toBeUndefined();
    expect(JSON.stringify(redactedSummary(config))).not.toContain('bot-secret');
  });

  it('UserAssignedMSI needs no password but the identity: BOT_MANAGED_IDENTITY_CLIENT_ID', () => {
    const msi = { ...TENANT_ENV, BOT_AUTH_TYPE: 'UserAssignedMSI' };
    expect(problemsOf(msi)).toEqual([
      'BOT_MANAGED_IDENTITY_CLIENT_ID (eller MANAGED_IDENTITY_CLIENT_ID) krävs i läget tenant med BOT_AUTH_TYPE=UserAssignedMSI.',
    ]);
    const config = loadConfig({ ...msi, BOT_MANAGED_IDENTITY_CLIENT_ID: IDENTITY });
    expect(config.bot).toMatchObject({ authType: 'UserAssignedMSI', managedIdentityClientId: IDENTITY });
    expect(config.bot.password).toBeUndefined();
  });

  it("falls back to the App Service's MANAGED_IDENTITY_CLIENT_ID (what infra/azure.bicep sets), the bot's own first", () => {
    const msi = { ...TENANT_ENV, BOT_AUTH_TYPE: 'UserAssignedMSI', MANAGED_IDENTITY_CLIENT_ID: IDENTITY };
    expect(loadConfig(msi).bot.managedIdentityClientId).toBe(IDENTITY);
    const other = '0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d';
    expect(loadConfig({ ...msi, BOT_MANAGED_IDENTITY_CLIENT_ID: other }).bot.managedIdentityClientId).toBe(other);
  });

  it('refuses an unknown BOT_AUTH_TYPE and a missing BOT_ID', () => {
    expect(problemsOf({ ...TENANT_ENV, BOT_AUTH_TYPE: 'Password', BOT_PASSWORD: 'x' })[0]).toMatch(/^BOT_AUTH_TYPE:/);
    const withoutId: Record<string, string> = { ...TENANT_ENV, BOT_PASSWORD: 'x' };
    delete withoutId.BOT_ID;
    expect(problemsOf(withoutId)).toEqual(['BOT_ID krävs i läget tenant.']);
  });

  it('local mode needs no bot credentials, and ignores the auth type', () => {
    const config = loadConfig({
      TENANT_ID: TENANT_ENV.TENANT_ID!,
      CLIENT_ID: TENANT_ENV.CLIENT_ID!,
      CLIENT_SECRET: 'x',
      BOT_AUTH_TYPE: 'UserAssignedMSI',
    });
    expect(config.mode).toBe('local');
  });

  it('runs the jobs hourly by default; 0 turns them off; negative is refused', () => {
    const local = { TENANT_ID: TENANT_ENV.TENANT_ID!, CLIENT_ID: TENANT_ENV.CLIENT_ID!, CLIENT_SECRET: 'x' };
    expect(loadConfig(local).jobs.intervalSeconds).toBe(3600);
    expect(loadConfig({ ...local, JOBS_INTERVAL_SECONDS: '0' }).jobs.intervalSeconds).toBe(0);
    expect(problemsOf({ ...local, JOBS_INTERVAL_SECONDS: '-1' })[0]).toMatch(/^JOBS_INTERVAL_SECONDS:/);
  });

  it('exports every name it reads, the new bot, job and storage settings among them', () => {
    expect(CONFIG_ENV_NAMES).toEqual(
      expect.arrayContaining([
        'MODE',
        'BOT_ID',
        'BOT_AUTH_TYPE',
        'BOT_PASSWORD',
        'BOT_MANAGED_IDENTITY_CLIENT_ID',
        'MANAGED_IDENTITY_CLIENT_ID',
        'JOBS_INTERVAL_SECONDS',
        'STORAGE_BLOB_ENDPOINT',
        'STORAGE_TABLE_ENDPOINT',
        'STATE_TABLE_NAME',
        'JOBS_LEASE_CONTAINER',
      ]),
    );
    const config = loadConfig({
      ...TENANT_ENV,
      BOT_PASSWORD: 'x',
      STORAGE_BLOB_ENDPOINT: 'https://pobvbst.blob.core.windows.net/',
      JOBS_LEASE_CONTAINER: 'jobleases',
    });
    expect(config.state).toMatchObject({
      blobEndpoint: 'https://pobvbst.blob.core.windows.net/',
      leaseContainer: 'jobleases',
    });
  });
});

describe("the bot's settings as the composition root hands them over", () => {
  it('local: no credentials, and the user-token lookups go to the local tenant', () => {
    const config = loadConfig({
      TENANT_ID: TENANT_ENV.TENANT_ID!,
      CLIENT_ID: TENANT_ENV.CLIENT_ID!,
      CLIENT_SECRET: 'x',
      LOCAL_TENANT_URL: 'http://127.0.0.1:4999/',
    });
    expect(botConfigFrom(config)).toEqual({
      mode: 'local',
      allowedTenantIds: [TENANT_ENV.TENANT_ID!.toLowerCase()],
      oauthUrl: 'http://127.0.0.1:4999',
    });
  });

  it("tenant: the bot's own id and identity, never the Graph app's secret", () => {
    const bot = botConfigFrom(
      loadConfig({ ...TENANT_ENV, BOT_AUTH_TYPE: 'UserAssignedMSI', MANAGED_IDENTITY_CLIENT_ID: IDENTITY }),
    );
    expect(bot).toEqual({
      mode: 'tenant',
      allowedTenantIds: [TENANT_ENV.TENANT_ID!.toLowerCase()],
      credentials: {
        authType: 'UserAssignedMSI',
        clientId: TENANT_ENV.BOT_ID,
        clientSecret: undefined,
        managedIdentityClientId: IDENTITY,
        tenantId: TENANT_ENV.TENANT_ID,
      },
    });
    expect(() => assertBotConfig(bot.mode, bot.credentials)).not.toThrow();
  });

  it('assertBotConfig names what UserAssignedMSI is missing', () => {
    expect(() => assertBotConfig('tenant', { authType: 'UserAssignedMSI', clientId: 'bot', tenantId: 'tid' })).toThrow(
      new BotConfigError(
        'Boten kan inte starta i tenant-läge utan Bot Framework-autentisering: managedIdentityClientId saknas i konfigurationen.',
      ),
    );
  });

  it('a tenant-mode server with a managed identity refuses an activity without a Bot Framework token', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'planochbygg-msi-'));
    const config = loadConfig({
      ...TENANT_ENV,
      BOT_AUTH_TYPE: 'UserAssignedMSI',
      MANAGED_IDENTITY_CLIENT_ID: IDENTITY,
      DATA_DIR: dir,
      TAB_DIST_DIR: join(dir, 'tab'),
      LOG_LEVEL: 'silent',
      JOBS_INTERVAL_SECONDS: '0',
    });
    const server = createServer(config);
    const { url } = await server.listen(0, '127.0.0.1');
    try {
      const response = await fetch(`${url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message',
          id: 'a1',
          channelId: 'msteams',
          serviceUrl: 'http://127.0.0.1:9/',
          from: { id: '29:x', aadObjectId: 'x' },
          recipient: { id: `28:${TENANT_ENV.BOT_ID}` },
          conversation: { id: 'a:x', conversationType: 'personal' },
          text: 'hjälp',
        }),
      });
      expect(response.status).toBe(401);
    } finally {
      await server.close();
    }
  });
});

import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONFIG_ENV_NAMES, ConfigError, loadConfig, redactedSummary } from '../../api/config';
import { createStateStore } from '../../api/state';
import { AzureStateStore } from '../../api/state/azureStore';
import { SqliteStateStore } from '../../api/state/sqliteStore';
import { REPO_ROOT, parseEnvFile } from '../../scripts/package';

const read = (path: string) => readFileSync(join(REPO_ROOT, path), 'utf8');
const LOCAL = {
  TENANT_ID: '3f6b2c1a-9d4e-4b7a-8c5f-1e2d3a4b5c6d',
  CLIENT_ID: '8a1f4d2e-6b3c-4e9a-b7d1-2c4e6f8a0b13',
  CLIENT_SECRET: 'x',
};
const TENANT = {
  ...LOCAL,
  MODE: 'tenant',
  PUBLIC_URL: 'https://pobvb.azurewebsites.net',
  TEAM_ID: '19a1b2c3-d4e5-4f60-8a9b-0c1d2e3f4a5b',
  TEAMS_APP_ID: '4c0e5a8b-2f1d-4e6a-9b3c-7d8e9f0a1b2c',
  BOT_ID: '6c9f1e2a-4b3d-4e8f-9a1b-2c3d4e5f6a7b',
  BOT_AUTH_TYPE: 'UserAssignedMSI',
  MANAGED_IDENTITY_CLIENT_ID: '6c9f1e2a-4b3d-4e8f-9a1b-2c3d4e5f6a7b',
};
const ENDPOINTS = {
  STORAGE_TABLE_ENDPOINT: 'https://pobvbst.table.core.windows.net/',
  STORAGE_BLOB_ENDPOINT: 'https://pobvbst.blob.core.windows.net/',
};
const STORAGE_SETTINGS = [
  'STATE_STORE',
  'STORAGE_TABLE_ENDPOINT',
  'STORAGE_BLOB_ENDPOINT',
  'STORAGE_CONNECTION_STRING',
  'STATE_TABLE_NAME',
  'JOBS_LEASE_CONTAINER',
  'JOBS_LEASE_SECONDS',
];

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('the state store settings', () => {
  it('default to SQLite locally, even with endpoints set, and to Azure in tenant mode with both endpoints', () => {
    expect(loadConfig(LOCAL).state).toMatchObject({
      store: 'sqlite',
      tableName: 'botstate',
      leaseContainer: 'jobleases',
    });
    expect(loadConfig({ ...LOCAL, ...ENDPOINTS }).state.store).toBe('sqlite');
    expect(loadConfig(TENANT).state.store).toBe('sqlite');
    expect(loadConfig({ ...TENANT, STORAGE_TABLE_ENDPOINT: ENDPOINTS.STORAGE_TABLE_ENDPOINT }).state.store).toBe(
      'sqlite',
    );
    expect(loadConfig({ ...TENANT, ...ENDPOINTS }).state).toMatchObject({
      store: 'azure',
      tableEndpoint: ENDPOINTS.STORAGE_TABLE_ENDPOINT,
      blobEndpoint: ENDPOINTS.STORAGE_BLOB_ENDPOINT,
      managedIdentityClientId: TENANT.MANAGED_IDENTITY_CLIENT_ID,
    });
    expect(loadConfig({ ...TENANT, ...ENDPOINTS }).jobs.leaseSeconds).toBe(60);
  });

  it('build the store they name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'state-config-'));
    const sqlite = createStateStore(loadConfig({ ...LOCAL, DATA_DIR: dir }));
    expect(sqlite).toBeInstanceOf(SqliteStateStore);
    await sqlite.close();
    rmSync(dir, { recursive: true, force: true });
    const azure = createStateStore(loadConfig({ ...TENANT, ...ENDPOINTS }));
    expect(azure).toBeInstanceOf(AzureStateStore);
    expect(azure.kind).toBe('azure');
  });

  it('refuse azure without a way to reach the account, bad names and lease durations, in Swedish', () => {
    expect(problemsOf({ ...LOCAL, STATE_STORE: 'azure' })).toEqual([
      'STATE_STORE=azure kräver STORAGE_TABLE_ENDPOINT och STORAGE_BLOB_ENDPOINT (med hanterad identitet) eller STORAGE_CONNECTION_STRING.',
    ]);
    expect(
      problemsOf({ ...LOCAL, STATE_STORE: 'azure', STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' }),
    ).toEqual([]);
    expect(problemsOf({ ...LOCAL, STATE_STORE: 'redis' })).toHaveLength(1);
    expect(problemsOf({ ...LOCAL, STATE_TABLE_NAME: 'bot-state' })[0]).toContain('tabellnamn');
    expect(problemsOf({ ...LOCAL, JOBS_LEASE_CONTAINER: 'Job_Leases' })[0]).toContain('containernamn');
    expect(problemsOf({ ...LOCAL, JOBS_LEASE_SECONDS: '10' })).toHaveLength(1);
    expect(problemsOf({ ...LOCAL, JOBS_LEASE_SECONDS: '61' })).toHaveLength(1);
  });

  it('log the connection string as ***', () => {
    const config = loadConfig({ ...LOCAL, STATE_STORE: 'azure', STORAGE_CONNECTION_STRING: 'AccountKey=secret-key' });
    expect(JSON.stringify(redactedSummary(config))).not.toContain('secret-key');
  });

  it('are all read by the config, listed in .env.example, and documented nowhere as unused', () => {
    expect(CONFIG_ENV_NAMES).toEqual(expect.arrayContaining(STORAGE_SETTINGS));
    expect(Object.keys(parseEnvFile(read('.env.example')))).toEqual(expect.arrayContaining(STORAGE_SETTINGS));
    for (const file of ['README.md', '.env.example', 'docs/deployment.md', 'api/config.ts', 'infra/azure.bicep'])
      expect(read(file)).not.toMatch(/not used yet|read but not used|still to come|inte används/i);
  });
});

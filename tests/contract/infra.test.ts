import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as appConfig from '../../api/config';
import { REPO_ROOT, parseEnvFile } from '../../scripts/package';
import { DECLARED_GRANTS } from '../../infra/graph-emulator/src/grants';
import { DEFAULT_APP } from '../../infra/graph-emulator/src/tenantConfig';

const read = (path: string) => readFileSync(join(REPO_ROOT, path), 'utf8');
const bicep = read('infra/azure.bicep');

/** The `appSettings: [ { name: '…' value: … } ]` block of the web app, read with a small text parser. */
function bicepAppSettings(text: string): Map<string, string> {
  const start = text.indexOf('appSettings: [');
  if (start < 0) throw new Error('no appSettings block in infra/azure.bicep');
  let depth = 0;
  let end = start + 'appSettings: '.length;
  for (; end < text.length; end++) {
    if (text[end] === '[') depth++;
    if (text[end] === ']' && --depth === 0) break;
  }
  const settings = new Map<string, string>();
  for (const match of text.slice(start, end).matchAll(/name:\s*'([^']+)'\s*\n\s*value:\s*(.+)\n/g)) {
    settings.set(match[1] as string, (match[2] as string).trim());
  }
  return settings;
}
const settings = bicepAppSettings(bicep);

/** The env names api/config.ts reads: its exported list when it has one, else the keys of its zod object. */
function configEnvNames(): string[] {
  const exported = (appConfig as Record<string, unknown>).CONFIG_ENV_NAMES;
  if (Array.isArray(exported)) return exported as string[];
  const source = read('api/config.ts');
  const body = /const envSchema = z\.object\(\{([\s\S]*?)\n\}\);/.exec(source)?.[1] ?? '';
  return [...body.matchAll(/^\s{2}([A-Z][A-Z0-9_]*):/gm)].map((match) => match[1] as string);
}
const configNames = configEnvNames();

/** App Service's and Application Insights' own settings: read by the platform, not by our config. */
const PLATFORM_SETTINGS = [
  'WEBSITE_RUN_FROM_PACKAGE',
  'SCM_DO_BUILD_DURING_DEPLOYMENT',
  'APPLICATIONINSIGHTS_CONNECTION_STRING',
  'ApplicationInsightsAgent_EXTENSION_VERSION',
];
/**
 * Set for the server's Azure implementations that are not written yet; the config must start reading them.
 * Empty since api/config.ts reads BOT_AUTH_TYPE, MANAGED_IDENTITY_CLIENT_ID and the storage settings.
 */
const PENDING_SERVER_SETTINGS: string[] = [];
/** Values for settings whose Bicep value is an expression, shaped as Azure would produce them. */
const SAMPLE_VALUES: Record<string, string> = {
  APPLICATIONINSIGHTS_CONNECTION_STRING: 'InstrumentationKey=00000000-0000-0000-0000-000000000000',
  TENANT_ID: '3f6b2c1a-9d4e-4b7a-8c5f-1e2d3a4b5c6d',
  ALLOWED_TENANT_IDS: '',
  CLIENT_ID: '8a1f4d2e-6b3c-4e9a-b7d1-2c4e6f8a0b13',
  CLIENT_SECRET: 'resolved-from-key-vault',
  API_IDENTIFIER_URI: 'api://pobvb.azurewebsites.net/8a1f4d2e-6b3c-4e9a-b7d1-2c4e6f8a0b13',
  PUBLIC_URL: 'https://pobvb.azurewebsites.net',
  SITE_HOSTNAME: 'regionvasterbotten.sharepoint.com',
  SITE_PATH: '/sites/planochbygg',
  TEAM_ID: '19a1b2c3-d4e5-4f60-8a9b-0c1d2e3f4a5b',
  TEAMS_APP_ID: '4c0e5a8b-2f1d-4e6a-9b3c-7d8e9f0a1b2c',
  BOT_ID: '6c9f1e2a-4b3d-4e8f-9a1b-2c3d4e5f6a7b',
  BOT_TENANT_ID: '3f6b2c1a-9d4e-4b7a-8c5f-1e2d3a4b5c6d',
  MANAGED_IDENTITY_CLIENT_ID: '6c9f1e2a-4b3d-4e8f-9a1b-2c3d4e5f6a7b',
  STORAGE_BLOB_ENDPOINT: 'https://pobvbst.blob.core.windows.net/',
  STORAGE_TABLE_ENDPOINT: 'https://pobvbst.table.core.windows.net/',
  STATE_TABLE_NAME: 'botstate',
  JOBS_LEASE_CONTAINER: 'jobleases',
};

function appServiceEnvironment(): Record<string, string> {
  const env: Record<string, string> = { PORT: '8080' }; // App Service sets PORT itself
  for (const [name, value] of settings) {
    const literal = /^'([^'$]*)'$/.exec(value);
    const sample = literal ? literal[1] : SAMPLE_VALUES[name];
    if (sample === undefined) throw new Error(`add a sample value for ${name} (${value}) to SAMPLE_VALUES`);
    env[name] = sample;
  }
  return env;
}

describe('infra/azure.bicep against the server config (no drift)', () => {
  it('reads the config names from api/config.ts', () => {
    expect(configNames).toEqual(expect.arrayContaining(['MODE', 'TENANT_ID', 'CLIENT_ID', 'CLIENT_SECRET', 'BOT_ID']));
  });

  it('sets only settings the config reads, the platform reads, or the server is about to read', () => {
    const unexplained = [...settings.keys()].filter(
      (name) =>
        !configNames.includes(name) && !PLATFORM_SETTINGS.includes(name) && !PENDING_SERVER_SETTINGS.includes(name),
    );
    expect(unexplained).toEqual([]);
    // A pending setting the config has started to read belongs to the config's list: move it there.
    expect(PENDING_SERVER_SETTINGS.filter((name) => configNames.includes(name))).toEqual([]);
    expect(PENDING_SERVER_SETTINGS.filter((name) => !settings.has(name))).toEqual([]);
  });

  it('gives the config everything tenant mode needs, except a bot password (the bot uses its managed identity)', () => {
    const env = appServiceEnvironment();
    expect(env.MODE).toBe('tenant');
    // The bot authenticates with its user-assigned managed identity: no BOT_PASSWORD, and nothing else missing.
    const config = appConfig.loadConfig(env);
    expect(config.mode).toBe('tenant');
    expect(config.bot).toMatchObject({
      authType: 'UserAssignedMSI',
      id: SAMPLE_VALUES.BOT_ID,
      managedIdentityClientId: SAMPLE_VALUES.MANAGED_IDENTITY_CLIENT_ID,
    });
    expect(config.publicUrl).toBe(SAMPLE_VALUES.PUBLIC_URL);
    expect(config.identity.apiIdentifierUri).toBe(SAMPLE_VALUES.API_IDENTIFIER_URI);
    for (const required of [
      'TEAM_ID',
      'PUBLIC_URL',
      'CLIENT_SECRET',
      'TENANT_ID',
      'BOT_ID',
      'MANAGED_IDENTITY_CLIENT_ID',
    ]) {
      const without: Record<string, string> = { ...env };
      delete without[required];
      expect(() => appConfig.loadConfig(without)).toThrow();
    }
  });
});

describe('infra/azure.bicep', () => {
  it('keeps secrets out of plain app settings: the client secret is a Key Vault reference', () => {
    expect(settings.get('CLIENT_SECRET')).toBe("'@Microsoft.KeyVault(SecretUri=${clientSecret.properties.secretUri})'");
    expect(settings.has('BOT_PASSWORD')).toBe(false);
    expect(bicep).toMatch(/@secure\(\)\s*\n@description\([^)]*\)\s*\nparam aadAppClientSecret string/);
    expect(bicep).toContain('keyVaultReferenceIdentity: identity.id');
    expect(bicep).toContain('enableRbacAuthorization: true');
    expect(bicep).toContain('allowSharedKeyAccess: false');
  });

  it('hosts Node 22 on Linux App Service, with storage for state and job leases, and Application Insights', () => {
    expect(bicep).toContain("linuxFxVersion: 'NODE|22-lts'");
    expect(bicep).toContain('reserved: true');
    expect(bicep).toContain("'Microsoft.Storage/storageAccounts/blobServices/containers@");
    expect(bicep).toContain("'Microsoft.Storage/storageAccounts/tableServices/tables@");
    expect(bicep).toContain("'Microsoft.Insights/components@");
    expect(settings.get('JOBS_LEASE_CONTAINER')).toBe('jobsLeaseContainerName');
  });

  it('registers the bot with a user-assigned managed identity', () => {
    const bot = read('infra/botRegistration/azurebot.bicep');
    expect(bot).toContain("msaAppType: 'UserAssignedMSI'");
    expect(bot).toContain('msaAppMSIResourceId: identityResourceId');
    expect(bot).toContain("endpoint: 'https://${botAppDomain}/api/messages'");
    expect(existsSync(join(REPO_ROOT, 'infra/botRegistration/readme.md'))).toBe(true);
  });

  it('has a value in azure.parameters.json for every parameter without a default, and no unknown ones', () => {
    const declared = new Map(
      [...bicep.matchAll(/^param (\w+) \w+( = .+)?$/gm)].map((match) => [match[1] as string, match[2] !== undefined]),
    );
    const parameters = JSON.parse(read('infra/azure.parameters.json')) as {
      parameters: Record<string, { value: string }>;
    };
    const given = Object.keys(parameters.parameters);
    expect(given.filter((name) => !declared.has(name))).toEqual([]);
    expect(
      [...declared].filter(([name, hasDefault]) => !hasDefault && !given.includes(name)).map(([name]) => name),
    ).toEqual([]);
    const devEnv = parseEnvFile(read('env/.env.dev'));
    const referenced = [...JSON.stringify(parameters).matchAll(/\$\{\{(\w+)\}\}/g)].map((match) => match[1] as string);
    // SECRET_* values live in env/.env.<env>.user, written by aadApp/create.
    expect(referenced.filter((name) => !name.startsWith('SECRET_') && !(name in devEnv))).toEqual([]);
  });
});

describe('the Entra app registration and the toolkit project', () => {
  const aad = JSON.parse(read('infra/entra/aad.manifest.json')) as {
    accessTokenAcceptedVersion: number;
    identifierUris: string[];
    oauth2Permissions: Array<{ value: string; id: string }>;
    preAuthorizedApplications: Array<{ appId: string; permissionIds: string[] }>;
    requiredResourceAccess: Array<{ resourceAppId: string; resourceAccess: Array<{ id: string; type: string }> }>;
  };
  const manifest = JSON.parse(read('appPackage/manifest.json')) as {
    webApplicationInfo: { resource: string };
    authorization: { permissions: { resourceSpecific: Array<{ name: string }> } };
  };

  it('exposes access_as_user on the manifest resource, to the Teams clients, with v2 tokens', () => {
    expect(aad.accessTokenAcceptedVersion).toBe(2);
    expect(aad.identifierUris).toEqual([manifest.webApplicationInfo.resource]);
    const scope = aad.oauth2Permissions.find((permission) => permission.value === appConfig.API_SCOPE_NAME);
    expect(scope).toBeDefined();
    expect(aad.preAuthorizedApplications).toEqual([
      { appId: '1fec8e78-bce4-4aaf-ab1b-5451cc387264', permissionIds: [scope?.id] },
      { appId: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346', permissionIds: [scope?.id] },
    ]);
  });

  it('pins the arbetsgrupp channel tab with RSC TeamsTab.Create.Group, not with a tenant-wide TeamsTab.Create', () => {
    const graph = aad.requiredResourceAccess.flatMap((resource) => resource.resourceAccess);
    expect(graph.map((g) => g.id)).not.toContain('TeamsTab.Create');
    expect(manifest.authorization.permissions.resourceSpecific).toContainEqual({
      name: 'TeamsTab.Create.Group',
      type: 'Application',
    });
  });

  /** The registration's Graph permissions and the manifest's RSC ones, as `permission:type`. */
  const declared = () => [
    ...aad.requiredResourceAccess.flatMap((resource) =>
      resource.resourceAccess.map((access) => `${access.id}:${access.type === 'Scope' ? 'delegated' : 'application'}`),
    ),
    ...manifest.authorization.permissions.resourceSpecific.map((permission) => `${permission.name}:application (RSC)`),
  ];
  /** The `| permission | type | why |` rows of a document's permission tables. */
  const tableRows = (text: string) =>
    [...text.matchAll(/^\| ([A-Za-z.]+) \| (delegated|application|application \(RSC\)) \| .+ \|$/gm)].map(
      (match) => `${match[1]}:${match[2]}`,
    );

  // The four lists of issue #13: the registration, the Teams manifest's RSC, the README and the deployment guide.
  it.each(['docs/deployment.md', 'README.md'])(
    'lists each Graph and RSC permission with its reason in %s, and only those',
    (doc) => {
      const rows = tableRows(read(doc));
      expect(new Set(rows).size).toBe(rows.length);
      expect(rows.sort()).toEqual(declared().sort());
    },
  );

  it('grants the local tenant exactly what the registration and the manifest declare', () => {
    const granted = [
      ...DECLARED_GRANTS.delegated.map((p) => `${p}:delegated`),
      ...DECLARED_GRANTS.application.map((p) => `${p}:application`),
      ...DECLARED_GRANTS.rsc.map((p) => `${p}:application (RSC)`),
    ];
    expect(granted.sort()).toEqual(declared().sort());
    expect(DEFAULT_APP.delegatedPermissions.slice().sort()).toEqual(DECLARED_GRANTS.delegated.slice().sort());
    expect(DEFAULT_APP.applicationPermissions.slice().sort()).toEqual(DECLARED_GRANTS.application.slice().sort());
    expect(DEFAULT_APP.rscPermissions.slice().sort()).toEqual(DECLARED_GRANTS.rsc.slice().sort());
  });

  it('m365agents.yml provisions, deploys and publishes with the toolkit actions', () => {
    const project = read('m365agents.yml');
    for (const action of [
      'teamsApp/create',
      'aadApp/create',
      'arm/deploy',
      'aadApp/update',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
      'cli/runNpmCommand',
      'azureAppService/zipDeploy',
      'teamsApp/publishAppPackage',
    ]) {
      expect(project).toContain(`uses: ${action}`);
    }
    for (const path of [...project.matchAll(/(?:manifestPath|path|parameters): \.\/(\S+)/g)].map(
      (match) => match[1] as string,
    )) {
      expect({ path, exists: existsSync(join(REPO_ROOT, path)) }).toEqual({ path, exists: true });
    }
    expect(existsSync(join(REPO_ROOT, 'm365agents.local.yml'))).toBe(true);
    expect(existsSync(join(REPO_ROOT, 'm365agents.playground.yml'))).toBe(true);
  });
});

describe('docs/deployment.md, followed step by step', () => {
  const guide = read('docs/deployment.md');
  const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;

  it('names only files that exist', () => {
    const candidates = [...guide.matchAll(/`([^`\s]+)`/g)]
      .map((match) => match[1] as string)
      .filter((token) => /^(appPackage|infra|env|scripts|docs|api|src|tests|m365agents)[\w./-]*$/.test(token))
      // outputs a step produces (appPackage/build/) and per-user secret files are not in the repository
      .filter((token) => !token.includes('<') && !token.endsWith('.user') && !token.startsWith('appPackage/build/'));
    expect(candidates.length).toBeGreaterThan(10);
    expect(candidates.filter((path) => !existsSync(join(REPO_ROOT, path)))).toEqual([]);
  });

  it('runs only npm scripts that exist, and each script file they start exists', () => {
    const runs = [...guide.matchAll(/npm run ([\w:-]+)/g)].map((match) => match[1] as string);
    expect(runs).toEqual(expect.arrayContaining(['package', 'provision', 'typecheck']));
    for (const name of runs) {
      const command = scripts[name];
      expect({ name, defined: command !== undefined }).toEqual({ name, defined: true });
      const file = /tsx (\S+\.ts)/.exec(command ?? '')?.[1];
      if (file) expect({ name, file, exists: existsSync(join(REPO_ROOT, file)) }).toEqual({ name, file, exists: true });
    }
  });

  it('names the conformance variables, the site grant call and the lease setting', () => {
    for (const name of [
      'GRAPH_CONFORMANCE_TENANT_ID',
      'GRAPH_CONFORMANCE_CLIENT_ID',
      'GRAPH_CONFORMANCE_CLIENT_SECRET',
      'GRAPH_CONFORMANCE_SITE',
      'POST https://graph.microsoft.com/v1.0/sites/{site-id}/permissions',
      'JOBS_LEASE_CONTAINER',
      'ChannelMember.ReadWrite.Group',
    ]) {
      expect(guide).toContain(name);
    }
  });
});

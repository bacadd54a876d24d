import { z } from 'zod';

/**
 * Every setting of the server, read from the environment once and validated. The two modes differ only in
 * the addresses and credentials injected here; nothing else in api/ may name Microsoft's hosts.
 */
export const MICROSOFT_GRAPH_BASE_URL = 'https://graph.microsoft.com/v1.0';
export const MICROSOFT_AUTHORITY_HOST = 'https://login.microsoftonline.com';
/** The resource every Graph token is requested for (client credentials and on-behalf-of). */
export const GRAPH_DEFAULT_SCOPE = 'https://graph.microsoft.com/.default';
export const API_SCOPE_NAME = 'access_as_user';

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();
/**
 * Ports the Fetch standard forbids ("bad ports"): browsers and Node's fetch refuse them with a bare
 * "fetch failed", so a server or local tenant there would be unreachable for the tab, msal and the gateway.
 */
const FETCH_BLOCKED_PORTS = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110,
  111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532,
  540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061,
  6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);
const port = z.coerce
  .number()
  .int()
  .min(0)
  .max(65535)
  .refine((n) => !FETCH_BLOCKED_PORTS.has(n), {
    message: 'Porten spärras av webbläsare och Node:s fetch (en "bad port" i Fetch-standarden). Välj en annan port.',
  });
const url = z.url({ protocol: /^https?$/ });

export const BOT_AUTH_TYPES = ['ClientSecret', 'UserAssignedMSI'] as const;
export type BotAuthType = (typeof BOT_AUTH_TYPES)[number];

const envSchema = z.object({
  MODE: z.enum(['local', 'tenant']).default('local'),
  HOST: z.string().default('127.0.0.1'),
  PORT: port.default(3978),
  LOCAL_TENANT_PORT: port.default(4100),
  LOCAL_TENANT_URL: url.optional(),
  GRAPH_BASE_URL: url.optional(),
  AUTHORITY_HOST: url.default(MICROSOFT_AUTHORITY_HOST),
  JWKS_URI: url.optional(),
  ISSUER_TEMPLATE: z.string().default(`${MICROSOFT_AUTHORITY_HOST}/{tid}/v2.0`),
  TENANT_ID: z.uuid(),
  ALLOWED_TENANT_IDS: optionalText,
  CLIENT_ID: z.uuid(),
  CLIENT_SECRET: optionalText,
  API_IDENTIFIER_URI: optionalText,
  SITE_HOSTNAME: z.string().min(1).default('regionvasterbotten.sharepoint.com'),
  SITE_PATH: z.string().startsWith('/').default('/sites/planochbygg'),
  TEAM_ID: optionalText,
  /** `on`: each uppdrag is mirrored as a Planner task in the team's plan (#17, delegated Tasks.ReadWrite). */
  PLANNER_MIRROR: z.enum(['on', 'off']).default('off'),
  BOT_ID: optionalText,
  TEAMS_APP_ID: optionalText,
  /** How the bot proves itself to Bot Framework in tenant mode: its app secret, or a user-assigned managed identity. */
  BOT_AUTH_TYPE: z.enum(BOT_AUTH_TYPES).default('ClientSecret'),
  BOT_PASSWORD: optionalText,
  /** The client id of the bot's user-assigned managed identity (UserAssignedMSI); defaults to MANAGED_IDENTITY_CLIENT_ID. */
  BOT_MANAGED_IDENTITY_CLIENT_ID: optionalText,
  /** The App Service's user-assigned managed identity (set by infra/azure.bicep): the bot's and the Azure state store's. */
  MANAGED_IDENTITY_CLIENT_ID: optionalText,
  BOT_TENANT_ID: optionalText,
  /** How often the timed jobs (reminders) run; 0 turns them off. */
  JOBS_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(3600),
  /** Where the server keeps its state: `sqlite` under DATA_DIR (one instance) or `azure` (Table and Blob Storage). */
  STATE_STORE: z.enum(['sqlite', 'azure']).optional(),
  /** Blob endpoint of the storage account (the job lease: one instance runs the jobs). */
  STORAGE_BLOB_ENDPOINT: url.optional(),
  /** Table endpoint of the storage account (conversation references, journals, idempotency records). */
  STORAGE_TABLE_ENDPOINT: url.optional(),
  /** Locally and on Azurite instead of the endpoints and the managed identity: the account's connection string. */
  STORAGE_CONNECTION_STRING: optionalText,
  STATE_TABLE_NAME: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9]{2,62}$/, 'Ett tabellnamn har 3–63 bokstäver och siffror och börjar med en bokstav.')
    .default('botstate'),
  JOBS_LEASE_CONTAINER: z
    .string()
    .regex(
      /^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$/,
      'Ett containernamn har 3–63 gemena bokstäver, siffror och enkla bindestreck.',
    )
    .default('jobleases'),
  /** How long the job lease lasts without renewal (blob leases allow 15–60 s); another instance takes over after it. */
  JOBS_LEASE_SECONDS: z.coerce.number().int().min(15).max(60).default(60),
  PUBLIC_URL: url.optional(),
  ORGANISATIONS_FILE: z.string().min(1).default('config/organisations.vasterbotten.json'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ROLE_CACHE_TTL_SECONDS: z.coerce.number().int().min(0).max(3600).default(60),
  GRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  GRAPH_MAX_RETRIES: z.coerce.number().int().min(0).max(10).default(10),
  GRAPH_RETRY_DELAY_SECONDS: z.coerce.number().min(0).max(180).default(1),
  DATA_DIR: z.string().min(1).default('.data'),
  TAB_DIST_DIR: z.string().min(1).default('dist/tab'),
});

/** Every environment variable the server reads (the infra drift test compares infra/azure.bicep with it). */
type Env = z.infer<typeof envSchema>;

export const CONFIG_ENV_NAMES: readonly string[] = Object.keys(envSchema.shape);

export type Mode = 'local' | 'tenant';

/** The Teams manifest's id in local mode (env/.env.local TEAMS_APP_ID). */
const LOCAL_TEAMS_APP_ID = '4c0e5a8b-2f1d-4e6a-9b3c-7d8e9f0a1b2c';

export interface AppConfig {
  mode: Mode;
  host: string;
  port: number;
  /** Where users and Teams reach this server. */
  publicUrl: string;
  graph: { baseUrl: string; timeoutMs: number; maxRetries: number; retryDelaySeconds: number };
  identity: {
    authorityHost: string;
    /** local mode: the local tenant's real http:// address, which msal and the browser are sent to. */
    localTenantUrl?: string;
    tenantId: string;
    allowedTenantIds: string[];
    clientId: string;
    clientSecret: string;
    apiIdentifierUri: string;
    jwksUri: string;
    issuerTemplate: string;
    graphScope: string;
  };
  site: { hostname: string; path: string };
  teamId?: string;
  /** PLANNER_MIRROR=on: uppdrag are mirrored as tasks in the team's Planner plan. */
  plannerMirror: boolean;
  /** The Teams manifest's id (`externalId` in the org app catalog); the tab binds the catalog id found from it. */
  teamsAppId: string;
  bot: {
    id?: string;
    authType: BotAuthType;
    password?: string;
    managedIdentityClientId?: string;
    tenantId?: string;
  };
  jobs: { intervalSeconds: number; leaseSeconds: number };
  /** Where the server's state lives (api/state): SQLite under dataDir, or Azure Table and Blob Storage. */
  state: {
    store: 'sqlite' | 'azure';
    tableName: string;
    leaseContainer: string;
    connectionString?: string;
    tableEndpoint?: string;
    blobEndpoint?: string;
    /** The identity the Azure store authenticates with (DefaultAzureCredential) when there is no connection string. */
    managedIdentityClientId?: string;
  };
  organisationsFile: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  roleCacheTtlSeconds: number;
  dataDir: string;
  tabDir: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Ogiltig konfiguration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const trimSlash = (value: string) => value.replace(/\/+$/, '');

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const blankAsMissing = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const parsed = envSchema.safeParse(blankAsMissing);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || 'miljö'}: ${i.message}`));
  }
  const e = parsed.data;
  const local = e.MODE === 'local';
  const localTenantUrl = local ? trimSlash(e.LOCAL_TENANT_URL ?? `http://127.0.0.1:${e.LOCAL_TENANT_PORT}`) : undefined;
  const authorityHost = trimSlash(e.AUTHORITY_HOST);
  const botManagedIdentityClientId = e.BOT_MANAGED_IDENTITY_CLIENT_ID ?? e.MANAGED_IDENTITY_CLIENT_ID;

  const problems = missingForMode(e, local, botManagedIdentityClientId);
  const stateStore = stateStoreOf(e, local, problems);
  if (problems.length > 0) throw new ConfigError(problems);

  const publicUrl = trimSlash(e.PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`);
  const allowed = (e.ALLOWED_TENANT_IDS ?? e.TENANT_ID)
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);

  return {
    mode: e.MODE,
    host: e.HOST,
    port: e.PORT,
    publicUrl,
    graph: graphSection(e, localTenantUrl),
    identity: identitySection(e, { local, localTenantUrl, authorityHost, publicUrl, allowed }),
    site: { hostname: e.SITE_HOSTNAME, path: e.SITE_PATH },
    teamId: e.TEAM_ID,
    plannerMirror: e.PLANNER_MIRROR === 'on',
    teamsAppId: e.TEAMS_APP_ID ?? LOCAL_TEAMS_APP_ID,
    bot: botSection(e, botManagedIdentityClientId),
    jobs: { intervalSeconds: e.JOBS_INTERVAL_SECONDS, leaseSeconds: e.JOBS_LEASE_SECONDS },
    state: stateSection(e, stateStore),
    organisationsFile: e.ORGANISATIONS_FILE,
    logLevel: e.LOG_LEVEL,
    roleCacheTtlSeconds: e.ROLE_CACHE_TTL_SECONDS,
    dataDir: e.DATA_DIR,
    tabDir: e.TAB_DIST_DIR,
  };
}

/** What the mode requires and the environment lacks, in the order they are reported. */
function missingForMode(e: Env, local: boolean, botManagedIdentityClientId: string | undefined): string[] {
  const problems: string[] = [];
  if (!e.CLIENT_SECRET) problems.push('CLIENT_SECRET saknas.');
  if (!local) {
    if (!e.BOT_ID) problems.push('BOT_ID krävs i läget tenant.');
    if (!e.TEAMS_APP_ID) problems.push('TEAMS_APP_ID (Teams-manifestets id) krävs i läget tenant.');
    if (e.BOT_AUTH_TYPE === 'ClientSecret' && !e.BOT_PASSWORD)
      problems.push('BOT_PASSWORD krävs i läget tenant med BOT_AUTH_TYPE=ClientSecret.');
    if (e.BOT_AUTH_TYPE === 'UserAssignedMSI' && !botManagedIdentityClientId)
      problems.push(
        'BOT_MANAGED_IDENTITY_CLIENT_ID (eller MANAGED_IDENTITY_CLIENT_ID) krävs i läget tenant med BOT_AUTH_TYPE=UserAssignedMSI.',
      );
    if (!e.PUBLIC_URL) problems.push('PUBLIC_URL krävs i läget tenant.');
    if (!e.TEAM_ID) problems.push('TEAM_ID krävs i läget tenant.');
  }
  return problems;
}

/** The state store: STATE_STORE, or Azure when the tenant names both storage endpoints; its settings checked. */
function stateStoreOf(e: Env, local: boolean, problems: string[]): AppConfig['state']['store'] {
  const stateStore =
    e.STATE_STORE ?? (!local && e.STORAGE_TABLE_ENDPOINT && e.STORAGE_BLOB_ENDPOINT ? 'azure' : 'sqlite');
  if (stateStore === 'azure' && !e.STORAGE_CONNECTION_STRING && !(e.STORAGE_TABLE_ENDPOINT && e.STORAGE_BLOB_ENDPOINT))
    problems.push(
      'STATE_STORE=azure kräver STORAGE_TABLE_ENDPOINT och STORAGE_BLOB_ENDPOINT (med hanterad identitet) eller STORAGE_CONNECTION_STRING.',
    );
  return stateStore;
}

/** Graph's base URL (the local tenant's in local mode) and the client's timeouts and retries. */
function graphSection(e: Env, localTenantUrl: string | undefined): AppConfig['graph'] {
  return {
    baseUrl: trimSlash(e.GRAPH_BASE_URL ?? (e.MODE === 'local' ? `${localTenantUrl}/v1.0` : MICROSOFT_GRAPH_BASE_URL)),
    timeoutMs: e.GRAPH_TIMEOUT_MS,
    maxRetries: e.GRAPH_MAX_RETRIES,
    retryDelaySeconds: e.GRAPH_RETRY_DELAY_SECONDS,
  };
}

/** The sign-in: authority, tenants, the app's registration, the API's identifier and token keys. */
function identitySection(
  e: Env,
  at: {
    local: boolean;
    localTenantUrl: string | undefined;
    authorityHost: string;
    publicUrl: string;
    allowed: string[];
  },
): AppConfig['identity'] {
  return {
    authorityHost: at.authorityHost,
    localTenantUrl: at.localTenantUrl,
    tenantId: e.TENANT_ID,
    allowedTenantIds: at.allowed,
    clientId: e.CLIENT_ID,
    clientSecret: e.CLIENT_SECRET ?? '',
    apiIdentifierUri:
      e.API_IDENTIFIER_URI ?? `api://${at.local ? 'localhost' : new URL(at.publicUrl).host}/${e.CLIENT_ID}`,
    jwksUri: e.JWKS_URI ?? `${at.local ? at.localTenantUrl : at.authorityHost}/${e.TENANT_ID}/discovery/v2.0/keys`,
    issuerTemplate: e.ISSUER_TEMPLATE,
    graphScope: GRAPH_DEFAULT_SCOPE,
  };
}

/** The bot's identity and how it authenticates. */
function botSection(e: Env, botManagedIdentityClientId: string | undefined): AppConfig['bot'] {
  return {
    id: e.BOT_ID,
    authType: e.BOT_AUTH_TYPE,
    password: e.BOT_AUTH_TYPE === 'ClientSecret' ? e.BOT_PASSWORD : undefined,
    managedIdentityClientId: e.BOT_AUTH_TYPE === 'UserAssignedMSI' ? botManagedIdentityClientId : undefined,
    tenantId: e.BOT_TENANT_ID ?? e.TENANT_ID,
  };
}

/** Where the server's state lives. */
function stateSection(e: Env, stateStore: AppConfig['state']['store']): AppConfig['state'] {
  return {
    store: stateStore,
    tableName: e.STATE_TABLE_NAME,
    leaseContainer: e.JOBS_LEASE_CONTAINER,
    connectionString: e.STORAGE_CONNECTION_STRING,
    tableEndpoint: e.STORAGE_TABLE_ENDPOINT,
    blobEndpoint: e.STORAGE_BLOB_ENDPOINT,
    managedIdentityClientId: e.MANAGED_IDENTITY_CLIENT_ID,
  };
}

/** The issuer a v2 token of this tenant carries, from the configured template. */
export function issuerFor(config: AppConfig, tenantId: string): string {
  return config.identity.issuerTemplate.replace('{tid}', tenantId);
}

/**
 * How msal-browser signs the tab in outside Teams. The authority is always Entra's (msal-browser refuses
 * http:// authorities); in local mode `authorityMetadata` (msal's documented option for a known
 * openid-configuration) sends the browser to the local tenant's authorize and token endpoints instead, as
 * msal-node's network client does on the server. In tenant mode msal reads Entra's own metadata.
 */
export function browserSignIn(config: AppConfig): { authority: string; authorityMetadata?: string } {
  const { authorityHost, localTenantUrl, tenantId } = config.identity;
  const authority = `${authorityHost}/${tenantId}`;
  if (!localTenantUrl) return { authority };
  const endpoints = `${localTenantUrl}/${tenantId}`;
  return {
    authority,
    authorityMetadata: JSON.stringify({
      issuer: issuerFor(config, tenantId),
      authorization_endpoint: `${endpoints}/oauth2/v2.0/authorize`,
      token_endpoint: `${endpoints}/oauth2/v2.0/token`,
      end_session_endpoint: `${endpoints}/oauth2/v2.0/logout`,
      jwks_uri: `${endpoints}/discovery/v2.0/keys`,
    }),
  };
}

export function apiScope(config: AppConfig): string {
  return `${config.identity.apiIdentifierUri}/${API_SCOPE_NAME}`;
}

/** The summary logged at start: every setting, secrets as '***'. */
export function redactedSummary(config: AppConfig): Record<string, unknown> {
  return {
    ...config,
    identity: { ...config.identity, clientSecret: config.identity.clientSecret ? '***' : '' },
    bot: { ...config.bot, password: config.bot.password ? '***' : undefined },
    state: { ...config.state, connectionString: config.state.connectionString ? '***' : undefined },
  };
}

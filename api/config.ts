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
const port = z.coerce.number().int().min(0).max(65535);
const url = z.url({ protocol: /^https?$/ });

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
  BOT_ID: optionalText,
  BOT_PASSWORD: optionalText,
  BOT_TENANT_ID: optionalText,
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

export type Mode = 'local' | 'tenant';

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
  bot: { id?: string; password?: string; tenantId?: string };
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
  const problems: string[] = [];
  const local = e.MODE === 'local';
  const localTenantUrl = local ? trimSlash(e.LOCAL_TENANT_URL ?? `http://127.0.0.1:${e.LOCAL_TENANT_PORT}`) : undefined;
  const authorityHost = trimSlash(e.AUTHORITY_HOST);

  if (!e.CLIENT_SECRET) problems.push('CLIENT_SECRET saknas.');
  if (!local) {
    if (!e.BOT_ID || !e.BOT_PASSWORD) problems.push('BOT_ID och BOT_PASSWORD krävs i läget tenant.');
    if (!e.PUBLIC_URL) problems.push('PUBLIC_URL krävs i läget tenant.');
    if (!e.TEAM_ID) problems.push('TEAM_ID krävs i läget tenant.');
  }
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
    graph: {
      baseUrl: trimSlash(e.GRAPH_BASE_URL ?? (local ? `${localTenantUrl}/v1.0` : MICROSOFT_GRAPH_BASE_URL)),
      timeoutMs: e.GRAPH_TIMEOUT_MS,
      maxRetries: e.GRAPH_MAX_RETRIES,
      retryDelaySeconds: e.GRAPH_RETRY_DELAY_SECONDS,
    },
    identity: {
      authorityHost,
      localTenantUrl,
      tenantId: e.TENANT_ID,
      allowedTenantIds: allowed,
      clientId: e.CLIENT_ID,
      clientSecret: e.CLIENT_SECRET ?? '',
      apiIdentifierUri: e.API_IDENTIFIER_URI ?? `api://${local ? 'localhost' : new URL(publicUrl).host}/${e.CLIENT_ID}`,
      jwksUri: e.JWKS_URI ?? `${local ? localTenantUrl : authorityHost}/${e.TENANT_ID}/discovery/v2.0/keys`,
      issuerTemplate: e.ISSUER_TEMPLATE,
      graphScope: GRAPH_DEFAULT_SCOPE,
    },
    site: { hostname: e.SITE_HOSTNAME, path: e.SITE_PATH },
    teamId: e.TEAM_ID,
    bot: { id: e.BOT_ID, password: e.BOT_PASSWORD, tenantId: e.BOT_TENANT_ID ?? e.TENANT_ID },
    organisationsFile: e.ORGANISATIONS_FILE,
    logLevel: e.LOG_LEVEL,
    roleCacheTtlSeconds: e.ROLE_CACHE_TTL_SECONDS,
    dataDir: e.DATA_DIR,
    tabDir: e.TAB_DIST_DIR,
  };
}

/** The issuer a v2 token of this tenant carries, from the configured template. */
export function issuerFor(config: AppConfig, tenantId: string): string {
  return config.identity.issuerTemplate.replace('{tid}', tenantId);
}

/** Where the browser signs in outside Teams: the local tenant's persona page, or Entra's authorize endpoint. */
export function authorizeUrl(config: AppConfig): string {
  const host = config.identity.localTenantUrl ?? config.identity.authorityHost;
  return `${host}/${config.identity.tenantId}/oauth2/v2.0/authorize`;
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
  };
}

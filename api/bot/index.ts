import { isIP } from 'node:net';
import { App, ExpressAdapter, type AppOptions, type IPlugin } from '@microsoft/teams.apps';
import type { IAdaptiveCard } from '@microsoft/teams.cards';
import { ConsoleLogger, type ILogger, type Interceptor } from '@microsoft/teams.common';
import type { Express, NextFunction, Request, Response } from 'express';
import type { RunEnvironment } from './commandRunner';
import { registerHandlers } from './handlers';
import { activityRuntime } from './runtime';
import type { BotCredentials, BotDeps, BotMode } from './deps';
import type { ProactiveResult, ProactiveSender } from '../services/ports';
import { createProactiveSender } from './proactive';
import { tenantGuard } from './tenantGuard';

export type { BotDeps } from './deps';
export { manifestCommandLists, COMMANDS } from './commands';
export { stripBotMention } from './mention';

export class BotConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BotConfigError';
  }
}

/**
 * In tenant mode Bot Framework authentication must be on, so the server refuses to start without the bot's
 * credentials: its app id and tenant, and either its secret (ClientSecret) or the client id of its user-assigned
 * managed identity (UserAssignedMSI). Local mode runs without them (loopback only, see loopbackOnly).
 */
export function assertBotConfig(mode: BotMode, credentials: BotCredentials | undefined): void {
  if (mode === 'local') return;
  if (mode !== 'tenant') throw new BotConfigError(`Okänt läge för boten: ${String(mode)} (ange local eller tenant).`);
  const authType = credentials?.authType ?? 'ClientSecret';
  if (authType !== 'ClientSecret' && authType !== 'UserAssignedMSI')
    throw new BotConfigError(
      `Okänd autentisering för boten: ${String(authType)} (ange ClientSecret eller UserAssignedMSI).`,
    );
  const required =
    authType === 'ClientSecret'
      ? (['clientId', 'clientSecret', 'tenantId'] as const)
      : (['clientId', 'managedIdentityClientId', 'tenantId'] as const);
  const missing = required.filter((key) => !credentials?.[key] || credentials[key]?.trim() === '');
  if (missing.length > 0) {
    throw new BotConfigError(
      `Boten kan inte starta i tenant-läge utan Bot Framework-autentisering: ${missing.join(', ')} saknas i konfigurationen.`,
    );
  }
}

/**
 * The SDK's identity options. Every field is given explicitly because the SDK otherwise falls back to
 * CLIENT_ID, CLIENT_SECRET, TENANT_ID and MANAGED_IDENTITY_CLIENT_ID from the environment, which are the
 * server's Graph app (and the App Service's identity), not the bot.
 */
function tenantIdentity(credentials: BotCredentials | undefined): Partial<AppOptions<IPlugin>> {
  if (credentials?.authType === 'UserAssignedMSI') {
    return {
      clientId: credentials.clientId,
      clientSecret: '',
      tenantId: credentials.tenantId,
      managedIdentityClientId: credentials.managedIdentityClientId,
    };
  }
  return {
    clientId: credentials?.clientId,
    clientSecret: credentials?.clientSecret,
    tenantId: credentials?.tenantId,
  };
}

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  if (isIP(plain) === 4) return plain.startsWith('127.');
  return plain === '::1';
}

/** Local mode accepts unauthenticated activities, so only from this machine. */
export function loopbackOnly(req: Request, res: Response, next: NextFunction): void {
  if (isLoopbackAddress(req.socket.remoteAddress)) {
    next();
    return;
  }
  res.status(401).json({ error: 'Boten tar bara emot anrop från den här datorn i lokalt läge.' });
}

export interface BotHandle {
  app: App;
  proactive: ProactiveSender;
  /** Posts a card to the General channel of the team the app is installed in. */
  postToGeneral(card: IAdaptiveCard, summary: string): Promise<ProactiveResult>;
}

/**
 * teams.common writes "Bearer null" when a token source has no token (local mode without credentials); the
 * local tenant's connector rightly refuses that, while it accepts no header at all from loopback.
 */
const dropEmptyBearer: Interceptor = {
  request: ({ config }) => {
    const value = config.headers.get('Authorization');
    if (typeof value === 'string' && /^Bearer\s*(null|undefined)?\s*$/.test(value))
      config.headers.delete('Authorization');
    return config;
  },
};

/**
 * Local mode has no Bot Framework credentials by design, and loopbackOnly keeps the endpoint to this machine;
 * the SDK's start-up warning that it "will accept unauthenticated requests" is then no news and reads as an
 * alarm, so it goes to debug. Tenant mode never gets here (assertBotConfig refuses to start without them).
 */
function quietAboutLocalAuth(logger: ILogger): ILogger {
  const isAuthNotice = (parts: unknown[]) =>
    typeof parts[0] === 'string' && parts[0].startsWith('No credentials configured');
  return {
    ...logger,
    debug: (...parts: unknown[]) => logger.debug(...parts),
    info: (...parts: unknown[]) => logger.info(...parts),
    error: (...parts: unknown[]) => logger.error(...parts),
    trace: (...parts: unknown[]) => logger.trace(...parts),
    log: (level, ...parts: unknown[]) => logger.log(level, ...parts),
    warn: (...parts: unknown[]) => (isAuthNotice(parts) ? logger.debug(...parts) : logger.warn(...parts)),
    child: (name: string) => quietAboutLocalAuth(logger.child(name)),
  };
}

/** The SDK's options: on the server's express app, with tenant identity or (locally) the local tenant's token. */
function appOptions(
  expressApp: Express,
  deps: BotDeps,
  logger: ILogger,
  messagingEndpoint: `/${string}`,
): AppOptions<IPlugin> {
  const { config } = deps;
  const localToken = config.botToken;
  return {
    httpServerAdapter: new ExpressAdapter(expressApp, { logger }),
    messagingEndpoint,
    logger,
    client: { interceptors: [dropEmptyBearer] },
    ...(config.oauthUrl ? { apiClientSettings: { oauthUrl: config.oauthUrl } } : {}),
    ...(config.mode === 'tenant'
      ? tenantIdentity(config.credentials)
      : {
          skipAuth: true,
          // An explicit empty id: the SDK would otherwise take CLIENT_ID/CLIENT_SECRET from the environment
          // (the server's Graph app) as bot credentials and try to reach Entra for every reply.
          ...(localToken && config.credentials?.clientId
            ? { clientId: config.credentials.clientId, token: async () => localToken() }
            : { clientId: '', clientSecret: '', tenantId: '' }),
        }),
  };
}

/**
 * Mounts the Teams SDK on POST {messagingEndpoint} (default /api/messages) of the server's express app.
 * Call it before the server's 404 and error handlers; the server keeps its own lifecycle (listen/close).
 */
export async function mountBot(expressApp: Express, deps: BotDeps): Promise<BotHandle> {
  const { config } = deps;
  assertBotConfig(config.mode, config.credentials);
  const baseLogger: ILogger = deps.logger ?? new ConsoleLogger('bot', { level: 'warn' });
  const logger = config.mode === 'local' ? quietAboutLocalAuth(baseLogger) : baseLogger;
  const messagingEndpoint = config.messagingEndpoint ?? '/api/messages';
  if (config.mode === 'local') expressApp.use(messagingEndpoint, loopbackOnly);
  if (config.allowedTenantIds)
    expressApp.use(messagingEndpoint, ...tenantGuard(config.allowedTenantIds, config.mode === 'tenant'));

  const localToken = config.botToken;
  const app = new App(appOptions(expressApp, deps, logger, messagingEndpoint));

  const botToken = async (): Promise<string | undefined> => {
    if (localToken) return localToken();
    const token = await app.tokenManager.getBotToken();
    return token ? token.toString() : undefined;
  };
  const proactive = createProactiveSender(botToken, app.client);
  const env: RunEnvironment = { deps, proactive };

  registerHandlers(app, deps, env, activityRuntime(deps, logger));

  await app.initialize();

  return {
    app,
    proactive,
    async postToGeneral(card, summary) {
      const general = await deps.conversations.findTeamGeneral();
      if (!general) throw new Error('The app is not installed in a team: no General channel to post to.');
      return proactive.sendCard(general, card, summary);
    },
  };
}

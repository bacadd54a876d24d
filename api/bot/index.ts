import { isIP } from 'node:net';
import type { Activity as BotActivity, ConversationAccount, IConversationUpdateActivity } from '@microsoft/teams.api';
import { App, ExpressAdapter, type AppOptions, type IPlugin } from '@microsoft/teams.apps';
import type { IAdaptiveCard } from '@microsoft/teams.cards';
import { ConsoleLogger, type ILogger, type Interceptor } from '@microsoft/teams.common';
import type { Express, NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import type { Person } from '../../src/domain';
import { ADAPTIVE_CARD_CONTENT_TYPE, errorCard } from '../cards/cards';
import { helpCard } from './helpCard';
import { runCardAction, runText, type Reply, type RunEnvironment } from './commandRunner';
import type { BotCredentials, BotDeps, BotMode, StoredConversation } from './deps';
import type { ProactiveResult, ProactiveSender } from '../services/ports';
import { createProactiveSender } from './proactive';
import { claimOnce, fingerprintOf, onceKey } from '../state/once';
import { inOperation, operationKeyOf } from '../state/operation';
import { tenantGuard } from './tenantGuard';

export type { BotDeps } from './deps';
export { manifestCommandLists, COMMANDS } from './commands';

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

const aadObjectIdSchema = z.string().trim().min(1).max(64);

function cardMessage(result: Reply) {
  return {
    type: 'message' as const,
    summary: result.summary,
    attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: result.card }],
  };
}

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

/** Removes the bot's own @mention, so "<at>Plan- och bygg</at> möten" reads "möten". */
const mentionEntitySchema = z.object({
  type: z.literal('mention'),
  text: z.string().min(1),
  mentioned: z.object({ id: z.string() }),
});

export function stripBotMention(activity: {
  text?: string;
  recipient?: { id: string };
  entities?: readonly unknown[];
}): string {
  let text = activity.text ?? '';
  for (const entity of activity.entities ?? []) {
    const mention = mentionEntitySchema.safeParse(entity);
    if (mention.success && mention.data.mentioned.id === activity.recipient?.id) {
      text = text.split(mention.data.text).join(' ');
    }
  }
  return text
    .replace(/^\s*<at>[^<]*<\/at>/i, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function conversationFrom(activity: BotActivity, now: Date): StoredConversation | undefined {
  const conversation: ConversationAccount = activity.conversation;
  const channelData = activity.channelData;
  const tenantId = conversation.tenantId ?? channelData?.tenant?.id;
  const base = {
    serviceUrl: activity.serviceUrl ?? '',
    botId: activity.recipient.id,
    ...(activity.recipient.name ? { botName: activity.recipient.name } : {}),
    ...(tenantId ? { tenantId } : {}),
    updatedAt: now.toISOString(),
  };
  if (!base.serviceUrl) return undefined;
  const teamId = channelData?.team?.id;
  // Bot Framework names the team by its General channel's thread id; Graph by its group id (aadGroupId).
  const aadGroupId = channelData?.team?.aadGroupId;
  if (teamId)
    return { ...base, conversationId: teamId, kind: 'channel', teamId, ...(aadGroupId ? { aadGroupId } : {}) };
  if (conversation.conversationType === 'personal') {
    const userAadObjectId = activity.from.aadObjectId;
    return {
      ...base,
      conversationId: conversation.id,
      kind: 'personal',
      ...(userAadObjectId ? { userAadObjectId } : {}),
    };
  }
  if (conversation.conversationType === 'groupChat')
    return { ...base, conversationId: conversation.id, kind: 'groupChat' };
  return undefined;
}

function botWasRemoved(activity: IConversationUpdateActivity): boolean {
  return (activity.membersRemoved ?? []).some((member) => member.id === activity.recipient.id);
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
  const options: AppOptions<IPlugin> = {
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
  const app = new App(options);

  const botToken = async (): Promise<string | undefined> => {
    if (localToken) return localToken();
    const token = await app.tokenManager.getBotToken();
    return token ? token.toString() : undefined;
  };
  const proactive = createProactiveSender(botToken, app.client);
  const env: RunEnvironment = { deps, proactive };

  const identify = async (aadObjectId: string | undefined): Promise<Person | undefined> => {
    const parsed = aadObjectIdSchema.safeParse(aadObjectId);
    return parsed.success ? deps.findPersonByAadObjectId(parsed.data) : undefined;
  };

  const remember = async (activity: BotActivity): Promise<StoredConversation | undefined> => {
    const conversation = conversationFrom(activity, deps.clock.now());
    if (conversation) await deps.conversations.save(conversation);
    return conversation;
  };

  /** A failure behind the bot (Graph, storage) still gets an answer, never silence nor the internal message. */
  const answering = async (run: () => Promise<Reply>): Promise<Reply> => {
    try {
      return await run();
    } catch (error) {
      logger.error('bot command failed', error instanceof Error ? error.message : String(error));
      return {
        card: errorCard('Något gick fel', 'Boten kunde inte hämta uppgifterna just nu. Försök igen om en stund.'),
        summary: 'Något gick fel.',
      };
    }
  };

  /**
   * Runs an activity once: a repeat of its id (Teams re-delivers, a double press of a card's button sends the
   * same Action.Execute) answers with the first reply. The key is the sender's and the conversation's.
   */
  const once = async (activity: BotActivity, data: unknown, run: () => Promise<Reply>): Promise<Reply> => {
    if (!deps.idempotency || !activity.id) return run();
    const scope = [
      'bot',
      activity.conversation.tenantId ?? '',
      activity.from.aadObjectId ?? activity.from.id,
      activity.conversation.id,
    ];
    const key = onceKey(scope, activity.id);
    const claim = await claimOnce(deps.idempotency, key, fingerprintOf(data), { waitMs: 10_000 });
    if (claim.kind === 'repeat') return claim.outcome.body as Reply;
    if (claim.kind !== 'first') {
      const message = 'Samma åtgärd pågår redan. Vänta en stund: den görs bara en gång.';
      return { card: errorCard('Ett ögonblick', message), summary: message };
    }
    try {
      // The activity is the operation: list items it creates carry its natural key (api/state/operation).
      const reply = await inOperation(operationKeyOf(scope, activity.id), run);
      await claim.finish({ status: 200, body: reply });
      return reply;
    } catch (error) {
      await claim.release();
      throw error;
    }
  };

  app.on('message', async (ctx) => {
    const { activity } = ctx;
    const submitted = activity.value !== undefined && activity.value !== null && !activity.text?.trim();
    const result = await answering(() =>
      once(activity, submitted ? activity.value : (activity.text ?? ''), async () => {
        await remember(activity);
        const sender = await identify(activity.from.aadObjectId);
        return submitted ? runCardAction(activity.value, sender, env) : runText(stripBotMention(activity), sender, env);
      }),
    );
    await ctx.send(cardMessage(result));
  });

  app.on('card.action', async (ctx) => {
    const { action } = ctx.activity.value;
    const data = typeof action.data === 'object' && action.data !== null ? action.data : {};
    const result = await answering(() =>
      once(ctx.activity, { ...data, verb: action.verb }, async () =>
        runCardAction({ ...data, verb: action.verb }, await identify(ctx.activity.from.aadObjectId), env),
      ),
    );
    return { statusCode: 200 as const, type: ADAPTIVE_CARD_CONTENT_TYPE, value: result.card };
  });

  app.on('conversationUpdate', async (ctx) => {
    const { activity } = ctx;
    if (botWasRemoved(activity)) {
      const conversation = conversationFrom(activity, deps.clock.now());
      if (conversation) await deps.conversations.remove(conversation.conversationId);
      return;
    }
    const botAdded = (activity.membersAdded ?? []).some((member) => member.id === activity.recipient.id);
    if (botAdded) await welcome(activity, ctx.send);
  });

  app.on('installationUpdate', async (ctx) => {
    const { activity } = ctx;
    if (activity.action === 'remove') {
      const conversation = conversationFrom(activity, deps.clock.now());
      if (conversation) await deps.conversations.remove(conversation.conversationId);
      return;
    }
    await welcome(activity, ctx.send);
  });

  async function welcome(
    activity: BotActivity,
    send: (activity: ReturnType<typeof cardMessage>) => Promise<unknown>,
  ): Promise<void> {
    const conversation = await remember(activity);
    if (conversation?.kind !== 'personal') return;
    const person = await identify(activity.from.aadObjectId);
    await send(cardMessage({ card: helpCard({ ...(person ? { person } : {}) }), summary: 'Välkommen!' }));
  }

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

import { createHash, randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response, Router } from 'express';
import type {
  ChatMessageAttachment,
  ChatMessageFromIdentitySet,
  ChatMessageMention,
} from '@microsoft/microsoft-graph-types';
import { z } from 'zod';
import type { EmulatorContext } from '../../context';
import { GraphHttpError } from '../../errors';
import { TENANT_SCOPE, type StoredUser } from '../../model';
import { INSTALLATION_KIND, type StoredInstallation } from '../../permissions';
import { findUser } from '../users';
import { enabledInChannel } from './appRoutes';
import { createMessage, targetScope, type MessageTarget } from './messages';
import {
  KIND,
  channelAudience,
  findChannelAnywhere,
  requireTeam,
  type BotConversation,
  type ActivityFields,
  type StoredChannel,
  type StoredMessage,
  type StoredTeam,
} from './model';

/**
 * Teams' side of the Bot Framework connector, for a bot whose `serviceUrl` is this tenant. What the bot sends
 * becomes a chatMessage of the channel (readable through Graph's channel messages) or of a personal chat.
 */

/** Bot Framework answers errors as `{"error":{"code","message"}}`. */
class ConnectorError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const badArgument = (message: string) => new ConnectorError(400, 'BadArgument', message);
const conversationNotFound = (id: string) =>
  new ConnectorError(404, 'ConversationNotFound', `Conversation ${id} not found.`);

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

const channelAccount = z
  .object({ id: z.string().min(1), name: z.string().optional(), aadObjectId: z.string().optional() })
  .loose();

const activityInput = z
  .object({
    type: z.string().default('message'),
    text: z.string().optional(),
    textFormat: z.enum(['markdown', 'plain', 'xml']).optional(),
    summary: z.string().optional(),
    from: channelAccount.optional(),
    replyToId: z.string().optional(),
    attachments: z
      .array(
        z
          .object({
            contentType: z.string().min(1),
            content: z.unknown().optional(),
            contentUrl: z.string().optional(),
            name: z.string().optional(),
            thumbnailUrl: z.string().optional(),
          })
          .loose(),
      )
      .optional(),
    attachmentLayout: z.string().optional(),
    entities: z.array(z.unknown()).optional(),
    channelData: z.unknown().optional(),
  })
  .loose();
type ActivityInput = z.infer<typeof activityInput>;

const createConversationInput = z
  .object({
    isGroup: z.boolean().optional(),
    bot: channelAccount.optional(),
    members: z.array(channelAccount).optional(),
    topicName: z.string().optional(),
    tenantId: z.string().optional(),
    channelData: z
      .object({
        channel: z
          .object({ id: z.string().min(1) })
          .loose()
          .optional(),
        tenant: z
          .object({ id: z.string().min(1) })
          .loose()
          .optional(),
      })
      .loose()
      .optional(),
    activity: activityInput.optional(),
  })
  .loose();

function parsed<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (!result.success)
    throw badArgument(result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  return result.data;
}

interface ConnectorCaller {
  appId?: string;
}

function callerOf(res: Response): ConnectorCaller {
  return (res.locals.connectorCaller as ConnectorCaller | undefined) ?? {};
}

/** Locally the bot has no credentials: no token is fine on loopback; a token, if sent, must be this tenant's. */
function connectorAuthentication(ctx: EmulatorContext) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      const header = req.headers.authorization;
      if (header === undefined) {
        if (!LOOPBACK.has(req.socket.remoteAddress ?? ''))
          throw new ConnectorError(401, 'Unauthorized', 'Authorization header is required.');
        res.locals.connectorCaller = {};
        return next();
      }
      if (!header.startsWith('Bearer '))
        throw new ConnectorError(401, 'Unauthorized', 'Authorization header must be a bearer token.');
      let claims;
      try {
        claims = await ctx.tokens.verify(header.slice(7).trim());
      } catch {
        throw new ConnectorError(401, 'Unauthorized', 'The bearer token is not valid for this tenant.');
      }
      if (claims.tid !== ctx.tenantId)
        throw new ConnectorError(401, 'Unauthorized', 'The bearer token is from another tenant.');
      const appId = claims.appid ?? claims.azp;
      res.locals.connectorCaller = { appId: typeof appId === 'string' ? appId : undefined };
      next();
    } catch (error) {
      next(error);
    }
  };
}

interface ResolvedConversation {
  id: string;
  target: MessageTarget;
  /** `;messageid=` of a channel thread. */
  threadRootId?: string;
}

const CHANNEL_THREAD = /^19:.+@thread\.(tacv2|skype)$/;

function resolveConversation(ctx: EmulatorContext, conversationId: string): ResolvedConversation {
  const [base = '', ...rest] = conversationId.split(';');
  const threadRootId = rest.map((p) => /^messageid=(\d+)$/.exec(p)?.[1]).find((v) => v !== undefined);
  if (CHANNEL_THREAD.test(base)) {
    const channel = findChannelAnywhere(ctx, base);
    if (!channel) throw conversationNotFound(conversationId);
    return { id: conversationId, target: { channel }, threadRootId };
  }
  if (!base) throw conversationNotFound(conversationId);
  // Personal and group chats start with an incoming activity the tenant may not have seen: accept them.
  return { id: conversationId, target: { chatId: base } };
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The bot's text as Teams stores it: HTML, with `<at>` mentions kept. */
function htmlOf(activity: ActivityInput): string {
  const text = activity.text ?? '';
  if (!text) return '';
  if (activity.textFormat === 'xml') return text;
  const escaped = escapeHtml(text)
    .replace(/&lt;(\/?)at&gt;/g, '<$1at>')
    .replace(/\r?\n/g, '<br>');
  return `<p>${escaped}</p>`;
}

function botIdentity(ctx: EmulatorContext, res: Response, from: ActivityInput['from']): { id: string; name: string } {
  const fromId = from?.id?.replace(/^28:/, '');
  return { id: fromId || callerOf(res).appId || ctx.app.clientId, name: from?.name ?? ctx.app.displayName };
}

function graphFrom(bot: { id: string; name: string }): ChatMessageFromIdentitySet {
  return {
    application: {
      '@odata.type': '#microsoft.graph.teamworkApplicationIdentity',
      id: bot.id,
      displayName: bot.name,
      applicationIdentityType: 'bot',
    } as ChatMessageFromIdentitySet['application'],
    device: null,
    user: null,
  };
}

function assertMessageActivity(activity: ActivityInput): void {
  if (activity.type !== 'message')
    throw badArgument(`Activity type '${activity.type}' cannot be sent; send 'message' (or 'typing').`);
  if (!activity.text && !(activity.attachments ?? []).length)
    throw badArgument('A message activity needs text or attachments.');
}

const mentionEntity = z.object({
  type: z.literal('mention'),
  text: z.string().optional(),
  mentioned: z.object({ id: z.string(), name: z.string().optional() }).loose(),
});

interface GraphContent {
  html: string;
  attachments: ChatMessageAttachment[];
  mentions: ChatMessageMention[];
}

/** Bot Framework mention entities (`<at>Name</at>` + `mentioned`) become Graph's `<at id="n">` and `mentions[n]`. */
function graphMentions(
  ctx: EmulatorContext,
  activity: ActivityInput,
  html: string,
): { html: string; mentions: ChatMessageMention[] } {
  const mentions: ChatMessageMention[] = [];
  let out = html;
  for (const entity of activity.entities ?? []) {
    const parsedEntity = mentionEntity.safeParse(entity);
    if (!parsedEntity.success) continue;
    const { mentioned } = parsedEntity.data;
    const user = findUser(ctx, mentioned.id.replace(/^29:/, ''));
    const name = mentioned.name ?? user?.displayName ?? '';
    const tag = parsedEntity.data.text ?? `<at>${name}</at>`;
    const id = mentions.length;
    const inner = escapeHtml(tag.replace(/^<at>|<\/at>$/g, ''));
    const needle = [`<at>${inner}</at>`, tag].find((candidate) => out.includes(candidate));
    if (needle === undefined) continue;
    out = out.replace(needle, `<at id="${id}">${inner}</at>`);
    mentions.push({
      id,
      mentionText: name,
      mentioned: {
        application: null,
        device: null,
        conversation: null,
        user: user
          ? ({
              '@odata.type': '#microsoft.graph.teamworkUserIdentity',
              id: user.id,
              displayName: user.displayName,
              userIdentityType: 'aadUser',
              tenantId: ctx.tenantId,
            } as ChatMessageFromIdentitySet['user'])
          : null,
      },
    });
  }
  return { html: out, mentions };
}

function graphContent(ctx: EmulatorContext, activity: ActivityInput): GraphContent {
  const attachments: ChatMessageAttachment[] = (activity.attachments ?? []).map((a) => ({
    id: randomUUID().replace(/-/g, ''),
    contentType: a.contentType,
    // Graph always carries card content as a JSON-encoded string.
    content: a.content === undefined ? null : typeof a.content === 'string' ? a.content : JSON.stringify(a.content),
    contentUrl: a.contentUrl ?? null,
    name: a.name ?? null,
    thumbnailUrl: a.thumbnailUrl ?? null,
    teamsAppId: null,
  }));
  const { html, mentions } = graphMentions(ctx, activity, htmlOf(activity));
  return {
    html: html + attachments.map((a) => `<attachment id="${a.id}"></attachment>`).join(''),
    attachments,
    mentions,
  };
}

function storedActivity(
  conversationId: string,
  bot: { id: string; name: string },
  activity: ActivityInput,
  replyToId?: string,
): ActivityFields {
  return {
    ...activity,
    type: 'message',
    conversation: { id: conversationId },
    from: { id: `28:${bot.id}`, name: bot.name },
    ...(replyToId === undefined ? {} : { replyToId }),
  };
}

/**
 * A shared channel does not inherit the team's apps: Teams delivers a bot's message there only once its app is
 * enabled in that channel (`POST …/enabledApps/$ref`), else the bot is not in the conversation's roster. The
 * local tenant knows the bot by its Entra app id (the local bot and app registration share one id). Standard and
 * private channels are not checked against the team's installations (see the README's differences).
 */
function assertBotInRoster(ctx: EmulatorContext, botId: string, channel: StoredChannel): void {
  if (channel.membershipType !== 'shared') return;
  const installation = ctx.store
    .list<StoredInstallation>(INSTALLATION_KIND, channel.xTeamId)
    .find((i) => i.azureADAppId === botId);
  if (!installation || !enabledInChannel(ctx, channel.id, installation.teamsAppId))
    throw new ConnectorError(403, 'BotNotInConversationRoster', 'The bot is not part of the conversation roster.');
}

function postActivity(
  ctx: EmulatorContext,
  res: Response,
  conversation: ResolvedConversation,
  activity: ActivityInput,
  replyToActivityId?: string,
): StoredMessage {
  assertMessageActivity(activity);
  const target = conversation.target;
  if ('channel' in target && target.channel.isArchived)
    throw new ConnectorError(403, 'Forbidden', `Channel '${target.channel.displayName}' is archived.`);
  let rootId: string | null = null;
  if ('channel' in target) {
    rootId = conversation.threadRootId ?? null;
    if (rootId === null && replyToActivityId !== undefined) {
      const replied = ctx.store.get<StoredMessage>(KIND.message, target.channel.id, replyToActivityId);
      rootId = replied ? (replied.replyToId ?? replied.id) : replyToActivityId;
    }
  }
  const bot = botIdentity(ctx, res, activity.from);
  if ('channel' in target) assertBotInRoster(ctx, bot.id, target.channel);
  const { html, attachments, mentions } = graphContent(ctx, activity);
  return createMessage(ctx, target, {
    body: { contentType: 'html', content: html },
    subject: null,
    attachments,
    mentions,
    replyToId: rootId,
    from: graphFrom(bot),
    xConversationId: conversation.id,
    xActivity: storedActivity(conversation.id, bot, activity, replyToActivityId),
  });
}

function teamsAccount(ctx: EmulatorContext, user: StoredUser) {
  return {
    id: `29:${user.id}`,
    name: user.displayName,
    aadObjectId: user.id,
    givenName: user.givenName ?? undefined,
    surname: user.surname ?? undefined,
    email: user.mail,
    userPrincipalName: user.userPrincipalName,
    tenantId: ctx.tenantId,
    userRole: user.userType === 'Guest' ? 'guest' : 'user',
  };
}

function conversationMembers(ctx: EmulatorContext, conversation: ResolvedConversation): StoredUser[] {
  const target = conversation.target;
  const ids =
    'channel' in target
      ? channelAudience(ctx, target.channel).map((m) => m.userId)
      : ctx.store
          .list<BotConversation>(KIND.botConversation, TENANT_SCOPE)
          .filter((c) => c.id === target.chatId)
          .map((c) => c.userId);
  return ids.map((id) => findUser(ctx, id)).filter((u): u is StoredUser => u !== undefined);
}

function personalConversationId(botId: string, userId: string): string {
  return `a:${createHash('sha256').update(`${botId}|${userId}`).digest('base64url')}`;
}

function teamOfBotFrameworkId(ctx: EmulatorContext, teamId: string): StoredTeam {
  // Bot Framework names a team by its General channel's thread id; Graph by its group id. Accept both.
  const team = ctx.store
    .list<StoredTeam>(KIND.team, TENANT_SCOPE)
    .find((t) => t.internalId === teamId || t.id === teamId);
  if (!team) throw new ConnectorError(404, 'NotFound', `Team ${teamId} not found.`);
  return requireTeam(ctx, team.id);
}

export function connectorRoutes(router: Router, ctx: EmulatorContext): void {
  router.use('/v3', connectorAuthentication(ctx));

  router.post('/v3/conversations', (req, res) => {
    const input = parsed(createConversationInput, req.body);
    const tenantId = input.channelData?.tenant?.id ?? input.tenantId;
    if (tenantId !== undefined && tenantId !== ctx.tenantId)
      throw badArgument(`Tenant ${tenantId} is not this tenant.`);
    const channelId = input.channelData?.channel?.id;
    if (channelId !== undefined) {
      // A new thread in a channel: Teams needs the first message.
      if (!input.activity) throw badArgument('Creating a channel conversation requires an activity.');
      const conversation = resolveConversation(ctx, channelId);
      if (!('channel' in conversation.target)) throw conversationNotFound(channelId);
      const message = postActivity(ctx, res, conversation, input.activity);
      res
        .status(201)
        .json({ id: `${channelId};messageid=${message.id}`, activityId: message.id, serviceUrl: ctx.baseUrl() });
      return;
    }
    if (input.isGroup) throw badArgument('Bots cannot create group chats in Teams.');
    if (input.members?.length !== 1) throw badArgument('A personal conversation needs exactly one member.');
    const member = input.members[0]!;
    const user = findUser(ctx, member.aadObjectId ?? member.id.replace(/^29:/, ''));
    if (!user) throw badArgument(`Member ${member.id} is not a user of this tenant.`);
    const botId = input.bot?.id.replace(/^28:/, '') || callerOf(res).appId || ctx.app.clientId;
    const id = personalConversationId(botId, user.id);
    if (!ctx.store.get<BotConversation>(KIND.botConversation, TENANT_SCOPE, id)) {
      const conversation: BotConversation = {
        id,
        kind: 'personal',
        userId: user.id,
        botId,
        createdDateTime: ctx.now().toISOString(),
      };
      ctx.store.put(KIND.botConversation, TENANT_SCOPE, id, conversation);
    }
    const activity = input.activity
      ? postActivity(
          ctx,
          res,
          { id, target: { chatId: id } },
          { ...input.activity, from: input.activity.from ?? input.bot },
        )
      : undefined;
    res.status(201).json({ id, ...(activity ? { activityId: activity.id } : {}), serviceUrl: ctx.baseUrl() });
  });

  router.post('/v3/conversations/:conversationId/activities', (req, res) => {
    const activity = parsed(activityInput, req.body);
    const conversation = resolveConversation(ctx, req.params.conversationId);
    if (activity.type === 'typing') {
      res.status(201).json({ id: randomUUID() });
      return;
    }
    const message = postActivity(ctx, res, conversation, activity);
    res.status(201).json({ id: message.id });
  });

  router.post('/v3/conversations/:conversationId/activities/:activityId', (req, res) => {
    const activity = parsed(activityInput, req.body);
    const conversation = resolveConversation(ctx, req.params.conversationId);
    if (activity.type === 'typing') {
      res.status(201).json({ id: randomUUID() });
      return;
    }
    const message = postActivity(ctx, res, conversation, activity, req.params.activityId);
    res.status(201).json({ id: message.id });
  });

  const botMessage = (conversation: ResolvedConversation, activityId: string): StoredMessage => {
    const message = ctx.store.get<StoredMessage>(KIND.message, targetScope(conversation.target), activityId);
    if (!message || message.deletedDateTime)
      throw new ConnectorError(404, 'ActivityNotFound', `Activity ${activityId} not found.`);
    if (!message.xActivity) throw new ConnectorError(403, 'Forbidden', 'A bot can only change its own messages.');
    return message;
  };

  router.put('/v3/conversations/:conversationId/activities/:activityId', (req, res) => {
    const activity = parsed(activityInput, req.body);
    assertMessageActivity(activity);
    const conversation = resolveConversation(ctx, req.params.conversationId);
    const message = botMessage(conversation, req.params.activityId);
    const { html, attachments, mentions } = graphContent(ctx, activity);
    const now = ctx.now();
    const bot = botIdentity(ctx, res, activity.from);
    const updated: StoredMessage = {
      ...message,
      body: { contentType: 'html', content: html },
      attachments,
      mentions,
      etag: String(now.getTime()),
      lastModifiedDateTime: now.toISOString(),
      lastEditedDateTime: now.toISOString(),
      xActivity: {
        ...storedActivity(message.xConversationId ?? conversation.id, bot, activity, message.xActivity?.replyToId),
        id: message.id,
        timestamp: message.createdDateTime,
      },
    };
    ctx.store.put(KIND.message, targetScope(conversation.target), message.id, updated);
    res.status(200).json({ id: message.id });
  });

  router.delete('/v3/conversations/:conversationId/activities/:activityId', (req, res) => {
    const conversation = resolveConversation(ctx, req.params.conversationId);
    const message = botMessage(conversation, req.params.activityId);
    const now = ctx.now().toISOString();
    ctx.store.put(KIND.message, targetScope(conversation.target), message.id, {
      ...message,
      deletedDateTime: now,
      lastModifiedDateTime: now,
      body: { contentType: 'html', content: '' },
      attachments: [],
    });
    res.status(200).json({});
  });

  router.get('/v3/conversations/:conversationId/members', (req, res) => {
    const conversation = resolveConversation(ctx, req.params.conversationId);
    res.json(conversationMembers(ctx, conversation).map((u) => teamsAccount(ctx, u)));
  });

  router.get('/v3/conversations/:conversationId/members/:memberId', (req, res) => {
    const conversation = resolveConversation(ctx, req.params.conversationId);
    const wanted = req.params.memberId.replace(/^29:/, '');
    const user = conversationMembers(ctx, conversation).find(
      (u) => u.id === wanted || u.userPrincipalName.toLowerCase() === wanted.toLowerCase(),
    );
    if (!user)
      throw new ConnectorError(404, 'MemberNotFound', `Member ${req.params.memberId} not found in the conversation.`);
    res.json(teamsAccount(ctx, user));
  });

  router.get('/v3/teams/:teamId', (req, res) => {
    const team = teamOfBotFrameworkId(ctx, req.params.teamId);
    res.json({ id: team.internalId, name: team.displayName, aadGroupId: team.id, type: 'standard' });
  });

  router.get('/v3/teams/:teamId/conversations', (req, res) => {
    const team = teamOfBotFrameworkId(ctx, req.params.teamId);
    const channels = ctx.store.list<StoredChannel>(KIND.channel, team.id);
    // Bot Framework leaves the General channel's name out.
    res.json({ conversations: channels.map((c) => ({ id: c.id, name: c.xIsGeneral ? undefined : c.displayName })) });
  });

  router.use('/v3', (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (error instanceof ConnectorError)
      return void res.status(error.status).json({ error: { code: error.code, message: error.message } });
    if (error instanceof GraphHttpError)
      return void res.status(error.status).json({ error: { code: error.code, message: error.message } });
    if (error instanceof SyntaxError)
      return void res
        .status(400)
        .json({ error: { code: 'BadSyntax', message: 'Unable to read JSON request payload.' } });
    next(error);
  });
}

/** `/_emulator/conversations…`: what the bot posted, in Bot Framework shape, for bot tests. */
export function connectorControls(router: Router, ctx: EmulatorContext): void {
  router.get('/conversations', (_req, res) => {
    res.json({ conversations: ctx.store.list<BotConversation>(KIND.botConversation, TENANT_SCOPE) });
  });

  router.get('/conversations/:conversationId/activities', (req, res) => {
    let conversation: ResolvedConversation;
    try {
      conversation = resolveConversation(ctx, req.params.conversationId);
    } catch (error) {
      if (error instanceof ConnectorError)
        return void res.status(error.status).json({ error: { code: error.code, message: error.message } });
      throw error;
    }
    const activities = ctx.store
      .list<StoredMessage>(KIND.message, targetScope(conversation.target))
      .filter((m) => m.xActivity && !m.deletedDateTime)
      .filter(
        (m) =>
          conversation.threadRootId === undefined ||
          m.id === conversation.threadRootId ||
          m.replyToId === conversation.threadRootId,
      )
      .sort((a, b) => Number(a.id) - Number(b.id))
      .map((m) => m.xActivity);
    res.json({ activities });
  });
}

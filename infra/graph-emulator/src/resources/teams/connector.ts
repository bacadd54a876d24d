import { createHash, randomUUID } from 'node:crypto';
import type { Router } from 'express';
import type { EmulatorContext } from '../../context';
import { TENANT_SCOPE, type StoredUser } from '../../model';
import { findUser } from '../users';
import {
  assertMessageActivity,
  botIdentity,
  graphContent,
  postActivity,
  resolveConversation,
  storedActivity,
  type ResolvedConversation,
} from './connectorActivities';
import { connectorFaults } from './connectorFaults';
import {
  ConnectorError,
  activityInput,
  badArgument,
  callerOf,
  connectorAuthentication,
  connectorErrorHandler,
  conversationNotFound,
  createConversationInput,
  parsed,
} from './connectorProtocol';
import { targetScope } from './messages';
import {
  KIND,
  channelAudience,
  requireTeam,
  type BotConversation,
  type StoredChannel,
  type StoredMessage,
  type StoredTeam,
} from './model';

/**
 * Teams' side of the Bot Framework connector, for a bot whose `serviceUrl` is this tenant. What the bot sends
 * becomes a chatMessage of the channel (readable through Graph's channel messages) or of a personal chat.
 */

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

/** `/v3/conversations…` and `/v3/teams…`: the connector a bot whose `serviceUrl` is this tenant calls. */
export function connectorRoutes(router: Router, ctx: EmulatorContext): void {
  // Faults before the connector authorises, as Graph's throttling comes before its token check.
  router.use('/v3', connectorFaults(ctx));
  router.use('/v3', connectorAuthentication(ctx));
  mountConversationCreate(router, ctx);
  mountActivities(router, ctx);
  mountMembers(router, ctx);
  mountTeams(router, ctx);
  router.use('/v3', connectorErrorHandler);
}

/** `POST /v3/conversations`: a new thread in a channel, or the personal chat with one user. */
function mountConversationCreate(router: Router, ctx: EmulatorContext): void {
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
}

/** The bot's messages in a conversation: send, reply, update, delete. */
function mountActivities(router: Router, ctx: EmulatorContext): void {
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
}

function mountMembers(router: Router, ctx: EmulatorContext): void {
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
}

function mountTeams(router: Router, ctx: EmulatorContext): void {
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

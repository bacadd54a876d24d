import { randomUUID } from 'node:crypto';
import type { Response } from 'express';
import type {
  ChatMessageAttachment,
  ChatMessageFromIdentitySet,
  ChatMessageMention,
} from '@microsoft/microsoft-graph-types';
import { z } from 'zod';
import type { EmulatorContext } from '../../context';
import { INSTALLATION_KIND, type StoredInstallation } from '../../permissions';
import { findUser } from '../users';
import { enabledInChannel } from './appRoutes';
import { ConnectorError, callerOf, conversationNotFound, badArgument, type ActivityInput } from './connectorProtocol';
import { createMessage, type MessageTarget } from './messages';
import { KIND, findChannelAnywhere, type ActivityFields, type StoredChannel, type StoredMessage } from './model';

/**
 * A bot's activity becomes a Teams message: the conversation id resolved to a channel thread or a chat, the
 * text to Teams' HTML with Graph's mentions, cards to attachments, and the Bot Framework activity kept beside it.
 */

export interface ResolvedConversation {
  id: string;
  target: MessageTarget;
  /** `;messageid=` of a channel thread. */
  threadRootId?: string;
}

const CHANNEL_THREAD = /^19:.+@thread\.(tacv2|skype)$/;

export function resolveConversation(ctx: EmulatorContext, conversationId: string): ResolvedConversation {
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

export function botIdentity(
  ctx: EmulatorContext,
  res: Response,
  from: ActivityInput['from'],
): { id: string; name: string } {
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

export function assertMessageActivity(activity: ActivityInput): void {
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

export function graphContent(ctx: EmulatorContext, activity: ActivityInput): GraphContent {
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

export function storedActivity(
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

export function postActivity(
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

import type {
  ChatMessageAttachment,
  ChatMessageFromIdentitySet,
  ChatMessageMention,
  ItemBody,
} from '@microsoft/microsoft-graph-types';
import type { EmulatorContext } from '../../context';
import {
  KIND,
  chatScope,
  messageWebUrl,
  nextMessageId,
  type ActivityFields,
  type StoredChannel,
  type StoredMessage,
} from './model';

/** Where a message lives: a channel (Graph's channel messages) or a bot's chat (only the connector sees it). */
export type MessageTarget = { channel: StoredChannel } | { chatId: string };

export function targetScope(target: MessageTarget): string {
  return 'channel' in target ? target.channel.id : chatScope(target.chatId);
}

export interface NewMessage {
  body: { contentType: 'html' | 'text'; content: string };
  subject?: string | null;
  importance?: 'normal' | 'high' | 'urgent';
  attachments?: ChatMessageAttachment[];
  mentions?: ChatMessageMention[];
  from: ChatMessageFromIdentitySet;
  replyToId: string | null;
  xConversationId?: string;
  xActivity?: ActivityFields;
}

/** Stores a message (a post or a reply) as Teams would record it; Graph and the connector both use it. */
export function createMessage(ctx: EmulatorContext, target: MessageTarget, input: NewMessage): StoredMessage {
  const id = nextMessageId(ctx);
  const channel = 'channel' in target ? target.channel : undefined;
  const now = new Date(Number(id)).toISOString();
  const message: StoredMessage = {
    id,
    replyToId: input.replyToId,
    etag: id,
    messageType: 'message',
    createdDateTime: now,
    lastModifiedDateTime: now,
    lastEditedDateTime: null,
    deletedDateTime: null,
    subject: input.subject ?? null,
    summary: null,
    chatId: 'chatId' in target ? target.chatId : null,
    importance: input.importance ?? 'normal',
    locale: 'en-us',
    webUrl: channel ? messageWebUrl(ctx, channel.xTeamId, channel.id, id, input.replyToId ?? id) : null,
    policyViolation: null,
    eventDetail: null,
    from: input.from,
    body: input.body as ItemBody,
    channelIdentity: channel ? { teamId: channel.xTeamId, channelId: channel.id } : null,
    attachments: input.attachments ?? [],
    mentions: input.mentions ?? [],
    reactions: [],
    ...(input.xConversationId === undefined ? {} : { xConversationId: input.xConversationId }),
    ...(input.xActivity === undefined ? {} : { xActivity: { ...input.xActivity, id, timestamp: now } }),
  };
  ctx.store.insert(KIND.message, targetScope(target), id, message);
  return message;
}

/** Top-level posts (or one post's replies), newest first, as Graph lists them. */
export function listChannelMessages(
  ctx: EmulatorContext,
  channelId: string,
  replyToId: string | null,
): StoredMessage[] {
  return ctx.store
    .list<StoredMessage>(KIND.message, channelId)
    .filter((m) => m.replyToId === replyToId)
    .sort((a, b) => Number(b.id) - Number(a.id));
}

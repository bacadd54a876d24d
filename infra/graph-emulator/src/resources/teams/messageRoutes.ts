import type { Request, Response } from 'express';
import type { EmulatorContext } from '../../context';
import { graphErrors } from '../../errors';
import { assertQueryOptions, odataContext, page, parseTop, queryString } from '../../odata';
import { principalOf } from '../../permissions';
import { param, type MountTable } from '../../routing';
import { requireUser } from '../users';
import { assertBodyReferences, chatMessageInput } from './input';
import { createMessage, listChannelMessages } from './messages';
import {
  KIND,
  assertDelegatedChannelAccess,
  assertNotArchived,
  external,
  requireChannel,
  requireTeam,
  type StoredChannel,
  type StoredMessage,
} from './model';

function channelFor(ctx: EmulatorContext, req: Request): StoredChannel {
  return requireChannel(ctx, requireTeam(ctx, param(req, 'teamId')).id, param(req, 'channelId'));
}

function requireMessage(
  ctx: EmulatorContext,
  channel: StoredChannel,
  id: string,
  replyToId: string | null,
): StoredMessage {
  const message = ctx.store.get<StoredMessage>(KIND.message, channel.id, id);
  if (!message || message.replyToId !== replyToId)
    throw graphErrors.notFound(`Message ${id} was not found in the channel.`);
  return message;
}

function withReplies(ctx: EmulatorContext, channel: StoredChannel, message: StoredMessage, expand: boolean) {
  const out = external(message);
  if (!expand) return out;
  return { ...out, replies: listChannelMessages(ctx, channel.id, message.id).map(external) };
}

function expandReplies(req: Request): boolean {
  const expand = queryString(req, '$expand');
  if (expand === undefined) return false;
  if (expand !== 'replies')
    throw graphErrors.badRequest(`Unsupported $expand '${expand}': only 'replies' is supported.`);
  return true;
}

function postMessage(ctx: EmulatorContext, req: Request, replyToId: string | null): StoredMessage {
  // Graph allows app-only posts only while importing (Teamwork.Migrate.All); the app must post through its bot.
  if (principalOf(req).kind === 'application')
    throw graphErrors.forbidden('Message POST is allowed in application-only context only for import purposes.');
  const principal = principalOf(req);
  if (principal.kind !== 'delegated') throw graphErrors.forbidden();
  assertQueryOptions(req, []);
  const input = chatMessageInput.parse(req.body);
  assertBodyReferences(input);
  const channel = channelFor(ctx, req);
  assertDelegatedChannelAccess(ctx, principal, channel);
  if (replyToId !== null) requireMessage(ctx, channel, replyToId, null);
  assertNotArchived(channel, 'posting messages');
  const user = requireUser(ctx, principal.userId);
  return createMessage(
    ctx,
    { channel },
    {
      body: input.body,
      subject: replyToId === null ? input.subject : null,
      importance: input.importance,
      attachments: (input.attachments ?? []).map((a) => ({
        id: a.id,
        contentType: a.contentType,
        content: a.content ?? null,
        contentUrl: a.contentUrl ?? null,
        name: a.name ?? null,
        thumbnailUrl: a.thumbnailUrl ?? null,
        teamsAppId: a.teamsAppId ?? null,
      })),
      mentions: input.mentions,
      replyToId,
      from: {
        application: null,
        device: null,
        user: {
          '@odata.type': '#microsoft.graph.teamworkUserIdentity',
          id: user.id,
          displayName: user.displayName,
          userIdentityType: 'aadUser',
          tenantId: ctx.tenantId,
        } as NonNullable<StoredMessage['from']>['user'],
      },
    },
  );
}

function messagesContext(ctx: EmulatorContext, req: Request): string {
  return odataContext(
    ctx.baseUrl(),
    `teams('${param(req, 'teamId')}')/channels('${param(req, 'channelId')}')/messages`,
  );
}

function sendChannelMessage(ctx: EmulatorContext, req: Request, res: Response): void {
  const message = postMessage(ctx, req, null);
  res.status(201).json({ '@odata.context': `${messagesContext(ctx, req)}/$entity`, ...external(message) });
}

function replyToChannelMessage(ctx: EmulatorContext, req: Request, res: Response): void {
  const message = postMessage(ctx, req, param(req, 'messageId'));
  res.status(201).json({
    '@odata.context': `${messagesContext(ctx, req)}('${param(req, 'messageId')}')/replies/$entity`,
    ...external(message),
  });
}

function listMessages(ctx: EmulatorContext, req: Request, res: Response): void {
  const principal = principalOf(req);
  assertQueryOptions(req, ['$top', '$skiptoken', '$expand']);
  const expand = expandReplies(req);
  const channel = channelFor(ctx, req);
  assertDelegatedChannelAccess(ctx, principal, channel);
  const messages = listChannelMessages(ctx, channel.id, null).map((m) => withReplies(ctx, channel, m, expand));
  res.json({
    '@odata.context': messagesContext(ctx, req),
    '@odata.count': messages.length,
    ...page(req, ctx.baseUrl(), messages, parseTop(req, 50, 20)),
  });
}

function getMessage(ctx: EmulatorContext, req: Request, res: Response): void {
  const principal = principalOf(req);
  assertQueryOptions(req, ['$expand']);
  const expand = expandReplies(req);
  const channel = channelFor(ctx, req);
  assertDelegatedChannelAccess(ctx, principal, channel);
  const message = requireMessage(ctx, channel, param(req, 'messageId'), null);
  res.json({ '@odata.context': `${messagesContext(ctx, req)}/$entity`, ...withReplies(ctx, channel, message, expand) });
}

function listReplies(ctx: EmulatorContext, req: Request, res: Response): void {
  const principal = principalOf(req);
  assertQueryOptions(req, ['$top', '$skiptoken']);
  const channel = channelFor(ctx, req);
  assertDelegatedChannelAccess(ctx, principal, channel);
  const root = requireMessage(ctx, channel, param(req, 'messageId'), null);
  const replies = listChannelMessages(ctx, channel.id, root.id).map(external);
  res.json({
    '@odata.context': `${messagesContext(ctx, req)}('${root.id}')/replies`,
    '@odata.count': replies.length,
    ...page(req, ctx.baseUrl(), replies, parseTop(req, 50, 20)),
  });
}

function getReply(ctx: EmulatorContext, req: Request, res: Response): void {
  const principal = principalOf(req);
  assertQueryOptions(req, []);
  const channel = channelFor(ctx, req);
  assertDelegatedChannelAccess(ctx, principal, channel);
  const reply = requireMessage(ctx, channel, param(req, 'replyId'), param(req, 'messageId'));
  res.json({
    '@odata.context': `${messagesContext(ctx, req)}('${param(req, 'messageId')}')/replies/$entity`,
    ...external(reply),
  });
}

const MESSAGES = '/teams/:teamId/channels/:channelId/messages';

/** Channel messages and replies. */
export const MESSAGE_ROUTES: MountTable = [
  {
    method: 'POST',
    path: MESSAGES,
    operation: 'POST /teams/{team-id}/channels/{channel-id}/messages',
    handler: sendChannelMessage,
  },
  {
    method: 'POST',
    path: `${MESSAGES}/:messageId/replies`,
    operation: 'POST /teams/{team-id}/channels/{channel-id}/messages/{message-id}/replies',
    handler: replyToChannelMessage,
  },
  {
    method: 'GET',
    path: MESSAGES,
    operation: 'GET /teams/{team-id}/channels/{channel-id}/messages',
    handler: listMessages,
  },
  {
    method: 'GET',
    path: `${MESSAGES}/:messageId`,
    operation: 'GET /teams/{team-id}/channels/{channel-id}/messages/{message-id}',
    handler: getMessage,
  },
  {
    method: 'GET',
    path: `${MESSAGES}/:messageId/replies`,
    operation: 'GET /teams/{team-id}/channels/{channel-id}/messages/{message-id}/replies',
    handler: listReplies,
  },
  {
    method: 'GET',
    path: `${MESSAGES}/:messageId/replies/:replyId`,
    operation: 'GET /teams/{team-id}/channels/{channel-id}/messages/{message-id}/replies/{reply-id}',
    handler: getReply,
  },
];

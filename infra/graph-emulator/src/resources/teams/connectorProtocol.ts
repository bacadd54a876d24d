import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import type { EmulatorContext } from '../../context';
import { GraphHttpError } from '../../errors';

/**
 * The Bot Framework connector's protocol as the local tenant speaks it: its error shape, the request bodies it
 * accepts, and who may call it.
 */

/** Bot Framework answers errors as `{"error":{"code","message"}}`. */
export class ConnectorError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const badArgument = (message: string) => new ConnectorError(400, 'BadArgument', message);
export const conversationNotFound = (id: string) =>
  new ConnectorError(404, 'ConversationNotFound', `Conversation ${id} not found.`);

export const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export const channelAccount = z
  .object({ id: z.string().min(1), name: z.string().optional(), aadObjectId: z.string().optional() })
  .loose();

export const activityInput = z
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
export type ActivityInput = z.infer<typeof activityInput>;

export const createConversationInput = z
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

export function parsed<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (!result.success)
    throw badArgument(result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  return result.data;
}

export interface ConnectorCaller {
  appId?: string;
}

export function callerOf(res: Response): ConnectorCaller {
  return (res.locals.connectorCaller as ConnectorCaller | undefined) ?? {};
}

/** Locally the bot has no credentials: no token is fine on loopback; a token, if sent, must be this tenant's. */
export function connectorAuthentication(ctx: EmulatorContext) {
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

/** Bot Framework's error body for the connector's own errors and Graph's ones met on the way. */
export function connectorErrorHandler(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  if (error instanceof ConnectorError)
    return void res.status(error.status).json({ error: { code: error.code, message: error.message } });
  if (error instanceof GraphHttpError)
    return void res.status(error.status).json({ error: { code: error.code, message: error.message } });
  if (error instanceof SyntaxError)
    return void res.status(400).json({ error: { code: 'BadSyntax', message: 'Unable to read JSON request payload.' } });
  next(error);
}

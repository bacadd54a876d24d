import type { NextFunction, Request, Response } from 'express';
import type { EmulatorContext } from '../../context';
import { loseAnswerAfterHandler, type ErrorBodyOf } from '../../controls/afterFaults';
import { ConnectorError } from './connectorProtocol';

/** Bot Framework's error body (`{"error":{"code","message"}}`) for an answer a fault replaced. */
const botFrameworkBody: ErrorBodyOf = (error) => ({ error: { code: error.code, message: error.message } });

/**
 * The controls' faults on the connector (`/v3/…`), as on Graph: a fault is matched against the request's path
 * from the root (`^/v3/conversations/`), so Graph's default `^/v1\.0/` never reaches the bot. Before the
 * handler the connector answers the status itself (Bot Framework's 429 with `Retry-After`, or a 5xx); after it
 * the activity is posted and then its answer is dropped, replaced by a 503/504, or held back `delayMs`.
 */
export function connectorFaults(ctx: EmulatorContext) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const path = req.originalUrl.split('?')[0] ?? req.originalUrl;
    const fault = ctx.faults.match(req.method, path);
    // The latency control is Graph's; only a fault's own delay holds the connector back.
    if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
    if (!fault) {
      const after = ctx.faults.matchAfter(req.method, path);
      if (after) loseAnswerAfterHandler(after, req, res, botFrameworkBody);
      return next();
    }
    res.locals.faultInjected = true;
    if (fault.retryAfter !== undefined) res.setHeader('Retry-After', String(fault.retryAfter));
    const code = fault.status === 429 ? 'TooManyRequests' : fault.status === 504 ? 'GatewayTimeout' : 'ServiceError';
    next(new ConnectorError(fault.status, code, 'Injected fault.'));
  };
}

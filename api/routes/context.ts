import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { TokenValidator } from '../auth/tokenValidator';
import { TokenRejectedError } from '../auth/tokenValidator';
import type { GraphGateway } from '../graph/gateway';
import { apiErrors } from '../http/errors';
import type { AppServices } from '../services';
import type { Caller } from '../services/identity';

interface RequestContext {
  caller: Caller;
  /** Graph as this user (on-behalf-of their SSO token). */
  graph: GraphGateway;
}

/**
 * Bearer token → validated identity → person and roles from Kontakter. Any token problem is a 401 with no
 * detail (the reason goes to the log); a valid token for someone outside the contact list is a 403.
 */
export function authenticate(validator: TokenValidator, services: AppServices): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const header = req.header('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) return next(apiErrors.unauthenticated());
    let identity;
    try {
      identity = await validator.validate(match[1]);
    } catch (error) {
      if (error instanceof TokenRejectedError) {
        services.logger.info({ reason: error.reason, requestId: res.locals.requestId }, 'token rejected');
        return next(apiErrors.unauthenticated());
      }
      return next(error);
    }
    try {
      const caller = await services.callers.resolve(identity, services.graph.forApp());
      const context: RequestContext = { caller, graph: services.graph.forUser(identity.token) };
      res.locals.context = context;
      next();
    } catch (error) {
      next(error);
    }
  };
}

export function contextOf(res: Response): RequestContext {
  const context = res.locals.context as RequestContext | undefined;
  if (!context) throw apiErrors.unauthenticated();
  return context;
}

import type { NextFunction, Request, Response } from 'express';
import type { EmulatorContext } from './context';
import { graphErrors } from './errors';
import { GRAPH_AUDIENCES } from './identity/tokens';
import type { Principal } from './permissions';

/** Graph's own check: a bearer token signed by this tenant, for Graph, not expired. */
export function graphAuthentication(ctx: EmulatorContext) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      const header = req.headers.authorization;
      if (!header?.startsWith('Bearer ')) throw graphErrors.unauthenticated('Access token is empty.');
      let claims;
      try {
        claims = await ctx.tokens.verify(header.slice(7).trim());
      } catch (error) {
        const expired = (error as { code?: string }).code === 'ERR_JWT_EXPIRED';
        throw graphErrors.unauthenticated(
          expired
            ? 'Lifetime validation failed, the token is expired.'
            : 'Access token validation failure. Invalid signature.',
        );
      }
      const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
      if (!audiences.some((a) => typeof a === 'string' && GRAPH_AUDIENCES.has(a)))
        throw graphErrors.unauthenticated('Access token validation failure. Invalid audience.');
      if (claims.tid !== ctx.tenantId)
        throw graphErrors.unauthenticated('Access token validation failure. Invalid tenant.');
      const appId = String(claims.appid ?? claims.azp ?? '');
      let principal: Principal;
      if (typeof claims.scp === 'string') {
        principal = {
          kind: 'delegated',
          tenantId: ctx.tenantId,
          appId,
          userId: String(claims.oid),
          upn: String(claims.upn ?? claims.preferred_username ?? ''),
          scopes: new Set(claims.scp.split(' ').filter(Boolean)),
        };
      } else {
        const roles = Array.isArray(claims.roles) ? claims.roles.map(String) : [];
        principal = { kind: 'application', tenantId: ctx.tenantId, appId, roles: new Set(roles) };
      }
      res.locals.principal = principal;
      next();
    } catch (error) {
      next(error);
    }
  };
}

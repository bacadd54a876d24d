import type { NextFunction, Request, Response, Router } from 'express';
import type { EmulatorContext } from './context';
import { authorize } from './permissions';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A named handler: what one Graph operation does, given the tenant and the HTTP exchange. */
export type OperationHandler = (ctx: EmulatorContext, req: Request, res: Response) => void | Promise<void>;

/**
 * One row of a resource's mount table: (method, path) → a named operation. `operation` is the operation's
 * name as `graph-permissions.json` writes it (`GET /teams/{team-id}/channels`) where the app uses it, and in the
 * same style otherwise; the permission rule (permissions.ts `authorize`) is looked up by that name and checked
 * here, before the handler runs, so no handler carries a rule of its own.
 */
/** What a route is, whatever mounts it: the method and the operation's name. */
export interface NamedOperation {
  method: HttpMethod;
  operation: string;
}

export interface Route extends NamedOperation {
  /** Express path(s) under /v1.0, e.g. `/teams/:teamId/channels`; several when Graph addresses it several ways. */
  path: string | readonly string[];
  handler: OperationHandler;
}

export type MountTable = readonly Route[];

/** Mounts a table on a router; each handler's errors (sync or async) go to the error middleware. */
export function mount(
  router: Router,
  ctx: EmulatorContext,
  table: MountTable,
  options: { graph: boolean } = { graph: true },
): void {
  for (const route of table) {
    const paths = typeof route.path === 'string' ? [route.path] : [...route.path];
    const run = (req: Request, res: Response, next: NextFunction) => {
      res.locals.operation = route.operation;
      Promise.resolve()
        .then(() => {
          // Graph authorises before it looks anything up: a weak token meets a 403, not a 404.
          if (options.graph)
            res.locals.allowedBy = authorize(ctx, req, route.operation, {
              teamId: typeof req.params.teamId === 'string' ? req.params.teamId : undefined,
            });
          return route.handler(ctx, req, res);
        })
        .catch(next);
    };
    const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    router[method](paths, run);
  }
}

/** A path parameter the route declares (so always present). */
export function param(req: Request, name: string): string {
  const value = req.params[name];
  if (typeof value !== 'string') throw new Error(`Route parameter '${name}' is not declared by the route.`);
  return value;
}

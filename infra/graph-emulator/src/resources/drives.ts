import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { EmulatorContext, ResourceModule } from '../context';
import { graphErrors } from '../errors';
import { TENANT_SCOPE } from '../model';
import { authorize } from '../permissions';
import { stableGuid } from '../seed/people';
import { resolveSite } from './sites/addressing';
import { SITE_KIND, type StoredSite } from './sites/model';
import { blobKey, type DriveCall } from './drives/items';
import {
  DOWNLOAD_TOKEN_KIND,
  DRIVE_ITEM_KIND,
  DRIVE_KIND,
  MAX_SIMPLE_UPLOAD,
  newGuid,
  newItemId,
  type StoredDrive,
  type StoredDriveItem,
} from './drives/model';
import { DRIVE_ROUTES, routesFor, type DriveAddress } from './drives/routes';
import { cancelSession, expireSession, putFragment } from './drives/upload';

/** Splits what follows the drive into its item base, `:/path:` and segments. */
export function parseDriveAddress(rest: string): DriveAddress | undefined {
  let s = rest.replace(/%3A/gi, ':').replace(/^\/+/, '');
  let base: string | undefined;
  if (s === '') return { tail: [] };
  if (s === 'root' || s.startsWith('root/') || s.startsWith('root:')) {
    base = 'root';
    s = s.slice(4);
  } else {
    const m = /^items\/([^/:]+)/.exec(s);
    if (!m) return undefined;
    base = decodeURIComponent(m[1]!);
    s = s.slice(m[0].length);
  }
  let relativePath: string | undefined;
  if (s.startsWith(':/')) {
    const end = s.indexOf(':', 2);
    relativePath = (end < 0 ? s.slice(2) : s.slice(2, end))
      .split('/')
      .map((x) => decodeURIComponent(x))
      .join('/');
    s = end < 0 ? '' : s.slice(end + 1);
  }
  const tail = s
    .split('/')
    .filter(Boolean)
    .map((x) => decodeURIComponent(x));
  return { base, relativePath, tail };
}

function driveOfSite(ctx: EmulatorContext, siteId: string): StoredDrive {
  const drive = ctx.store.list<StoredDrive>(DRIVE_KIND, TENANT_SCOPE).find((d) => d.xSiteId === siteId);
  if (!drive) throw graphErrors.notFound('The site has no document library.');
  return drive;
}

const rawBody = express.raw({ type: () => true, limit: MAX_SIMPLE_UPLOAD + 1 });

function dispatch(
  ctx: EmulatorContext,
  req: Request,
  res: Response,
  resolve: () => StoredDrive,
  siteId: () => string | undefined,
  address: DriveAddress,
  isSite: boolean,
) {
  const routes = routesFor(address);
  if (routes.length === 0)
    throw graphErrors.notImplemented(`${req.method} ${req.originalUrl} is not supported by the local tenant's drives.`);
  const route = routes.find((r) => r.method === req.method);
  if (!route) throw graphErrors.methodNotAllowed();
  const operation = isSite && route.shape === 'drive' ? 'GET /sites/{site-id}/drive' : route.operation;
  res.locals.operation = operation;
  res.locals.allowedBy = authorize(ctx, req, operation, { siteId });
  const call: DriveCall = { ctx, req, res, drive: resolve() };
  route.handler(call, address);
}

function withBody(req: Request, res: Response, next: NextFunction, run: () => void): void {
  const go = () => {
    try {
      run();
    } catch (error) {
      next(error);
    }
  };
  if (req.method === 'PUT') rawBody(req, res, (error?: unknown) => (error ? next(error) : go()));
  else go();
}

function mountDrives(router: Router, ctx: EmulatorContext): void {
  router.use('/drives', (req: Request, res: Response, next: NextFunction) => {
    const m = /^\/([^/:]+)(.*)$/.exec(req.path);
    if (!m) return next();
    const driveId = decodeURIComponent(m[1]!);
    const address = parseDriveAddress(m[2]!);
    if (!address) return next();
    const find = () => ctx.store.get<StoredDrive>(DRIVE_KIND, TENANT_SCOPE, driveId);
    const resolve = () =>
      find() ??
      (() => {
        throw graphErrors.notFound('The drive could not be found.');
      })();
    withBody(req, res, next, () => dispatch(ctx, req, res, resolve, () => find()?.xSiteId, address, false));
  });
  router.use('/sites', (req: Request, res: Response, next: NextFunction) => {
    const m = /^\/([^/]+)\/drive(\/.*)?$/.exec(req.path);
    if (!m) return next();
    const siteRef = decodeURIComponent(m[1]!);
    const address = parseDriveAddress(m[2] ?? '');
    if (!address) return next();
    const site = () => resolveSite(ctx, siteRef === 'root' ? { kind: 'root' } : { kind: 'id', id: siteRef });
    const siteId = () => {
      try {
        return site().id;
      } catch {
        return undefined;
      }
    };
    withBody(req, res, next, () => dispatch(ctx, req, res, () => driveOfSite(ctx, site().id), siteId, address, true));
  });
}

/** The pre-authenticated URLs: upload session fragments and downloads. No token: the URL is the authorisation. */
function rootRoutes(router: Router, ctx: EmulatorContext): void {
  const fragmentBody = express.raw({ type: () => true, limit: 64 * 1024 * 1024 });
  router.put('/_upload/:id', fragmentBody, (req, res, next) => {
    try {
      putFragment(ctx, req, res, String(req.params.id));
    } catch (error) {
      next(error);
    }
  });
  router.delete('/_upload/:id', (req, res, next) => {
    try {
      cancelSession(ctx, res, String(req.params.id));
    } catch (error) {
      next(error);
    }
  });
  router.get('/_download/:token', (req, res, next) => {
    try {
      const token = ctx.store.get<{ driveId: string; itemId: string; expires: number }>(
        DOWNLOAD_TOKEN_KIND,
        TENANT_SCOPE,
        String(req.params.token),
      );
      if (!token || token.expires <= ctx.now().getTime())
        throw graphErrors.unauthenticated('The download URL has expired.');
      const item = ctx.store.get<StoredDriveItem>(DRIVE_ITEM_KIND, token.driveId, token.itemId);
      const bytes = item ? ctx.store.getBlob(blobKey(token.driveId, item.id)) : undefined;
      if (!item || !bytes) throw graphErrors.notFound('The resource could not be found.');
      res.setHeader('content-type', item.mimeType ?? 'application/octet-stream');
      res.setHeader('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(item.name)}`);
      res.status(200).end(bytes);
    } catch (error) {
      next(error);
    }
  });
}

/** Every site has its default document library, "Documents" (`Shared Documents` in its URL). */
function seedDrives(ctx: EmulatorContext): void {
  const now = ctx.now().toISOString();
  for (const site of ctx.store.list<StoredSite>(SITE_KIND, TENANT_SCOPE)) {
    const guid = stableGuid(`drive:${site.id}`);
    const id = `b!${Buffer.from(`${site.id}|${guid}`).toString('base64url').slice(0, 64)}`;
    const rootId = newItemId();
    const drive: StoredDrive = {
      id,
      name: 'Documents',
      description: '',
      driveType: 'documentLibrary',
      webUrl: `${site.webUrl}/Shared%20Documents`,
      createdDateTime: now,
      lastModifiedDateTime: now,
      xSiteId: site.id,
      xRootId: rootId,
    };
    const system = { user: { displayName: 'System Account' } };
    const root: StoredDriveItem = {
      id: rootId,
      name: 'root',
      xGuid: newGuid(),
      xVersion: 1,
      xContentVersion: 1,
      xIsFolder: true,
      size: 0,
      createdDateTime: now,
      lastModifiedDateTime: now,
      createdBy: system,
      lastModifiedBy: system,
    };
    ctx.store.put(DRIVE_KIND, TENANT_SCOPE, id, drive);
    ctx.store.put(DRIVE_ITEM_KIND, id, rootId, root);
  }
}

export const drivesModule: ResourceModule = {
  name: 'drives',
  dispatchedRoutes: {
    operations: [...DRIVE_ROUTES, { method: 'GET', operation: 'GET /sites/{site-id}/drive' }],
    mount: mountDrives,
  },
  root: rootRoutes,
  controls(router, ctx) {
    router.post('/drives/upload-sessions/expire', (req, res) => {
      const url = (req.body as { uploadUrl?: unknown } | undefined)?.uploadUrl;
      if (typeof url !== 'string' || !expireSession(ctx, url))
        return res.status(404).json({ error: 'no such session' });
      return res.status(204).end();
    });
  },
  seed: seedDrives,
};

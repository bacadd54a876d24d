import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { EmulatorContext } from '../../context';
import { GraphHttpError, graphErrors } from '../../errors';
import { assertValidName, blobKey, childNamed, freeName, itemShape, newItem, actorOf, type DriveCall } from './items';
import { assertCanWrite } from './sharing';
import {
  DRIVE_ITEM_KIND,
  DRIVE_KIND,
  FRAGMENT_UNIT,
  MAX_FRAGMENT,
  SESSION_LIFETIME_MS,
  UPLOAD_SESSION_KIND,
  type StoredDrive,
  type StoredDriveItem,
  type StoredUploadSession,
} from './model';
import { quickXorHash } from './quickXor';
import { TENANT_SCOPE } from '../../model';

type Conflict = 'fail' | 'replace' | 'rename';

const CONFLICT = z.enum(['fail', 'replace', 'rename']);

function mimeTypeOf(name: string): string {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  const known: Record<string, string> = {
    pdf: 'application/pdf',
    json: 'application/json',
    txt: 'text/plain',
    docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    png: 'image/png',
    jpg: 'image/jpeg',
  };
  return known[ext] ?? 'application/octet-stream';
}

/**
 * Writes a file's bytes under a parent: a new item, or new content for the item of that name (replace), or a
 * free name (rename), or 409 (fail). Answers whether the item is new.
 */
export function writeFile(
  call: DriveCall,
  parent: StoredDriveItem,
  name: string,
  bytes: Buffer,
  conflict: Conflict,
): { item: StoredDriveItem; created: boolean } {
  assertValidName(name);
  if (!parent.xIsFolder) throw graphErrors.invalidRequest('The parent item is not a folder.');
  assertCanWrite(call, parent);
  const existing = childNamed(call, parent.id, name);
  if (existing && conflict === 'fail')
    throw graphErrors.conflict('The specified item name already exists.', 'nameAlreadyExists');
  if (existing?.xIsFolder && conflict === 'replace')
    throw graphErrors.conflict('A folder with this name already exists.', 'nameAlreadyExists');
  const target =
    existing && conflict === 'replace'
      ? existing
      : newItem(call, parent.id, existing ? freeName(call, parent.id, name) : name, false);
  return writeContent(call, target, bytes, target !== existing);
}

export function writeContent(
  call: DriveCall,
  target: StoredDriveItem,
  bytes: Buffer,
  created: boolean,
): { item: StoredDriveItem; created: boolean } {
  const item: StoredDriveItem = {
    ...target,
    size: bytes.length,
    mimeType: mimeTypeOf(target.name),
    quickXorHash: quickXorHash(bytes),
    xVersion: created ? 1 : target.xVersion + 1,
    xContentVersion: created ? 1 : target.xContentVersion + 1,
    lastModifiedDateTime: call.ctx.now().toISOString(),
    lastModifiedBy: actorOf(call),
  };
  call.ctx.store.transaction(() => {
    call.ctx.store.put(DRIVE_ITEM_KIND, call.drive.id, item.id, item);
    call.ctx.store.putBlob(blobKey(call.drive.id, item.id), bytes);
  });
  return { item, created };
}

export function conflictOf(req: Request, body?: unknown, fallback: Conflict = 'replace'): Conflict {
  const fromQuery = req.query['@microsoft.graph.conflictBehavior'];
  const fromBody = (body as Record<string, unknown> | undefined)?.['@microsoft.graph.conflictBehavior'];
  const raw = fromQuery ?? fromBody;
  if (raw === undefined) return fallback;
  const parsed = CONFLICT.safeParse(typeof raw === 'string' ? raw.toLowerCase() : raw);
  if (!parsed.success) throw graphErrors.invalidRequest(`Invalid value '${String(raw)}' for conflictBehavior.`);
  return parsed.data;
}

const sessionBody = z
  .object({
    item: z
      .object({
        '@microsoft.graph.conflictBehavior': CONFLICT.optional(),
        name: z.string().optional(),
        description: z.string().optional(),
        fileSize: z.number().int().nonnegative().optional(),
        '@odata.type': z.string().optional(),
      })
      .optional(),
    deferCommit: z.boolean().optional(),
  })
  .strict();

/** POST …/items/{parent-id}:/{filename}:/createUploadSession (driveitem-createuploadsession). */
export function createUploadSession(call: DriveCall, parent: StoredDriveItem, name: string): Record<string, unknown> {
  const body = sessionBody.parse(call.req.body ?? {});
  if (body.deferCommit) throw graphErrors.notImplemented('deferCommit is not supported by the local tenant.');
  assertValidName(name);
  assertCanWrite(call, parent);
  const conflict = body.item?.['@microsoft.graph.conflictBehavior'] ?? 'replace';
  if (conflict === 'fail' && childNamed(call, parent.id, name))
    throw graphErrors.conflict('The specified item name already exists.', 'nameAlreadyExists');
  const session: StoredUploadSession = {
    id: randomBytes(24).toString('base64url'),
    driveId: call.drive.id,
    parentId: parent.id,
    name,
    conflictBehavior: conflict,
    total: body.item?.fileSize,
    received: 0,
    expires: call.ctx.now().getTime() + SESSION_LIFETIME_MS,
    createdBy: actorOf(call),
  };
  call.ctx.store.put(UPLOAD_SESSION_KIND, TENANT_SCOPE, session.id, session);
  return sessionShape(call.ctx, session);
}

function sessionShape(ctx: EmulatorContext, s: StoredUploadSession): Record<string, unknown> {
  return {
    '@odata.context': `${ctx.baseUrl()}/v1.0/$metadata#microsoft.graph.uploadSession`,
    uploadUrl: `${ctx.baseUrl()}/_upload/${s.id}`,
    expirationDateTime: new Date(s.expires).toISOString(),
    nextExpectedRanges: [`${s.received}-${s.total === undefined ? '' : s.total - 1}`],
  };
}

function liveSession(ctx: EmulatorContext, id: string): StoredUploadSession {
  const session = ctx.store.get<StoredUploadSession>(UPLOAD_SESSION_KIND, TENANT_SCOPE, id);
  if (!session || session.expires <= ctx.now().getTime()) {
    if (session) dropSession(ctx, session);
    throw new GraphHttpError(404, 'itemNotFound', 'The upload session was not found or has expired.');
  }
  return session;
}

function dropSession(ctx: EmulatorContext, s: StoredUploadSession): void {
  ctx.store.delete(UPLOAD_SESSION_KIND, TENANT_SCOPE, s.id);
  ctx.store.deleteBlob(`session:${s.id}`);
}

const RANGE = /^bytes (\d+)-(\d+)\/(\d+)$/;

function parseRange(req: Request, length: number): { start: number; end: number; total: number } {
  const header = req.header('content-range');
  const m = header ? RANGE.exec(header.trim()) : null;
  if (!m) throw graphErrors.invalidRequest('The Content-Range header is missing or malformed.');
  const [start, end, total] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (end < start || end >= total) throw graphErrors.invalidRequest(`The Content-Range '${header}' is not valid.`);
  if (end - start + 1 !== length)
    throw graphErrors.invalidRequest('The Content-Range does not match the number of bytes sent (Content-Length).');
  return { start, end, total };
}

/** PUT {uploadUrl}: one fragment. 202 with nextExpectedRanges while bytes are missing; 201/200 with the item. */
export function putFragment(ctx: EmulatorContext, req: Request, res: Response, id: string): void {
  // "Including the Authorization header when issuing the PUT call might result in a HTTP 401 Unauthorized."
  if (req.header('authorization'))
    throw graphErrors.unauthenticated('The upload URL is pre-authenticated: send no Authorization header.');
  const session = liveSession(ctx, id);
  const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  if (bytes.length >= MAX_FRAGMENT)
    throw new GraphHttpError(413, 'requestTooLarge', 'A fragment must be smaller than 60 MiB.');
  const { start, end, total } = parseRange(req, bytes.length);
  if (session.total !== undefined && total !== session.total)
    throw graphErrors.invalidRequest(`The declared file size ${total} differs from the session's ${session.total}.`);
  if (start !== session.received)
    throw new GraphHttpError(416, 'invalidRange', `Expected a fragment starting at byte ${session.received}.`);
  const last = end === total - 1;
  if (!last && bytes.length % FRAGMENT_UNIT !== 0)
    throw graphErrors.invalidRequest('The fragment size must be a multiple of 320 KiB (327,680 bytes).');
  const sofar = ctx.store.getBlob(`session:${id}`) ?? Buffer.alloc(0);
  const all = Buffer.concat([sofar, bytes]);
  const updated = { ...session, total, received: end + 1, expires: ctx.now().getTime() + SESSION_LIFETIME_MS };
  if (!last) {
    ctx.store.transaction(() => {
      ctx.store.putBlob(`session:${id}`, all);
      ctx.store.put(UPLOAD_SESSION_KIND, TENANT_SCOPE, id, updated);
    });
    res.status(202).json(sessionShape(ctx, updated));
    return;
  }
  commit(ctx, req, res, updated, all);
}

function commit(ctx: EmulatorContext, req: Request, res: Response, s: StoredUploadSession, bytes: Buffer): void {
  const drive = ctx.store.get<StoredDrive>(DRIVE_KIND, TENANT_SCOPE, s.driveId);
  const parent = drive ? ctx.store.get<StoredDriveItem>(DRIVE_ITEM_KIND, s.driveId, s.parentId) : undefined;
  if (!drive || !parent) {
    dropSession(ctx, s);
    throw graphErrors.notFound('The folder of the upload session no longer exists.');
  }
  // The session acts for whoever created it: the upload URL carries its authorisation.
  const call: DriveCall = { ctx, req, res, drive };
  res.locals.principal = sessionPrincipal(ctx, s);
  const { item, created } = writeFile(call, parent, s.name, bytes, s.conflictBehavior);
  dropSession(ctx, s);
  res.status(created ? 201 : 200).json(itemShape(call, item));
}

function sessionPrincipal(ctx: EmulatorContext, s: StoredUploadSession) {
  const user = s.createdBy.user;
  if (user?.id)
    return {
      kind: 'delegated',
      tenantId: ctx.tenantId,
      appId: ctx.app.clientId,
      userId: user.id,
      upn: '',
      scopes: new Set(),
    };
  return { kind: 'application', tenantId: ctx.tenantId, appId: s.createdBy.application?.id ?? '', roles: new Set() };
}

/** DELETE {uploadUrl}: cancels the session. */
export function cancelSession(ctx: EmulatorContext, res: Response, id: string): void {
  dropSession(ctx, liveSession(ctx, id));
  res.status(204).end();
}

/** Control: a session's expiry moved into the past, as if its lifetime had run out. */
export function expireSession(ctx: EmulatorContext, uploadUrl: string): boolean {
  const id = uploadUrl.split('/').pop() ?? '';
  const s = ctx.store.get<StoredUploadSession>(UPLOAD_SESSION_KIND, TENANT_SCOPE, id);
  if (!s) return false;
  ctx.store.put(UPLOAD_SESSION_KIND, TENANT_SCOPE, id, { ...s, expires: ctx.now().getTime() - 1 });
  return true;
}

import { z } from 'zod';
import { graphErrors } from '../../errors';
import { assertQueryOptions, odataContext } from '../../odata';
import type { NamedOperation } from '../../routing';
import {
  assertIfMatch,
  assertValidName,
  childNamed,
  childrenOf,
  freeName,
  itemShape,
  newItem,
  removeItem,
  resolveItem,
  type DriveCall,
} from './items';
import { DOWNLOAD_TOKEN_KIND, DOWNLOAD_URL_LIFETIME_MS, DRIVE_ITEM_KIND, MAX_SIMPLE_UPLOAD } from './model';
import { assertCanRead, assertCanWrite, deletePermission, invite, listPermissions, permissionShape } from './sharing';
import { conflictOf, createUploadSession, writeContent, writeFile } from './upload';
import { TENANT_SCOPE } from '../../model';
import { randomBytes } from 'node:crypto';

/** The parsed address below a drive: `root` or an item id, an optional `:/path:`, then segments. */
export interface DriveAddress {
  base?: string;
  relativePath?: string;
  tail: string[];
}

export interface DriveRoute extends NamedOperation {
  /** What the address must look like: no item (the drive), an item, or an item with a path below it. */
  shape: 'drive' | 'item' | 'itemPath';
  tail: string[];
  handler: (call: DriveCall, address: DriveAddress) => void;
}

const D = '/drives/{drive-id}';
const ITEM = `${D}/items/{item-id}`;

function getDrive(call: DriveCall): void {
  assertQueryOptions(call.req, []);
  const { xSiteId: _s, xRootId: _r, ...drive } = call.drive;
  call.res.json({ '@odata.context': odataContext(call.ctx.baseUrl(), 'drives/$entity'), ...drive });
}

function item(call: DriveCall, a: DriveAddress) {
  return resolveItem(call, a.base ?? 'root', a.relativePath);
}

function getItemRoute(call: DriveCall, a: DriveAddress): void {
  assertQueryOptions(call.req, []);
  const found = item(call, a);
  assertCanRead(call, found);
  call.res.json({
    '@odata.context': odataContext(call.ctx.baseUrl(), 'drives/items/$entity'),
    ...itemShape(call, found),
  });
}

function listChildren(call: DriveCall, a: DriveAddress): void {
  assertQueryOptions(call.req, []);
  const folder = item(call, a);
  assertCanRead(call, folder);
  const value = childrenOf(call, folder.id)
    .sort((x, y) => x.name.localeCompare(y.name, 'sv'))
    .map((c) => itemShape(call, c));
  call.res.json({ '@odata.context': odataContext(call.ctx.baseUrl(), 'drives/items/children'), value });
}

const folderBody = z
  .object({
    name: z.string(),
    folder: z.object({}).passthrough(),
    '@microsoft.graph.conflictBehavior': z.string().optional(),
    description: z.string().optional(),
  })
  .passthrough();

function createChild(call: DriveCall, a: DriveAddress): void {
  const parent = item(call, a);
  const body = folderBody.safeParse(call.req.body);
  if (!body.success) throw graphErrors.invalidRequest('A new item needs a name and a folder facet ("folder": {}).');
  const conflict = conflictOf(call.req, call.req.body, 'fail');
  assertValidName(body.data.name);
  if (!parent.xIsFolder) throw graphErrors.invalidRequest('The parent item is not a folder.');
  assertCanWrite(call, parent);
  const existing = childNamed(call, parent.id, body.data.name);
  if (existing && conflict === 'fail') throw graphErrors.conflict('Name already exists', 'nameAlreadyExists');
  if (existing && conflict === 'replace' && existing.xIsFolder) {
    call.res.status(200).json(itemShape(call, existing));
    return;
  }
  if (existing && conflict === 'replace') removeItem(call, existing);
  const name = existing && conflict === 'rename' ? freeName(call, parent.id, body.data.name) : body.data.name;
  const folder = newItem(call, parent.id, name, true);
  call.ctx.store.put(DRIVE_ITEM_KIND, call.drive.id, folder.id, folder);
  call.res.status(201).json(itemShape(call, folder));
}

function bodyBytes(call: DriveCall): Buffer {
  const body: unknown = call.req.body;
  if (Buffer.isBuffer(body)) return body;
  throw graphErrors.invalidRequest('Send the file as the request body (Content-Type: application/octet-stream).');
}

/** PUT …/items/{parent-id}:/{filename}:/content (new file) and PUT …/items/{item-id}/content (replace). */
function putContent(call: DriveCall, a: DriveAddress): void {
  const bytes = bodyBytes(call);
  if (bytes.length > MAX_SIMPLE_UPLOAD)
    throw graphErrors.invalidRequest('Simple upload supports files up to 250 MB; use an upload session.');
  const conflict = conflictOf(call.req, undefined, 'replace');
  if (a.relativePath) {
    const names = a.relativePath.split('/').filter(Boolean);
    const fileName = names.pop()!;
    const parent = resolveItem(call, a.base ?? 'root', names.join('/'));
    const { item: written, created } = writeFile(call, parent, fileName, bytes, conflict);
    call.res.status(created ? 201 : 200).json(itemShape(call, written));
    return;
  }
  const target = item(call, a);
  if (target.xIsFolder) throw graphErrors.invalidRequest('A folder has no content stream.');
  assertIfMatch(call, target);
  assertCanWrite(call, target);
  call.res.status(200).json(itemShape(call, writeContent(call, target, bytes, false).item));
}

function uploadSession(call: DriveCall, a: DriveAddress): void {
  const names = (a.relativePath ?? '').split('/').filter(Boolean);
  const fileName = names.pop();
  if (!fileName)
    throw graphErrors.invalidRequest('Name the file: …/items/{parent-id}:/{filename}:/createUploadSession.');
  const parent = resolveItem(call, a.base ?? 'root', names.join('/'));
  call.res.status(200).json(createUploadSession(call, parent, fileName));
}

/** GET …/content: 302 to a short-lived pre-authenticated URL, as Graph answers (driveitem-get-content). */
function getContent(call: DriveCall, a: DriveAddress): void {
  assertQueryOptions(call.req, []);
  const file = item(call, a);
  if (file.xIsFolder) throw graphErrors.notFound('The item has no content: it is a folder.');
  assertCanRead(call, file);
  const token = randomBytes(24).toString('base64url');
  const expires = call.ctx.now().getTime() + DOWNLOAD_URL_LIFETIME_MS;
  call.ctx.store.put(DOWNLOAD_TOKEN_KIND, TENANT_SCOPE, token, { driveId: call.drive.id, itemId: file.id, expires });
  call.res.redirect(302, `${call.ctx.baseUrl()}/_download/${token}`);
}

function deleteItem(call: DriveCall, a: DriveAddress): void {
  const target = item(call, a);
  if (!target.xParentId) throw graphErrors.accessDenied('The root of a drive cannot be deleted.');
  assertIfMatch(call, target);
  assertCanWrite(call, target);
  call.ctx.store.transaction(() => removeItem(call, target));
  call.res.status(204).end();
}

function inviteRoute(call: DriveCall, a: DriveAddress): void {
  const target = item(call, a);
  assertCanWrite(call, target);
  call.res.status(200).json({
    '@odata.context': odataContext(call.ctx.baseUrl(), 'Collection(microsoft.graph.permission)'),
    value: invite(call, target).map(permissionShape),
  });
}

function listPermissionsRoute(call: DriveCall, a: DriveAddress): void {
  assertQueryOptions(call.req, []);
  const target = item(call, a);
  assertCanRead(call, target);
  call.res.json({
    '@odata.context': odataContext(call.ctx.baseUrl(), 'drives/items/permissions'),
    value: listPermissions(call, target).map(permissionShape),
  });
}

function deletePermissionRoute(call: DriveCall, a: DriveAddress): void {
  const target = item(call, a);
  assertCanWrite(call, target);
  deletePermission(call, target, a.tail[1]!);
  call.res.status(204).end();
}

export const DRIVE_ROUTES: readonly DriveRoute[] = [
  { method: 'GET', shape: 'drive', tail: [], operation: `GET ${D}`, handler: getDrive },
  { method: 'GET', shape: 'item', tail: [], operation: `GET ${ITEM}`, handler: getItemRoute },
  { method: 'DELETE', shape: 'item', tail: [], operation: `DELETE ${ITEM}`, handler: deleteItem },
  { method: 'GET', shape: 'item', tail: ['children'], operation: `GET ${ITEM}/children`, handler: listChildren },
  {
    method: 'POST',
    shape: 'item',
    tail: ['children'],
    operation: `POST ${D}/items/{parent-item-id}/children`,
    handler: createChild,
  },
  { method: 'PUT', shape: 'item', tail: ['content'], operation: `PUT ${ITEM}/content`, handler: putContent },
  {
    method: 'PUT',
    shape: 'itemPath',
    tail: ['content'],
    operation: `PUT ${D}/items/{parent-id}:/{filename}:/content`,
    handler: putContent,
  },
  { method: 'GET', shape: 'item', tail: ['content'], operation: `GET ${ITEM}/content`, handler: getContent },
  {
    method: 'POST',
    shape: 'itemPath',
    tail: ['createUploadSession'],
    operation: `POST ${D}/items/{parent-id}:/{filename}:/createUploadSession`,
    handler: uploadSession,
  },
  { method: 'POST', shape: 'item', tail: ['invite'], operation: `POST ${ITEM}/invite`, handler: inviteRoute },
  {
    method: 'GET',
    shape: 'item',
    tail: ['permissions'],
    operation: `GET ${ITEM}/permissions`,
    handler: listPermissionsRoute,
  },
  {
    method: 'DELETE',
    shape: 'item',
    tail: ['permissions', '*'],
    operation: `DELETE ${ITEM}/permissions/{perm-id}`,
    handler: deletePermissionRoute,
  },
];

/** `…/items/{id}:/a/b:/content` read with a path: an item addressed by path is an item for the rest of the table. */
export function routesFor(address: DriveAddress): DriveRoute[] {
  const shape = address.base === undefined ? 'drive' : address.relativePath ? 'itemPath' : 'item';
  const fits = (r: DriveRoute) =>
    r.tail.length === address.tail.length && r.tail.every((t, i) => t === '*' || t === address.tail[i]);
  const exact = DRIVE_ROUTES.filter((r) => r.shape === shape && fits(r));
  if (exact.length > 0 || shape !== 'itemPath') return exact;
  return DRIVE_ROUTES.filter((r) => r.shape === 'item' && fits(r));
}

import type { Request, Response } from 'express';
import type { IdentitySet } from '@microsoft/microsoft-graph-types';
import type { EmulatorContext } from '../../context';
import { graphErrors } from '../../errors';
import { TENANT_SCOPE, type StoredUser } from '../../model';
import { principalOf } from '../../permissions';
import { DRIVE_ITEM_KIND, type StoredDrive, type StoredDriveItem, newGuid, newItemId } from './model';

/** One drive request: the tenant, the exchange, and the addressed drive. */
export interface DriveCall {
  ctx: EmulatorContext;
  req: Request;
  res: Response;
  drive: StoredDrive;
}

/** Who acts, as Graph writes it in createdBy / lastModifiedBy. */
export function actorOf(call: DriveCall): IdentitySet {
  const principal = principalOf(call.req);
  if (principal.kind === 'application')
    return { application: { id: principal.appId, displayName: call.ctx.app.displayName } };
  const user = call.ctx.store.get<StoredUser>('user', TENANT_SCOPE, principal.userId);
  return {
    user: { id: principal.userId, displayName: user?.displayName ?? principal.upn, email: user?.mail },
  } as IdentitySet;
}

export function getItem(call: DriveCall, id: string): StoredDriveItem {
  const item = call.ctx.store.get<StoredDriveItem>(DRIVE_ITEM_KIND, call.drive.id, id);
  if (!item) throw graphErrors.notFound('The resource could not be found.');
  return item;
}

export function childrenOf(call: DriveCall, parentId: string): StoredDriveItem[] {
  return call.ctx.store.list<StoredDriveItem>(DRIVE_ITEM_KIND, call.drive.id).filter((i) => i.xParentId === parentId);
}

export function childNamed(call: DriveCall, parentId: string, name: string): StoredDriveItem | undefined {
  const wanted = name.toLowerCase();
  return childrenOf(call, parentId).find((i) => i.name.toLowerCase() === wanted);
}

/** The item an address names: `root` or an item id, then an optional `:/relative/path:` below it. */
export function resolveItem(call: DriveCall, base: string, relativePath?: string): StoredDriveItem {
  let item = getItem(call, base === 'root' ? call.drive.xRootId : base);
  for (const name of (relativePath ?? '').split('/').filter(Boolean)) {
    const child = childNamed(call, item.id, name);
    if (!child) throw graphErrors.notFound('The resource could not be found.');
    item = child;
  }
  return item;
}

export function ancestors(call: DriveCall, item: StoredDriveItem): StoredDriveItem[] {
  const chain: StoredDriveItem[] = [];
  let current = item.xParentId ? getItem(call, item.xParentId) : undefined;
  while (current) {
    chain.push(current);
    current = current.xParentId ? getItem(call, current.xParentId) : undefined;
  }
  return chain;
}

/** SharePoint refuses these characters in a file or folder name. */
const INVALID_NAME = /["*:<>?/\\|]/;

export function assertValidName(name: string): void {
  if (name.trim() === '' || INVALID_NAME.test(name) || name !== name.trim() || name.endsWith('.'))
    throw graphErrors.invalidRequest(`The name '${name}' is not valid for a file or folder.`);
  if (name.length > 400) throw graphErrors.invalidRequest('The name is longer than 400 characters.');
}

/** A free name in the folder, as `rename` picks it: "Name 1.ext", "Name 2.ext", … */
export function freeName(call: DriveCall, parentId: string, name: string): string {
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  for (let n = 1; ; n++) {
    const candidate = `${stem} ${n}${ext}`;
    if (!childNamed(call, parentId, candidate)) return candidate;
  }
}

export function newItem(call: DriveCall, parentId: string | undefined, name: string, folder: boolean): StoredDriveItem {
  const now = call.ctx.now().toISOString();
  const actor = actorOf(call);
  return {
    id: newItemId(),
    name,
    xParentId: parentId,
    xGuid: newGuid(),
    xVersion: 1,
    xContentVersion: 1,
    xIsFolder: folder,
    size: 0,
    createdDateTime: now,
    lastModifiedDateTime: now,
    createdBy: actor,
    lastModifiedBy: actor,
  };
}

export function eTagOf(item: StoredDriveItem): string {
  return `"{${item.xGuid}},${item.xVersion}"`;
}

export function cTagOf(item: StoredDriveItem): string {
  return `"c:{${item.xGuid}},${item.xContentVersion}"`;
}

/** `If-Match` as Graph honours it on drive items: the eTag or the cTag, else 412. */
export function assertIfMatch(call: DriveCall, item: StoredDriveItem): void {
  const wanted = call.req.header('if-match');
  if (wanted === undefined || wanted === '*') return;
  if (wanted !== eTagOf(item) && wanted !== cTagOf(item))
    throw graphErrors.preconditionFailed("ETag does not match current item's value");
}

function pathOf(call: DriveCall, item: StoredDriveItem): string {
  const names = ancestors(call, item)
    .reverse()
    .slice(1)
    .map((i) => i.name);
  return `/drives/${call.drive.id}/root:${names.length ? `/${names.join('/')}` : ''}`;
}

function webUrlOf(call: DriveCall, item: StoredDriveItem): string {
  if (!item.xParentId) return call.drive.webUrl;
  const names = [
    ...ancestors(call, item)
      .reverse()
      .slice(1)
      .map((i) => i.name),
    item.name,
  ];
  return `${call.drive.webUrl}/${names.map(encodeURIComponent).join('/')}`;
}

/** A driveItem as Graph answers it (driveitem-get, with the SharePoint facets). */
export function itemShape(call: DriveCall, item: StoredDriveItem): Record<string, unknown> {
  const parent = item.xParentId ? getItem(call, item.xParentId) : undefined;
  return {
    createdBy: item.createdBy,
    createdDateTime: item.createdDateTime,
    eTag: eTagOf(item),
    id: item.id,
    lastModifiedBy: item.lastModifiedBy,
    lastModifiedDateTime: item.lastModifiedDateTime,
    name: item.name,
    parentReference: parent
      ? {
          driveType: 'documentLibrary',
          driveId: call.drive.id,
          id: parent.id,
          name: parent.xParentId ? parent.name : call.drive.name,
          path: pathOf(call, item),
          siteId: call.drive.xSiteId,
        }
      : { driveType: 'documentLibrary', driveId: call.drive.id },
    webUrl: webUrlOf(call, item),
    cTag: cTagOf(item),
    fileSystemInfo: { createdDateTime: item.createdDateTime, lastModifiedDateTime: item.lastModifiedDateTime },
    size: item.xIsFolder ? folderSize(call, item) : item.size,
    ...(item.xIsFolder ? { folder: { childCount: childrenOf(call, item.id).length } } : {}),
    ...(item.xParentId ? {} : { root: {} }),
    ...(item.xIsFolder
      ? {}
      : {
          file: { mimeType: item.mimeType ?? 'application/octet-stream', hashes: { quickXorHash: item.quickXorHash } },
        }),
  };
}

function folderSize(call: DriveCall, folder: StoredDriveItem): number {
  return childrenOf(call, folder.id).reduce((sum, c) => sum + (c.xIsFolder ? folderSize(call, c) : c.size), 0);
}

export function blobKey(driveId: string, itemId: string): string {
  return `file:${driveId}:${itemId}`;
}

/** Deletes an item, its descendants and their bytes. */
export function removeItem(call: DriveCall, item: StoredDriveItem): void {
  for (const child of childrenOf(call, item.id)) removeItem(call, child);
  call.ctx.store.deleteBlob(blobKey(call.drive.id, item.id));
  call.ctx.store.deleteScope('itemPermission', item.id);
  call.ctx.store.delete(DRIVE_ITEM_KIND, call.drive.id, item.id);
}

import { randomBytes, randomUUID } from 'node:crypto';
import type { DriveItem, IdentitySet } from '@microsoft/microsoft-graph-types';

/**
 * Document kinds of the drives part: drive (scope 'tenant'; one document library per site), driveItem (scope
 * drive id), itemPermission (scope item id: the sharing permissions an item holds itself), uploadSession
 * (scope 'tenant'), downloadToken (scope 'tenant'). File bytes are blobs keyed `file:{driveId}:{itemId}`,
 * an upload session's bytes `session:{id}`.
 */
export const DRIVE_KIND = 'drive';
export const DRIVE_ITEM_KIND = 'driveItem';
export const ITEM_PERMISSION_KIND = 'itemPermission';
export const UPLOAD_SESSION_KIND = 'uploadSession';
export const DOWNLOAD_TOKEN_KIND = 'downloadToken';

/** Fragments of an upload session must be multiples of 320 KiB, except the last (driveitem-createuploadsession). */
export const FRAGMENT_UNIT = 320 * 1024;
/** "The maximum bytes in any given request must be less than 60 MiB." */
export const MAX_FRAGMENT = 60 * 1024 * 1024;
/** Simple upload: "This method only supports files up to 250 MB in size." (driveitem-put-content) */
export const MAX_SIMPLE_UPLOAD = 250 * 1024 * 1024;
/** How long an upload session lives without a fragment; each fragment extends it (uploadSession). */
export const SESSION_LIFETIME_MS = 15 * 60 * 1000;
/** A pre-authenticated download URL is short-lived (driveitem-get-content: "valid for only a short period"). */
export const DOWNLOAD_URL_LIFETIME_MS = 60 * 60 * 1000;

export interface StoredDrive {
  id: string;
  name: string;
  description: string;
  driveType: 'documentLibrary';
  webUrl: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  xSiteId: string;
  xRootId: string;
}

export interface StoredDriveItem {
  id: string;
  name: string;
  /** Parent item id; undefined for the root. */
  xParentId?: string;
  xGuid: string;
  /** eTag version: any change; cTag version: content changes. */
  xVersion: number;
  xContentVersion: number;
  xIsFolder: boolean;
  /** Sharing inheritance broken (invite with retainInheritedPermissions: false): only its own permissions hold. */
  xUniquePermissions?: boolean;
  size: number;
  mimeType?: string;
  quickXorHash?: string;
  createdDateTime: string;
  lastModifiedDateTime: string;
  createdBy: IdentitySet;
  lastModifiedBy: IdentitySet;
}

export interface StoredItemPermission {
  id: string;
  roles: string[];
  /** The user the permission is granted to (id and e-mail as in the directory). */
  user: { id: string; email: string; displayName: string };
  invitation?: { email: string; signInRequired: boolean };
}

export interface StoredUploadSession {
  id: string;
  driveId: string;
  parentId: string;
  name: string;
  conflictBehavior: 'fail' | 'replace' | 'rename';
  /** Declared in the first fragment's Content-Range (or `item.fileSize`). */
  total?: number;
  received: number;
  expires: number;
  createdBy: IdentitySet;
}

/** SharePoint's drive item ids: `01` and 32 base32 letters. */
export function newItemId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  return `01${[...randomBytes(32)].map((b) => alphabet[b & 31]).join('')}`;
}

export function newGuid(): string {
  return randomUUID().toUpperCase();
}

export type { DriveItem };

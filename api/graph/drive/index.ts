import { ResponseType } from '@microsoft/microsoft-graph-client';
import type { Drive, DriveItem, Permission, UploadSession } from '@microsoft/microsoft-graph-types';
import { rawError, segment, type GraphConnection } from '../connection';
import { GraphRequestError } from '../errors';

/** Files up to this size go in one PUT; larger ones through an upload session (Graph allows 250 MB in one PUT). */
export const SIMPLE_UPLOAD_LIMIT = 4 * 1024 * 1024;
/** Upload session fragments: a multiple of 320 KiB, as Graph requires (here 10 × 320 KiB = 3.125 MiB). */
export const FRAGMENT_SIZE = 10 * 320 * 1024;

export type ConflictBehavior = 'fail' | 'replace' | 'rename';

export interface UploadOptions {
  conflictBehavior?: ConflictBehavior;
  /** Called after each fragment (and once at the end of a simple upload) with the bytes Graph has received. */
  onProgress?: (sent: number, total: number) => void;
}

function itemPath(driveId: string, itemId: string): string {
  return `/drives/${segment(driveId)}/items/${segment(itemId)}`;
}

/** Sends one fragment to the pre-authenticated upload URL: no Authorization header, as Graph asks. */
async function putFragment(url: string, bytes: Uint8Array, start: number, total: number): Promise<Response> {
  const end = Math.min(start + FRAGMENT_SIZE, total);
  try {
    return await fetch(url, {
      method: 'PUT',
      headers: { 'content-range': `bytes ${start}-${end - 1}/${total}`, 'content-length': String(end - start) },
      body: bytes.slice(start, end),
    });
  } catch (error) {
    throw new GraphRequestError(0, 'networkError', undefined, error instanceof Error ? error.message : String(error));
  }
}

/** The first missing byte Graph reports (`nextExpectedRanges: ["26-"]`). */
function nextStart(session: UploadSession, fallback: number): number {
  const first = session.nextExpectedRanges?.[0];
  const n = first ? Number(first.split('-')[0]) : NaN;
  return Number.isInteger(n) ? n : fallback;
}

/** Creates an upload session and sends the file in fragments; a fragment lost to an outage is sent again. */
async function uploadLarge(
  graph: GraphConnection,
  driveId: string,
  parentId: string,
  name: string,
  bytes: Uint8Array,
  options: UploadOptions,
): Promise<DriveItem> {
  const session = await graph.call(
    () =>
      graph.api(`${itemPath(driveId, parentId)}:/${segment(name)}:/createUploadSession`).post({
        item: { '@microsoft.graph.conflictBehavior': options.conflictBehavior ?? 'replace', name },
      }) as Promise<UploadSession>,
  );
  const url = session.uploadUrl!;
  let start = 0;
  let retries = 0;
  for (;;) {
    const response = await putFragment(url, bytes, start, bytes.length);
    if (response.status === 200 || response.status === 201) {
      options.onProgress?.(bytes.length, bytes.length);
      return (await response.json()) as DriveItem;
    }
    if (response.status === 202) {
      start = nextStart((await response.json()) as UploadSession, start + FRAGMENT_SIZE);
      retries = 0;
      options.onProgress?.(start, bytes.length);
      continue;
    }
    const error = await rawError(response);
    // A fragment lost to an outage is sent again; Graph keeps what it received (nextExpectedRanges).
    if (!error.transient || ++retries > graph.options.maxRetries) {
      await fetch(url, { method: 'DELETE' }).catch(() => undefined);
      throw error;
    }
    await graph.sleep(200 * retries);
  }
}

/** Sharing on drive items: who may read or write a folder. */
function sharingApi(graph: GraphConnection) {
  return {
    /**
     * Makes a folder read-only: its inherited permissions are dropped and the readers get `read` (driveitem-invite
     * with retainInheritedPermissions false). The signed-in user who does it keeps owner access.
     */
    makeReadOnly(driveId: string, itemId: string, readerEmails: string[]): Promise<Permission[]> {
      return graph
        .call(
          () =>
            graph.api(`${itemPath(driveId, itemId)}/invite`).post({
              recipients: readerEmails.map((email) => ({ email })),
              roles: ['read'],
              requireSignIn: true,
              sendInvitation: false,
              retainInheritedPermissions: false,
            }) as Promise<{ value: Permission[] }>,
        )
        .then((r) => r.value);
    },

    driveItemPermissions(driveId: string, itemId: string): Promise<Permission[]> {
      return graph.getAll<Permission>(graph.api(`${itemPath(driveId, itemId)}/permissions`));
    },
  };
}

/** Folders of a drive: by path, created, and a path of them made sure of (Möteshandlingar/<meeting>). */
function folderApi(graph: GraphConnection) {
  const api = {
    /** The item at `names` below the root (`…/items/root:/a/b`), or undefined when nothing is there. */
    async itemAtPath(driveId: string, names: readonly string[]): Promise<DriveItem | undefined> {
      const path = names.map(segment).join('/');
      try {
        return await graph.call(() => graph.api(`${itemPath(driveId, 'root')}:/${path}`).get() as Promise<DriveItem>);
      } catch (error) {
        if (error instanceof GraphRequestError && error.status === 404) return undefined;
        throw error;
      }
    },

    /**
     * The folders `names` below the root, each looked up and created when missing; a folder another request
     * created meanwhile (409 nameAlreadyExists) is read, never replaced. A path that exists costs one GET.
     */
    async ensureFolders(driveId: string, names: readonly string[]): Promise<DriveItem> {
      // Usually the whole path is there already (every upload after a meeting's first): one GET.
      const existing = names.length > 1 ? await api.itemAtPath(driveId, names) : undefined;
      if (existing) return existing;
      let parentId = 'root';
      let folder: DriveItem | undefined;
      for (let depth = 1; depth <= names.length; depth++) {
        const path = names.slice(0, depth);
        folder = await api.itemAtPath(driveId, path);
        if (!folder) {
          try {
            folder = await api.createFolder(driveId, parentId, path[depth - 1]!, 'fail');
          } catch (error) {
            if (!(error instanceof GraphRequestError && error.status === 409)) throw error;
            folder = await api.itemAtPath(driveId, path);
            if (!folder) throw error;
          }
        }
        parentId = folder.id!;
      }
      if (!folder) throw new TypeError('ensureFolders needs at least one name');
      return folder;
    },

    /** A folder under the parent; `fail` (the default) answers 409 nameAlreadyExists when the name is taken. */
    createFolder(
      driveId: string,
      parentId: string,
      name: string,
      conflict: ConflictBehavior = 'fail',
    ): Promise<DriveItem> {
      return graph.call(
        () =>
          graph
            .api(`${itemPath(driveId, parentId)}/children`)
            .post({ name, folder: {}, '@microsoft.graph.conflictBehavior': conflict }) as Promise<DriveItem>,
      );
    },
  };
  return api;
}

/** A site's document library: folders and files (handlingar, archive packages), as Graph's driveItems. */
export function driveApi(graph: GraphConnection) {
  return {
    /** The site's default document library ("Documents"). */
    siteDrive(siteId: string): Promise<Drive> {
      return graph.call(() => graph.api(`/sites/${segment(siteId)}/drive`).get() as Promise<Drive>);
    },

    listFolder(driveId: string, folderId = 'root'): Promise<DriveItem[]> {
      return graph.getAll<DriveItem>(graph.api(`${itemPath(driveId, folderId)}/children`));
    },

    getDriveItem(driveId: string, itemId: string): Promise<DriveItem> {
      return graph.call(() => graph.api(itemPath(driveId, itemId)).get() as Promise<DriveItem>);
    },

    /** Uploads a file: one PUT up to 4 MB, an upload session in 320 KiB multiples above, with progress. */
    async uploadFile(
      driveId: string,
      parentId: string,
      name: string,
      bytes: Uint8Array,
      options: UploadOptions = {},
    ): Promise<DriveItem> {
      if (bytes.length > SIMPLE_UPLOAD_LIMIT) return uploadLarge(graph, driveId, parentId, name, bytes, options);
      const conflict = options.conflictBehavior ?? 'replace';
      const item = await graph.call(
        () =>
          graph
            .api(`${itemPath(driveId, parentId)}:/${segment(name)}:/content`)
            .query({ '@microsoft.graph.conflictBehavior': conflict })
            .header('Content-Type', 'application/octet-stream')
            .put(bytes) as Promise<DriveItem>,
      );
      options.onProgress?.(bytes.length, bytes.length);
      return item;
    },

    /** The file's bytes (Graph answers 302 to a pre-authenticated URL; the client follows it). */
    async downloadFile(driveId: string, itemId: string): Promise<Uint8Array> {
      const body = await graph.call(
        () =>
          graph
            .api(`${itemPath(driveId, itemId)}/content`)
            .responseType(ResponseType.ARRAYBUFFER)
            .get() as Promise<ArrayBuffer>,
      );
      return new Uint8Array(body);
    },

    deleteDriveItem(driveId: string, itemId: string, eTag?: string): Promise<void> {
      const request = graph.api(itemPath(driveId, itemId));
      if (eTag) request.header('If-Match', eTag);
      return graph.call(() => request.delete() as Promise<void>);
    },

    ...folderApi(graph),
    ...sharingApi(graph),
  };
}

export type DriveApi = ReturnType<typeof driveApi>;

/**
 * A site's default library id, asked of Graph once per site (it never changes for a site): one cache shared by
 * everything that writes the library (handlingar, the archive). A failed lookup is not remembered.
 */
export class SiteDriveIds {
  private readonly ids = new Map<string, Promise<string>>();

  driveId(gateway: Pick<DriveApi, 'siteDrive'>, siteId: string): Promise<string> {
    let id = this.ids.get(siteId);
    if (!id) {
      id = gateway.siteDrive(siteId).then((drive) => String(drive.id));
      this.ids.set(siteId, id);
      id.catch(() => this.ids.delete(siteId));
    }
    return id;
  }
}

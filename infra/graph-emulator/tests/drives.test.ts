import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ResponseType, type Client } from '@microsoft/microsoft-graph-client';
import type { Drive, DriveItem, Permission, Site, UploadSession } from '@microsoft/microsoft-graph-types';
import type { RunningTenant } from '../src/index';
import { quickXorHash } from '../src/resources/drives/quickXor';
import { SITE_HOSTNAME, SITE_PATH } from '../src/resources/sitesConfig';
import { adminToken, appClient, CHAIR, control, COORDINATOR, startTestTenant, userClient } from './support';

const KIB320 = 320 * 1024;

function bytes(n: number, seed = 1): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = (i * 31 + seed) & 0xff;
  return b;
}

async function putRange(url: string, all: Buffer, start: number, end: number, headers: Record<string, string> = {}) {
  return fetch(url, {
    method: 'PUT',
    headers: { 'content-range': `bytes ${start}-${end}/${all.length}`, ...headers },
    body: new Uint8Array(all.subarray(start, end + 1)),
  });
}

describe('local tenant: document libraries (drives and driveItems)', () => {
  let tenant: RunningTenant;
  let chair: Client;
  let coordinator: Client;
  let app: Client;
  let drive: Drive;
  let base: string;

  beforeAll(async () => {
    tenant = await startTestTenant();
    app = await appClient(tenant);
    chair = await userClient(tenant, CHAIR);
    coordinator = await userClient(tenant, COORDINATOR);
    const site = (await app.api(`/sites/${SITE_HOSTNAME}:${SITE_PATH}`).get()) as Site;
    drive = (await chair.api(`/sites/${site.id}/drive`).get()) as Drive;
    base = `/drives/${drive.id}`;
  });
  afterAll(async () => tenant.close());

  const folder = (client: Client, name: string, parent = 'root', conflict?: string) =>
    client.api(`${base}/items/${parent}/children`).post({
      name,
      folder: {},
      ...(conflict ? { '@microsoft.graph.conflictBehavior': conflict } : {}),
    }) as Promise<DriveItem>;

  const upload = (client: Client, parentId: string, name: string, content: Buffer) =>
    client
      .api(`${base}/items/${parentId}:/${encodeURIComponent(name)}:/content`)
      .header('Content-Type', 'application/octet-stream')
      .put(content) as Promise<DriveItem>;

  it("is the site's default document library, the same by /sites/{id}/drive and /drives/{id}", async () => {
    expect(drive).toMatchObject({ driveType: 'documentLibrary', name: 'Documents' });
    expect(await chair.api(base).get()).toMatchObject({ id: drive.id, driveType: 'documentLibrary' });
    const root = (await chair.api(`${base}/root`).get()) as DriveItem;
    expect(root.root).toEqual({});
    expect(root.folder).toEqual({ childCount: 0 });
  });

  it('creates folders: 201, 409 nameAlreadyExists with fail (the default), a free name with rename', async () => {
    const created = await folder(chair, 'Vårmöte 2027');
    expect(created).toMatchObject({ name: 'Vårmöte 2027', folder: { childCount: 0 } });
    expect(created.id).toMatch(/^01[A-Z2-7]{32}$/);
    await expect(folder(chair, 'vårmöte 2027')).rejects.toMatchObject({ statusCode: 409, code: 'nameAlreadyExists' });
    expect((await folder(chair, 'Vårmöte 2027', 'root', 'rename')).name).toBe('Vårmöte 2027 1');
    await expect(folder(chair, 'a:b')).rejects.toMatchObject({ statusCode: 400 });
    const children = (await chair.api(`${base}/root/children`).get()) as { value: DriveItem[] };
    expect(children.value.map((c) => c.name)).toEqual(['Vårmöte 2027', 'Vårmöte 2027 1']);
  });

  it("computes quickXorHash as Microsoft's algorithm does (the published vector for 'hello world')", () => {
    // pypi.org/project/quickxorhash (a wrapper of the C port of Microsoft's QuickXorHash.cs) prints this digest.
    expect(quickXorHash(Buffer.from('hello world'))).toBe('aCgDG9jwBhDc4Q1yawMZAAAAAAA=');
    expect(quickXorHash(Buffer.alloc(0))).toBe('AAAAAAAAAAAAAAAAAAAAAAAAAAA=');
  });

  it('uploads a small file with PUT …:/name:/content, with size, quickXorHash, eTag and cTag, and downloads it', async () => {
    const parent = await folder(chair, 'Enkel');
    const content = bytes(100_000);
    const file = await upload(chair, parent.id!, 'dagordning.pdf', content);
    expect(file).toMatchObject({ name: 'dagordning.pdf', size: 100_000, file: { mimeType: 'application/pdf' } });
    expect(file.file?.hashes?.quickXorHash).toBe(quickXorHash(content));
    expect(file.file?.hashes?.sha256Hash).toBeUndefined();
    expect(file.eTag).toMatch(/^"\{[0-9A-F-]{36}\},1"$/);
    expect(file.cTag).toMatch(/^"c:\{[0-9A-F-]{36}\},1"$/);
    const again = await upload(chair, parent.id!, 'dagordning.pdf', bytes(10, 9));
    expect(again.id).toBe(file.id);
    expect(again.eTag).toMatch(/,2"$/);
    const downloaded = (await chair
      .api(`${base}/items/${file.id}/content`)
      .responseType(ResponseType.ARRAYBUFFER)
      .get()) as ArrayBuffer;
    expect(Buffer.from(downloaded)).toEqual(bytes(10, 9));
    const redirect = await fetch(`${tenant.graphUrl}${base}/items/${file.id}/content`, {
      redirect: 'manual',
      headers: { authorization: `Bearer ${await adminToken(tenant, CHAIR)}` },
    });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toMatch(/\/_download\//);
  });

  it('deletes an item with If-Match: 412 on a stale eTag, 204 and gone', async () => {
    const parent = await folder(chair, 'Radera');
    const file = await upload(chair, parent.id!, 'x.txt', bytes(5));
    await expect(
      chair.api(`${base}/items/${file.id}`).header('If-Match', '"{00000000-0000-0000-0000-000000000000},1"').delete(),
    ).rejects.toMatchObject({ statusCode: 412 });
    await chair.api(`${base}/items/${file.id}`).header('If-Match', file.eTag!).delete();
    await expect(chair.api(`${base}/items/${file.id}`).get()).rejects.toMatchObject({ statusCode: 404 });
  });

  describe('upload sessions', () => {
    let parent: DriveItem;
    beforeAll(async () => (parent = await folder(chair, 'Stora')));
    const session = (name: string, item: Record<string, unknown> = {}) =>
      chair.api(`${base}/items/${parent.id}:/${name}:/createUploadSession`).post({ item }) as Promise<UploadSession>;

    it('takes a 6 MB file in 320 KiB multiples: 202 with nextExpectedRanges, 201 with the item at the end', async () => {
      const content = bytes(6 * 1024 * 1024 + 123, 3);
      const s = await session('handling.pdf', { '@microsoft.graph.conflictBehavior': 'fail' });
      expect(s.nextExpectedRanges).toEqual(['0-']);
      expect(Date.parse(s.expirationDateTime!)).toBeGreaterThan(Date.now());
      const chunk = 10 * KIB320;
      let last: Response | undefined;
      for (let start = 0; start < content.length; start += chunk) {
        const end = Math.min(start + chunk, content.length) - 1;
        last = await putRange(s.uploadUrl!, content, start, end);
        if (end < content.length - 1) {
          expect(last.status).toBe(202);
          expect(((await last.json()) as UploadSession).nextExpectedRanges).toEqual([
            `${end + 1}-${content.length - 1}`,
          ]);
        }
      }
      expect(last!.status).toBe(201);
      const item = (await last!.json()) as DriveItem;
      expect(item).toMatchObject({ name: 'handling.pdf', size: content.length });
      expect(item.file?.hashes?.quickXorHash).toBe(quickXorHash(content));
      const back = (await chair
        .api(`${base}/items/${item.id}/content`)
        .responseType(ResponseType.ARRAYBUFFER)
        .get()) as ArrayBuffer;
      expect(Buffer.from(back).equals(content)).toBe(true);
    });

    it('refuses what Graph refuses: bad Content-Range, a fragment not a multiple of 320 KiB, a gap, a token', async () => {
      const content = bytes(3 * KIB320, 5);
      const s = await session('fel.bin');
      const noRange = await fetch(s.uploadUrl!, { method: 'PUT', body: new Uint8Array(content.subarray(0, KIB320)) });
      expect(noRange.status).toBe(400);
      const wrongLength = await fetch(s.uploadUrl!, {
        method: 'PUT',
        headers: { 'content-range': `bytes 0-${KIB320}/${content.length}` },
        body: new Uint8Array(content.subarray(0, KIB320)),
      });
      expect(wrongLength.status).toBe(400);
      const odd = await putRange(s.uploadUrl!, content, 0, 100_000 - 1);
      expect(odd.status).toBe(400);
      expect(((await odd.json()) as { error: { message: string } }).error.message).toMatch(/320 KiB/);
      const gap = await putRange(s.uploadUrl!, content, KIB320, 2 * KIB320 - 1);
      expect(gap.status).toBe(416);
      const withToken = await putRange(s.uploadUrl!, content, 0, KIB320 - 1, { authorization: 'Bearer x' });
      expect(withToken.status).toBe(401);
      expect((await putRange(s.uploadUrl!, content, 0, KIB320 - 1)).status).toBe(202);
    });

    it('an expired session is gone (404), and a cancelled one too', async () => {
      const content = bytes(2 * KIB320);
      const s = await session('utgangen.bin');
      expect((await putRange(s.uploadUrl!, content, 0, KIB320 - 1)).status).toBe(202);
      expect((await control(tenant, 'POST', '/drives/upload-sessions/expire', { uploadUrl: s.uploadUrl })).status).toBe(
        204,
      );
      expect((await putRange(s.uploadUrl!, content, KIB320, 2 * KIB320 - 1)).status).toBe(404);
      const t = await session('avbruten.bin');
      expect((await fetch(t.uploadUrl!, { method: 'DELETE' })).status).toBe(204);
      expect((await putRange(t.uploadUrl!, content, 0, KIB320 - 1)).status).toBe(404);
      const names = ((await chair.api(`${base}/items/${parent.id}/children`).get()) as { value: DriveItem[] }).value;
      expect(names.map((n) => n.name)).not.toContain('utgangen.bin');
    });
  });

  it('makes a folder read-only for members: invite with read and retainInheritedPermissions false', async () => {
    const archive = await folder(chair, 'Arkiv 2027-04-15');
    await upload(coordinator, archive.id!, 'protokoll.pdf', bytes(10));
    const granted = (await chair.api(`${base}/items/${archive.id}/invite`).post({
      recipients: [{ email: COORDINATOR }],
      roles: ['read'],
      requireSignIn: true,
      sendInvitation: false,
      retainInheritedPermissions: false,
    })) as { value: Permission[] };
    expect(granted.value).toEqual([expect.objectContaining({ roles: ['read'], grantedToV2: expect.anything() })]);
    await expect(upload(coordinator, archive.id!, 'andrat.pdf', bytes(3))).rejects.toMatchObject({
      statusCode: 403,
      code: 'accessDenied',
    });
    // The coordinator still reads it; the chair, who shared it, keeps owner access.
    expect(
      ((await coordinator.api(`${base}/items/${archive.id}/children`).get()) as { value: unknown[] }).value,
    ).toHaveLength(1);
    await upload(chair, archive.id!, 'bilaga.pdf', bytes(3));
    const perms = (await chair.api(`${base}/items/${archive.id}/permissions`).get()) as { value: Permission[] };
    expect(perms.value.map((p) => p.roles)).toEqual([['owner'], ['read']]);
    await expect(
      chair.api(`${base}/items/${archive.id}/invite`).post({ recipients: [{ email: COORDINATOR }], roles: ['owner'] }),
    ).rejects.toMatchObject({ statusCode: 400 });
  });

  it("refuses a token without the operation's permission, in Graph's words", async () => {
    const narrow = await startTestTenant({
      app: { delegatedPermissions: ['User.Read'], applicationPermissions: ['Files.ReadWrite.All'] },
    });
    try {
      const user = await userClient(narrow, CHAIR);
      await expect(user.api(`${base}/root/children`).get()).rejects.toMatchObject({
        statusCode: 403,
        message: expect.stringMatching(
          /^Missing scope permissions on the request\. API requires one of 'Files\.Read, /,
        ),
      });
      // createUploadSession app-only takes Sites.ReadWrite.All only (not Files.ReadWrite.All, unlike put-content).
      const appOnly = await appClient(narrow);
      await expect(appOnly.api(`${base}/items/root:/x.bin:/createUploadSession`).post({})).rejects.toMatchObject({
        statusCode: 403,
      });
      expect(await appOnly.api(`${base}/root/children`).get()).toMatchObject({ value: [] });
    } finally {
      await narrow.close();
    }
  });
});

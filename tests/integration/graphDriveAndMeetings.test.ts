import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Event } from '@microsoft/microsoft-graph-types';
import { GraphRequestError } from '../../api/graph/errors';
import type { GraphGateway } from '../../api/graph/gateway';
import { quickXorHash } from '../../infra/graph-emulator/src/resources/drives/quickXor';
import { SITE_HOSTNAME, SITE_PATH } from '../../infra/graph-emulator/src/resources/sitesConfig';
import { CHAIR, COORDINATOR, MEMBER_GUEST, userClient } from '../../infra/graph-emulator/tests/support';
import { control, requestLogSeq, requestsSince, startStack, type Stack } from './support/stack';

jest.setTimeout(120_000);

function bytes(n: number, seed: number): Uint8Array {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = (i * 13 + seed) & 0xff;
  return b;
}

describe('api/graph drive and onlineMeetings clients against the local tenant, as the app is registered', () => {
  let stack: Stack;
  let chair: GraphGateway;
  let coordinator: GraphGateway;
  let driveId: string;

  beforeAll(async () => {
    stack = await startStack();
    chair = stack.server.services.graph.forUser(await stack.token(CHAIR));
    coordinator = stack.server.services.graph.forUser(await stack.token(COORDINATOR));
    const site = await chair.getSiteByPath(SITE_HOSTNAME, SITE_PATH);
    driveId = (await chair.siteDrive(site.id!)).id!;
  });
  afterAll(async () => stack.close());

  it('creates a folder, uploads a small file in one PUT and a 6 MB file through a session with progress', async () => {
    const folder = await chair.createFolder(driveId, 'root', 'Vårmöte 2027');
    const seq = await requestLogSeq(stack.tenant);
    const small = bytes(200_000, 1);
    const item = await chair.uploadFile(driveId, folder.id!, 'Dagordning.pdf', small);
    expect(item).toMatchObject({ name: 'Dagordning.pdf', size: small.length });
    const simple = (await requestsSince(stack.tenant, seq)).filter((r) => r.path.startsWith('/v1.0/'));
    expect(simple.map((r) => r.method)).toEqual(['PUT']);

    const large = bytes(6 * 1024 * 1024, 2);
    const progress: number[] = [];
    const big = await chair.uploadFile(driveId, folder.id!, 'Handling 6 MB.pdf', large, {
      onProgress: (sent, total) => {
        expect(total).toBe(large.length);
        progress.push(sent);
      },
    });
    expect(big.size).toBe(large.length);
    expect(big.file?.hashes?.quickXorHash).toBe(quickXorHash(large));
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(large.length);
    const log = await requestsSince(stack.tenant, seq);
    expect(log.some((r) => r.path.endsWith(':/createUploadSession'))).toBe(true);

    expect((await chair.listFolder(driveId, folder.id!)).map((i) => i.name)).toEqual([
      'Dagordning.pdf',
      'Handling 6 MB.pdf',
    ]);
    expect(Buffer.from(await chair.downloadFile(driveId, big.id!)).equals(Buffer.from(large))).toBe(true);
    await expect(chair.createFolder(driveId, 'root', 'Vårmöte 2027')).rejects.toMatchObject({
      status: 409,
      code: 'nameAlreadyExists',
    });
  });

  it('makes sure of a folder path: created level by level once, then found with one GET', async () => {
    const path = ['Möteshandlingar', 'Samverkansgruppen – vårmöte 2027'];
    const created = await chair.ensureFolders(driveId, path);
    const before = await requestLogSeq(stack.tenant);
    const again = await chair.ensureFolders(driveId, path);
    const log = (await requestsSince(stack.tenant, before)).filter((r) => r.path.startsWith('/v1.0/'));
    expect(again.id).toBe(created.id);
    expect(log.map((r) => r.method)).toEqual(['GET']);
    expect((await chair.listFolder(driveId, 'root')).filter((i) => i.name === 'Möteshandlingar')).toHaveLength(1);
  });

  it('makes a folder read-only for a member: reads still work, writes are refused', async () => {
    const folder = await chair.createFolder(driveId, 'root', 'Arkiv vårmöte 2027');
    await chair.uploadFile(driveId, folder.id!, 'protokoll.pdf', bytes(1000, 3));
    const granted = await chair.makeReadOnly(driveId, folder.id!, [COORDINATOR]);
    expect(granted.map((p) => p.roles)).toEqual([['read']]);
    expect((await coordinator.listFolder(driveId, folder.id!)).map((i) => i.name)).toEqual(['protokoll.pdf']);
    const refused = await coordinator.uploadFile(driveId, folder.id!, 'ny.pdf', bytes(10, 4)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(GraphRequestError);
    expect(refused).toMatchObject({ status: 403, code: 'accessDenied' });
  });

  it('works app-only through the Sites.Selected grant on the site, also for upload sessions', async () => {
    const app = stack.server.services.graph.forApp();
    const folder = await app.createFolder(driveId, 'root', 'Appens mapp');
    const big = await app.uploadFile(driveId, folder.id!, 'stor.bin', bytes(5 * 1024 * 1024, 5));
    expect(big.createdBy?.application?.id).toBe(stack.tenant.clientId);
    expect((await app.listFolder(driveId, folder.id!)).map((i) => i.name)).toEqual(['stor.bin']);
  });

  it("finds the event's Teams meeting by join URL and reads its attendance report after the meeting", async () => {
    const organiser = await userClient(stack.tenant, CHAIR);
    const event = (await organiser.api('/me/events').post({
      subject: 'Samverkansgruppen vårmöte',
      start: { dateTime: '2027-04-15T09:00:00', timeZone: 'Europe/Stockholm' },
      end: { dateTime: '2027-04-15T12:00:00', timeZone: 'Europe/Stockholm' },
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
    })) as Event;
    const joinWebUrl = event.onlineMeeting!.joinUrl!;
    const meeting = await chair.findByJoinUrl(joinWebUrl);
    expect(meeting?.joinWebUrl).toBe(joinWebUrl);
    expect(await coordinator.findByJoinUrl(joinWebUrl)).toBeUndefined();
    expect(await chair.attendanceReports(meeting!.id!)).toEqual([]);
    const presence = (what: string, user: string, at: string) =>
      control(stack.tenant, 'POST', `/online-meetings/${what}`, { joinWebUrl, user, at });
    await presence('join', CHAIR, '2027-04-15T07:00:00Z');
    await presence('join', MEMBER_GUEST, '2027-04-15T07:15:00Z');
    await presence('leave', MEMBER_GUEST, '2027-04-15T09:15:00Z');
    await presence('leave', CHAIR, '2027-04-15T10:00:00Z');
    const [report] = await chair.attendanceReports(meeting!.id!);
    expect(report).toMatchObject({ totalParticipantCount: 2 });
    const records = await chair.attendanceRecords(meeting!.id!, report!.id!);
    expect(records.find((r) => r.emailAddress === MEMBER_GUEST)?.totalAttendanceInSeconds).toBe(2 * 3600);
    const inline = await chair.attendanceReport(meeting!.id!, report!.id!);
    expect(inline.attendanceRecords?.map((r) => r.emailAddress).sort()).toEqual([CHAIR, MEMBER_GUEST].sort());
  });
});

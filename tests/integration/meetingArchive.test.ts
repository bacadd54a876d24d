import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { CHAIR, COORDINATOR, MEMBER_GUEST, userClient } from '../../infra/graph-emulator/tests/support';
import { candidateDays, seasonWindow, toIsoDate } from '../../src/domain';
import { requestLogSeq, requestsSince, startStack, type Stack } from './support/stack';

jest.setTimeout(180_000);

const STODGRUPP_MEMBER = 'anna.sjoberg@skelleftea.se';
const adjusters = ['erik.lundqvist@umea.se', STODGRUPP_MEMBER];
const today = toIsoDate(new Date());
const thisYear = Number(today.slice(0, 4));
const pastAutumnYear = today.slice(5, 7) >= '11' ? thisYear : thisYear - 1;
const pastAutumnDay = candidateDays(seasonWindow(pastAutumnYear, 'host'))[14] as string;

interface Metadata {
  meeting: { title: string; start: string; end: string; place?: string };
  organisationsPresent: string[];
  decisions: { paragraph: string; text: string }[];
  documents: { name: string; size: number; sha256: string }[];
}

describe('the archive package of a signed protokoll', () => {
  let stack: Stack;
  let chair: string;
  let coordinator: string;
  let member: string;
  let stodgruppMember: string;
  let meetingId: string;

  beforeAll(async () => {
    stack = await startStack();
    await stack.prepare();
    [chair, coordinator, member, stodgruppMember] = (await Promise.all(
      [CHAIR, COORDINATOR, MEMBER_GUEST, STODGRUPP_MEMBER].map((user) => stack.token(user)),
    )) as [string, string, string, string];
    const sent = await stack.call('/api/meetings', {
      token: chair,
      method: 'POST',
      body: {
        group: 'samverkansgrupp',
        season: 'host',
        date: pastAutumnDay,
        startTime: '09:30',
        endTime: '12:00',
        room: 'Regionens hus, sal Vindeln',
        online: true,
        idempotencyKey: randomUUID(),
      },
    });
    expect(sent.status).toBe(201);
    const meeting = ((await sent.json()) as { meeting: { id: string; title: string } }).meeting;
    meetingId = meeting.id;
    // A handling of the meeting, where the draft's uploads go (Möteshandlingar/<title>): the archive copies it.
    const app = stack.server.services.graph.forApp();
    const driveId = String((await app.siteDrive(await stack.server.services.site.resolveSite(app))).id);
    const handlingar = await app.ensureFolders(driveId, ['Möteshandlingar', meeting.title]);
    await app.uploadFile(driveId, handlingar.id!, 'lagesrapport.pdf', new Uint8Array(5000).fill(37));
    const rows = [CHAIR, COORDINATOR, ...adjusters].map((email) => ({ email, present: true }));
    const attendance = await stack.call(`/api/meetings/${meetingId}/attendance`, {
      token: coordinator,
      method: 'PUT',
      body: { rows },
    });
    expect(attendance.status).toBe(200);
    const decision = await stack.call(`/api/meetings/${meetingId}/decisions`, {
      token: coordinator,
      method: 'POST',
      body: { kind: 'budget', text: 'Budgeten fastställs enligt förslaget.', ownerEmail: COORDINATOR },
    });
    expect(decision.status).toBe(201);
    const drafted = await stack.call(`/api/meetings/${meetingId}/protocol`, {
      token: coordinator,
      method: 'PUT',
      body: { secretaryEmail: COORDINATOR, chairEmail: CHAIR, adjusterEmails: adjusters },
    });
    expect(drafted.status).toBe(200);
  });
  afterAll(async () => stack.close());

  it('approved in order, the meeting is filed once in Arkiv/<year>/<title> with checksums, read-only for members', async () => {
    // The secretary, then the chair, then the two justerare (#16).
    for (const token of [coordinator, chair, member]) {
      expect((await stack.call(`/api/meetings/${meetingId}/protocol/approve`, { token, method: 'POST' })).status).toBe(
        200,
      );
    }
    const key = randomUUID();
    const approve = () =>
      stack.call(`/api/meetings/${meetingId}/protocol/approve`, {
        token: stodgruppMember,
        method: 'POST',
        headers: { 'Idempotency-Key': key },
      });
    const filing = await requestLogSeq(stack.tenant);
    const second = await approve();
    expect(second.status).toBe(200);
    expect(((await second.json()) as { protocol: { status: string } }).protocol.status).toBe('justerat');

    const app = stack.server.services.graph.forApp();
    const driveId = String((await app.siteDrive(await stack.server.services.site.resolveSite(app))).id);
    const records = (await (await stack.call('/api/meetings/records', { token: member })).json()) as {
      meetings: { id: string; title: string; archiveUrl?: string }[];
    };
    const record = records.meetings.find((m) => m.id === meetingId)!;
    expect(record.archiveUrl).toBeTruthy();
    const folder = await app.itemAtPath(driveId, ['Arkiv', String(pastAutumnYear), record.title]);
    expect(folder?.id).toBeDefined();
    const files = await app.listFolder(driveId, folder!.id!);
    const names = files.map((f) => f.name).sort();
    for (const name of [
      'lagesrapport.pdf',
      'dagordning.txt',
      'kallelse.html',
      'metadata.json',
      'narvaro.csv',
      'protokoll.pdf',
    ]) {
      expect(names).toContain(name);
    }
    const bytes = new Map<string, Uint8Array>();
    for (const file of files) bytes.set(file.name!, await app.downloadFile(driveId, file.id!));
    const metadata = JSON.parse(Buffer.from(bytes.get('metadata.json')!).toString('utf8')) as Metadata;
    expect(metadata.meeting.start).toMatch(/^\d{4}-\d\d-\d\dT09:30:00\+0[12]:00$/);
    expect(metadata.decisions.map((d) => d.text)).toContain('Budgeten fastställs enligt förslaget.');
    expect(metadata.documents.map((d) => d.name).sort()).toEqual(names.filter((n) => n !== 'metadata.json'));
    for (const doc of metadata.documents) {
      const got = bytes.get(doc.name)!;
      expect(got.length).toBe(doc.size);
      expect(createHash('sha256').update(got).digest('hex')).toBe(doc.sha256);
    }
    expect(Buffer.from(bytes.get('narvaro.csv')!).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));

    // Each file went up once, with conflictBehavior fail; the folder was made read-only once.
    const filed = await requestsSince(stack.tenant, filing);
    const puts = filed.filter((r) => r.method === 'PUT' && r.path.includes('/content') && r.status < 300);
    expect(puts).toHaveLength(files.length);
    expect(filed.filter((r) => r.method === 'POST' && r.path.endsWith('/invite'))).toHaveLength(1);

    // A member may read but not write.
    const erik = await userClient(stack.tenant, adjusters[0] as string);
    await erik.api(`/drives/${driveId}/items/${folder!.id}/children`).get();
    const write = await erik
      .api(`/drives/${driveId}/items/${folder!.id}:/nytt.txt:/content`)
      .header('Content-Type', 'application/octet-stream')
      .put(new Uint8Array([120]))
      .then(
        () => 200,
        (error: { statusCode?: number; message?: string }) => `${error.statusCode} ${error.message}`,
      );
    expect(write).toMatch(/^403 /);

    // A repeat of the approval files nothing twice.
    const before = await requestLogSeq(stack.tenant);
    const again = await approve();
    expect(again.status).toBe(200);
    const log = await requestsSince(stack.tenant, before);
    expect(log.filter((r) => r.method === 'PUT' && r.path.includes('/content'))).toHaveLength(0);
    expect((await app.listFolder(driveId, folder!.id!)).length).toBe(files.length);
  });
});

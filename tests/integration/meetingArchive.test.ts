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
    const driveId = await stack.server.services.site.resolveDrive(app);
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

  it('approved in order, it waits for the samordnare, who files it once; the justerare can only read it', async () => {
    // The secretary, then the chair, then the two justerare (#16).
    for (const token of [coordinator, chair, member]) {
      expect((await stack.call(`/api/meetings/${meetingId}/protocol/approve`, { token, method: 'POST' })).status).toBe(
        200,
      );
    }
    const second = await stack.call(`/api/meetings/${meetingId}/protocol/approve`, {
      token: stodgruppMember,
      method: 'POST',
      headers: { 'Idempotency-Key': randomUUID() },
    });
    expect(second.status).toBe(200);
    expect(((await second.json()) as { protocol: { status: string } }).protocol.status).toBe('justerat');

    // The last approval files nothing: the folder is not there, and the samordnare's "Att göra" says so.
    const app = stack.server.services.graph.forApp();
    const driveId = await stack.server.services.site.resolveDrive(app);
    const title = (
      (await (await stack.call(`/api/meetings/${meetingId}`, { token: member })).json()) as {
        meeting: { title: string };
      }
    ).meeting.title;
    expect(await app.itemAtPath(driveId, ['Arkiv', String(pastAutumnYear), title])).toBeUndefined();
    const todoOf = async (token: string) =>
      ((await (await stack.call('/api/todo', { token })).json()) as { items: { kind: string; meetingId?: string }[] })
        .items;
    const archiveTodo = (items: { kind: string; meetingId?: string }[]) =>
      items.filter((item) => item.kind === 'archiveProtocol' && item.meetingId === meetingId);
    expect(archiveTodo(await todoOf(coordinator))).toHaveLength(1);
    expect(archiveTodo(await todoOf(stodgruppMember))).toHaveLength(0);

    // "Arkivera mötet": the samordnare's delegated call files it.
    const filing = await requestLogSeq(stack.tenant);
    const archive = () =>
      stack.call(`/api/meetings/${meetingId}/archive`, {
        token: coordinator,
        method: 'POST',
        headers: { 'Idempotency-Key': randomUUID() },
      });
    const filed = await archive();
    expect(filed.status).toBe(200);
    const record = ((await filed.json()) as { meeting: { title: string; archiveUrl?: string } }).meeting;
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

    // Each file went up once, with conflictBehavior fail, as the samordnare; the folder was made read-only once.
    const log = await requestsSince(stack.tenant, filing);
    const puts = log.filter((r) => r.method === 'PUT' && r.path.includes('/content') && r.status < 300);
    expect(puts).toHaveLength(files.length);
    expect(puts.every((r) => r.principal === 'delegated')).toBe(true);
    expect(log.filter((r) => r.method === 'POST' && r.path.endsWith('/invite'))).toHaveLength(1);
    // The readers are looked up in $batch round trips of 20, never one request per person.
    const userLookup = (r: { method: string; path: string }) =>
      r.method === 'GET' && /^\/v1\.0\/users(\?|$)/.test(r.path);
    const lookups = log.filter((r) => userLookup(r) && r.batchInner);
    expect(lookups.length).toBeGreaterThan(1);
    expect(log.filter((r) => userLookup(r) && !r.batchInner)).toHaveLength(0);
    expect(log.filter((r) => r.method === 'POST' && r.path.endsWith('/$batch') && !r.batchInner)).toHaveLength(
      Math.ceil(lookups.length / 20),
    );

    // A justerare may read but not write; the samordnare owns the folder, the justerare only reads it.
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
    const permissions = await app.driveItemPermissions(driveId, folder!.id!);
    const rolesOf = (email: string) =>
      permissions
        .filter((p) => (p.grantedToV2?.user as { email?: string } | undefined)?.email?.toLowerCase() === email)
        .flatMap((p) => p.roles ?? []);
    expect(rolesOf(COORDINATOR)).toContain('owner');
    for (const adjuster of adjusters) expect(rolesOf(adjuster)).toEqual(['read']);

    // A repeat archives nothing new, and the todo is gone.
    const before = await requestLogSeq(stack.tenant);
    const again = await archive();
    expect(again.status).toBe(200);
    const repeat = await requestsSince(stack.tenant, before);
    expect(repeat.filter((r) => r.method === 'PUT' && r.path.includes('/content'))).toHaveLength(0);
    expect(repeat.filter((r) => r.path.endsWith('/invite'))).toHaveLength(0);
    expect((await app.listFolder(driveId, folder!.id!)).length).toBe(files.length);
    expect(archiveTodo(await todoOf(coordinator))).toHaveLength(0);
  });
});

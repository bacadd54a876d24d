import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { COORDINATOR } from '../../infra/graph-emulator/tests/support';
import { candidateDays, seasonWindow, toIsoDate } from '../../src/domain';
import { readPdf } from '../support/readPdf';
import { startStack, type Stack } from './support/stack';

jest.setTimeout(180_000);

/** Stödgruppen's minnesanteckningar (#16): same structure as the protokoll, fastställda by the secretary, no justering. */
const STODGRUPP_MEMBER = 'anna.sjoberg@skelleftea.se';
const today = toIsoDate(new Date());
const thisYear = Number(today.slice(0, 4));
const pastYear = today.slice(5, 7) >= '11' ? thisYear : thisYear - 1;
const pastDay = candidateDays(seasonWindow(pastYear, 'host'))[9] as string;

interface View {
  kind?: string;
  status: string;
  version?: number;
  approvals: { personId: string; at: string }[];
  lockedAt?: string;
  sections?: { title: string; justering: unknown[]; faststallande?: string };
}

describe('stödgruppen’s minnesanteckningar', () => {
  let stack: Stack;
  let coordinator: string;
  let member: string;
  let meetingId: string;
  const call = (path: string, token: string, init: { method?: string; body?: unknown; headers?: object } = {}) =>
    stack.call(`/api/meetings/${meetingId}${path}`, { token, ...init } as Parameters<Stack['call']>[1]);
  const messageOf = async (response: Response) => JSON.stringify(await response.json());

  beforeAll(async () => {
    stack = await startStack();
    await stack.prepare();
    [coordinator, member] = (await Promise.all([COORDINATOR, STODGRUPP_MEMBER].map((u) => stack.token(u)))) as [
      string,
      string,
    ];
    const sent = await stack.call('/api/meetings', {
      token: coordinator,
      method: 'POST',
      body: {
        group: 'stodgrupp',
        date: pastDay,
        startTime: '10:00',
        endTime: '11:30',
        online: true,
        idempotencyKey: randomUUID(),
      },
    });
    expect(sent.status).toBe(201);
    meetingId = ((await sent.json()) as { meeting: { id: string } }).meeting.id;
  });
  afterAll(async () => stack.close());

  it('närvaro, notes per point, fastställd once by the secretary, locked, printed and filed by the samordnare', async () => {
    const rows = [COORDINATOR, STODGRUPP_MEMBER].map((email) => ({ email, present: true }));
    expect((await call('/attendance', coordinator, { method: 'PUT', body: { rows } })).status).toBe(200);
    const minutes = (await (await call('/minutes', coordinator)).json()) as { minutes: { items: { id: string }[] } };
    const point = minutes.minutes.items[0]!.id;
    const note = 'Förslag till samverkansgruppen: en tillsynsdag i Åsele under hösten.';
    const saved = await call(`/minutes/${point}`, coordinator, {
      method: 'PUT',
      body: { text: note },
      headers: { 'If-Match': '*' },
    });
    expect(saved.status).toBe(200);

    // Stödgruppen decides nothing (Beslut refuses it), and its minnesanteckningar have no chair and no justerare.
    const decision = await call('/decisions', coordinator, { method: 'POST', body: { kind: 'budget', text: 'X.' } });
    expect(decision.status).toBeGreaterThanOrEqual(400);
    expect(await messageOf(decision)).toContain('stödgruppen lämnar förslag');
    const withAdjusters = await call('/protocol', coordinator, {
      method: 'PUT',
      body: { secretaryEmail: COORDINATOR, adjusterEmails: [STODGRUPP_MEMBER] },
    });
    expect(withAdjusters.status).toBe(400);
    expect(await messageOf(withAdjusters)).toContain('Minnesanteckningar har ingen mötesordförande eller justerare');
    const drafted = await call('/protocol', coordinator, { method: 'PUT', body: { secretaryEmail: COORDINATOR } });
    expect(drafted.status).toBe(200);
    const draft = ((await drafted.json()) as { protocol: View; approvalCards: unknown[] }) ?? {};
    expect(draft.protocol).toMatchObject({ kind: 'minnesanteckningar', status: 'utkast' });
    expect(draft.approvalCards).toEqual([]);

    // Only the secretary fastställer; twice with the same Idempotency-Key is one fastställande.
    const byMember = await call('/protocol/approve', member, {
      method: 'POST',
      body: { version: draft.protocol.version },
    });
    expect(byMember.status).toBeGreaterThanOrEqual(400);
    const key = randomUUID();
    const confirm = (idempotencyKey: string) =>
      call('/protocol/approve', coordinator, {
        method: 'POST',
        body: { version: draft.protocol.version },
        headers: { 'Idempotency-Key': idempotencyKey },
      });
    const first = (await (await confirm(key)).json()) as { protocol: View };
    const again = await confirm(key);
    expect(again.status).toBe(200);
    const second = ((await again.json()) as { protocol: View }).protocol;
    expect(first.protocol.status).toBe('faststallt');
    expect(second.approvals).toEqual(first.protocol.approvals);
    expect(second.approvals).toHaveLength(1);
    expect(second.sections?.justering).toEqual([]);
    expect(second.sections?.faststallande).toMatch(/^Fastställda av .+ kl\. \d\d:\d\d$/);
    const pressedAgain = ((await (await confirm(randomUUID())).json()) as { protocol: View }).protocol;
    expect(pressedAgain.approvals).toEqual(first.protocol.approvals);

    // Locked: a change is refused in Swedish.
    const late = await call(`/minutes/${point}`, coordinator, {
      method: 'PUT',
      body: { text: 'Ändrat efteråt.' },
      headers: { 'If-Match': '*' },
    });
    expect(late.status).toBeGreaterThanOrEqual(400);
    expect(await messageOf(late)).toContain('Minnesanteckningarna är fastställda och kan inte ändras.');
    const lateAttendance = await call('/attendance', coordinator, { method: 'PUT', body: { rows } });
    expect(await messageOf(lateAttendance)).toContain('Minnesanteckningarna är fastställda och kan inte ändras.');

    // The PDF: Minnesanteckningar, no justering page, the closing line and the content's SHA-256.
    const pdfResponse = await call('/protocol.pdf', member);
    expect(pdfResponse.status).toBe(200);
    expect(pdfResponse.headers.get('content-disposition')).toContain(`minnesanteckningar-${meetingId}.pdf`);
    const pdf = await readPdf(new Uint8Array(await pdfResponse.arrayBuffer()));
    expect(pdf.title).toMatch(/^Minnesanteckningar – Stödgruppen /);
    expect(pdf.outline.map((entry) => entry.title)).toEqual(['Kallelse', 'Närvaro', 'Dagordning', 'Fastställande']);
    const body = pdf.pages.map((lines) => lines.join('\n')).join('\n');
    expect(body).not.toMatch(/Justering|Justerare/);
    expect(body).toContain(note);
    expect(body).toContain(`${second.sections?.faststallande}.`);
    expect(body).toMatch(/\b[0-9a-f]{64}\b/);

    // The samordnare's Att göra, then "Arkivera mötet" files the folder with minnesanteckningar.pdf.
    const todo = (await (await stack.call('/api/todo', { token: coordinator })).json()) as {
      items: { kind: string; meetingId?: string; document?: string }[];
    };
    expect(todo.items).toContainEqual(
      expect.objectContaining({ kind: 'archiveProtocol', meetingId, document: 'minnesanteckningar' }),
    );
    const filed = await call('/archive', coordinator, {
      method: 'POST',
      headers: { 'Idempotency-Key': randomUUID() },
    });
    expect(filed.status).toBe(200);
    const record = ((await filed.json()) as { meeting: { title: string; archiveUrl?: string } }).meeting;
    expect(record.archiveUrl).toBeTruthy();
    const app = stack.server.services.graph.forApp();
    const driveId = await stack.server.services.site.resolveDrive(app);
    const folder = await app.itemAtPath(driveId, ['Arkiv', String(pastYear), record.title]);
    const files = await app.listFolder(driveId, folder!.id!);
    const names = files.map((f) => f.name).sort();
    expect(names).toEqual([
      'dagordning.txt',
      'kallelse.html',
      'metadata.json',
      'minnesanteckningar.pdf',
      'narvaro.csv',
    ]);
    const bytesOf = async (name: string) => app.downloadFile(driveId, files.find((f) => f.name === name)!.id!);
    const metadata = JSON.parse(Buffer.from(await bytesOf('metadata.json')).toString('utf8')) as {
      kind: string;
      documents: { name: string; sha256: string }[];
    };
    expect(metadata.kind).toBe('minnesanteckningar');
    const filedPdf = await bytesOf('minnesanteckningar.pdf');
    expect(metadata.documents.find((d) => d.name === 'minnesanteckningar.pdf')?.sha256).toBe(
      createHash('sha256').update(filedPdf).digest('hex'),
    );
    const after = (await (await stack.call('/api/todo', { token: coordinator })).json()) as {
      items: { kind: string; meetingId?: string }[];
    };
    expect(after.items.filter((i) => i.kind === 'archiveProtocol' && i.meetingId === meetingId)).toEqual([]);
  });
});

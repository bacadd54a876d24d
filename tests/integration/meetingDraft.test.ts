import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { KallelsePreview, MeetingDraftView } from '../../src/contract';
import { candidateDays, seasonWindow, toIsoDate } from '../../src/domain';
import { appClient, CHAIR, COORDINATOR, MEMBER_GUEST } from '../../infra/graph-emulator/tests/support';
import { control, requestLogSeq, requestsSince, startStack, type Stack } from './support/stack';

jest.setTimeout(180_000);

const STODGRUPP = 'anna.sjoberg@skelleftea.se';
const today = toIsoDate(new Date());
/** A spring wholly in the future, so that every day of its window can be called. */
const year = Number(today.slice(0, 4)) + 1;
const springDay = candidateDays(seasonWindow(year, 'var'))[3]!;

function bytes(n: number, seed: number): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = (i * 31 + seed) & 0xff;
  return b;
}

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

describe('preparing a meeting as a draft (issue #16)', () => {
  let stack: Stack;
  let chair: string;
  let coordinator: string;
  let member: string;
  let draft: MeetingDraftView;

  const post = (path: string, token: string, body: unknown, headers: Record<string, string> = {}) =>
    stack.call(path, { token, method: 'POST', body, headers });
  const upload = (token: string, itemId: string, name: string, body: Buffer) =>
    fetch(`${stack.url}/api/meetings/drafts/${draft.id}/items/${itemId}/documents?name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(body),
    });
  const putAgenda = (token: string, items: unknown, etag: string) =>
    stack.call(`/api/meetings/drafts/${draft.id}/agenda`, {
      token,
      method: 'PUT',
      body: { items },
      headers: { 'if-match': etag },
    });
  const editable = (items: MeetingDraftView['items']) =>
    items.map(({ id, kind, title, text, presenterId }) => ({
      id,
      kind,
      title,
      ...(text ? { text } : {}),
      ...(presenterId ? { presenterId } : {}),
    }));

  beforeAll(async () => {
    stack = await startStack();
    await stack.prepare();
    const tokens = await Promise.all([CHAIR, COORDINATOR, MEMBER_GUEST, STODGRUPP].map((user) => stack.token(user)));
    [chair, coordinator, member] = tokens as [string, string, string];
    const stodgrupp = tokens[3]!;
    // What the app knows before the draft: a proposal for the spring, an open follow-up.
    const activity = await post('/api/activities', stodgrupp, {
      title: 'Brandskydd i detaljplan',
      area: 'kompetensutveckling',
      targetGroups: ['kommuner'],
      startDate: `${year}-03-10`,
      endDate: `${year}-03-10`,
      responsibleOrganisationId: 'skelleftea',
      budgetedCostOre: 1_000_000,
      description: 'Halvdagsseminarium med Räddningstjänsten.',
    });
    expect(activity.status).toBe(201);
    const decision = await post('/api/decisions', coordinator, {
      meetingId: 'per-capsulam',
      kind: 'delegering',
      text: 'Handläggningstiderna följs upp.',
      decidedOn: today,
      ownerEmail: COORDINATOR,
      followUpDue: `${year}-03-01`,
    });
    expect(decision.status).toBe(201);
  });
  afterAll(async () => stack?.close());

  it('creates the draft once per Idempotency-Key, with proposed points and their sources', async () => {
    const key = randomUUID();
    const body = { group: 'samverkansgrupp', year, season: 'var' };
    const first = await post('/api/meetings/drafts', chair, body, { 'idempotency-key': key });
    expect(first.status).toBe(201);
    draft = (await json<{ draft: MeetingDraftView }>(first)).draft;
    const again = await post('/api/meetings/drafts', chair, body, { 'idempotency-key': key });
    expect((await json<{ draft: MeetingDraftView }>(again)).draft.id).toBe(draft.id);
    const { drafts } = await json<{ drafts: MeetingDraftView[] }>(
      await stack.call('/api/meetings/drafts', { token: member }),
    );
    expect(drafts.map((d) => d.id)).toEqual([draft.id]);
    // A draft is no meeting yet: the register's readers do not see it.
    const records = await json<{ meetings: { id: string }[] }>(
      await stack.call('/api/meetings/records', { token: chair }),
    );
    expect(records.meetings.map((m) => m.id)).not.toContain(draft.id);

    expect(draft.title).toBe(`Samverkansgruppen – vårmöte ${year}`);
    const sources = draft.items.map((i) => i.source.kind);
    expect(sources).toEqual(expect.arrayContaining(['staende', 'forslag', 'uppfoljning', 'ekonomi', 'nasta_mote']));
    const proposal = draft.items.find((i) => i.source.kind === 'forslag')!;
    expect(proposal).toMatchObject({ kind: 'beslut', title: expect.stringContaining('Brandskydd i detaljplan') });
    expect(proposal.source.ref).toMatch(/^activity:/);
    const followUp = draft.items.find((i) => i.source.kind === 'uppfoljning')!;
    expect(followUp.text).toContain('Handläggningstiderna följs upp.');
    // Föredragande shown by name from Kontakter.
    expect(draft.items.find((i) => i.source.kind === 'ekonomi')!.presenterName).toBe('Karin Nordström');
    expect(draft.items.at(-2)!.title).toBe('Övriga frågor');
  });

  it('refuses a member in Swedish', async () => {
    const refused = await post('/api/meetings/drafts', member, { group: 'samverkansgrupp', year, season: 'host' });
    expect(refused.status).toBe(403);
    expect((await json<{ error: { message: string } }>(refused)).error.message).toMatch(/^Du har inte behörighet/);
    const edit = await putAgenda(member, editable(draft.items), draft.etag);
    expect(edit.status).toBe(403);
    const file = await upload(member, 'p1', 'x.pdf', bytes(10, 1));
    expect(file.status).toBe(403);
  });

  it('keeps two editors from overwriting each other: the second gets 409 with the current dagordning', async () => {
    const reordered = editable(draft.items);
    const moved = reordered.splice(4, 1)[0]!;
    reordered.splice(2, 0, moved);
    const chairEdit = await putAgenda(
      chair,
      [...reordered, { kind: 'diskussion', title: 'Digital bygglovsprocess' }],
      draft.etag,
    );
    expect(chairEdit.status).toBe(200);
    const afterChair = (await json<{ draft: MeetingDraftView }>(chairEdit)).draft;
    expect(chairEdit.headers.get('etag')).toBe(afterChair.etag);
    expect(afterChair.items[2]!.id).toBe(moved.id);
    expect(afterChair.items.at(-1)).toMatchObject({ title: 'Digital bygglovsprocess', source: { kind: 'redaktor' } });

    const stale = await putAgenda(coordinator, editable(draft.items).slice(0, 3), draft.etag);
    expect(stale.status).toBe(409);
    const conflict = await json<{ error: { message: string; current: MeetingDraftView } }>(stale);
    expect(conflict.error.message).toMatch(/ändrat/);
    expect(conflict.error.current.etag).toBe(afterChair.etag);
    expect(conflict.error.current.items.map((i) => i.title)).toEqual(afterChair.items.map((i) => i.title));
    draft = afterChair;
  });

  it('uploads a small handling in one PUT and a large one through an upload session, into the site library', async () => {
    const item = draft.items.find((i) => i.source.kind === 'forslag')!;
    const seq = await requestLogSeq(stack.tenant);
    const small = await upload(coordinator, item.id, 'Förslag brandskydd.pdf', bytes(300_000, 2));
    expect(small.status).toBe(201);
    const large = bytes(5 * 1024 * 1024 + 123, 3);
    const big = await upload(chair, item.id, 'Underlag 5 MB.pdf', large);
    expect(big.status).toBe(201);
    const answer = await json<{ draft: MeetingDraftView; document: { id: string; size: number; webUrl: string } }>(big);
    expect(answer.document.size).toBe(large.length);
    const log = (await requestsSince(stack.tenant, seq)).filter((r) => r.path.startsWith('/v1.0/'));
    expect(log.some((r) => r.method === 'PUT' && r.path.includes(':/content'))).toBe(true);
    expect(log.some((r) => r.path.includes(':/createUploadSession'))).toBe(true);

    draft = answer.draft;
    const docs = draft.items.find((i) => i.id === item.id)!.documents;
    expect(docs.map((d) => [d.name, d.size])).toEqual([
      ['Förslag brandskydd.pdf', 300_000],
      ['Underlag 5 MB.pdf', large.length],
    ]);
    expect(docs[0]!.webUrl).toContain('M%C3%B6teshandlingar');

    // The files are in the tenant's drive, in Möteshandlingar/<title>, with the bytes sent.
    const app = stack.server.services.graph.forApp();
    const driveId = String((await app.siteDrive(await stack.server.services.site.resolveSite(app))).id);
    const folder = await app.itemAtPath(driveId, ['Möteshandlingar', draft.title]);
    expect((await app.listFolder(driveId, folder!.id!)).map((f) => f.name)).toEqual([
      'Förslag brandskydd.pdf',
      'Underlag 5 MB.pdf',
    ]);
    expect(Buffer.from(await app.downloadFile(driveId, answer.document.id)).equals(large)).toBe(true);
  });

  it('refuses what is over the limits, in Swedish, before anything is uploaded', async () => {
    const item = draft.items.find((i) => i.source.kind === 'forslag')!;
    const seq = await requestLogSeq(stack.tenant);
    const tooLarge = await upload(chair, item.id, 'Stor.pdf', bytes(25 * 1024 * 1024 + 1, 4));
    expect(tooLarge.status).toBe(422);
    expect((await json<{ error: { message: string } }>(tooLarge)).error.message).toBe(
      'En handling får vara högst 25 MB.',
    );
    const same = await upload(chair, item.id, 'Förslag brandskydd.pdf', bytes(10, 5));
    expect(same.status).toBe(422);
    for (let n = 3; n <= 5; n++)
      expect((await upload(chair, item.id, `Bilaga ${n}.pdf`, bytes(100, n))).status).toBe(201);
    const sixth = await upload(chair, item.id, 'Bilaga 6.pdf', bytes(100, 6));
    expect(sixth.status).toBe(422);
    expect((await json<{ error: { message: string } }>(sixth)).error.message).toContain('redan 5 handlingar');
    const writes = (await requestsSince(stack.tenant, seq)).filter(
      (r) => r.path.includes('Stor.pdf') || r.path.includes('Bilaga%206') || r.path.includes('Bilaga 6'),
    );
    expect(writes).toEqual([]);

    // A point with handlingar is not removed; a handling is deleted from the point and the library.
    const current = await json<{ draft: MeetingDraftView }>(
      await stack.call(`/api/meetings/drafts/${draft.id}/agenda`, { token: chair }),
    );
    draft = current.draft;
    const without = editable(draft.items).filter((i) => i.id !== item.id);
    const refused = await putAgenda(chair, without, draft.etag);
    expect(refused.status).toBe(422);
    const doc = draft.items.find((i) => i.id === item.id)!.documents.at(-1)!;
    const removed = await stack.call(`/api/meetings/drafts/${draft.id}/items/${item.id}/documents/${doc.id}`, {
      token: chair,
      method: 'DELETE',
    });
    expect(removed.status).toBe(200);
    draft = (await json<{ draft: MeetingDraftView }>(removed)).draft;
    expect(draft.items.find((i) => i.id === item.id)!.documents.map((d) => d.name)).not.toContain(doc.name);
  });

  it('sends the kallelse from the draft: one Möten item, the dagordning from the draft with links', async () => {
    const send = {
      group: 'samverkansgrupp',
      season: 'var',
      date: springDay,
      startTime: '09:30',
      endTime: '12:00',
      room: 'Regionens hus, sal Vindeln',
      online: true,
      draftId: draft.id,
      idempotencyKey: randomUUID(),
    };
    const preview = await json<KallelsePreview>(await post('/api/meetings/kallelse/preview', chair, send));
    expect(preview.subject).toBe(draft.title);
    expect(preview.agenda.map((i) => i.title)).toEqual(draft.items.map((i) => i.title));
    const withDocs = preview.agenda.find((i) => (i.documents ?? []).length > 0)!;
    expect(withDocs.documents![0]!.url).toMatch(/^https?:\/\//);

    const before = await json<{ meetings: { id: string }[] }>(
      await stack.call('/api/meetings/records', { token: chair }),
    );
    const sent = await post('/api/meetings', chair, send);
    expect(sent.status).toBe(201);
    const { meeting } = await json<{ meeting: { id: string; status: string; agendaText: string } }>(sent);
    expect(meeting.id).toBe(draft.id);
    expect(meeting.status).toBe('planerat');
    const docs = draft.items.flatMap((i) => i.documents);
    for (const doc of docs) expect(meeting.agendaText).toContain(doc.webUrl);
    const after = await json<{ meetings: { id: string }[] }>(
      await stack.call('/api/meetings/records', { token: chair }),
    );
    expect(after.meetings.length).toBe(before.meetings.length + 1);
    const { drafts } = await json<{ drafts: unknown[] }>(await stack.call('/api/meetings/drafts', { token: chair }));
    expect(drafts).toEqual([]);
    // A repeat of the send is answered from the register, not a second kallelse.
    const repeat = await post('/api/meetings', chair, send);
    expect(repeat.status).toBe(200);
  });

  it('a change of the dagordning after the kallelse goes to every attendee as one update of the event', async () => {
    const read = await stack.call(`/api/meetings/drafts/${draft.id}/agenda`, { token: chair });
    expect(read.status).toBe(200);
    const called = (await json<{ draft: MeetingDraftView }>(read)).draft;
    expect(called.called?.attendees).toBeGreaterThan(10);
    const items = [...editable(called.items), { kind: 'information', title: 'Rapport från Länsstyrelsen' }];
    // The update goes out from the organiser's calendar: the samordnare cannot send it for the chair.
    const refused = await putAgenda(coordinator, items, called.etag);
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(JSON.stringify(await refused.json())).toContain('en annan persons kalender');

    const key = randomUUID();
    const change = () =>
      stack.call(`/api/meetings/drafts/${draft.id}/agenda`, {
        token: chair,
        method: 'PUT',
        body: { items },
        headers: { 'if-match': called.etag, 'Idempotency-Key': key },
      });
    const app = stack.server.services.graph.forApp();
    const graph = await appClient(stack.tenant);
    const record = await stack.server.services.meetings.get(app, draft.id);
    type Online = {
      iCalUId: string;
      isOnlineMeeting: boolean;
      onlineMeeting: { joinUrl: string } | null;
      body: { content: string };
      attendees: { emailAddress: { address: string } }[];
    };
    const readEvent = async () => (await graph.api(`/users/${CHAIR}/events/${record.eventId}`).get()) as Online;
    const sentWith = await readEvent();
    const joinUrl = sentWith.onlineMeeting!.joinUrl;
    // The kallelse went out as a Teams meeting: Exchange's block (between two lines of underscores) is in its body.
    expect(sentWith.isOnlineMeeting).toBe(true);
    const count = (text: string, part: string) => text.split(part).length - 1;
    /** Exactly one of Exchange's blocks, with the meeting's join link, and not the app's own link. */
    const oneBlob = (content: string) => {
      expect(count(content, '_'.repeat(80))).toBe(2);
      expect(count(content, 'meet_invite_block.action.join_link')).toBe(1);
      expect(count(content, joinUrl)).toBe(1);
      expect(content).not.toContain('Anslut till Teamsmötet');
    };
    oneBlob(sentWith.body.content);

    // The first PATCH goes through but its answer is lost: the repeat with the same key sends no second update.
    const since = await requestLogSeq(stack.tenant);
    const patchPath = '^/v1\\.0/users/[^/]+/events/[^/?]+$';
    await control(stack.tenant, 'POST', '/faults', {
      when: 'after',
      drop: true,
      method: 'PATCH',
      path: patchPath,
      count: 1,
    });
    const lost = await change();
    await control(stack.tenant, 'DELETE', '/faults');
    expect(lost.status).toBeGreaterThanOrEqual(500);
    const changed = await change();
    expect(changed.status).toBe(200);
    expect((await json<{ draft: MeetingDraftView }>(changed)).draft.items.map((i) => i.title)).toContain(
      'Rapport från Länsstyrelsen',
    );
    const log = await requestsSince(stack.tenant, since);
    expect(log.filter((r) => r.method === 'PATCH' && r.path.includes('/events/'))).toHaveLength(1);
    // Each try read the body first, as the organiser, to keep the block (Calendars.Read, delegated).
    const reads = log.filter((r) => r.operation === 'GET /users/{id}/events/{id}' && r.principal === 'delegated');
    expect(reads.length).toBe(2);
    expect(reads.every((r) => r.allowedBy?.permission === 'Calendars.Read')).toBe(true);

    expect((await stack.server.services.meetings.get(app, draft.id)).agendaText).toContain(
      'Rapport från Länsstyrelsen',
    );
    const event = await readEvent();
    expect(event.body.content).toContain('Rapport från Länsstyrelsen');
    // Still the same Teams meeting, its block once, after the new dagordning.
    expect(event.isOnlineMeeting).toBe(true);
    expect(event.onlineMeeting?.joinUrl).toBe(joinUrl);
    oneBlob(event.body.content);
    expect(event.body.content.indexOf('Rapport från Länsstyrelsen')).toBeLessThan(event.body.content.indexOf(joinUrl));
    const removed = await control(
      stack.tenant,
      'GET',
      `/onlineMeetingRemovals?iCalUId=${encodeURIComponent(event.iCalUId)}`,
    );
    expect(((await removed.json()) as { value: unknown[] }).value).toEqual([]);
    const messages = async (path: string) =>
      (
        (await (await control(stack.tenant, 'GET', `${path}?iCalUId=${encodeURIComponent(event.iCalUId)}`)).json()) as {
          value: { type: string; to: string }[];
        }
      ).value.filter((m) => m.type === 'update');
    const updates = [...(await messages('/meetingMessages')), ...(await messages('/outbox'))].map((m) => m.to);
    const attendees = event.attendees.map((a) => a.emailAddress.address.toLowerCase()).sort();
    expect(attendees).toHaveLength(called.called!.attendees);
    // Each attendee got exactly one update.
    expect(updates.sort()).toEqual(attendees);

    // A repeat of the same request (its answer lost) PATCHes nothing more.
    const again = await requestLogSeq(stack.tenant);
    expect((await change()).status).toBe(200);
    const repeat = await requestsSince(stack.tenant, again);
    expect(repeat.filter((r) => r.method === 'PATCH')).toHaveLength(0);
    expect([...(await messages('/meetingMessages')), ...(await messages('/outbox'))]).toHaveLength(attendees.length);
    const afterRepeat = await readEvent();
    expect(afterRepeat.onlineMeeting?.joinUrl).toBe(joinUrl);
    oneBlob(afterRepeat.body.content);
  });
});

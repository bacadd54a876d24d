import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { CHAIR, COORDINATOR } from '../../infra/graph-emulator/tests/support';
import { candidateDays, seasonWindow, toIsoDate } from '../../src/domain';
import type { MinutesNoteDto, MinutesViewDto, ProtocolViewDto } from '../../src/contract';
import { PREPARED_DECISION, sendPreparedMeeting } from './support/preparedMeeting';
import { startStack, type Stack } from './support/stack';

jest.setTimeout(180_000);

/**
 * The protokoll from the dagordning (#16) over HTTP on the local tenant: the secretary's notes per point under
 * If-Match (409 with the newer text), a decision tied to its point by Beslut's AgendaItemId, and a stand-in
 * secretary recorded as chosen by the meeting.
 */
const STAND_IN = 'erik.lundqvist@umea.se';
const adjusters = ['anna.sjoberg@skelleftea.se', 'tobias.sundqvist@vindeln.se'];
const today = toIsoDate(new Date());
const thisYear = Number(today.slice(0, 4));
const pastAutumnYear = today.slice(5, 7) >= '11' ? thisYear : thisYear - 1;
const pastAutumnDay = candidateDays(seasonWindow(pastAutumnYear, 'host'))[10] as string;

describe('the protokoll from the dagordning', () => {
  let stack: Stack;
  let coordinator: string;
  let meetingId: string;

  const minutes = async () => {
    const response = await stack.call(`/api/meetings/${meetingId}/minutes`, { token: coordinator });
    expect(response.status).toBe(200);
    return ((await response.json()) as { minutes: MinutesViewDto }).minutes;
  };
  const writeNote = (itemId: string, text: unknown, ifMatch?: string) =>
    stack.call(`/api/meetings/${meetingId}/minutes/${itemId}`, {
      token: coordinator,
      method: 'PUT',
      body: { text },
      headers: { 'idempotency-key': randomUUID(), ...(ifMatch ? { 'if-match': ifMatch } : {}) },
    });

  beforeAll(async () => {
    stack = await startStack();
    await stack.prepare();
    coordinator = await stack.token(COORDINATOR);
    const meeting = await sendPreparedMeeting(stack, await stack.token(CHAIR), { season: 'host', date: pastAutumnDay });
    meetingId = meeting.id;
  });
  afterAll(async () => stack.close());

  it('gives the prepared points; a note is saved under If-Match and a stale write is a 409 with the newer text', async () => {
    const view = await minutes();
    const point = view.items.find((item) => item.title === PREPARED_DECISION.title)!;
    expect(point).toMatchObject({ kind: 'beslut', note: { text: '' } });
    expect(point.id).not.toMatch(/^punkt-/);
    expect(view.samordnareEmail).toBe(COORDINATOR);

    expect((await writeNote(point.id, 'Utan version.')).status).toBe(400);
    const first = await writeNote(point.id, 'Samordnaren föredrog förslaget.', '*');
    expect(first.status).toBe(200);
    const saved = ((await first.json()) as { note: MinutesNoteDto }).note;
    expect(saved).toMatchObject({ text: 'Samordnaren föredrog förslaget.', updatedBy: COORDINATOR });
    expect(first.headers.get('etag')).toBe(saved.etag);

    // A second secretary's window still thinks the point has no notes: 409 with the newer text.
    const stale = await writeNote(point.id, 'Något annat.', '*');
    expect(stale.status).toBe(409);
    const conflict = (await stale.json()) as { error: { current: MinutesNoteDto } };
    expect(conflict.error.current.text).toBe('Samordnaren föredrog förslaget.');

    const second = await writeNote(point.id, 'Samordnaren föredrog förslaget. Frågor besvarades.', saved.etag);
    expect(second.status).toBe(200);
    const old = await writeNote(point.id, 'Skrivet över en gammal version.', saved.etag);
    expect(old.status).toBe(409);
    expect(((await old.json()) as { error: { current: MinutesNoteDto } }).error.current.text).toBe(
      'Samordnaren föredrog förslaget. Frågor besvarades.',
    );
    const tooLong = await writeNote(point.id, 'x'.repeat(4001), '*');
    expect(tooLong.status).toBe(400);
    expect(JSON.stringify(await tooLong.json())).toContain('Anteckningen får vara högst 4');
    expect((await writeNote('punkt-99', 'Ingen sådan punkt.', '*')).status).toBe(404);
    expect((await minutes()).items.find((i) => i.id === point.id)?.note.text).toBe(
      'Samordnaren föredrog förslaget. Frågor besvarades.',
    );
  });

  it('places a decision in its point by the AgendaItemId column, and records a stand-in secretary', async () => {
    const point = (await minutes()).items.find((item) => item.title === PREPARED_DECISION.title)!;
    const decided = await stack.call(`/api/meetings/${meetingId}/decisions`, {
      token: coordinator,
      method: 'POST',
      body: { kind: 'verksamhetsplan', text: 'Verksamhetsplanen fastställs.', agendaItemId: point.id },
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(decided.status).toBe(201);
    const listed = (await (
      await stack.call(`/api/meetings/${meetingId}/decisions`, { token: coordinator })
    ).json()) as {
      decisions: { text: string; agendaItemId?: string; paragraph?: number }[];
    };
    // Read back from Beslut: the column was written.
    expect(listed.decisions.find((d) => d.text === 'Verksamhetsplanen fastställs.')?.agendaItemId).toBe(point.id);
    const elsewhere = await stack.call(`/api/meetings/${meetingId}/decisions`, {
      token: coordinator,
      method: 'POST',
      body: { kind: 'budget', text: 'Under en punkt som inte finns.', agendaItemId: 'punkt-99' },
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(elsewhere.status).toBe(400);
    expect(JSON.stringify(await elsewhere.json())).toContain('Punkten finns inte på mötets dagordning.');
    const other = await stack.call(`/api/meetings/${meetingId}/decisions`, {
      token: coordinator,
      method: 'POST',
      body: { kind: 'utvardering', text: 'Utvärderingen läggs till handlingarna.' },
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(other.status).toBe(201);

    const rows = [CHAIR, COORDINATOR, STAND_IN, ...adjusters].map((email) => ({ email, present: true }));
    const attendance = await stack.call(`/api/meetings/${meetingId}/attendance`, {
      token: coordinator,
      method: 'PUT',
      body: { rows },
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(attendance.status).toBe(200);
    const draft = (body: object) =>
      stack.call(`/api/meetings/${meetingId}/protocol`, {
        token: coordinator,
        method: 'PUT',
        body: { secretaryEmail: STAND_IN, chairEmail: CHAIR, adjusterEmails: adjusters, ...body },
        headers: { 'idempotency-key': randomUUID() },
      });
    const refused = await draft({});
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain('Sekreteraren är samordnaren');
    const drafted = await draft({ secretaryChosenByMeeting: true });
    expect(drafted.status).toBe(200);
    const { protocol } = (await drafted.json()) as { protocol: ProtocolViewDto & { sections: Sections } };
    expect(protocol.secretaryChosenByMeeting).toBe(true);
    expect(protocol.sections.kallelse).toContainEqual({
      label: 'Sekreterare (vald av mötet)',
      value: expect.any(String),
    });
    const section = protocol.sections.punkter.find((p) => p.id === point.id)!;
    expect(section.heading).toBe(`${point.number}. ${PREPARED_DECISION.title}`);
    expect(section.notes).toBe('Samordnaren föredrog förslaget. Frågor besvarades.');
    expect(section.beslut.map((b) => b.text)).toEqual(['Verksamhetsplanen fastställs.']);
    expect(section.beslut[0]?.paragraph).toMatch(/^§ \d+$/);
    expect(protocol.sections.ovrigaBeslut.map((b) => b.text)).toEqual(['Utvärderingen läggs till handlingarna.']);
  });
});

interface Sections {
  kallelse: { label: string; value: string }[];
  punkter: { id: string; heading: string; notes?: string; beslut: { paragraph: string; text: string }[] }[];
  ovrigaBeslut: { text: string }[];
}

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { CHAIR, COORDINATOR, adminClient } from '../../infra/graph-emulator/tests/support';
import { SEED_PEOPLE } from '../../infra/graph-emulator/src/seed/people';
import { candidateDays, seasonWindow, toIsoDate } from '../../src/domain';
import type { KallelsePreview } from '../../src/contract';
import { requestLogSeq, requestsSince, startStack, type Stack } from './support/stack';

jest.setTimeout(120_000);

interface MeetingView {
  id: string;
  status: string;
  date: string;
  extraMeetingReason?: string;
}

const today = toIsoDate(new Date());
/** A season wholly in the future, so every date of its window can be called. */
const autumnYear = Number(today.slice(0, 4)) + 1;
const autumnDays = candidateDays(seasonWindow(autumnYear, 'host'));
const springDays = candidateDays(seasonWindow(autumnYear + 1, 'var'));

const samverkansgruppen = SEED_PEOPLE.filter((p) =>
  p.xRoles.some((role) => ['ordforande', 'samverkansgrupp', 'samordnare'].includes(role)),
);

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

describe('one samverkansgrupp kallelse per season (issue #16)', () => {
  let stack: Stack;
  let chair: string;
  let coordinator: string;

  function body(date: string, season: 'var' | 'host', overrides: Record<string, unknown> = {}) {
    return {
      group: 'samverkansgrupp',
      season,
      date,
      startTime: '09:30',
      endTime: '12:00',
      room: 'Regionens hus, sal Vindeln',
      online: true,
      idempotencyKey: randomUUID(),
      ...overrides,
    };
  }

  const send = (token: string, payload: unknown) =>
    stack.call('/api/meetings', { token, method: 'POST', body: payload });

  async function registerItems(): Promise<MeetingView[]> {
    return (await json<{ meetings: MeetingView[] }>(await stack.call('/api/meetings/records', { token: chair })))
      .meetings;
  }

  async function chairEvents(): Promise<number> {
    const app = await adminClient(stack.tenant);
    const events = (await app.api(`/users/${CHAIR}/events`).top(999).get()) as { value: unknown[] };
    return events.value.length;
  }

  /** The Graph writes since `seq` (reads, also inside $batch, left out). */
  async function writesSince(seq: number) {
    const log = await requestsSince(stack.tenant, seq);
    return log.filter((r) => r.method !== 'GET' && !r.path.includes('$batch') && !r.path.includes('/oauth2/'));
  }

  beforeAll(async () => {
    stack = await startStack();
    await stack.prepare();
    [chair, coordinator] = (await Promise.all([CHAIR, COORDINATOR].map((user) => stack.token(user)))) as [
      string,
      string,
    ];
  });
  afterAll(async () => stack.close());

  it('the preview writes nothing and lists the recipients per organisation', async () => {
    const payload = body(autumnDays[3] as string, 'host');
    const [items, events, seq] = [await registerItems(), await chairEvents(), await requestLogSeq(stack.tenant)];
    const response = await stack.call('/api/meetings/kallelse/preview', {
      token: chair,
      method: 'POST',
      body: payload,
    });
    expect(response.status).toBe(200);
    const preview = await json<KallelsePreview>(response);
    expect(await writesSince(seq)).toEqual([]);
    expect(await registerItems()).toHaveLength(items.length);
    expect(await chairEvents()).toBe(events);
    expect(preview.subject).toBe(`Samverkansgruppen – höstmöte ${autumnYear}`);
    expect(preview).toMatchObject({ date: autumnDays[3], startTime: '09:30', timeZone: 'Europe/Stockholm' });
    expect(preview.place).toBe('Regionens hus, sal Vindeln');
    expect(preview.teamsLink).toBe(true);
    expect(preview.seasonAlreadyCalled).toBe(false);
    expect(preview.agenda.map((item) => item.title)).toContain('Val av två justerare');
    expect(preview.recipientCount).toBe(samverkansgruppen.length - 1);
    const organisations = preview.recipients.map((group) => group.organisation);
    expect(organisations).toContain('Umeå');
    expect(organisations.every((name) => !/^[a-z-]+$/.test(name))).toBe(true);
    const umea = preview.recipients.find((group) => group.organisation === 'Umeå');
    expect(umea?.people.map((p) => p.name)).toContain('Erik Lundqvist');
    expect(preview.recipients.flatMap((g) => g.people).map((p) => p.email.toLowerCase())).not.toContain(CHAIR);
  });

  it('refuses a second ordinary kallelse in the season and writes nothing; an extra möte with a reason goes', async () => {
    const first = body(autumnDays[3] as string, 'host');
    const sent = await send(chair, first);
    expect(sent.status).toBe(201);
    // A repeat of the same send is not a second meeting: the first answer again.
    const again = await send(chair, first);
    expect(again.status).toBe(200);
    expect((await json<{ created: boolean }>(again)).created).toBe(false);

    const [items, events, seq] = [await registerItems(), await chairEvents(), await requestLogSeq(stack.tenant)];
    const second = body(autumnDays[10] as string, 'host');
    const refused = await send(chair, second);
    expect(refused.status).toBe(409);
    const error = (await json<{ error: { code: string; message: string } }>(refused)).error;
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(/höstmöte .* är redan kallat.*extra möte/);
    expect(await writesSince(seq)).toEqual([]);
    expect(await registerItems()).toHaveLength(items.length);
    expect(await chairEvents()).toBe(events);

    const preview = await stack.call('/api/meetings/kallelse/preview', { token: chair, method: 'POST', body: second });
    expect((await json<KallelsePreview>(preview)).seasonAlreadyCalled).toBe(true);

    const blank = await send(chair, { ...second, extraMeeting: { reason: '   ' } });
    expect(blank.status).toBe(400);
    expect(JSON.stringify(await blank.json())).toContain('Ange skälet till det extra mötet.');
    expect(await registerItems()).toHaveLength(items.length);

    const extra = await send(chair, { ...second, extraMeeting: { reason: '  Remissvar om ny PBL före jul. ' } });
    expect(extra.status).toBe(201);
    const meeting = (await json<{ meeting: MeetingView }>(extra)).meeting;
    expect(meeting.extraMeetingReason).toBe('Remissvar om ny PBL före jul.');
    const stored = (await registerItems()).find((m) => m.id === meeting.id);
    expect(stored?.extraMeetingReason).toBe('Remissvar om ny PBL före jul.');
    expect(await chairEvents()).toBe(events + 1);
  });

  it('a cancelled meeting does not take the season; stödgruppen is not limited', async () => {
    const first = await send(chair, body(springDays[2] as string, 'var'));
    expect(first.status).toBe(201);
    const { id } = (await json<{ meeting: MeetingView }>(first)).meeting;
    const cancel = await stack.call(`/api/meetings/${id}/cancel`, {
      token: chair,
      method: 'POST',
      body: { comment: 'Fel datum.' },
    });
    expect(cancel.status).toBe(200);
    expect((await send(chair, body(springDays[6] as string, 'var'))).status).toBe(201);
    expect((await send(chair, body(springDays[9] as string, 'var'))).status).toBe(409);

    for (const date of [springDays[3], springDays[4]]) {
      const stod = await send(coordinator, body(date as string, 'var', { group: 'stodgrupp', season: undefined }));
      expect(stod.status).toBe(201);
    }
  });
});

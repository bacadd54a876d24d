import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { CHAIR, COORDINATOR, adminClient } from '../../infra/graph-emulator/tests/support';
import { SEED_PEOPLE } from '../../infra/graph-emulator/src/seed/people';
import { addDays, candidateDays, seasonWindow, toIsoDate } from '../../src/domain';
import { startStack, type Stack } from './support/stack';

jest.setTimeout(180_000);

/**
 * "Ordförande är sammankallande och gruppens talesman om ingen annan utses" (#17), against the local tenant:
 * the samordnare prepares samverkansgruppen's meetings but does not call them; a decision of the kind
 * `sammankallande` lets the person it names call them while it is in force, and not after its end date.
 */

interface Person {
  id: string;
  etag: string;
  email: string;
  displayName: string;
}

const SARA = SEED_PEOPLE.find((p) => p.displayName === 'Sara Öberg')!.mail.toLowerCase();
const STODGRUPP_ONLY = SEED_PEOPLE.find((p) => p.displayName === 'Jonas Lindberg')!.mail.toLowerCase();
const FORBIDDEN_KALLELSE = 'Du har inte behörighet att kalla till samverkansgruppens möten.';

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

describe('the sammankallande of samverkansgruppen: the samordnare prepares, an appointed person calls', () => {
  let stack: Stack;
  let now = new Date();
  const today = toIsoDate(now);
  const year = Number(today.slice(0, 4)) + 1;
  const autumn = candidateDays(seasonWindow(year, 'host'));
  const spring = candidateDays(seasonWindow(year + 1, 'var'));
  let coordinator: string;
  let sara: string;
  let saraPerson: Person;
  let people: Person[];

  const kallelse = (date: string, season: 'var' | 'host') => ({
    group: 'samverkansgrupp',
    season,
    date,
    startTime: '09:30',
    endTime: '12:00',
    room: 'Regionens hus, sal Vindeln',
    online: true,
    idempotencyKey: randomUUID(),
  });
  const post = (path: string, token: string, body: unknown) => stack.call(path, { token, method: 'POST', body });
  const convener = async (token: string) =>
    (
      await json<{ convener: { kind: string; line: string; paragraph?: number } }>(
        await stack.call('/api/meetings/convener', { token }),
      )
    ).convener;

  beforeAll(async () => {
    stack = await startStack({ deps: { clock: { now: () => now } } });
    await stack.prepare();
    coordinator = await stack.token(COORDINATOR);
    people = (await json<{ people: Person[] }>(await stack.call('/api/people', { token: coordinator }))).people;
    const found = people.find((p) => p.email.toLowerCase() === SARA)!;
    // Sara Öberg of the Region (a mailbox in this tenant) takes a seat in samverkansgruppen.
    const seated = await stack.call(`/api/people/${found.id}`, {
      token: coordinator,
      method: 'PATCH',
      body: { roles: ['samverkansgrupp'], confirm: true },
      headers: { 'if-match': found.etag },
    });
    expect(seated.status).toBe(200);
    saraPerson = (await json<{ person: Person }>(seated)).person;
    sara = await stack.token(SARA);
  });
  afterAll(async () => stack.close());

  it('the samordnare finds times and polls for samverkansgruppen, but the kallelse is refused in Swedish', async () => {
    const plan = await post('/api/meetings/plan', coordinator, {
      group: 'samverkansgrupp',
      year,
      season: 'host',
      durationMinutes: 150,
    });
    expect(plan.status).toBe(200);
    expect((await json<{ candidates: unknown[] }>(plan)).candidates.length).toBeGreaterThan(0);
    const candidates = [autumn[4], autumn[6]].map((day) => ({ start: `${day}T09:00`, end: `${day}T12:00` }));
    const poll = await post('/api/meetings/polls', coordinator, {
      group: 'samverkansgrupp',
      year,
      season: 'host',
      candidates,
      deadline: autumn[1],
    });
    expect(poll.status).toBe(201);
    const refused = await post('/api/meetings', coordinator, kallelse(autumn[8] as string, 'host'));
    expect(refused.status).toBe(403);
    expect((await json<{ error: { message: string } }>(refused)).error.message).toBe(FORBIDDEN_KALLELSE);
    // A member who is not appointed neither calls nor plans.
    expect((await post('/api/meetings', sara, kallelse(autumn[8] as string, 'host'))).status).toBe(403);
    expect((await post('/api/meetings/plan', sara, { group: 'samverkansgrupp', year, season: 'host' })).status).toBe(
      403,
    );
    expect(await convener(sara)).toMatchObject({ kind: 'ordforande', line: 'Kallas av Maria Bergström, ordförande' });
  });

  it('refuses an appointment without a person, or of someone outside samverkansgruppen, before any write', async () => {
    const base = { meetingId: 'per-capsulam', kind: 'sammankallande', text: 'Utses till sammankallande.' };
    const missing = await post('/api/decisions', coordinator, { ...base, decidedOn: today });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(await missing.json())).toContain('Ange vem som utses till sammankallande.');
    const outsider = people.find((p) => p.email.toLowerCase() === STODGRUPP_ONLY)!;
    const notMember = await post('/api/decisions', coordinator, { ...base, decidedOn: today, personId: outsider.id });
    expect(notMember.status).toBe(422);
    expect((await json<{ error: { message: string } }>(notMember)).error.message).toBe(
      'Endast en person i samverkansgruppen kan utses till sammankallande.',
    );
    const decisions = await json<{ decisions: unknown[] }>(
      await stack.call('/api/decisions?kind=sammankallande', { token: coordinator }),
    );
    expect(decisions.decisions).toEqual([]);
  });

  it('after the decision the appointed person calls, moves and cancels; after its end date the kallelse is refused', async () => {
    const validUntil = addDays(today, 30);
    const decided = await post('/api/decisions', coordinator, {
      meetingId: 'per-capsulam',
      kind: 'sammankallande',
      text: 'Sara Öberg utses till sammankallande för samverkansgruppen.',
      decidedOn: today,
      personId: saraPerson.id,
      validUntil,
    });
    expect(decided.status).toBe(201);
    const decision = (
      await json<{ decision: { id: string; paragraph: number; subjectRef: string; validUntil: string } }>(decided)
    ).decision;
    expect(decision).toMatchObject({ subjectRef: `person:${saraPerson.id}`, validUntil });

    const shown = await convener(coordinator);
    expect(shown.kind).toBe('utsedd');
    expect(shown.line).toMatch(
      new RegExp(`^Kallas av Sara Öberg, utsedd sammankallande \\(beslut § ${decision.paragraph}, till och med `),
    );
    const me = await json<{ allowedActions: string[] }>(await stack.call('/api/me', { token: sara }));
    expect(me.allowedActions).toContain('samverkansgrupp.kalla');

    const sent = await post('/api/meetings', sara, kallelse(autumn[8] as string, 'host'));
    expect(sent.status).toBe(201);
    const meeting = (await json<{ meeting: { id: string; etag: string; convenerEmail?: string } }>(sent)).meeting;
    const app = await adminClient(stack.tenant);
    const saraUser = SEED_PEOPLE.find((p) => p.mail.toLowerCase() === SARA)!;
    const events = (await app.api(`/users/${saraUser.id}/events`).top(999).get()) as { value: { subject: string }[] };
    expect(events.value.map((e) => e.subject)).toContain(`Samverkansgruppen – höstmöte ${year}`);
    // The ordförande still calls too; the meeting sent from Sara's calendar is hers to move and cancel.
    const moved = await stack.call(`/api/meetings/${meeting.id}/reschedule`, {
      token: sara,
      method: 'POST',
      body: { date: autumn[9], startTime: '13:00', endTime: '15:30' },
      headers: { 'if-match': meeting.etag },
    });
    expect(moved.status).toBe(200);
    const cancelled = await post(`/api/meetings/${meeting.id}/cancel`, sara, { comment: 'Ny tid kommer.' });
    expect(cancelled.status).toBe(200);

    // The day after the end date: the ordförande calls again, and Sara is refused before anything is read.
    now = new Date(`${addDays(validUntil, 1)}T10:00:00+01:00`);
    const late = await post('/api/meetings', sara, kallelse(spring[3] as string, 'var'));
    expect(late.status).toBe(403);
    expect((await json<{ error: { message: string } }>(late)).error.message).toBe(FORBIDDEN_KALLELSE);
    expect((await convener(sara)).kind).toBe('ordforande');
    const chair = await stack.token(CHAIR);
    expect((await post('/api/meetings/kallelse/preview', chair, kallelse(spring[3] as string, 'var'))).status).toBe(
      200,
    );
  });
});

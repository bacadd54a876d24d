/**
 * The reliability suite's second half (issue #15): the writes that change what exists (cancel a meeting, move
 * it, edit and decide an activity), in the scenarios of exactlyOnce.test.ts, counted in the tenant (raw Graph
 * as the emulator's inspection principal and its outbox, never through the app). Concurrent repeats are 10,
 * not 20: each target is made first with the faults off, and 10 keeps the file under two minutes on 2 cores.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { Event } from '@microsoft/microsoft-graph-types';
import { DateTime } from 'luxon';
import { COORDINATOR } from '../../infra/graph-emulator/tests/support';
import { meetingDays, springYear, statusSummary, STODGRUPP_GUESTS, today } from './support';
import {
  ResultTable,
  clearFaults,
  concurrently,
  loseAnswers,
  ones,
  tenantLists,
  untilDone as sendUntil,
  type Fields,
} from './scenarios';
import { control, startStack, type Stack } from '../integration/support/stack';

jest.setTimeout(240_000);

const STODGRUPP = 'anna.sjoberg@skelleftea.se';
const GRAPH_TIMEOUT_MS = 2000;
const CONCURRENT = 10;
const LOST_RUNS = 2;

type Scenario = `${number} samtidiga` | 'omladdning' | '30 % tappade svar' | 'timeout < latens';

/** One made target of a write (a meeting, an activity) and what the count needs of it. */
interface Target {
  id: string;
  etag: string;
  tag: string;
  iCalUId?: string;
  eventId?: string;
}

interface Write {
  name: string;
  user: string;
  /** Makes a fresh target, faults off. */
  setup(tag: string): Promise<Target>;
  path(t: Target): string;
  body(t: Target): unknown;
  ifMatch?: boolean;
  /** Counts in the tenant: what exactly one write leaves, each expected to be 1. */
  count(t: Target): Promise<Record<string, number>>;
}

describe('exactly once: cancel, move, edit and decide under double submits, races, lost answers and timeouts', () => {
  let stack: Stack;
  let app: Client;
  const tokens = new Map<string, string>();
  const table = new ResultTable('exactly once, fler skrivningar');
  let day = 0;
  let items: (list: string) => Promise<Fields[]>;

  const post = async (user: string, path: string, body: unknown) => {
    const response = await stack.call(path, { token: tokens.get(user), method: 'POST', body });
    expect(response.status).toBeLessThan(300);
    return (await response.json()) as Record<string, { id: string; etag: string; eventId?: string }>;
  };
  const outbox = async (iCalUId: string, type: string) =>
    (
      (await (await control(stack.tenant, 'GET', `/outbox?iCalUId=${encodeURIComponent(iCalUId)}`)).json()) as {
        value: { type: string; to: string }[];
      }
    ).value.filter((m) => m.type === type);
  const perGuest = (mails: { to: string }[]) =>
    STODGRUPP_GUESTS.map((g) => mails.filter((m) => m.to.toLowerCase() === g).length);

  /** Convenes a stödgrupp meeting (faults off). */
  const convene = async (tag: string): Promise<Target> => {
    const { meeting } = await post(COORDINATOR, '/api/meetings', {
      group: 'stodgrupp',
      date: meetingDays[5 + day++] as string,
      startTime: '09:00',
      endTime: '10:00',
      online: true,
      idempotencyKey: randomUUID(),
    });
    const event = (await app.api(`/users/${COORDINATOR}/events/${meeting!.eventId}`).get()) as Event;
    return { id: meeting!.id, etag: meeting!.etag, tag, iCalUId: event.iCalUId!, eventId: meeting!.eventId! };
  };
  const meetingItem = async (id: string) => (await items('Möten')).find((f) => f.id === id) ?? {};
  const propose = async (tag: string): Promise<Target> => {
    const { activity } = await post(STODGRUPP, '/api/activities', {
      title: `Förslag ${tag}`,
      area: 'kompetensutveckling',
      targetGroups: ['kommuner'],
      startDate: '2026-10-06',
      endDate: '2026-10-06',
      responsibleOrganisationId: 'skelleftea',
    });
    return { id: activity!.id, etag: activity!.etag, tag };
  };

  const WRITES: Write[] = [
    {
      name: 'Ställ in möte',
      user: COORDINATOR,
      setup: convene,
      path: (t) => `/api/meetings/${t.id}/cancel`,
      body: (t) => ({ comment: `Mötet utgår. ${t.tag}` }),
      count: async (t) => {
        const mails = perGuest(await outbox(t.iCalUId!, 'cancellation'));
        const left = (await app
          .api(`/users/${COORDINATOR}/calendarView`)
          .query({
            startDateTime: `${springYear - 1}-01-01T00:00:00Z`,
            endDateTime: `${springYear + 1}-12-31T00:00:00Z`,
          })
          .get()) as { value: Event[] };
        return {
          'avbokning per gäst (minst)': Math.min(...mails),
          'avbokning per gäst (högst)': Math.max(...mails),
          'händelse borta ur kalendern': left.value.some((e) => e.iCalUId === t.iCalUId) ? 0 : 1,
          'Möten-post installt': (await meetingItem(t.id)).Status === 'installt' ? 1 : 0,
        };
      },
    },
    {
      name: 'Flytta möte',
      user: COORDINATOR,
      setup: convene,
      ifMatch: true,
      path: (t) => `/api/meetings/${t.id}/reschedule`,
      body: () => ({ date: meetingDays[5 + day - 1] as string, startTime: '13:00', endTime: '14:00' }),
      count: async (t) => {
        const mails = perGuest(await outbox(t.iCalUId!, 'update'));
        const event = (await app.api(`/users/${COORDINATOR}/events/${t.eventId}`).get()) as Event;
        const at = DateTime.fromISO(`${meetingDays[5 + day - 1]}T13:00`, { zone: 'Europe/Stockholm' });
        const utc = at.toUTC().toISO({ suppressMilliseconds: true, includeOffset: false })!.slice(0, 16);
        return {
          'uppdatering per gäst (minst)': Math.min(...mails),
          'uppdatering per gäst (högst)': Math.max(...mails),
          'händelse kl 13': String(event.start?.dateTime ?? '').startsWith(utc) ? 1 : 0,
          'Möten-post kl 13': String((await meetingItem(t.id)).StartDateTime ?? '').startsWith(utc) ? 1 : 0,
        };
      },
    },
    {
      name: 'Ändra aktivitet',
      user: STODGRUPP,
      setup: propose,
      ifMatch: true,
      path: (t) => `/api/activities/${t.id}`,
      body: (t) => ({ title: t.tag }),
      count: async (t) => ({
        'Aktivitet-poster med ny titel': (await items('Aktiviteter')).filter((f) => f.Title === t.tag).length,
      }),
    },
    {
      name: 'Besluta aktivitet',
      user: COORDINATOR,
      setup: propose,
      ifMatch: true,
      path: (t) => `/api/activities/${t.id}/decision`,
      body: (t) => ({ meetingId: 'per-capsulam', decidedOn: today, text: t.tag }),
      count: async (t) => ({
        'Beslut-poster': (await items('Beslut')).filter((f) => f.Text === t.tag || f.DecisionText === t.tag).length,
        'Aktivitet beslutad': (await items('Aktiviteter')).find((f) => f.id === t.id)?.Status === 'beslutad' ? 1 : 0,
      }),
    },
  ];

  const send = (write: Write, t: Target, key: string) =>
    stack.call(write.path(t), {
      token: tokens.get(write.user),
      method: write.path(t).startsWith('/api/activities/') && !write.path(t).endsWith('decision') ? 'PATCH' : 'POST',
      body: write.body(t),
      headers: { 'Idempotency-Key': key, ...(write.ifMatch ? { 'If-Match': t.etag } : {}) },
    });
  /** Sends with one key until a 2xx (the tab's retry with its kept key), at most 12 times. */
  const untilDone = (write: Write, t: Target, key: string, statuses: number[]) =>
    sendUntil(write.name, () => send(write, t, key), statuses);
  const record = async (write: Write, scenario: Scenario, t: Target, statuses: number[]) => {
    await clearFaults(stack);
    const counts = await write.count(t);
    table.add(write.name, scenario, statuses, counts);
    return counts;
  };
  const tagOf = (what: string) => `${what} ${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    stack = await startStack({
      env: { TEAM_ID: '', GRAPH_TIMEOUT_MS: String(GRAPH_TIMEOUT_MS), GRAPH_MAX_RETRIES: '4' },
    });
    await stack.prepare();
    ({ app, items } = await tenantLists(stack));
    for (const user of [COORDINATOR, STODGRUPP]) tokens.set(user, await stack.token(user));
  });
  afterAll(async () => {
    table.print();
    await stack?.close();
  });

  const each = WRITES.map((w, i) => [w.name, i] as const);

  it.each(each)(
    `%s: ${CONCURRENT} identical concurrent requests with one key: one effect, one answer`,
    async (_n, i) => {
      const write = WRITES[i]!;
      const t = await write.setup(tagOf('Samtidigt'));
      const key = randomUUID();
      const { statuses, bodies } = await concurrently(CONCURRENT, () => send(write, t, key));
      const counts = await record(write, `${CONCURRENT} samtidiga`, t, statuses);
      expect(new Set(statuses).size).toBe(1);
      expect(statuses[0]).toBeLessThan(300);
      expect(new Set(bodies).size).toBe(1);
      expect(counts).toEqual(ones(counts));
    },
  );

  it.each(each)('%s: a double submit after a reload (same key) answers the first result', async (_n, i) => {
    const write = WRITES[i]!;
    const t = await write.setup(tagOf('Omladdning'));
    const key = randomUUID();
    const statuses: number[] = [];
    await untilDone(write, t, key, statuses);
    const again = await untilDone(write, t, key, statuses);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const counts = await record(write, 'omladdning', t, statuses);
    expect(counts).toEqual(ones(counts));
  });

  it.each(each)('%s: answers lost after Graph wrote (30 %%), retried with the kept key: once', async (_n, i) => {
    const write = WRITES[i]!;
    for (let run = 0; run < LOST_RUNS; run++) {
      const t = await write.setup(tagOf('Tappat'));
      const statuses: number[] = [];
      await loseAnswers(stack, ['POST', 'PATCH'], { path: '^/v1\\.0/(sites|users)/', probability: 0.3 });
      await untilDone(write, t, randomUUID(), statuses).catch(() => undefined);
      const counts = await record(write, '30 % tappade svar', t, statuses);
      expect(statuses.at(-1)).toBeLessThan(300);
      expect(counts).toEqual(ones(counts));
    }
  });

  it.each(each)('%s: the first Graph write answers after the client timeout (done): once', async (_n, i) => {
    const write = WRITES[i]!;
    const t = await write.setup(tagOf('Timeout'));
    const fault = { path: '^/v1\\.0/(sites|users)/', delayMs: GRAPH_TIMEOUT_MS + 500, count: 1 };
    await loseAnswers(stack, ['POST', 'PATCH'], fault);
    const statuses: number[] = [];
    await untilDone(write, t, randomUUID(), statuses).catch(() => undefined);
    const counts = await record(write, 'timeout < latens', t, statuses);
    expect(statuses.at(-1)).toBeLessThan(300);
    expect(counts).toEqual(ones(counts));
  });

  it('Flytta möte: two different concurrent moves with one etag: one wins, the other 409 with the newer time', async () => {
    const write = WRITES[1]!;
    const t = await write.setup(tagOf('Krock'));
    const date = meetingDays[5 + day - 1] as string;
    const move = (startTime: string, endTime: string) =>
      stack.call(`/api/meetings/${t.id}/reschedule`, {
        token: tokens.get(COORDINATOR),
        method: 'POST',
        body: { date, startTime, endTime },
        headers: { 'Idempotency-Key': randomUUID(), 'If-Match': t.etag },
      });
    const answers = await Promise.all([move('13:00', '14:00'), move('15:00', '16:00')]);
    const statuses = answers.map((a) => a.status);
    const loser = answers.find((a) => a.status >= 400);
    const lost = loser ? ((await loser.json()) as { error: { current?: { startTime?: string } } }).error : undefined;
    const wonAt = answers.findIndex((a) => a.status < 300) === 0 ? '13:00' : '15:00';
    const event = (await app.api(`/users/${COORDINATOR}/events/${t.eventId}`).get()) as Event;
    const utc = DateTime.fromISO(`${date}T${wonAt}`, { zone: 'Europe/Stockholm' }).toUTC().toISO()!.slice(0, 16);
    const mails = perGuest(await outbox(t.iCalUId!, 'update'));
    table.addLine(
      'Flytta möte',
      '2 olika samtidiga',
      2,
      statusSummary(statuses),
      `uppdatering per gäst=${Math.max(...mails)}`,
    );
    expect(statuses.filter((s) => s < 300)).toHaveLength(1);
    expect([409, 412]).toContain(loser?.status);
    expect(lost?.current?.startTime).toBe(wonAt);
    expect(String(event.start?.dateTime)).toContain(utc);
    expect(new Set(mails)).toEqual(new Set([1]));
  });
});

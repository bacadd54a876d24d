/**
 * The reliability suite (issue #15): the REST API over HTTP against the local tenant, for the writes the tab
 * sends, as users and a flaky network would: 20 identical concurrent requests, a double submit after a
 * reload (same Idempotency-Key), answers lost after Graph did the write (30 %), and answers slower than the
 * Graph client's timeout. After each, with the faults off, it counts in the tenant (raw Graph as the emulator's
 * inspection principal, never with the app's registration, not through the app) and prints the table.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { Channel, Event } from '@microsoft/microsoft-graph-types';
import { CHAIR, COORDINATOR } from '../../infra/graph-emulator/tests/support';
import { transactionIdFor } from '../../api/graph/calendar/operationKey';
import { STODGRUPP_GUESTS, meetingDays, today } from './support';
import { ResultTable, clearFaults, concurrently, loseAnswers, ones, tenantLists, untilDone } from './scenarios';
import { control, startStack, type Stack } from '../integration/support/stack';
import { peopleIds, TEAM } from '../integration/workingGroupsSupport';

jest.setTimeout(240_000);

const STODGRUPP = 'anna.sjoberg@skelleftea.se';
const PER = 'per.holmberg@regionvasterbotten.se';
const YEAR = 2026;
const GRAPH_TIMEOUT_MS = 2000;
/** Operations per write in the scenarios with faults by probability. */
const LOST_RUNS = 4;

type Scenario = '20 samtidiga' | 'omladdning' | '30 % tappade svar' | 'timeout < latens';

interface Write {
  name: string;
  path: string;
  user: string;
  /** The request body of the n-th scenario's write, tagged so that its effect can be counted. */
  body(tag: string, n: number): unknown;
  /** Counts in the tenant: what exactly one write leaves, each expected to be 1. */
  count(tag: string, body: unknown): Promise<Record<string, number>>;
}

describe('exactly once: writes under double submits, races, lost answers and timeouts', () => {
  let stack: Stack;
  let app: Client;
  const tokens = new Map<string, string>();
  let ids: Map<string, string>;
  let budgetLineId: string;
  const table = new ResultTable('exactly once');
  let items: (list: string) => Promise<Record<string, unknown>[]>;
  let tagged: (list: string, tag: string) => Promise<number>;

  const WRITES: Write[] = [
    {
      name: 'Utfall',
      path: '/api/budget/outcomes',
      user: COORDINATOR,
      body: (tag) => ({ budgetLineId, date: `${YEAR}-03-01`, amountOre: 12_500_50, text: tag }),
      count: async (tag) => ({ 'Utfall-poster': await tagged('Utfall', tag) }),
    },
    {
      name: 'Budgetrad',
      path: '/api/budget/lines',
      user: COORDINATOR,
      body: (tag) => ({ year: YEAR, category: 'oh_lokal', name: tag, amountOre: 10_000_00 }),
      count: async (tag) => ({ 'Budget-poster': await tagged('Budget', tag) }),
    },
    {
      name: 'Aktivitet',
      path: '/api/activities',
      user: STODGRUPP,
      body: (tag) => ({
        title: tag,
        area: 'kompetensutveckling',
        targetGroups: ['kommuner'],
        startDate: '2026-10-06',
        endDate: '2026-10-06',
        responsibleOrganisationId: 'skelleftea',
      }),
      count: async (tag) => ({ 'Aktivitet-poster': await tagged('Aktiviteter', tag) }),
    },
    {
      name: 'Beslut',
      path: '/api/decisions',
      user: COORDINATOR,
      // A decision needs a meeting that has started; the suite's meeting lies ahead, so per capsulam today.
      body: (tag) => ({ meetingId: 'per-capsulam', decidedOn: today, kind: 'budget', title: 'Budget 2027', text: tag }),
      count: async (tag) => ({ 'Beslut-poster': await tagged('Beslut', tag) }),
    },
    {
      name: 'Samordnarens tid',
      path: '/api/coordinator-time',
      user: COORDINATOR,
      body: (tag) => ({ date: `${YEAR}-03-02`, hours: 1.5, assignment: tag }),
      count: async (tag) => ({ 'Tid-poster': await tagged('Samordnarens tid', tag) }),
    },
    {
      name: 'Kontakt',
      path: '/api/people',
      user: COORDINATOR,
      body: (tag) => ({
        source: 'external',
        displayName: tag,
        email: `${tag.toLowerCase().replace(/[^a-z0-9]+/g, '.')}@norsjo.se`,
        organisationId: 'norsjo',
        title: 'Bygglovshandläggare',
      }),
      count: async (tag) => ({ 'Kontakt-poster': await tagged('Kontakter', tag) }),
    },
    {
      name: 'Kallelse',
      path: '/api/meetings',
      user: COORDINATOR,
      body: (_tag, n) => ({
        group: 'stodgrupp',
        date: meetingDays[20 + n] as string,
        startTime: '13:00',
        endTime: '15:00',
        online: true,
        idempotencyKey: randomUUID(),
      }),
      count: async (_tag, body) => {
        const { idempotencyKey, date } = body as { idempotencyKey: string; date: string };
        const operationKey = `meeting:stodgrupp:${idempotencyKey}`;
        const events = (await app
          .api(`/users/${COORDINATOR}/events`)
          .filter(`transactionId eq '${transactionIdFor(operationKey)}'`)
          .get()) as { value: Event[] };
        // Stödgruppen's other members are guests: each gets the invitation by mail (the tenant's outbox).
        const iCalUId = events.value[0]?.iCalUId;
        const outbox = iCalUId
          ? (
              (await (await control(stack.tenant, 'GET', `/outbox?iCalUId=${encodeURIComponent(iCalUId)}`)).json()) as {
                value: { type: string; to: string }[];
              }
            ).value.filter((m) => m.type === 'invitation')
          : [];
        const perGuest = STODGRUPP_GUESTS.map((mail) => outbox.filter((m) => m.to.toLowerCase() === mail).length);
        const meetings = (await items('Möten')).filter((f) => f.OperationKey === operationKey);
        return {
          'händelse hos sammankallande': events.value.length,
          'inbjudan per gäst (minst)': Math.min(...perGuest),
          'inbjudan per gäst (högst)': Math.max(...perGuest),
          'Möten-poster': meetings.length,
          'Möten-poster samma dag': (await items('Möten')).filter(
            (f) => f.MeetingGroup === 'stodgrupp' && String(f.StartDateTime ?? '').startsWith(date),
          ).length,
        };
      },
    },
    {
      name: 'Arbetsgrupp',
      path: '/api/working-groups',
      user: COORDINATOR,
      body: (tag) => ({
        name: tag,
        syfte: 'Samordna tolkningen av nya PBL-regler.',
        uppdrag: 'Ta fram gemensamma rutiner.',
        malsattning: 'Rutinerna antagna i höst.',
        memberIds: [CHAIR, PER].map((m) => ids.get(m)),
        convenerId: ids.get(CHAIR),
        period: { start: '2026-09-01', end: '2027-06-30' },
        membershipType: 'standard',
      }),
      count: async (tag) => {
        const channels = ((await app.api(`${TEAM}/channels`).get()) as { value: Channel[] }).value.filter(
          (c) => c.displayName === tag,
        );
        const tabs = channels[0]
          ? ((await app.api(`${TEAM}/channels/${channels[0].id}/tabs`).get()) as { value: unknown[] }).value.length
          : 0;
        const posts = channels[0]
          ? (
              (await (
                await fetch(
                  `${stack.tenant.url}/_emulator/conversations/${encodeURIComponent(channels[0].id!)}/activities`,
                )
              ).json()) as { activities: unknown[] }
            ).activities.length
          : 0;
        return {
          'Arbetsgrupp-poster': await tagged('Arbetsgrupper', tag),
          kanaler: channels.length,
          flikar: tabs,
          välkomstkort: posts,
        };
      },
    },
  ];

  /** Sends the write with one key until it gets a 2xx (as the tab's retry with its kept key does). */
  const sendUntilDone = (write: Write, key: string, body: unknown, statuses: number[]) =>
    untilDone(write.name, () => send(write, key, body), statuses);
  const send = (write: Write, key: string, body: unknown) =>
    stack.call(write.path, {
      token: tokens.get(write.user),
      method: 'POST',
      body,
      headers: { 'Idempotency-Key': key },
    });

  beforeAll(async () => {
    stack = await startStack({
      env: { TEAM_ID: '', GRAPH_TIMEOUT_MS: String(GRAPH_TIMEOUT_MS), GRAPH_MAX_RETRIES: '4' },
    });
    await stack.prepare();
    ({ app, items, tagged } = await tenantLists(stack));
    for (const user of [COORDINATOR, STODGRUPP, CHAIR]) tokens.set(user, await stack.token(user));
    ids = await peopleIds(stack, tokens.get(COORDINATOR)!);
    const line = await stack.call('/api/budget/lines', {
      token: tokens.get(COORDINATOR),
      method: 'POST',
      body: { year: YEAR, category: 'oh_lokal', name: 'Lokalhyra', amountOre: 1_200_000_00 },
    });
    budgetLineId = ((await line.json()) as { line: { id: string } }).line.id;
  });
  afterAll(async () => {
    table.print();
    await stack?.close();
  });

  const record = async (write: Write, scenario: Scenario, tag: string, body: unknown, statuses: number[]) => {
    await clearFaults(stack);
    const counts = await write.count(tag, body);
    table.add(write.name, scenario, statuses, counts);
    return counts;
  };

  it.each(WRITES.map((w, i) => [w.name, i] as const))(
    '%s: 20 identical concurrent requests with one key make one, and all 20 see the first answer',
    async (_name, i) => {
      const write = WRITES[i]!;
      const tag = `Samtidigt ${write.name} ${randomUUID().slice(0, 8)}`;
      const body = write.body(tag, 0);
      const key = randomUUID();
      const { statuses, bodies } = await concurrently(20, () => send(write, key, body));
      const counts = await record(write, '20 samtidiga', tag, body, statuses);
      expect(new Set(statuses).size).toBe(1);
      expect(statuses[0]).toBeLessThan(300);
      expect(new Set(bodies).size).toBe(1);
      expect(bodies[0]).not.toContain('Någon annan har ändrat');
      expect(counts).toEqual(ones(counts));
    },
  );

  it.each(WRITES.map((w, i) => [w.name, i] as const))(
    '%s: a double submit after a reload (the same key again) answers the first result and makes nothing more',
    async (_name, i) => {
      const write = WRITES[i]!;
      const tag = `Omladdning ${write.name} ${randomUUID().slice(0, 8)}`;
      const body = write.body(tag, 1);
      const key = randomUUID();
      const statuses: number[] = [];
      const first = await sendUntilDone(write, key, body, statuses);
      const again = await sendUntilDone(write, key, body, statuses);
      expect(again.status).toBe(first.status);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      const counts = await record(write, 'omladdning', tag, body, statuses);
      expect(counts).toEqual(ones(counts));
    },
  );

  it.each(WRITES.map((w, i) => [w.name, i] as const))(
    '%s: answers lost after Graph wrote (30 %%), retried with the kept key until done: nothing lost, counted',
    async (_name, i) => {
      const write = WRITES[i]!;
      const statuses: number[] = [];
      const total: Record<string, number> = {};
      for (let run = 0; run < LOST_RUNS; run++) {
        const tag = `Tappat ${write.name} ${randomUUID().slice(0, 8)}`;
        const body = write.body(tag, 2 + run);
        await loseAnswers(stack, ['POST'], { probability: 0.3 });
        await sendUntilDone(write, randomUUID(), body, statuses);
        await clearFaults(stack);
        for (const [k, v] of Object.entries(await write.count(tag, body))) total[k] = (total[k] ?? 0) + v;
      }
      const mean = Object.fromEntries(Object.entries(total).map(([k, v]) => [k, v / LOST_RUNS]));
      table.add(write.name, '30 % tappade svar', statuses, mean);
      // Nothing lost and nothing doubled: every create carries its operation's natural key (OperationKey,
      // the event's transactionId) and a repeat finds it.
      expect(total).toEqual(Object.fromEntries(Object.keys(total).map((k) => [k, LOST_RUNS])));
    },
  );

  it.each(WRITES.map((w, i) => [w.name, i] as const))(
    '%s: the first Graph POST answers after the client timeout (the write is done): counted',
    async (_name, i) => {
      const write = WRITES[i]!;
      const tag = `Timeout ${write.name} ${randomUUID().slice(0, 8)}`;
      const body = write.body(tag, 2 + LOST_RUNS);
      await loseAnswers(stack, ['POST'], { delayMs: GRAPH_TIMEOUT_MS + 500, count: 1 });
      const statuses: number[] = [];
      await sendUntilDone(write, randomUUID(), body, statuses);
      const counts = await record(write, 'timeout < latens', tag, body, statuses);
      // The create Graph did is not re-sent blindly by the client: it is looked up first, and found.
      expect(counts).toEqual(ones(counts));
    },
  );
});

/**
 * Issue #15's crash scenarios: the real server process (scripts/start.ts, SQLite state in its data folder) is
 * killed with SIGKILL at points of a kallelse, an appointment and a decision: right after Graph did a step's
 * write and before the server heard the answer (the local tenant holds the answer back). The server is started
 * again on the same data, the client retries with its kept Idempotency-Key until it gets a 2xx, and the tenant
 * is counted with the faults off: one of everything, nothing half-done.
 */
import type { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { Channel, Event, List, ListItem, Site } from '@microsoft/microsoft-graph-types';
import { CHAIR, COORDINATOR, adminClient } from '../../infra/graph-emulator/tests/support';
import { transactionIdFor } from '../../api/graph/calendar/operationKey';
import { candidateDays, seasonWindow, toIsoDate } from '../../src/domain';
import { installInLocalTeam } from '../../scripts/start';
import { spawnServer } from '../integration/support/serverProcess';
import { control, startStack, type Stack } from '../integration/support/stack';
import { peopleIds, TEAM } from '../integration/workingGroupsSupport';

jest.setTimeout(240_000);

const PER = 'per.holmberg@regionvasterbotten.se';
const today = toIsoDate(new Date());
const thisYear = Number(today.slice(0, 4));
const springYear = today.slice(5, 7) > '04' ? thisYear + 1 : thisYear;
const meetingDays = candidateDays(seasonWindow(springYear, 'var'));
const ITEMS = '^/v1\\.0/sites/[^/]+/lists/[^/]+/items$';

interface Instance {
  url: string;
  child: ChildProcess;
}

/** The server as `npm start` runs it, joined to the test's tenant, its state in `dir` (kept across a kill). */
async function startInstance(stack: Stack, dir: string): Promise<Instance> {
  const { url, child } = await spawnServer(stack, dir, {
    LOG_LEVEL: 'warn',
    // Long enough that the server is still waiting for the held-back answer when it is killed.
    GRAPH_TIMEOUT_MS: '60000',
    JOBS_INTERVAL_SECONDS: '0',
  });
  return { url, child };
}

async function kill(instance: Instance): Promise<void> {
  if (instance.child.exitCode !== null || instance.child.signalCode !== null) return;
  const exited = new Promise((resolve) => instance.child.once('exit', resolve));
  instance.child.kill('SIGKILL');
  await exited;
}

async function until(what: string, probe: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

interface Operation {
  name: string;
  path: string;
  body(tag: string, n: number): Record<string, unknown>;
  /** The Graph writes to cut after, each with how to see in the tenant that Graph did it. */
  points: {
    step: string;
    method: string;
    path: string;
    done(tag: string, body: Record<string, unknown>): Promise<boolean>;
  }[];
  count(tag: string, body: Record<string, unknown>): Promise<Record<string, number>>;
}

describe('exactly once across kill -9 of the server', () => {
  let stack: Stack;
  let app: Client;
  let siteId: string;
  let dir: string;
  let instance: Instance;
  let token: string;
  let ids: Map<string, string>;
  const lists = new Map<string, string>();
  const table: string[] = [];

  const items = async (list: string): Promise<Record<string, unknown>[]> => {
    const page = (await app.api(`/sites/${siteId}/lists/${lists.get(list)}/items?$expand=fields&$top=5000`).get()) as {
      value: ListItem[];
    };
    return page.value.map((i) => (i.fields ?? {}) as Record<string, unknown>);
  };
  const tagged = async (list: string, tag: string) =>
    (await items(list)).filter((f) => Object.values(f).some((v) => v === tag)).length;
  const meetingEvents = async (body: Record<string, unknown>) =>
    (
      (await app
        .api(`/users/${COORDINATOR}/events`)
        .filter(`transactionId eq '${transactionIdFor(`meeting:stodgrupp:${String(body.idempotencyKey)}`)}'`)
        .get()) as { value: Event[] }
    ).value;
  const channelsNamed = async (tag: string) =>
    ((await app.api(`${TEAM}/channels`).get()) as { value: Channel[] }).value.filter((c) => c.displayName === tag);
  const tabsIn = async (channel: Channel | undefined) =>
    channel ? ((await app.api(`${TEAM}/channels/${channel.id}/tabs`).get()) as { value: unknown[] }).value.length : 0;
  const cardsIn = async (channel: Channel | undefined) =>
    channel
      ? (
          (await (
            await fetch(`${stack.tenant.url}/_emulator/conversations/${encodeURIComponent(channel.id!)}/activities`)
          ).json()) as { activities: unknown[] }
        ).activities.length
      : 0;

  const OPERATIONS: Operation[] = [
    {
      name: 'Kallelse',
      path: '/api/meetings',
      body: (_tag, n) => ({
        group: 'stodgrupp',
        date: meetingDays[10 + n] as string,
        startTime: '13:00',
        endTime: '15:00',
        online: true,
        idempotencyKey: randomUUID(),
      }),
      points: [
        {
          step: 'Möten-posten',
          method: 'POST',
          path: ITEMS,
          done: async (_tag, body) =>
            (await items('Möten')).some((f) => String(f.OperationKey ?? '').endsWith(String(body.idempotencyKey))),
        },
        {
          step: 'händelsen',
          method: 'POST',
          path: '^/v1\\.0/users/[^/]+/(calendar/)?events$',
          done: async (_tag, body) => (await meetingEvents(body)).length > 0,
        },
      ],
      count: async (_tag, body) => {
        const meetings = (await items('Möten')).filter((f) =>
          String(f.OperationKey ?? '').endsWith(String(body.idempotencyKey)),
        );
        return {
          händelser: (await meetingEvents(body)).length,
          'Möten-poster': meetings.length,
          'Möten-poster planerade': meetings.filter((f) => f.Status === 'planerat').length,
        };
      },
    },
    {
      name: 'Arbetsgrupp',
      path: '/api/working-groups',
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
      points: [
        {
          step: 'Arbetsgrupper-posten',
          method: 'POST',
          path: ITEMS,
          done: async (tag) => (await tagged('Arbetsgrupper', tag)) > 0,
        },
        {
          step: 'kanalen',
          method: 'POST',
          path: '^/v1\\.0/teams/[^/]+/channels$',
          done: async (tag) => (await channelsNamed(tag)).length > 0,
        },
        {
          step: 'fliken',
          method: 'POST',
          path: '^/v1\\.0/teams/[^/]+/channels/[^/]+/tabs$',
          done: async (tag) => (await tabsIn((await channelsNamed(tag))[0])) > 0,
        },
        {
          step: 'välkomstkortet',
          method: 'POST',
          path: '^/v3/conversations(/[^/]+/activities)?$',
          done: async (tag) => (await cardsIn((await channelsNamed(tag))[0])) > 0,
        },
      ],
      count: async (tag) => {
        const channels = await channelsNamed(tag);
        return {
          'Arbetsgrupper-poster': await tagged('Arbetsgrupper', tag),
          kanaler: channels.length,
          flikar: await tabsIn(channels[0]),
          välkomstkort: await cardsIn(channels[0]),
        };
      },
    },
    {
      name: 'Beslut',
      path: '/api/decisions',
      body: (tag) => ({ meetingId: 'per-capsulam', decidedOn: today, kind: 'budget', title: 'Budget', text: tag }),
      points: [
        { step: 'Beslut-posten', method: 'POST', path: ITEMS, done: async (tag) => (await tagged('Beslut', tag)) > 0 },
      ],
      count: async (tag) => ({ 'Beslut-poster': await tagged('Beslut', tag) }),
    },
  ];

  const send = (path: string, body: unknown, key: string) =>
    fetch(`${instance.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    stack = await startStack({ env: { TEAM_ID: '' } });
    await stack.prepare();
    app = await adminClient(stack.tenant);
    const site = (await app.api(`/sites/${stack.config.site.hostname}:${stack.config.site.path}`).get()) as Site;
    siteId = site.id!;
    for (const list of ((await app.api(`/sites/${siteId}/lists`).get()) as { value: List[] }).value)
      lists.set(list.displayName!, list.id!);
    token = await stack.token(COORDINATOR);
    ids = await peopleIds(stack, token);
    dir = mkdtempSync(join(tmpdir(), 'planochbygg-crash-'));
    // A built tab newer than its sources, so that start.ts does not run vite.
    mkdirSync(join(dir, 'tab'));
    writeFileSync(join(dir, 'tab', 'index.html'), '<!doctype html><title>flik</title>');
    instance = await startInstance(stack, dir);
    const installed = await installInLocalTeam(stack.tenant.url, Number(new URL(instance.url).port));
    if (!installed.ok) throw new Error(installed.message);
  });
  afterAll(async () => {
    process.stdout.write(`\nkill -9 (ska vara 1 överallt)\n${table.join('\n')}\n`);
    if (instance) await kill(instance);
    if (dir) rmSync(dir, { recursive: true, force: true });
    await stack?.close();
  });

  const cases = OPERATIONS.flatMap((op) =>
    op.points.map((point, n) => [`${op.name} efter ${point.step}`, op, n] as const),
  );

  it.each(cases)('%s: killed, restarted, retried with the kept key: one of everything', async (_name, op, n) => {
    const point = op.points[n]!;
    const tag = `Krasch ${op.name} ${randomUUID().slice(0, 8)}`;
    const body = op.body(tag, n);
    const key = randomUUID();
    // Graph does the write and its answer never comes back: the server is waiting when it dies.
    await control(stack.tenant, 'POST', '/faults', {
      when: 'after',
      drop: true,
      method: point.method,
      path: point.path,
      count: 1,
    });
    const first = send(op.path, body, key).catch(() => undefined);
    await until(`${op.name}: ${point.step}`, () => point.done(tag, body));
    await kill(instance);
    await first;
    await control(stack.tenant, 'DELETE', '/faults');
    instance = await startInstance(stack, dir);

    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt++) {
      const response = await send(op.path, body, key);
      statuses.push(response.status);
      await response.arrayBuffer();
      if (response.status < 300) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const counts = await op.count(tag, body);
    table.push(
      `${op.name} | efter ${point.step} | svar efter omstart ${statuses.join(',')} | ${Object.entries(counts)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ')}`,
    );
    expect(statuses.at(-1)).toBeLessThan(300);
    expect(counts).toEqual(Object.fromEntries(Object.keys(counts).map((k) => [k, 1])));
  });
});

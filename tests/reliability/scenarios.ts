import { randomUUID } from 'node:crypto';
import { writeSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { List, ListItem, Site } from '@microsoft/microsoft-graph-types';
import { adminClient } from '../../infra/graph-emulator/tests/support';
import { IDEMPOTENT_REPLAY_HEADER } from '../../src/contract';
import { control, type Stack } from '../integration/support/stack';
import { statusSummary } from './support';

/**
 * The runner the exactly-once suites share: counting in the tenant (raw Graph as the emulator's inspection
 * principal, never the app's registration), sending with a kept key until done, and the printed table.
 */

export type Fields = Record<string, unknown> & { id?: string };

export interface TenantLists {
  app: Client;
  siteId: string;
  /** Every item of the list (all pages), its fields with the item's id. */
  items(list: string): Promise<Fields[]>;
  /** How many items of the list have a field equal to `tag`. */
  tagged(list: string, tag: string): Promise<number>;
}

export async function tenantLists(stack: Stack): Promise<TenantLists> {
  const app = await adminClient(stack.tenant);
  const site = (await app.api(`/sites/${stack.config.site.hostname}:${stack.config.site.path}`).get()) as Site;
  const siteId = site.id!;
  const lists = new Map<string, string>();
  for (const list of ((await app.api(`/sites/${siteId}/lists`).get()) as { value: List[] }).value)
    lists.set(list.displayName!, list.id!);
  const items = async (list: string): Promise<Fields[]> => {
    const listId = lists.get(list);
    if (!listId) throw new Error(`no list ${list}`);
    const found: Fields[] = [];
    let next: string | undefined = `/sites/${siteId}/lists/${listId}/items?$expand=fields&$top=5000`;
    while (next) {
      const page = (await app.api(next).get()) as { value: ListItem[]; '@odata.nextLink'?: string };
      found.push(...page.value.map((i) => ({ ...(i.fields ?? {}), id: i.id })));
      next = page['@odata.nextLink'];
    }
    return found;
  };
  const tagged = async (list: string, tag: string) =>
    (await items(list)).filter((f) => Object.values(f).some((v) => v === tag)).length;
  return { app, siteId, items, tagged };
}

/** Sends with one kept key until a 2xx (the tab's retry), at most `tries` times; every status is recorded. */
export async function untilDone(
  name: string,
  send: () => Promise<Response>,
  statuses: number[],
  tries = 12,
): Promise<Response> {
  for (let attempt = 0; attempt < tries; attempt++) {
    const response = await send();
    statuses.push(response.status);
    if (response.status < 300) return response;
    await response.arrayBuffer();
  }
  throw new Error(`${name}: no 2xx after ${tries} tries (${statuses.join(',')})`);
}

/** The same request `n` times at once: the statuses and bodies, in order. */
export async function concurrently(
  n: number,
  send: () => Promise<Response>,
): Promise<{ statuses: number[]; bodies: string[] }> {
  const answers = await Promise.all(Array.from({ length: n }, send));
  const bodies = await Promise.all(answers.map((a) => a.text()));
  return { statuses: answers.map((a) => a.status), bodies };
}

/** What every count should be: one of each. */
export const ones = (counts: Record<string, number>) => Object.fromEntries(Object.keys(counts).map((k) => [k, 1]));

/** Graph's answer lost after the handler wrote, for these methods (the control of infra/graph-emulator). */
export async function loseAnswers(
  stack: Stack,
  methods: readonly string[],
  fault: { path?: string; probability?: number; count?: number; delayMs?: number },
): Promise<void> {
  const { delayMs, ...rest } = fault;
  const lose = delayMs ? { when: 'after', delayMs } : { when: 'after', drop: true };
  const body = methods.map((method) => ({ path: '^/v1\\.0/(sites|users|teams)/', ...rest, ...lose, method }));
  const response = await control(stack.tenant, 'POST', '/faults', body);
  if (response.status !== 201) throw new Error(`faults not set: ${response.status} ${await response.text()}`);
}

export const clearFaults = (stack: Stack) => control(stack.tenant, 'DELETE', '/faults');

/** The table a suite prints: one row per write and scenario, with what it counted in the tenant. */
export class ResultTable {
  private readonly rows: string[][] = [];

  constructor(private readonly title: string) {}

  add(write: string, scenario: string, statuses: readonly number[], counts: Record<string, number>): void {
    const shown = Object.entries(counts)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ');
    this.rows.push([write, scenario, String(statuses.length), statusSummary(statuses), shown]);
  }

  /** A row in the suite's own words (a scenario that is not one write's). */
  addLine(...cells: (string | number)[]): void {
    this.rows.push(cells.map(String));
  }

  print(): void {
    const head = ['skrivning', 'scenario', 'förfrågningar', 'svar', 'räknat i miljön (ska vara 1)'];
    const lines = [head, ...this.rows].map((r) => r.join(' | '));
    // Straight to the descriptor: jest flushes a suite's process.stdout late, and the last suite's is lost on exit.
    writeSync(1, `\n${this.title}\n${lines.join('\n')}\n`);
  }
}

/**
 * One row of a suite's scenario table: a write, what it acts on, its request and the counts it is checked by.
 * The shared scenarios run every row under each of them; each count must be 1 afterwards.
 */
export interface ScenarioRow<T> {
  name: string;
  /** Faults off: what the write acts on (a fresh target per scenario, tagged). */
  setup(tag: string): Promise<T>;
  /** The request, with the kept Idempotency-Key (a bot row ignores it: the activity's id is its key). */
  send(target: T, key: string): Promise<Response>;
  /** Counts in the tenant: what exactly one write leaves, each expected to be 1. */
  count(target: T): Promise<Record<string, number>>;
  /** The Graph writes whose first answer the lost-answer scenarios lose; the suite's default otherwise. */
  lose?: { methods: readonly string[]; path?: string };
  /** Through the bot: no HTTP answer to compare, so only the double-click scenarios run it. */
  bot?: boolean;
}

export interface ScenarioSuite<T> {
  rows: readonly ScenarioRow<T>[];
  /** The running stack (set in the suite's beforeAll, read when a scenario runs). */
  stack: () => Stack;
  table: ResultTable;
  /** The server's per-try Graph timeout: the slow-answer scenario answers 500 ms after it. */
  graphTimeoutMs: number;
  /** The Graph writes a row without `lose` has its first answer lost on. */
  lose: { methods: readonly string[]; path?: string };
}

const tagOf = (what: string) => `${what} ${randomUUID().slice(0, 8)}`;

/**
 * The scenarios every row runs: 2 and 20 identical requests at once with one key, the same key again after
 * the answer came, and the first Graph write's answer lost (dropped, or slower than the client's timeout)
 * retried with the kept key. Each adds its row to the table and expects every count to be 1.
 */
export function exactlyOnceScenarios<T>(suite: ScenarioSuite<T>): void {
  const each = suite.rows.map((row, i) => [row.name, i] as const);
  const rest = each.filter(([, i]) => !suite.rows[i]!.bot);
  doubleClicks(suite, each);
  if (rest.length > 0) {
    repeatAfterAnswer(suite, rest);
    lostAnswers(suite, rest);
  }
}

type Indexed = readonly (readonly [string, number])[];

function doubleClicks<T>({ rows, table }: ScenarioSuite<T>, each: Indexed): void {
  describe.each([2, 20])('%i identical requests at once with one key', (n) => {
    it.each(each)('%s: one effect, every answer the first', async (_name, i) => {
      const row = rows[i]!;
      const t = await row.setup(tagOf(`Dubbelklick ${n}`));
      const key = randomUUID();
      const { statuses, bodies } = await concurrently(n, () => row.send(t, key));
      const counts = await row.count(t);
      table.add(row.name, `${n} samtidiga`, statuses, counts);
      expect(new Set(statuses).size).toBe(1);
      expect(statuses[0]).toBeLessThan(300);
      if (!row.bot) expect(new Set(bodies).size).toBe(1);
      expect(counts).toEqual(ones(counts));
    });
  });
}

function repeatAfterAnswer<T>({ rows, table }: ScenarioSuite<T>, rest: Indexed): void {
  it.each(rest)('%s: the same key again after the answer came answers the first result', async (_name, i) => {
    const row = rows[i]!;
    const t = await row.setup(tagOf('Omladdning'));
    const key = randomUUID();
    const first = await row.send(t, key);
    const again = await row.send(t, key);
    expect(await again.text()).toBe(await first.text());
    const counts = await row.count(t);
    table.add(row.name, 'omladdning', [first.status, again.status], counts);
    expect(again.status).toBe(first.status);
    expect(again.headers.get(IDEMPOTENT_REPLAY_HEADER.toLowerCase())).toBe('true');
    expect(counts).toEqual(ones(counts));
  });
}

function lostAnswers<T>(suite: ScenarioSuite<T>, rest: Indexed): void {
  const { rows, table } = suite;
  const lostAnswer = [
    ['svar tappat efter skrivningen', {}],
    ['svar efter klientens timeout', { delayMs: suite.graphTimeoutMs + 500 }],
  ] as const;
  describe.each(lostAnswer)('%s, retried with the kept key', (scenario, fault) => {
    it.each(rest)('%s: once, and a repeat answers the first result', async (_name, i) => {
      const row = rows[i]!;
      const stack = suite.stack();
      const t = await row.setup(tagOf('Tappat'));
      const key = randomUUID();
      const statuses: number[] = [];
      const { methods, path } = row.lose ?? suite.lose;
      await loseAnswers(stack, methods, { count: 1, ...(path ? { path } : {}), ...fault });
      const done = await untilDone(row.name, () => row.send(t, key), statuses)
        .catch(() => undefined)
        .finally(() => clearFaults(stack));
      const firstBody = await done?.text();
      const again = await row.send(t, key);
      statuses.push(again.status);
      const counts = await row.count(t);
      table.add(row.name, scenario, statuses, counts);
      expect(done?.status).toBeLessThan(300);
      expect(again.status).toBe(done?.status);
      expect(await again.text()).toBe(firstBody);
      expect(counts).toEqual(ones(counts));
    });
  });
}

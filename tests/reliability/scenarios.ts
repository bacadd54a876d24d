import type { Client } from '@microsoft/microsoft-graph-client';
import type { List, ListItem, Site } from '@microsoft/microsoft-graph-types';
import { adminClient } from '../../infra/graph-emulator/tests/support';
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
    process.stdout.write(`\n${this.title}\n${lines.join('\n')}\n`);
  }
}

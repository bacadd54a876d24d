/**
 * Exactly once over real HTTP (issue #15) for the writes with a natural key of their own: närvaro rows (one per
 * meeting and person, written as a Graph $batch), a budgetversion (one per year and version number) and its
 * decision, the year's verksamhetsplan (one per year) and its decision. Each under a double-click (2 and 20
 * identical requests with one key), a repeat after the answer came, and the first Graph write's answer lost
 * (dropped, or slower than the client's timeout) retried with the kept key. After each, with the faults off, it
 * counts in the tenant (raw Graph as the emulator's inspection principal): one of each.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { SEED_PEOPLE } from '../../infra/graph-emulator/src/index';
import { CHAIR, COORDINATOR } from '../../infra/graph-emulator/tests/support';
import { candidateDays, seasonWindow } from '../../src/domain';
import { startStack, type Stack } from '../integration/support/stack';
import { today } from './support';
import {
  concurrently,
  exactlyOnceScenarios,
  ResultTable,
  tenantLists,
  type ScenarioRow,
  type TenantLists,
} from './scenarios';

jest.setTimeout(240_000);

const GRAPH_TIMEOUT_MS = 2000;
const YEAR = Number(today.slice(0, 4));
const pastAutumnYear = today.slice(5, 7) >= '11' ? YEAR : YEAR - 1;
const HELD_DAY = candidateDays(seasonWindow(pastAutumnYear, 'host'))[10] as string;
/** The samverkansgrupp's members, two new ones per scenario: each scenario's rows are its own. */
const MEMBERS = SEED_PEOPLE.filter((p) => p.xRoles.includes('samverkansgrupp')).map((p) => p.mail.toLowerCase());

interface Target {
  tag: string;
  year: number;
  emails: string[];
  etag?: string;
}

describe('exactly once over HTTP: närvaro, budgetversioner and verksamhetsplan', () => {
  let stack: Stack;
  let tenant: TenantLists;
  const tokens = new Map<string, string>();
  const table = new ResultTable('exactly once, närvaro, budgetversioner och verksamhetsplan');
  let heldId: string;
  let nextYear = 2060;
  let nextMember = 0;

  const call = (path: string, method: string, body: unknown, key?: string, headers: Record<string, string> = {}) =>
    stack.call(path, {
      token: tokens.get(COORDINATOR),
      method,
      body,
      headers: { ...(key ? { 'Idempotency-Key': key } : {}), ...headers },
    });
  const ok = async (response: Response) => {
    if (response.status >= 300) throw new Error(`${response.status}: ${await response.text()}`);
    return { etag: response.headers.get('etag') ?? '', body: (await response.json()) as Record<string, unknown> };
  };
  const target = (tag: string): Target => ({ tag, year: nextYear++, emails: [] });
  const twoMembers = () => {
    if (nextMember + 2 > MEMBERS.length) throw new Error('too few members for the närvaro scenarios');
    return [MEMBERS[nextMember++]!, MEMBERS[nextMember++]!];
  };
  const decisionsOf = async (subjectRef: string) =>
    (await tenant.items('Beslut')).filter((f) => f.SubjectRef === subjectRef).length;
  const versionsOf = async (year: number) => (await tenant.items('Budgetversioner')).filter((f) => f.Year === year);
  const plansOf = async (year: number) => (await tenant.items('Verksamhetsplan')).filter((f) => f.Year === year);
  const decide = { meetingId: 'per-capsulam', decidedOn: today };
  const plan = (tag: string) => ({ priorities: [tag], goals: [{ text: `Mål ${tag}`, activityIds: [] }] });

  const WRITES: ScenarioRow<Target>[] = [
    {
      name: 'Närvaro',
      lose: { methods: ['POST'], path: '^/v1\\.0/\\$batch$' },
      setup: async (tag) => ({ ...target(tag), emails: twoMembers() }),
      send: (t, key) =>
        call(
          `/api/meetings/${heldId}/attendance`,
          'PUT',
          { rows: t.emails.map((email) => ({ email, present: true })) },
          key,
        ),
      count: async (t) => {
        const rows = (await tenant.items('Närvaro')).filter((f) => f.MeetingId === heldId);
        const per = t.emails.map((email) => rows.filter((f) => String(f.PersonEmail).toLowerCase() === email).length);
        return {
          'närvarorader per person (minst)': Math.min(...per),
          'närvarorader per person (högst)': Math.max(...per),
        };
      },
    },
    {
      name: 'Budgetversion (förslag)',
      lose: { methods: ['POST'] },
      setup: async (tag) => target(tag),
      send: (t, key) => call('/api/budget/versions', 'POST', { year: t.year }, key),
      count: async (t) => ({ 'Budgetversioner-poster': (await versionsOf(t.year)).length }),
    },
    {
      name: 'Budgetversion (beslut)',
      lose: { methods: ['POST', 'PATCH'] },
      setup: async (tag) => {
        const t = target(tag);
        const line = { year: t.year, category: 'oh_lokal', name: tag, amountOre: 1_000_00 };
        await ok(await call('/api/budget/lines', 'POST', line, randomUUID()));
        t.etag = (await ok(await call('/api/budget/versions', 'POST', { year: t.year }, randomUUID()))).etag;
        return t;
      },
      send: (t, key) => call(`/api/budget/versions/${t.year}/decision`, 'POST', decide, key, { 'If-Match': t.etag! }),
      count: async (t) => {
        const versions = await versionsOf(t.year);
        return {
          'Budgetversioner-poster': versions.length,
          'beslutade versioner': versions.filter((v) => v.Status === 'beslutad').length,
          'Beslut-poster': await decisionsOf(`budget:${t.year}-1`),
        };
      },
    },
    {
      name: 'Verksamhetsplan (förslag)',
      lose: { methods: ['POST'] },
      setup: async (tag) => target(tag),
      send: (t, key) => call(`/api/operating-plan/${t.year}`, 'PUT', plan(t.tag), key),
      count: async (t) => ({ 'Verksamhetsplan-poster': (await plansOf(t.year)).length }),
    },
    {
      name: 'Verksamhetsplan (beslut)',
      lose: { methods: ['POST', 'PATCH'] },
      setup: async (tag) => {
        const t = target(tag);
        t.etag = (await ok(await call(`/api/operating-plan/${t.year}`, 'PUT', plan(tag), randomUUID()))).etag;
        return t;
      },
      send: (t, key) => call(`/api/operating-plan/${t.year}/decision`, 'POST', decide, key, { 'If-Match': t.etag! }),
      count: async (t) => {
        const plans = await plansOf(t.year);
        return {
          'Verksamhetsplan-poster': plans.length,
          'beslutade planer': plans.filter((p) => p.Status === 'beslutad').length,
          'Beslut-poster': await decisionsOf(`operatingPlan:${t.year}`),
        };
      },
    },
  ];

  beforeAll(async () => {
    stack = await startStack({
      env: { TEAM_ID: '', GRAPH_TIMEOUT_MS: String(GRAPH_TIMEOUT_MS), GRAPH_MAX_RETRIES: '4' },
    });
    await stack.prepare();
    tenant = await tenantLists(stack);
    for (const user of [COORDINATOR, CHAIR]) tokens.set(user, await stack.token(user));
    const held = await stack.call('/api/meetings', {
      token: tokens.get(CHAIR),
      method: 'POST',
      body: {
        group: 'samverkansgrupp',
        season: 'host',
        date: HELD_DAY,
        startTime: '09:30',
        endTime: '12:00',
        online: true,
        idempotencyKey: randomUUID(),
      },
    });
    heldId = ((await ok(held)).body.meeting as { id: string }).id;
  });
  afterAll(async () => {
    table.print();
    await stack?.close();
  });

  exactlyOnceScenarios({
    rows: WRITES,
    stack: () => stack,
    table,
    graphTimeoutMs: GRAPH_TIMEOUT_MS,
    lose: { methods: ['POST'] },
  });

  it.each([2, 5])(
    'Budgetversion: %i tabs proposing the same year at once with different keys: one proposal, the rest 409 with it',
    async (n) => {
      const t = target(`Två flikar ${randomUUID().slice(0, 8)}`);
      const { statuses, bodies } = await concurrently(n, () =>
        call('/api/budget/versions', 'POST', { year: t.year }, randomUUID()),
      );
      const versions = await versionsOf(t.year);
      table.add('Budgetversion (förslag)', `${n} flikar, olika nycklar`, statuses, {
        'öppna förslag': versions.filter((v) => v.Status === 'forslag').length,
      });
      expect(versions).toHaveLength(1);
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(n - 1);
      const won = JSON.parse(bodies[statuses.indexOf(201)]!) as { version: { id: string; etag: string } };
      for (const body of bodies.filter((_b, i) => statuses[i] === 409)) {
        const refused = JSON.parse(body) as { error: { message: string; current: { id: string; version: number } } };
        expect(refused.error.message).toBe(
          `Det finns redan ett förslag till budget för ${t.year} (version 1) som väntar på beslut.`,
        );
        expect(refused.error.current).toMatchObject({ id: won.version.id, version: 1, etag: won.version.etag });
      }
    },
  );
});

/**
 * Exactly once over real HTTP (issue #15), for the writes a user repeats without meaning to: an Utfall booked, a
 * decision, a budget line, a poll vote, a nyhet through the bot, a justerare's approval of the protokoll and the
 * justering (the drafted protokoll and its approve cards). Each under a double-click (2 and 20 identical
 * requests with one key, or one Teams activity delivered that often), a repeat after the answer came, and a
 * Graph answer lost after the write (dropped, or slower than the client's timeout) retried with the kept key.
 * After each, with the faults off, it counts in the tenant (raw Graph as the emulator's inspection principal,
 * and the connector's record of the bot's posts): one of each, and every repeat answered with the first result.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { CHAIR, COORDINATOR, MEMBER_GUEST } from '../../infra/graph-emulator/tests/support';
import { candidateDays, seasonWindow } from '../../src/domain';
import {
  SEED_GENERAL_CHANNEL_ID,
  activityCardText,
  generalChannelMessage,
  postActivity,
  postedActivities,
  seededUser,
  startStack,
  type Stack,
} from '../integration/support/stack';
import { meetingDays, springYear, today } from './support';
import { exactlyOnceScenarios, ones, ResultTable, tenantLists, type ScenarioRow, type TenantLists } from './scenarios';

jest.setTimeout(240_000);

const STODGRUPP = 'anna.sjoberg@skelleftea.se';
const ADJUSTERS = [MEMBER_GUEST, STODGRUPP];
const GRAPH_TIMEOUT_MS = 2000;
const YEAR = Number(today.slice(0, 4));
/** A held autumn meeting: närvaro, protokoll and justering come after the meeting. */
const pastAutumnYear = today.slice(5, 7) >= '11' ? YEAR : YEAR - 1;
const HELD_DAY = candidateDays(seasonWindow(pastAutumnYear, 'host'))[12] as string;

interface Target {
  tag: string;
  id?: string;
  /** How many activities General held before the write (the bot's posts are counted after it). */
  since: number;
}

describe('exactly once over HTTP: double-clicks and answers lost after the write', () => {
  let stack: Stack;
  let tenant: TenantLists;
  const tokens = new Map<string, string>();
  const table = new ResultTable('exactly once, REST och bot');
  let budgetLineId: string;
  let heldId: string;
  let heldTitle: string;

  const call = (user: string, path: string, method: string, body: unknown, key?: string) =>
    stack.call(path, {
      token: tokens.get(user),
      method,
      body,
      headers: key ? { 'Idempotency-Key': key } : {},
    });
  const ok = async (response: Response) => {
    if (response.status >= 300) throw new Error(`${response.status}: ${await response.text()}`);
    return (await response.json()) as Record<string, { id: string; title?: string }>;
  };
  const general = async () => postedActivities(stack.tenant, SEED_GENERAL_CHANNEL_ID);
  const posts = async (since: number, ...texts: string[]) =>
    (await general())
      .slice(since)
      .map(activityCardText)
      .filter((text) => texts.every((t) => text.includes(t)));
  const protocolItems = async () => (await tenant.items('Protokoll')).filter((f) => f.MeetingId === heldId);
  const protocolBody = { secretaryEmail: COORDINATOR, chairEmail: CHAIR, adjusterEmails: ADJUSTERS };
  /**
   * A fresh draft of the held meeting's protokoll, by the coordinator, approved by the secretary and the chair,
   * so that it is the justerare's turn (#16).
   */
  const redraft = async (tag: string): Promise<Target> => {
    await ok(await call(COORDINATOR, `/api/meetings/${heldId}/protocol`, 'PUT', protocolBody, randomUUID()));
    for (const signer of [COORDINATOR, CHAIR]) {
      await ok(await call(signer, `/api/meetings/${heldId}/protocol/approve`, 'POST', undefined, randomUUID()));
    }
    return { tag, since: (await general()).length };
  };
  const nameOf = (mail: string) => seededUser(mail).displayName;

  const WRITES: ScenarioRow<Target>[] = [
    {
      name: 'Utfall',
      setup: async (tag) => ({ tag, since: 0 }),
      send: (t, key) =>
        call(
          COORDINATOR,
          '/api/budget/outcomes',
          'POST',
          {
            budgetLineId,
            date: `${YEAR}-03-01`,
            amountOre: 12_500_50,
            text: t.tag,
          },
          key,
        ),
      count: async (t) => ({ 'Utfall-poster': await tenant.tagged('Utfall', t.tag) }),
    },
    {
      name: 'Beslut',
      setup: async (tag) => ({ tag, since: 0 }),
      send: (t, key) =>
        call(
          COORDINATOR,
          '/api/decisions',
          'POST',
          {
            meetingId: 'per-capsulam',
            decidedOn: today,
            kind: 'budget',
            title: 'Budget 2027',
            text: t.tag,
          },
          key,
        ),
      count: async (t) => ({ 'Beslut-poster': await tenant.tagged('Beslut', t.tag) }),
    },
    {
      name: 'Budgetrad',
      setup: async (tag) => ({ tag, since: 0 }),
      send: (t, key) =>
        call(
          COORDINATOR,
          '/api/budget/lines',
          'POST',
          { year: YEAR, category: 'oh_lokal', name: t.tag, amountOre: 1_000_00 },
          key,
        ),
      count: async (t) => ({ 'Budget-poster': await tenant.tagged('Budget', t.tag) }),
    },
    {
      name: 'Röst',
      setup: async (tag) => {
        const candidates = [meetingDays[20], meetingDays[22]].map((d) => ({ start: `${d}T09:00`, end: `${d}T12:00` }));
        const { poll } = await ok(
          await call(
            CHAIR,
            '/api/meetings/polls',
            'POST',
            {
              group: 'samverkansgrupp',
              year: springYear,
              season: 'var',
              candidates,
              deadline: meetingDays[15],
            },
            randomUUID(),
          ),
        );
        return { tag, id: poll!.id, since: 0 };
      },
      send: (t, key) =>
        call(MEMBER_GUEST, `/api/meetings/polls/${t.id}/votes`, 'POST', { choices: { k1: 'ja', k2: 'nej' } }, key),
      count: async (t) => ({
        'Röster-poster': (await tenant.items('Röster')).filter(
          (f) => f.PollId === t.id && String(f.PersonEmail).toLowerCase() === MEMBER_GUEST,
        ).length,
      }),
    },
    {
      name: 'Justera protokollet',
      setup: redraft,
      send: (_t, key) => call(MEMBER_GUEST, `/api/meetings/${heldId}/protocol/approve`, 'POST', undefined, key),
      count: async () => {
        const items = await protocolItems();
        const approvals = JSON.parse(String(items[0]?.Approvals ?? '[]')) as { personId: string }[];
        return {
          'Protokoll-poster': items.length,
          'justeringar av justeraren': approvals.filter((a) => a.personId === MEMBER_GUEST).length,
        };
      },
    },
    {
      name: 'Justering (protokoll och kort)',
      setup: async (tag) => ({ tag, since: (await general()).length }),
      send: (_t, key) => call(COORDINATOR, `/api/meetings/${heldId}/protocol`, 'PUT', protocolBody, key),
      count: async (t) => ({
        'Protokoll-poster': (await protocolItems()).length,
        // The card goes to whose turn it is (#16): after a draft, the secretary; once per version, not per press.
        'kort till sekreteraren': (await posts(t.since, heldTitle, `${nameOf(COORDINATOR)}, du är sekreterare`)).length,
      }),
    },
    {
      name: 'Nyhet',
      bot: true,
      setup: async (tag) => ({ tag, since: (await general()).length }),
      send: (t) => postActivity(stack.url, newsActivity(t)),
      count: async (t) => ({ nyhetskort: (await posts(t.since, 'Nyhet från samordnaren', t.tag)).length }),
    },
  ];
  /** One Teams activity per target: a repeat is Teams delivering it again, or a double press. */
  const activities = new Map<string, object>();
  const newsActivity = (t: Target) => {
    const known = activities.get(t.tag);
    if (known) return known;
    const made = generalChannelMessage(stack.tenant, seededUser(COORDINATOR), `nyhet ${t.tag}`);
    activities.set(t.tag, made);
    return made;
  };

  beforeAll(async () => {
    stack = await startStack({
      env: { TEAM_ID: '', GRAPH_TIMEOUT_MS: String(GRAPH_TIMEOUT_MS), GRAPH_MAX_RETRIES: '4' },
    });
    await stack.prepare();
    tenant = await tenantLists(stack);
    for (const user of [COORDINATOR, CHAIR, MEMBER_GUEST, STODGRUPP]) tokens.set(user, await stack.token(user));
    const line = await ok(
      await call(COORDINATOR, '/api/budget/lines', 'POST', {
        year: YEAR,
        category: 'oh_lokal',
        name: 'Lokalhyra',
        amountOre: 1_200_000_00,
      }),
    );
    budgetLineId = line.line!.id;
    const { meeting } = await ok(
      await call(CHAIR, '/api/meetings', 'POST', {
        group: 'samverkansgrupp',
        season: 'host',
        date: HELD_DAY,
        startTime: '09:30',
        endTime: '12:00',
        online: true,
        idempotencyKey: randomUUID(),
      }),
    );
    heldId = meeting!.id;
    heldTitle = meeting!.title!;
    const rows = [CHAIR, COORDINATOR, ...ADJUSTERS].map((email) => ({ email, present: true }));
    await ok(await call(COORDINATOR, `/api/meetings/${heldId}/attendance`, 'PUT', { rows }, randomUUID()));
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
    lose: { methods: ['POST', 'PATCH', 'PUT'] },
  });

  it('Nyhet: the activity delivered again after the bot answered posts nothing more, the reply is the first', async () => {
    const write = WRITES.find((w) => w.bot)!;
    const t = await write.setup(`Omladdning ${randomUUID().slice(0, 8)}`);
    const statuses = [(await write.send(t, '')).status, (await write.send(t, '')).status];
    const replies = await posts(t.since, 'Nyheten är publicerad', t.tag);
    const counts = await write.count(t);
    table.add(write.name, 'levererad igen', statuses, counts);
    expect(statuses).toEqual([200, 200]);
    expect(replies).toHaveLength(2);
    expect(replies[1]).toBe(replies[0]);
    expect(counts).toEqual(ones(counts));
  });
});

/**
 * The bot's writes exactly once (issue #15). A command that creates a list item runs as the operation of its
 * activity, so the item carries the activity's natural key: under answers lost after Graph wrote (30 %) and
 * Teams' redelivery of the same activity, each booking leaves exactly one Utfall item (counted with raw Graph
 * as the emulator's inspection principal).
 *
 * The bot's posts exactly once when the connector loses its answer: the local connector posts the
 * activity and then drops the answer or replaces it by a 503/504 (infra/graph-emulator's fault control on
 * `/v3`), at 30 % of the bot's POSTs. A `nyhet` is delivered twice (Teams re-delivers an activity it got no
 * answer for) and the coordinator sends it again when told to try again, as a user would. Counted in the
 * connector with the faults off: one news card per nyhet, and every reply to one activity the same.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { List, ListItem, Site } from '@microsoft/microsoft-graph-types';
import { CHAIR, COORDINATOR, adminClient } from '../../infra/graph-emulator/tests/support';
import { toIsoDate } from '../../src/domain';
import {
  SEED_GENERAL_CHANNEL_ID,
  activityCardText,
  control,
  generalChannelMessage,
  postActivity,
  postedActivities,
  seededUser,
  startStack,
  teamInstall,
  type PostedActivity,
  type Stack,
} from '../integration/support/stack';
import { peopleIds } from '../integration/workingGroupsSupport';
import { ResultTable, untilDone } from './scenarios';

jest.setTimeout(120_000);

const coordinator = seededUser(COORDINATOR);
const PER = 'per.holmberg@regionvasterbotten.se';
const YEAR = Number(toIsoDate(new Date()).slice(0, 4));
const BOOKINGS = 4;
const RUNS = 9;
const LOSSES = [{ drop: true }, { status: 503 }, { status: 504 }] as const;
/** What the user does after a reply: Teams delivers the activity twice; "försök igen" makes them send anew. */
const USER_TRIES = 3;

interface Logged {
  method: string;
  path: string;
  answerLost: boolean;
  faultInjected: boolean;
}

describe('bot: a booking, a nyhet and a welcome card under lost answers and redelivery are done once', () => {
  let stack: Stack;
  let app: Client;
  let utfall: string;
  const table = new ResultTable('exactly once, boten när Graphs och kopplingens svar tappas');

  beforeAll(async () => {
    stack = await startStack({ env: { GRAPH_TIMEOUT_MS: '2000', GRAPH_MAX_RETRIES: '2' } });
    await stack.prepare();
    expect((await postActivity(stack.url, teamInstall(stack.tenant, coordinator))).status).toBeLessThan(300);
    const created = await stack.call('/api/budget/lines', {
      token: await stack.token(COORDINATOR),
      method: 'POST',
      body: { year: YEAR, category: 'oh_lokal', name: 'Lokalhyra', amountOre: 120_000_00 },
    });
    expect(created.status).toBe(201);
    app = await adminClient(stack.tenant);
    const site = (await app.api(`/sites/${stack.config.site.hostname}:${stack.config.site.path}`).get()) as Site;
    const lists = ((await app.api(`/sites/${site.id}/lists`).get()) as { value: List[] }).value;
    utfall = `/sites/${site.id}/lists/${lists.find((l) => l.displayName === 'Utfall')!.id}/items?$expand=fields`;
  });
  afterAll(async () => {
    table.print();
    await stack?.close();
  });

  const general = () => postedActivities(stack.tenant, SEED_GENERAL_CHANNEL_ID);
  /** The bot's answers in General since `since` (in a channel they are posts of their own), not the news card. */
  const answersSince = (all: PostedActivity[], since: number) =>
    all
      .slice(since)
      .map(activityCardText)
      .filter((text) => !text.includes('Nyhet från samordnaren'));
  const lostOnConnector = async (): Promise<number> => {
    const response = await control(stack.tenant, 'GET', '/requests');
    const { requests } = (await response.json()) as { requests: Logged[] };
    return requests.filter((r) => r.path.startsWith('/v3/') && r.faultInjected).length;
  };

  it('`utfall` with 30 % of Graph answers lost, each activity delivered twice: one Utfall per booking', async () => {
    const counts: number[] = [];
    for (let run = 0; run < BOOKINGS; run++) {
      const note = `Faktura ${randomUUID().slice(0, 8)}`;
      const activity = generalChannelMessage(stack.tenant, coordinator, `utfall 100 lokalhyra ${note}`);
      await control(stack.tenant, 'POST', '/faults', {
        when: 'after',
        drop: true,
        method: 'POST',
        path: '^/v1\\.0/sites/',
        probability: 0.3,
      });
      const before = (await general()).length;
      // Teams delivers again when it gets no answer in time; here: always twice, the same activity id.
      for (let delivery = 0; delivery < 2; delivery++) await postActivity(stack.url, activity);
      await control(stack.tenant, 'DELETE', '/faults');
      const replies = (await general()).slice(before);
      expect(replies.map(activityCardText).some((text) => text.includes('Utfall bokfört'))).toBe(true);
      const items = ((await app.api(utfall).get()) as { value: ListItem[] }).value;
      counts.push(items.filter((i) => (i.fields as Record<string, unknown>).Note === note).length);
    }
    table.addLine(
      'Utfall (bot)',
      `30 % av Graphs svar tappade, levererad två gånger`,
      BOOKINGS * 2,
      '',
      `Utfall-poster per bokning: ${counts.join(', ')}`,
    );
    expect(counts).toEqual(Array.from({ length: BOOKINGS }, () => 1));
  });

  it('nyhet at 30 % lost connector answers, delivered twice and sent again when asked: one card each', async () => {
    const cards: number[] = [];
    const lostBefore = await lostOnConnector();
    for (let run = 0; run < RUNS; run++) {
      const tag = `Nyhet ${randomUUID().slice(0, 8)}`;
      const loss = LOSSES[run % LOSSES.length]!;
      const statuses: number[] = [];
      const seen: string[][] = [];
      await control(stack.tenant, 'POST', '/faults', {
        when: 'after',
        ...loss,
        method: 'POST',
        path: '^/v3/conversations/',
        probability: 0.3,
      });
      for (let attempt = 0; attempt < USER_TRIES; attempt++) {
        const activity = generalChannelMessage(stack.tenant, coordinator, `nyhet ${tag}`);
        const since = (await general()).length;
        for (let delivery = 0; delivery < 2; delivery++)
          statuses.push((await postActivity(stack.url, activity)).status);
        const replies = answersSince(await general(), since);
        seen.push(replies);
        if (!replies.some((r) => r.includes('Försök igen'))) break;
      }
      await control(stack.tenant, 'DELETE', '/faults');
      const posted = (await general()).map(activityCardText);
      const count = posted.filter((t) => t.includes('Nyhet från samordnaren') && t.includes(tag)).length;
      cards.push(count);
      table.add('Nyhet (bot)', `svar tappat 30 % (${'drop' in loss ? 'bortkopplat' : loss.status})`, statuses, {
        nyhetskort: count,
      });
      // The user sees the first result: every reply to one activity says the same, and never "try again"
      // for a news that is in Allmänt.
      for (const replies of seen) expect(new Set(replies).size).toBeLessThanOrEqual(1);
      if (count === 1) expect(seen.flat().filter((r) => r.includes('kunde inte publiceras'))).toEqual([]);
    }
    const lost = (await lostOnConnector()) - lostBefore;
    table.addLine('Nyhet (bot)', `tappade svar från kopplingen`, lost, '', `nyhetskort per nyhet: ${cards.join(', ')}`);
    expect(lost).toBeGreaterThan(0);
    expect(cards).toEqual(Array.from({ length: RUNS }, () => 1));
  });

  it('an arbetsgrupp whose welcome card lost its answer (dropped, 503, 504): one card, the retry answers the first', async () => {
    const token = await stack.token(COORDINATOR);
    const ids = await peopleIds(stack, token);
    for (const loss of LOSSES) {
      const name = `Välkomst ${randomUUID().slice(0, 8)}`;
      const body = {
        name,
        syfte: 'Samordna tolkningen av nya PBL-regler.',
        uppdrag: 'Ta fram gemensamma rutiner.',
        memberIds: [CHAIR, PER].map((m) => ids.get(m)),
        convenerId: ids.get(CHAIR),
        period: { start: '2026-09-01', end: '2027-06-30' },
        membershipType: 'standard',
      };
      const key = randomUUID();
      const send = () =>
        stack.call('/api/working-groups', { token, method: 'POST', body, headers: { 'Idempotency-Key': key } });
      const statuses: number[] = [];
      await control(stack.tenant, 'POST', '/faults', {
        when: 'after',
        ...loss,
        method: 'POST',
        path: '^/v3/conversations/',
        count: 1,
      });
      const done = await untilDone('Arbetsgrupp', send, statuses).finally(() =>
        control(stack.tenant, 'DELETE', '/faults'),
      );
      const first = await done.text();
      const again = await send();
      statuses.push(again.status);
      expect(await again.text()).toBe(first);
      const channelId = (JSON.parse(first) as { group: { channel?: { id: string } } }).group.channel?.id;
      expect(channelId).toBeTruthy();
      const cards = (await postedActivities(stack.tenant, channelId!)).filter((a) =>
        activityCardText(a).includes(name),
      ).length;
      table.add('Välkomstkort', `svar tappat (${'drop' in loss ? 'bortkopplat' : loss.status})`, statuses, {
        välkomstkort: cards,
      });
      expect(cards).toBe(1);
    }
  });
});

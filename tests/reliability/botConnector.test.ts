/**
 * The bot's posts exactly once when the connector loses its answer (issue #15): the local connector posts the
 * activity and then drops the answer or replaces it by a 503/504 (infra/graph-emulator's fault control on
 * `/v3`), at 30 % of the bot's POSTs. A `nyhet` is delivered twice (Teams re-delivers an activity it got no
 * answer for) and the coordinator sends it again when told to try again, as a user would. Counted in the
 * connector with the faults off: one news card per nyhet, and every reply to one activity the same.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { CHAIR, COORDINATOR } from '../../infra/graph-emulator/tests/support';
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

describe('bot: a nyhet whose connector answer is lost is posted once', () => {
  let stack: Stack;
  const table = new ResultTable('exactly once, botens inlägg när kopplingens svar tappas');

  beforeAll(async () => {
    stack = await startStack();
    await stack.prepare();
    expect((await postActivity(stack.url, teamInstall(stack.tenant, coordinator))).status).toBeLessThan(300);
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

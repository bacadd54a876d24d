/**
 * The bot's writes exactly once (issue #15): a command that creates a list item runs as the operation of its
 * activity, so the item carries the activity's natural key. Under answers lost after Graph wrote (30 %) and
 * Teams' redelivery of the same activity, each booking leaves exactly one Utfall item (counted with raw Graph
 * as the emulator's inspection principal).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { List, ListItem, Site } from '@microsoft/microsoft-graph-types';
import { COORDINATOR, adminClient } from '../../infra/graph-emulator/tests/support';
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
  type Stack,
} from '../integration/support/stack';

jest.setTimeout(120_000);

const coordinator = seededUser(COORDINATOR);
const YEAR = Number(toIsoDate(new Date()).slice(0, 4));
const RUNS = 4;

describe('bot: a booking under lost answers and redelivery is booked once', () => {
  let stack: Stack;
  let app: Client;
  let utfall: string;

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
  afterAll(async () => stack?.close());

  it('`utfall` with 30 % of Graph answers lost, each activity delivered twice: one Utfall per booking', async () => {
    const counts: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const note = `Faktura ${randomUUID().slice(0, 8)}`;
      const activity = generalChannelMessage(stack.tenant, coordinator, `utfall 100 lokalhyra ${note}`);
      await control(stack.tenant, 'POST', '/faults', {
        when: 'after',
        drop: true,
        method: 'POST',
        path: '^/v1\\.0/sites/',
        probability: 0.3,
      });
      const before = (await postedActivities(stack.tenant, SEED_GENERAL_CHANNEL_ID)).length;
      // Teams delivers again when it gets no answer in time; here: always twice, the same activity id.
      for (let delivery = 0; delivery < 2; delivery++) await postActivity(stack.url, activity);
      await control(stack.tenant, 'DELETE', '/faults');
      const replies = (await postedActivities(stack.tenant, SEED_GENERAL_CHANNEL_ID)).slice(before);
      expect(replies.map(activityCardText).some((text) => text.includes('Utfall bokfört'))).toBe(true);
      const items = ((await app.api(utfall).get()) as { value: ListItem[] }).value;
      counts.push(items.filter((i) => (i.fields as Record<string, unknown>).Note === note).length);
    }
    process.stdout.write(`\nbot exactly once: Utfall per booking over ${RUNS} runs: ${counts.join(', ')}\n`);
    expect(counts).toEqual(Array.from({ length: RUNS }, () => 1));
  });
});

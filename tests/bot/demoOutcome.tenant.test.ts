import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { COORDINATOR } from '../../infra/graph-emulator/tests/support';
import { formatSek } from '../../src/domain';
import { seedDemoData } from '../../scripts/seedDemo';
import {
  SEED_GENERAL_CHANNEL_ID,
  activityCardText,
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

/** The README's example (`utfall 12500,50 Lokalhyra`) on the demo data `npm start` seeds. */
describe('the README’s utfall example on the demo data', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack();
    await stack.prepare();
    const seeded = await seedDemoData(stack.server.services.graph.forApp(), stack.server.services);
    expect(seeded.seeded).toBe(true);
    expect((await postActivity(stack.url, teamInstall(stack.tenant, coordinator))).status).toBeLessThan(300);
  });
  afterAll(async () => stack?.close());

  it('books 12 500,50 kr on the premises line', async () => {
    const before = (await postedActivities(stack.tenant, SEED_GENERAL_CHANNEL_ID)).length;
    const asked = await postActivity(
      stack.url,
      generalChannelMessage(stack.tenant, coordinator, 'utfall 12500,50 Lokalhyra'),
    );
    expect(asked.status).toBeLessThan(300);
    const replies = (await postedActivities(stack.tenant, SEED_GENERAL_CHANNEL_ID)).slice(before);
    expect(replies).toHaveLength(1);
    const text = activityCardText(replies[0]);
    expect(text).toContain('Utfall bokfört');
    expect(text).toContain('Lokalhyra, kontorsplats Regionens hus');
    expect(text).toContain(formatSek(1_250_050));
  });
});

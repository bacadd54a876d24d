import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { COORDINATOR, MEMBER_GUEST } from '../../infra/graph-emulator/tests/support';
import type { ActivityRecord, BudgetLineRecord, OutcomeRecord } from '../../api/services/economy';
import { formatSek, toIsoDate } from '../../src/domain';
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
const member = seededUser(MEMBER_GUEST);
const YEAR = Number(toIsoDate(new Date()).slice(0, 4));

/**
 * `utfall`, `lägesrapport` and `aktiviteter` through the server's own bot (real services, real lists) and the
 * local tenant's connector: what the person reads in General is what was booked in Utfall.
 */
describe('bot economy commands end to end on the local tenant', () => {
  let stack: Stack;
  let line: BudgetLineRecord;

  async function ask(from: typeof coordinator, command: string): Promise<string> {
    const before = (await postedActivities(stack.tenant, SEED_GENERAL_CHANNEL_ID)).length;
    const response = await postActivity(stack.url, generalChannelMessage(stack.tenant, from, command));
    expect(response.status).toBeLessThan(300);
    const replies = (await postedActivities(stack.tenant, SEED_GENERAL_CHANNEL_ID)).slice(before);
    expect(replies).toHaveLength(1);
    return activityCardText(replies[0]);
  }

  async function outcomes(): Promise<OutcomeRecord[]> {
    const token = await stack.token(COORDINATOR);
    const response = await stack.call(`/api/budget/outcomes?year=${YEAR}`, { token });
    return ((await response.json()) as { outcomes: OutcomeRecord[] }).outcomes;
  }

  beforeAll(async () => {
    stack = await startStack();
    await stack.prepare();
    expect((await postActivity(stack.url, teamInstall(stack.tenant, coordinator))).status).toBeLessThan(300);
    const token = await stack.token(COORDINATOR);
    const created = await stack.call('/api/budget/lines', {
      token,
      method: 'POST',
      body: { year: YEAR, category: 'oh_lokal', name: 'Lokalhyra', amountOre: 120_000_00 },
    });
    expect(created.status).toBe(201);
    line = ((await created.json()) as { line: BudgetLineRecord }).line;
  });
  afterAll(async () => stack?.close());

  it('books `utfall <belopp> <budgetpost> [text]` from the coordinator into Utfall', async () => {
    const text = await ask(coordinator, 'utfall 12500,50 lokalhyra Faktura 3');
    expect(text).toContain('Utfall bokfört');
    expect(text).toContain('Lokalhyra');
    expect(text).toContain(formatSek(1_250_050));
    expect(text).toContain('Faktura 3');
    const booked = await outcomes();
    expect(booked).toHaveLength(1);
    expect(booked[0]).toMatchObject({
      budgetLineId: line.id,
      amountOre: 1_250_050,
      text: 'Faktura 3',
      bookedByEmail: COORDINATOR,
      date: toIsoDate(new Date()),
    });
  });

  it('refuses a member, an unknown line, three decimals and a bare amount, booking nothing', async () => {
    expect(await ask(member, 'utfall 100 Lokalhyra')).toContain('Du har inte behörighet att bokföra utfall.');
    expect(await ask(coordinator, 'utfall 100 Resor')).toContain('Hittar ingen budgetpost som heter ”Resor”');
    // A slip of the pen is answered with the closest names, not the whole help card.
    const typo = await ask(coordinator, 'utfall 100 Lokahyra Faktura 4');
    expect(typo).toContain('Menade du ”Lokalhyra”?');
    expect(typo).not.toContain('det här kan du skriva');
    expect(await ask(coordinator, 'utfall 12,345 Lokalhyra')).toContain('Högst två decimaler');
    expect(await ask(coordinator, 'utfall 100')).toContain('utfall 12500,50 Lokalhyra');
    expect(await ask(coordinator, 'outcome')).toContain('Så bokför du utfall');
    expect(await outcomes()).toHaveLength(1);
  });

  it('answers `lägesrapport` with the booked outcome, for anyone in the contact list', async () => {
    const text = await ask(member, 'lägesrapport');
    expect(text).toContain(`Ekonomisk lägesrapport ${YEAR}`);
    expect(text).toContain(`utfall ${formatSek(1_250_050)}`);
    expect(text).toContain(`budget ${formatSek(120_000_00)}`);
  });

  it('answers `aktiviteter` from the Aktiviteter list', async () => {
    const token = await stack.token('anna.sjoberg@skelleftea.se');
    const proposed = await stack.call('/api/activities', {
      token,
      method: 'POST',
      body: {
        title: 'Tillgänglighet i bygglov',
        area: 'kompetensutveckling',
        targetGroups: ['kommuner'],
        startDate: `${YEAR}-11-12`,
        endDate: `${YEAR}-11-12`,
        responsibleOrganisationId: 'skelleftea',
      },
    });
    expect(proposed.status).toBe(201);
    expect(((await proposed.json()) as { activity: ActivityRecord }).activity.year).toBe(YEAR);
    expect(await ask(member, 'aktiviteter')).toContain('Tillgänglighet i bygglov');
    expect(await ask(member, 'aktiviteter november')).toContain('Tillgänglighet i bygglov');
    expect(await ask(member, 'aktiviteter tillsynsprojekt')).toContain('Inga aktiviteter hittades.');
  });

  it('books once when Teams re-delivers the same activity (same id), also concurrently: the repeat gets the first reply', async () => {
    const activity = generalChannelMessage(stack.tenant, coordinator, 'utfall 99,50 lokalhyra Omleverans');
    const before = (await postedActivities(stack.tenant, SEED_GENERAL_CHANNEL_ID)).length;
    const answers = await Promise.all([1, 2, 3].map(() => postActivity(stack.url, activity)));
    expect(answers.every((a) => a.status < 300)).toBe(true);
    expect((await postActivity(stack.url, activity)).status).toBeLessThan(300);
    expect((await outcomes()).filter((o) => o.text === 'Omleverans')).toHaveLength(1);
    const replies = (await postedActivities(stack.tenant, SEED_GENERAL_CHANNEL_ID)).slice(before).map(activityCardText);
    expect(replies).toHaveLength(4);
    expect(new Set(replies).size).toBe(1);
    expect(replies[0]).toContain('Utfall bokfört');
    // Another activity with the same words is another booking.
    expect(await ask(coordinator, 'utfall 99,50 lokalhyra Omleverans')).toContain('Utfall bokfört');
    expect((await outcomes()).filter((o) => o.text === 'Omleverans')).toHaveLength(2);
  });
});

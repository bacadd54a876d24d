import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CHAIR, COORDINATOR, MEMBER_GUEST } from '../../infra/graph-emulator/tests/support';
import { candidateDays, seasonWindow, toIsoDate } from '../../src/domain';
import {
  SEED_GENERAL_CHANNEL_ID,
  activityCardText,
  generalChannelMessage,
  postActivity,
  postedActivities,
  seededUser,
  startStack,
  teamInstall,
  type PostedActivity,
  type Stack,
} from '../integration/support/stack';
import { PREPARED_DECISION, sendPreparedMeeting } from '../integration/support/preparedMeeting';

const member = seededUser(MEMBER_GUEST);
const coordinator = seededUser(COORDINATOR);
const today = toIsoDate(new Date());
const springYear = Number(today.slice(0, 4)) + 1;
const springDay = candidateDays(seasonWindow(springYear, 'var'))[6] as string;

interface Card {
  version: string;
  body: { type: string; text?: string }[];
  actions?: { type: string; title: string; url?: string }[];
}

/** `dagordning` over real Bot Framework activities through the local tenant's connector (#16). */
describe('the bot: dagordning of the next meeting', () => {
  let stack: Stack;

  async function ask(from: typeof member, command: string): Promise<PostedActivity> {
    const before = (await postedActivities(stack.tenant, SEED_GENERAL_CHANNEL_ID)).length;
    const asked = await postActivity(stack.url, generalChannelMessage(stack.tenant, from, command));
    expect(asked.status).toBeLessThan(300);
    const replies = (await postedActivities(stack.tenant, SEED_GENERAL_CHANNEL_ID)).slice(before);
    expect(replies).toHaveLength(1);
    return replies[0]!;
  }
  const cardOf = (activity: PostedActivity) => activity.attachments?.[0]?.content as Card;

  beforeAll(async () => {
    stack = await startStack();
    await stack.prepare();
    expect((await postActivity(stack.url, teamInstall(stack.tenant, coordinator))).status).toBeLessThan(300);
  }, 60_000);
  afterAll(async () => stack?.close());

  it('says so when nothing is called, and refuses an unknown group in Swedish', async () => {
    expect(activityCardText(await ask(member, 'dagordning'))).toContain(
      'Inget kommande möte för dina grupper är kallat än.',
    );
    expect(activityCardText(await ask(member, 'dagordning styrelsen'))).toContain(
      'Skriv ”dagordning samverkansgruppen” eller ”dagordning stödgruppen”.',
    );
  });

  it("shows samverkansgruppen's next dagordning with the handling's link and buttons to the tab and Teams", async () => {
    const meeting = await sendPreparedMeeting(stack, await stack.token(CHAIR), { season: 'var', date: springDay });
    // A stödgrupp meeting later than it: the member's own group's (samverkansgruppen) is shown.
    const stod = await stack.call('/api/meetings', {
      token: await stack.token(COORDINATOR),
      method: 'POST',
      body: {
        group: 'stodgrupp',
        date: candidateDays(seasonWindow(springYear, 'var'))[9],
        startTime: '13:00',
        endTime: '14:00',
        online: true,
        idempotencyKey: randomUUID(),
      },
    });
    expect(stod.status).toBe(201);

    const reply = await ask(member, 'dagordning');
    const card = cardOf(reply);
    expect(card.version).toBe('1.5');
    expect(card.body.length).toBeLessThanOrEqual(12);
    const text = activityCardText(reply);
    expect(text).toContain(`Dagordning – ${meeting.title}`);
    const point = card.body.find((b) => b.text?.includes(PREPARED_DECISION.title))!;
    expect(point.text).toMatch(
      /^\*\*\d+\.\*\* Verksamhetsplan 2027 · \[Förslag till verksamhetsplan\.pdf\]\(https?:\/\/\S+\)$/,
    );
    expect(card.actions?.map((a) => a.title)).toEqual(['Öppna mötet i fliken', 'Anslut till Teamsmötet']);
    // Locally the tab's own address (tenant mode: the Teams deep link, cards/links.ts).
    expect(card.actions?.[0]?.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/#/moten/${meeting.id}$`));
    expect(card.actions?.[1]?.url).toBe(meeting.joinUrl);

    const stodCard = activityCardText(await ask(coordinator, 'dagordning stödgruppen'));
    expect(stodCard).toContain('Dagordning – Stödgruppen');
    // The English alias answers too.
    expect(activityCardText(await ask(member, 'agenda samverkansgruppen'))).toContain(`Dagordning – ${meeting.title}`);
  });
});

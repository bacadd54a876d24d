import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CHAIR, COORDINATOR, MEMBER_GUEST } from '../../infra/graph-emulator/tests/support';
import { candidateDays, seasonWindow, toIsoDate } from '../../src/domain';
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

const member = seededUser(MEMBER_GUEST);
const today = toIsoDate(new Date());
const springYear = today.slice(5, 7) > '04' ? Number(today.slice(0, 4)) + 1 : Number(today.slice(0, 4));
const day = candidateDays(seasonWindow(springYear, 'var'))[6] as string;

describe('the bot’s möten shows the answers per kommun', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack();
    await stack.prepare();
    expect((await postActivity(stack.url, teamInstall(stack.tenant, seededUser(COORDINATOR)))).status).toBeLessThan(
      300,
    );
  }, 60_000);
  afterAll(async () => stack?.close());

  it('after the chair’s kallelse and some answers, möten lists them per kommun with the warnings', async () => {
    const sent = await stack.call('/api/meetings', {
      token: await stack.token(CHAIR),
      method: 'POST',
      body: {
        group: 'samverkansgrupp',
        season: 'var',
        date: day,
        startTime: '09:30',
        endTime: '12:00',
        room: 'Regionens hus',
        online: true,
        idempotencyKey: randomUUID(),
      },
    });
    expect(sent.status).toBe(201);
    const { meeting } = (await sent.json()) as { meeting: { eventId: string; title: string } };
    for (const [attendee, response] of [
      ['erik.lundqvist@umea.se', 'accepted'],
      ['anna.sjoberg@skelleftea.se', 'declined'],
      ['lars.wikstrom@skelleftea.se', 'declined'],
    ]) {
      const answered = await control(stack.tenant, 'POST', '/invitations/respond', {
        eventId: meeting.eventId,
        organizer: CHAIR,
        attendee,
        response,
      });
      expect(answered.status).toBe(200);
    }

    const before = (await postedActivities(stack.tenant, SEED_GENERAL_CHANNEL_ID)).length;
    const asked = await postActivity(stack.url, generalChannelMessage(stack.tenant, member, 'möten'));
    expect(asked.status).toBeLessThan(300);
    const replies = (await postedActivities(stack.tenant, SEED_GENERAL_CHANNEL_ID)).slice(before);
    expect(replies).toHaveLength(1);
    const text = activityCardText(replies[0]);
    expect(text).toContain(meeting.title);
    // Umeå: the chair (organizer) and Erik have accepted.
    expect(text).toContain('Umeå');
    expect(text).toMatch(/Umeå\n2 ja, 0 kanske, 0 nej, 0 har inte svarat/);
    expect(text).toMatch(/Skellefteå\n0 ja, 0 kanske, 2 nej, 0 har inte svarat/);
    expect(text).toContain('Skellefteå blir inte representerad: alla inbjudna har tackat nej.');
  });
});

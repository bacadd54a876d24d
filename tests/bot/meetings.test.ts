import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Event } from '@microsoft/microsoft-graph-types';
import { SEED_PEOPLE } from '../../infra/graph-emulator/src/seed/people';
import { CHAIR, COORDINATOR, MEMBER_GUEST, adminClient } from '../../infra/graph-emulator/tests/support';
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
const coordinator = seededUser(COORDINATOR);
const today = toIsoDate(new Date());
const springYear = today.slice(5, 7) > '04' ? Number(today.slice(0, 4)) + 1 : Number(today.slice(0, 4));
const day = candidateDays(seasonWindow(springYear, 'var'))[6] as string;

describe('the bot: möten per kommun, kalla stödgruppen', () => {
  let stack: Stack;

  async function ask(from: typeof member, command: string): Promise<string> {
    const before = (await postedActivities(stack.tenant, SEED_GENERAL_CHANNEL_ID)).length;
    const asked = await postActivity(stack.url, generalChannelMessage(stack.tenant, from, command));
    expect(asked.status).toBeLessThan(300);
    const replies = (await postedActivities(stack.tenant, SEED_GENERAL_CHANNEL_ID)).slice(before);
    expect(replies).toHaveLength(1);
    return activityCardText(replies[0]);
  }

  beforeAll(async () => {
    stack = await startStack();
    await stack.prepare();
    expect((await postActivity(stack.url, teamInstall(stack.tenant, coordinator))).status).toBeLessThan(300);
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
    // One line per meeting on a phone: the chair (organizer), Erik, Anna and Lars have answered.
    expect(text).toMatch(new RegExp(`${meeting.title} – 4 har svarat, \\d+ har inte svarat`));
    expect(text).toContain('Skellefteå blir inte representerad: alla inbjudna har tackat nej.');
    expect(text).toContain('Öppna Möten');
  });

  it('the coordinator convenes stödgruppen from the bot, once however often she asks; others may not', async () => {
    const stodDay = candidateDays(seasonWindow(springYear, 'var'))[3] as string;
    const command = `kalla stödgruppen ${stodDay} 13:00`;
    expect(await ask(member, command)).toContain('Du har inte behörighet att kalla till stödgruppens möten.');
    expect(await ask(coordinator, `kalla samverkansgruppen ${stodDay} 13:00`)).toContain('fliken Möten');
    expect(await ask(coordinator, 'kalla stödgruppen i morgon')).toContain('kalla stödgruppen 2027-03-10 13:00');

    const first = await ask(coordinator, command);
    expect(first).toContain('Kallelsen är skickad');
    expect(first).toContain('Stödgruppen');
    expect(first).toContain('13:00–15:00');
    expect(await ask(coordinator, command)).toContain('Kallelsen var redan skickad');

    const records = (await (
      await stack.call('/api/meetings/records', { token: await stack.token(COORDINATOR) })
    ).json()) as {
      meetings: { group: string; date: string; eventId: string; convenerEmail: string; joinUrl?: string }[];
    };
    const convened = records.meetings.filter((m) => m.group === 'stodgrupp' && m.date === stodDay);
    expect(convened).toHaveLength(1);
    expect(convened[0]?.convenerEmail).toBe(COORDINATOR);
    expect(convened[0]?.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\//);
    const graph = await adminClient(stack.tenant);
    const event = (await graph.api(`/users/${COORDINATOR}/events/${convened[0]?.eventId}`).get()) as Event;
    const outbox = (await (
      await control(stack.tenant, 'GET', `/outbox?iCalUId=${encodeURIComponent(String(event.iCalUId))}`)
    ).json()) as { value: { type: string; to: string }[] };
    const externals = SEED_PEOPLE.filter((p) => p.xRoles.includes('stodgrupp') && !p.xHasMailbox).map((p) => p.mail);
    expect(outbox.value.map((m) => m.to).sort()).toEqual([...externals].sort());
  });
});

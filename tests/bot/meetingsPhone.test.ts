import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { SEED_PEOPLE } from '../../infra/graph-emulator/src/seed/people';
import { COORDINATOR, MEMBER_GUEST } from '../../infra/graph-emulator/tests/support';
import { DomainRuleError, addDays, toIsoDate } from '../../src/domain';
import {
  SEED_GENERAL_CHANNEL_ID,
  control,
  generalChannelMessage,
  postActivity,
  postedActivities,
  requestLogSeq,
  requestsSince,
  seededUser,
  startStack,
  teamInstall,
  type PostedActivity,
  type Stack,
} from '../integration/support/stack';

jest.setTimeout(240_000);

const coordinator = seededUser(COORDINATOR);
const member = seededUser(MEMBER_GUEST);
const MEETINGS = 50;

/** Body elements before the first action, counting a FactSet's facts and a Container's items as lines. */
function bodyLines(card: { body?: unknown[] }): number {
  const count = (node: unknown): number => {
    if (!node || typeof node !== 'object') return 0;
    const element = node as { type?: string; items?: unknown[]; facts?: unknown[]; columns?: { items?: unknown[] }[] };
    if (element.type === 'FactSet') return element.facts?.length ?? 0;
    if (element.type === 'Container') return (element.items ?? []).reduce<number>((n, item) => n + count(item), 0);
    if (element.type === 'ColumnSet')
      return Math.max(
        0,
        ...(element.columns ?? []).map((c) => (c.items ?? []).reduce<number>((n, i) => n + count(i), 0)),
      );
    if (element.type === 'ActionSet') return 0;
    return 1;
  };
  return (card.body ?? []).reduce<number>((n, element) => n + count(element), 0);
}

/**
 * `möten` on a phone with many meetings: the Graph round trips are the tenant's request log (batch inner
 * requests not counted), the card is short enough to read before its button.
 */
describe('möten with 50 upcoming meetings', () => {
  let stack: Stack;
  let firstEventId = '';

  beforeAll(async () => {
    stack = await startStack();
    await stack.prepare();
    expect((await postActivity(stack.url, teamInstall(stack.tenant, coordinator))).status).toBeLessThan(300);
    const app = stack.server.services.graph.forApp();
    const person = await stack.server.services.contacts.findByEmail(app, COORDINATOR);
    if (!person) throw new Error('coordinator not in Kontakter');
    // Working days from next week on (weekends and holidays are refused by the domain and skipped).
    let day = addDays(toIsoDate(new Date()), 7);
    for (let sent = 0; sent < MEETINGS; day = addDays(day, 1)) {
      try {
        const { meeting } = await stack.server.services.meetings.send(
          app,
          { person, roles: person.roles },
          {
            group: 'stodgrupp',
            date: day,
            startTime: '13:00',
            endTime: '15:00',
            online: false,
            room: 'Regionens hus',
            idempotencyKey: randomUUID(),
          },
        );
        if (sent === 0) firstEventId = String(meeting.eventId);
        sent += 1;
      } catch (error) {
        if (!(error instanceof DomainRuleError)) throw error;
      }
    }
    // Two answers to the soonest meeting: the card must show them, read from the convener's calendarView.
    const attendees = SEED_PEOPLE.filter((p) => p.xRoles.includes('stodgrupp') && p.mail !== COORDINATOR);
    for (const [index, response] of (['accepted', 'declined'] as const).entries()) {
      const answered = await control(stack.tenant, 'POST', '/invitations/respond', {
        eventId: firstEventId,
        organizer: COORDINATOR,
        attendee: attendees[index]!.mail,
        response,
      });
      expect(answered.status).toBe(200);
    }
  });
  afterAll(async () => stack?.close());

  async function ask(command: string): Promise<PostedActivity> {
    const before = (await postedActivities(stack.tenant, SEED_GENERAL_CHANNEL_ID)).length;
    const asked = await postActivity(stack.url, generalChannelMessage(stack.tenant, member, command));
    expect(asked.status).toBeLessThan(300);
    const replies = (await postedActivities(stack.tenant, SEED_GENERAL_CHANNEL_ID)).slice(before);
    expect(replies).toHaveLength(1);
    return replies[0]!;
  }

  it('costs at most 2 Graph round trips and answers with a compact card', async () => {
    await ask('möten'); // warm: site and list ids are looked up once per server
    const seq = await requestLogSeq(stack.tenant);
    const reply = await ask('möten');
    const log = await requestsSince(stack.tenant, seq);
    const roundTrips = log.filter((r) => !r.batchInner && r.path.startsWith('/v1.0/'));
    process.stdout.write(`möten with ${MEETINGS} meetings: ${roundTrips.length} Graph round trips\n`);
    if (process.env.BOT_TEST_LOG) process.stdout.write(roundTrips.map((r) => `${r.method} ${r.path}`).join('\n'));
    expect(roundTrips.length).toBeLessThanOrEqual(2);

    const card = reply.attachments?.[0]?.content as { version: string; body: unknown[]; actions?: unknown[] };
    expect(card.version).toBe('1.5');
    expect(bodyLines(card)).toBeLessThanOrEqual(12);
    expect(card.actions?.length).toBeGreaterThan(0);
    const text = JSON.stringify(card);
    // One line per meeting with its counts; the rest behind the button.
    expect(text).toMatch(/Stödgruppen[^"]*/);
    expect(text).toMatch(/\d+ av \d+ har svarat|\d+ har svarat/);
    expect(text).toContain(`${MEETINGS} kommande möten`);
    // The organizer and the two who answered, on the soonest meeting; the others only the organizer.
    const lines = card.body
      .map((element) => (element as { text?: string }).text ?? '')
      .filter((line) => line.includes('Stödgruppen'));
    expect(lines).toHaveLength(8);
    expect(lines[0]).toMatch(/– 3 har svarat, \d+ har inte svarat$/);
    expect(lines[1]).toMatch(/– 1 har svarat, \d+ har inte svarat$/);
  });
});

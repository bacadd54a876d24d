import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { CHAIR, COORDINATOR, MEMBER_GUEST } from '../../infra/graph-emulator/tests/support';
import { candidateDays, toIsoDate } from '../../src/domain';
import type { TodoAnswerDto } from '../../src/contract';
import { startStack, type Stack } from './support/stack';

jest.setTimeout(180_000);

/**
 * The year's rhythm against the local tenant (#17): "Att göra" counts the register against the agreement
 * (samverkansgruppen twice, stödgruppen about six times), and the year's .ics carries the activities.
 * The server's clock is set within a year after this one, so the counts do not depend on today's date.
 */

const YEAR = Number(toIsoDate(new Date()).slice(0, 4)) + 1;
const JANUARY = candidateDays({ start: `${YEAR}-01-08`, end: `${YEAR}-01-31` });

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

describe("the year's rhythm in Att göra and the year's calendar file", () => {
  let stack: Stack;
  let now = new Date(`${YEAR}-01-05T09:00:00+01:00`);
  let coordinator: string;
  let chair: string;
  let member: string;
  let activityId: string;

  const todo = async (token: string) =>
    (await json<TodoAnswerDto>(await stack.call('/api/todo', { token }))).items.filter(
      (item) => item.kind === 'yearRhythm',
    );

  beforeAll(async () => {
    stack = await startStack({ deps: { clock: { now: () => now } } });
    await stack.prepare();
    coordinator = await stack.token(COORDINATOR);
    chair = await stack.token(CHAIR);
    member = await stack.token(MEMBER_GUEST);
    for (const date of [JANUARY[2], JANUARY[7]]) {
      const sent = await stack.call('/api/meetings', {
        token: coordinator,
        method: 'POST',
        body: {
          group: 'stodgrupp',
          date,
          startTime: '09:00',
          endTime: '11:00',
          room: 'Regionens hus',
          online: false,
          idempotencyKey: randomUUID(),
        },
      });
      expect(sent.status).toBe(201);
    }
    const proposed = await stack.call('/api/activities', {
      token: coordinator,
      method: 'POST',
      body: {
        title: 'Seminarium om klimatanpassning',
        area: 'kompetensutveckling',
        targetGroups: ['kommuner'],
        startDate: `${YEAR}-03-10`,
        endDate: `${YEAR}-03-11`,
        responsibleOrganisationId: 'umea',
        budgetedCostOre: 10_000_00,
      },
    });
    expect(proposed.status).toBe(201);
    activityId = (await json<{ activity: { id: string } }>(proposed)).activity.id;
  });
  afterAll(async () => stack.close());

  it('in January the year is on track: nothing about the rhythm', async () => {
    expect(await todo(coordinator)).toEqual([]);
  });

  it('in June: stödgruppen has had 2 of about 6, samverkansgruppen lacks its spring meeting; for chair and samordnare only', async () => {
    now = new Date(`${YEAR}-06-10T09:00:00+02:00`);
    const expected = [
      {
        kind: 'yearRhythm',
        page: 'moten',
        group: 'samverkansgrupp',
        year: YEAR,
        held: 0,
        called: 0,
        target: 2,
        missingSeasons: ['var'],
      },
      {
        kind: 'yearRhythm',
        page: 'moten',
        group: 'stodgrupp',
        year: YEAR,
        held: 2,
        called: 0,
        target: 6,
        missingSeasons: [],
      },
    ];
    expect(await todo(coordinator)).toEqual(expected);
    expect(await todo(chair)).toEqual(expected);
    expect(await todo(member)).toEqual([]);
  });

  it("the year's .ics holds the meetings and the aktivitetsplan's activities", async () => {
    const response = await stack.call(`/api/meetings/calendar.ics?year=${YEAR}`, { token: member });
    expect(response.status).toBe(200);
    const text = (await response.text()).replace(/\r\n[ \t]/g, '');
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(3);
    const event = text.split('BEGIN:VEVENT').find((part) => part.includes(`UID:aktivitet-${activityId}@`)) ?? '';
    expect(event).toContain('SUMMARY:Seminarium om klimatanpassning');
    expect(event).toContain(`DTSTART;VALUE=DATE:${YEAR}0310`);
    expect(event).toContain(`DTEND;VALUE=DATE:${YEAR}0312`);
    expect(event).toContain('STATUS:TENTATIVE');
    expect(event).toContain('TRANSP:TRANSPARENT');
    // Another year's file has none of it.
    const other = await (await stack.call(`/api/meetings/calendar.ics?year=${YEAR + 1}`, { token: member })).text();
    expect(other).not.toContain('BEGIN:VEVENT');
  });
});

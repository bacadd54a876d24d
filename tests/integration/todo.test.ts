import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { SEED_PEOPLE } from '../../infra/graph-emulator/src/seed/people';
import { CHAIR, COORDINATOR } from '../../infra/graph-emulator/tests/support';
import { candidateDays, comingSeason, seasonWindow, toIsoDate, type TodoItem } from '../../src/domain';
import { todoAnswerSchema } from '../../src/contract';
import { draftProtocol, sendSamverkansKallelse } from './support/meetingJourney';
import { startStack, type Stack } from './support/stack';

jest.setTimeout(90_000);

const today = toIsoDate(new Date());
const coming = comingSeason(today);
const thisYear = Number(today.slice(0, 4));
const pastAutumnYear = today.slice(5, 7) >= '11' ? thisYear : thisYear - 1;
const heldDay = candidateDays(seasonWindow(pastAutumnYear, 'host'))[10] as string;
const comingDay = candidateDays(seasonWindow(coming.year, coming.season)).find((day) => day > today) as string;
/** A samverkansgrupp member (a B2B guest: invited at their own organisation's address). */
const invitee = SEED_PEOPLE.find((p) => p.xRoles.includes('samverkansgrupp') && !p.xRoles.includes('ordforande'))!.mail;

describe('GET /api/todo: "Att göra" follows the data', () => {
  let stack: Stack;
  const todo = async (user: string): Promise<TodoItem[]> => {
    const response = await stack.call('/api/todo', { token: await stack.token(user) });
    expect(response.status).toBe(200);
    const body = todoAnswerSchema.parse(await response.json());
    expect(body.unavailable).toEqual([]);
    return body.items;
  };
  const send = (date: string, season: string) => sendSamverkansKallelse(stack, date, season);

  beforeAll(async () => {
    stack = await startStack();
    await stack.prepare();
  });
  afterAll(async () => stack?.close());

  it("the chair's call item disappears once the kallelse is sent; the invitee's answer item appears", async () => {
    expect(await todo(CHAIR)).toContainEqual({ kind: 'callSeasonMeeting', page: 'moten', ...coming });
    expect((await todo(invitee)).filter((item) => item.kind === 'answerKallelse')).toEqual([]);

    const id = await send(comingDay, coming.season);
    expect((await todo(CHAIR)).filter((item) => item.kind === 'callSeasonMeeting')).toEqual([]);
    expect(await todo(invitee)).toContainEqual(
      expect.objectContaining({ kind: 'answerKallelse', page: 'moten', meetingId: id, date: comingDay }),
    );
  });

  it('a protokoll waits on the list of whose turn it is: the secretary, the chair, then the justerare (#16)', async () => {
    const id = await send(heldDay, 'host');
    const adjuster = 'erik.lundqvist@umea.se';
    const present = [CHAIR, COORDINATOR, adjuster, 'anna.sjoberg@skelleftea.se'];
    const waiting = async (user: string) =>
      (await todo(user)).filter((item) => item.kind === 'approveProtocol' && item.meetingId === id);
    expect(await waiting(adjuster)).toEqual([]);
    await draftProtocol(stack, id, present, [adjuster, 'anna.sjoberg@skelleftea.se']);
    const approve = async (user: string) => {
      const approved = await stack.call(`/api/meetings/${id}/protocol/approve`, {
        token: await stack.token(user),
        method: 'POST',
        headers: { 'Idempotency-Key': randomUUID() },
      });
      expect(approved.status).toBe(200);
    };
    expect(await waiting(COORDINATOR)).toEqual([expect.objectContaining({ kind: 'approveProtocol', date: heldDay })]);
    expect(await waiting(CHAIR)).toEqual([]);
    expect(await waiting(adjuster)).toEqual([]);
    await approve(COORDINATOR);
    expect(await waiting(COORDINATOR)).toEqual([]);
    expect(await waiting(CHAIR)).toHaveLength(1);
    expect(await waiting(adjuster)).toEqual([]);
    await approve(CHAIR);
    expect(await waiting(CHAIR)).toEqual([]);
    expect(await waiting(adjuster)).toHaveLength(1);
    await approve(adjuster);
    expect(await waiting(adjuster)).toEqual([]);
  });

  it("the samordnare's co-financing gaps come from the year's report; others never see them", async () => {
    const report = (await (
      await stack.call(`/api/budget/report?year=${thisYear}`, { token: await stack.token(COORDINATOR) })
    ).json()) as { coFinancing: { rows: { remainingOre: number }[]; missing: unknown[] } };
    const gaps =
      report.coFinancing.rows.filter((row) => row.remainingOre > 0).length + report.coFinancing.missing.length;
    const items = await todo(COORDINATOR);
    const item = items.find((entry) => entry.kind === 'coFinancingGaps');
    expect(gaps > 0 ? item : undefined).toEqual(
      gaps > 0 ? { kind: 'coFinancingGaps', page: 'budget', year: thisYear, count: gaps } : undefined,
    );
    expect((await todo(invitee)).some((entry) => entry.kind === 'coFinancingGaps')).toBe(false);
    expect((await stack.call('/api/todo?x=1', { token: await stack.token(COORDINATOR) })).status).toBe(400);
  });
});

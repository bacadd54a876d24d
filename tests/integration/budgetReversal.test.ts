import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { COORDINATOR, MEMBER_GUEST } from '../../infra/graph-emulator/tests/support';
import type { OutcomeDto } from '../../src/contract';
import { startStack, type Stack } from './support/stack';

jest.setTimeout(180_000);

const YEAR = 2026;

describe('correction of an outcome by reversal (#18) through the Utfall list', () => {
  let stack: Stack;
  let coordinator: string;
  let member: string;
  let original: OutcomeDto;

  const outcomes = async (): Promise<OutcomeDto[]> =>
    (
      (await (await stack.call(`/api/budget/outcomes?year=${YEAR}`, { token: member })).json()) as {
        outcomes: OutcomeDto[];
      }
    ).outcomes;

  const reverse = (id: string, token: string, body: unknown, key?: string) =>
    stack.call(`/api/budget/outcomes/${id}/reversal`, {
      token,
      method: 'POST',
      body,
      ...(key ? { headers: { 'idempotency-key': key } } : {}),
    });

  beforeAll(async () => {
    stack = await startStack();
    await stack.prepare();
    [coordinator, member] = await Promise.all([stack.token(COORDINATOR), stack.token(MEMBER_GUEST)]);
    const line = await stack.call('/api/budget/lines', {
      token: coordinator,
      method: 'POST',
      body: { year: YEAR, category: 'oh_lokal', name: 'Lokalhyra', amountOre: 1_200_000_00 },
    });
    const lineId = ((await line.json()) as { line: { id: string } }).line.id;
    const booked = await stack.call('/api/budget/outcomes', {
      token: coordinator,
      method: 'POST',
      body: { budgetLineId: lineId, date: `${YEAR}-03-10`, amountOre: 12_500_50, text: 'Hyra mars' },
    });
    expect(booked.status).toBe(201);
    original = ((await booked.json()) as { outcome: OutcomeDto }).outcome;
  });
  afterAll(async () => stack.close());

  it('refuses a role that may not book before it looks at the body', async () => {
    const refused = await reverse(original.id, member, { date: 'inte ett datum', extra: true });
    expect(refused.status).toBe(403);
    expect(await outcomes()).toHaveLength(1);
  });

  it('writes exactly one negative booking that references the original; a repeat with the key answers the same', async () => {
    const key = 'reversal-key-0001';
    const first = await reverse(original.id, coordinator, { date: `${YEAR}-04-01` }, key);
    expect(first.status).toBe(201);
    const reversal = ((await first.json()) as { outcome: OutcomeDto }).outcome;
    expect(reversal).toMatchObject({
      amountOre: -12_500_50,
      reversesId: original.id,
      budgetLineId: original.budgetLineId,
      date: `${YEAR}-04-01`,
    });
    const repeat = await reverse(original.id, coordinator, { date: `${YEAR}-04-01` }, key);
    expect(repeat.status).toBe(201);
    expect(((await repeat.json()) as { outcome: OutcomeDto }).outcome.id).toBe(reversal.id);

    const listed = await outcomes();
    expect(listed).toHaveLength(2);
    expect(listed.find((o) => o.id === original.id)?.reversedById).toBe(reversal.id);
    expect(listed.filter((o) => o.reversesId === original.id)).toHaveLength(1);
  });

  it('refuses a second reversal and a reversal of a reversal with 409, writing nothing', async () => {
    const again = await reverse(original.id, coordinator, {});
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { message: string } }).error.message).toBe('Bokningen är redan återförd.');
    const reversal = (await outcomes()).find((o) => o.reversesId === original.id)!;
    const ofReversal = await reverse(reversal.id, coordinator, {});
    expect(ofReversal.status).toBe(409);
    expect(((await ofReversal.json()) as { error: { message: string } }).error.message).toMatch(/kan inte återföras/);
    expect(await outcomes()).toHaveLength(2);
  });

  it('answers 400 in Swedish for a body it does not know', async () => {
    const bad = await reverse(original.id, coordinator, { date: '2026-13-40' });
    expect(bad.status).toBe(400);
    expect(await outcomes()).toHaveLength(2);
  });
});

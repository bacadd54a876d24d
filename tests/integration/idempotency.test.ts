import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { CHAIR, COORDINATOR } from '../../infra/graph-emulator/tests/support';
import type { BudgetLineRecord, OutcomeRecord } from '../../api/services/economy';
import { startStack, type Stack } from './support/stack';

jest.setTimeout(180_000);

const YEAR = 2026;

/** The REST API's Idempotency-Key: a write runs once per caller, route and key; repeats get the first answer. */
describe('Idempotency-Key on the API writes', () => {
  let stack: Stack;
  let coordinator: string;
  let chair: string;
  let line: BudgetLineRecord;

  const outcomes = async (): Promise<OutcomeRecord[]> =>
    (
      (await (await stack.call(`/api/budget/outcomes?year=${YEAR}`, { token: coordinator })).json()) as {
        outcomes: OutcomeRecord[];
      }
    ).outcomes;
  const book = (key: string | undefined, text: string, token = coordinator) =>
    stack.call('/api/budget/outcomes', {
      token,
      method: 'POST',
      body: { budgetLineId: line.id, date: `${YEAR}-03-01`, amountOre: 12_500_50, text },
      ...(key ? { headers: { 'Idempotency-Key': key } } : {}),
    });

  beforeAll(async () => {
    stack = await startStack();
    await stack.prepare();
    [coordinator, chair] = await Promise.all([stack.token(COORDINATOR), stack.token(CHAIR)]);
    const created = await stack.call('/api/budget/lines', {
      token: coordinator,
      method: 'POST',
      body: { year: YEAR, category: 'oh_lokal', name: 'Lokalhyra', amountOre: 1_200_000_00 },
    });
    line = ((await created.json()) as { line: BudgetLineRecord }).line;
  });
  afterAll(async () => stack.close());

  it('books one Utfall for 20 identical concurrent POSTs with one key, and answers all 20 with the first answer', async () => {
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 20 }, () => book(key, 'Lokalhyra mars')));
    expect(answers.map((a) => a.status)).toEqual(Array.from({ length: 20 }, () => 201));
    const bodies = (await Promise.all(answers.map((a) => a.json()))) as { outcome: OutcomeRecord }[];
    expect(new Set(bodies.map((b) => b.outcome.id)).size).toBe(1);
    expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(19);
    expect((await outcomes()).filter((o) => o.text === 'Lokalhyra mars')).toHaveLength(1);

    // Later (a reload of the tab sends the same key again): the same answer, nothing booked.
    const later = await book(key, 'Lokalhyra mars');
    expect(later.status).toBe(201);
    expect(((await later.json()) as { outcome: OutcomeRecord }).outcome.id).toBe(bodies[0]!.outcome.id);
    expect((await outcomes()).filter((o) => o.text === 'Lokalhyra mars')).toHaveLength(1);
  });

  it('keeps keys apart by caller: another user with the same key gets their own write, never the first answer', async () => {
    const key = randomUUID();
    expect((await book(key, 'Samma nyckel, två personer')).status).toBe(201);
    // The chair may not book outcome: their repeat of the key runs as theirs and is refused.
    const other = await book(key, 'Samma nyckel, två personer', chair);
    expect(other.status).toBe(403);
    expect(other.headers.get('idempotent-replayed')).toBeNull();
    expect((await outcomes()).filter((o) => o.text === 'Samma nyckel, två personer')).toHaveLength(1);
  });

  it('refuses a key reused for another body (422) and an invalid key (400), in Swedish, booking nothing', async () => {
    const key = randomUUID();
    expect((await book(key, 'Första')).status).toBe(201);
    const reused = await book(key, 'Andra');
    expect(reused.status).toBe(422);
    expect(((await reused.json()) as { error: { message: string } }).error.message).toMatch(/redan använts/);
    const invalid = await book('kort', 'Ogiltig');
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { error: { message: string } }).error.message).toMatch(/Idempotency-Key/);
    const texts = (await outcomes()).map((o) => o.text);
    expect(texts).not.toContain('Andra');
    expect(texts).not.toContain('Ogiltig');
  });

  it('does not keep a refused first answer: the corrected repeat with the same key runs', async () => {
    const key = randomUUID();
    const refused = await stack.call('/api/budget/outcomes', {
      token: coordinator,
      method: 'POST',
      body: { budgetLineId: line.id, date: `${YEAR}-03-01`, amountOre: 0, text: 'Noll' },
      headers: { 'Idempotency-Key': key },
    });
    expect(refused.status).toBe(400);
    // Same key, same body again: runs again (and is refused again), not a replay of a kept failure.
    const again = await stack.call('/api/budget/outcomes', {
      token: coordinator,
      method: 'POST',
      body: { budgetLineId: line.id, date: `${YEAR}-03-01`, amountOre: 0, text: 'Noll' },
      headers: { 'Idempotency-Key': key },
    });
    expect(again.status).toBe(400);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
  });

  it('runs writes without a key as sent (scripts): two POSTs, two Utfall', async () => {
    expect((await book(undefined, 'Utan nyckel')).status).toBe(201);
    expect((await book(undefined, 'Utan nyckel')).status).toBe(201);
    expect((await outcomes()).filter((o) => o.text === 'Utan nyckel')).toHaveLength(2);
  });
});

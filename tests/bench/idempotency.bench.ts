import { randomUUID } from 'node:crypto';
import { COORDINATOR } from '../../infra/graph-emulator/tests/support';
import { requestLogSeq, requestsSince, startStack } from '../integration/support/stack';
import { figure, timed, type Figure } from './stats';

const SAMPLES = 20;

/**
 * What exactly once costs (issue #15): Graph round trips and latency of a create (an Utfall) without an
 * Idempotency-Key, with a new key, and a repeat of a key (answered from the state store), and of a read.
 * The key is checked in the state store only, so the aim is +0 Graph round trips for reads and creates.
 */
export async function run(): Promise<Figure[]> {
  const stack = await startStack();
  try {
    await stack.prepare();
    const token = await stack.token(COORDINATOR);
    const line = await stack.call('/api/budget/lines', {
      token,
      method: 'POST',
      body: { year: 2026, category: 'oh_lokal', name: 'Lokalhyra', amountOre: 1_200_000_00 },
    });
    const budgetLineId = ((await line.json()) as { line: { id: string } }).line.id;
    const book = (key: string | undefined, text: string) =>
      stack.call('/api/budget/outcomes', {
        token,
        method: 'POST',
        body: { budgetLineId, date: '2026-03-01', amountOre: 100, text },
        ...(key ? { headers: { 'Idempotency-Key': key } } : {}),
      });
    const figures: Figure[] = [];
    const measure = async (name: string, call: (i: number) => Promise<Response>) => {
      await call(-1);
      const before = await requestLogSeq(stack.tenant);
      const durations: number[] = [];
      for (let i = 0; i < SAMPLES; i += 1) {
        const { ms, value } = await timed(() => call(i));
        if (!value.ok) throw new Error(`${name}: ${value.status}`);
        await value.arrayBuffer();
        durations.push(ms);
      }
      const log = await requestsSince(stack.tenant, before);
      const roundTrips = log.filter((r) => !r.batchInner && r.path.startsWith('/v1.0/')).length / SAMPLES;
      figures.push(figure(name, durations, Math.round(roundTrips * 100) / 100));
    };
    await measure('Utfall POST utan nyckel', (i) => book(undefined, `utan ${i}`));
    await measure('Utfall POST med ny Idempotency-Key', (i) => book(randomUUID(), `med ${i}`));
    const key = randomUUID();
    await measure('Utfall POST, upprepad nyckel (svar ur tillståndslagret)', () => book(key, 'upprepad'));
    await measure('Utfall GET (läsning, ingen nyckel)', () => stack.call('/api/budget/outcomes?year=2026', { token }));
    return figures;
  } finally {
    await stack.close();
  }
}

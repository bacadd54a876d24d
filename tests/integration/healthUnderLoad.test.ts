import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { COORDINATOR } from '../../infra/graph-emulator/tests/support';
import { addDays, addMonthsIso, toIsoDate } from '../../src/domain';
import { startStack, type Stack } from './support/stack';

/**
 * One request must not stall the server: a planning window to 9999-12-31 is refused at once, and while ten
 * of those and ten valid three-month plans run, /healthz keeps answering between them. Judged relative to the
 * run, not to a fixed number of milliseconds (a loaded CI machine slows everything alike): no probe waits more
 * than a quarter of the time the plans take together, and probes are answered while the plans are still
 * running. A plan that blocked the event loop for its whole duration fails both. (Real HTTP; the local tenant
 * shares the process, so this also bounds its share of the work.)
 */
describe('the server stays responsive under unbounded planning requests', () => {
  let stack: Stack;
  let token: string;
  beforeAll(async () => {
    stack = await startStack();
    await stack.prepare();
    token = await stack.token(COORDINATOR);
  }, 60_000);
  afterAll(async () => stack?.close());

  const plan = (from: string, to: string) =>
    stack.call('/api/meetings/plan', {
      token,
      method: 'POST',
      body: { group: 'stodgrupp', year: Number(from.slice(0, 4)), from, to, durationMinutes: 60 },
    });

  it('refuses a window to 9999-12-31 at once, in Swedish', async () => {
    const from = addDays(toIsoDate(new Date()), 7);
    const started = performance.now();
    const response = await plan(from, '9999-12-31');
    const elapsed = performance.now() - started;
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { issues: { path: string; message: string }[] } };
    expect(body.error.issues.map((i) => i.path)).toContain('to');
    expect(elapsed).toBeLessThan(1000);
  });

  it('answers /healthz between the work while 10 such and 10 valid three-month plans run', async () => {
    const from = addDays(toIsoDate(new Date()), 7);
    // A running server: its first plan (holiday tables, time zones, the contact list) is not what is measured.
    expect((await plan(from, addMonthsIso(from, 3))).status).toBe(200);
    const plans = [
      ...Array.from({ length: 10 }, () => plan(from, '9999-12-31')),
      ...Array.from({ length: 10 }, () => plan(from, addMonthsIso(from, 3))),
    ];
    const latencies: number[] = [];
    let done = false;
    let answeredWhileRunning = 0;
    const plansStarted = performance.now();
    let plansTook = 0;
    const all = Promise.all(plans).finally(() => {
      done = true;
      plansTook = performance.now() - plansStarted;
    });
    while (!done || latencies.length < 5) {
      const started = performance.now();
      const health = await stack.call('/healthz');
      latencies.push(performance.now() - started);
      if (!done) answeredWhileRunning += 1;
      expect(health.status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 10));
      if (latencies.length > 500) break;
    }
    const responses = await all;
    expect(responses.slice(0, 10).map((r) => r.status)).toEqual(Array(10).fill(400));
    expect(responses.slice(10).every((r) => r.status < 500)).toBe(true);
    const slowest = Math.max(...latencies);
    console.log(
      `healthz under load: ${latencies.length} probes (${answeredWhileRunning} while the plans ran, ${plansTook.toFixed(0)} ms), slowest ${slowest.toFixed(1)} ms`,
    );
    expect(answeredWhileRunning).toBeGreaterThanOrEqual(3);
    expect(slowest).toBeLessThan(Math.max(50, plansTook / 4));
  });
});

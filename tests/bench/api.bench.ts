import { CHAIR, COORDINATOR } from '../../infra/graph-emulator/tests/support';
import { requestLogSeq, requestsSince, startStack } from '../integration/support/stack';
import { figure, timed, type Figure } from './stats';

const SAMPLES = 30;

/** Each REST endpoint's latency through the whole stack, and how many Graph round trips one call costs. */
export async function run(): Promise<Figure[]> {
  const stack = await startStack({ env: { ROLE_CACHE_TTL_SECONDS: '60' } });
  try {
    await stack.prepare();
    const chair = await stack.token(CHAIR);
    const coordinator = await stack.token(COORDINATOR);
    const figures: Figure[] = [];
    const measure = async (name: string, call: () => Promise<Response>) => {
      await call();
      const before = await requestLogSeq(stack.tenant);
      const durations: number[] = [];
      for (let i = 0; i < SAMPLES; i += 1) {
        const { ms, value } = await timed(call);
        if (!value.ok) throw new Error(`${name}: ${value.status}`);
        await value.arrayBuffer();
        durations.push(ms);
      }
      const log = await requestsSince(stack.tenant, before);
      const roundTrips = log.filter((r) => !r.batchInner && r.path.startsWith('/v1.0/')).length / SAMPLES;
      figures.push(figure(name, durations, Math.round(roundTrips * 100) / 100));
    };
    for (const path of [
      '/api/me',
      '/api/organisations',
      '/api/people',
      '/api/commitments',
      '/api/meetings?upcoming=true',
    ]) {
      await measure(`api: GET ${path}`, () => stack.call(path, { token: chair }));
    }
    const people = (
      (await (await stack.call('/api/people', { token: coordinator })).json()) as {
        people: { id: string; email: string; etag: string }[];
      }
    ).people;
    const target = people.find((p) => p.email === 'lars.wikstrom@skelleftea.se')!;
    let etag = target.etag;
    await measure('api: PATCH /api/people/:id', async () => {
      const response = await stack.call(`/api/people/${target.id}`, {
        token: coordinator,
        method: 'PATCH',
        body: { phone: `090-${Math.floor(Math.random() * 90000 + 10000)}` },
        headers: { 'if-match': etag },
      });
      if (response.ok) etag = ((await response.clone().json()) as { person: { etag: string } }).person.etag;
      return response;
    });
    await measure('api: GET /readyz', () => stack.call('/readyz'));
    return figures;
  } finally {
    await stack.close();
  }
}

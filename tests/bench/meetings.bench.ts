import { randomUUID } from 'node:crypto';
import { CHAIR } from '../../infra/graph-emulator/tests/support';
import { candidateDays, seasonWindow, toIsoDate } from '../../src/domain';
import { requestLogSeq, requestsSince, startStack } from '../integration/support/stack';
import { figure, timed, type Figure } from './stats';

const SAMPLES = 20;
const ATTENDEES = 35;
const KOMMUNER = ['umea', 'skelleftea', 'lycksele', 'vilhelmina', 'storuman', 'vannas', 'bjurholm', 'dorotea'];

/**
 * "Plan + send kallelse" for the samverkansgrupp with 35 attendees: the Graph round trips it costs (the
 * tenant's request log, batch inner requests not counted) and its latency through the whole stack.
 */
export async function run(): Promise<Figure[]> {
  const stack = await startStack({ env: { ROLE_CACHE_TTL_SECONDS: '60' } });
  try {
    await stack.prepare();
    const app = stack.server.services.graph.forApp();
    const { contacts } = stack.server.services;
    // The seeded samverkansgrupp has 20 people; fill it up to 35 invitees besides the chair.
    const seeded = (await contacts.list(app)).filter((p) =>
      p.roles.some((role) => ['ordforande', 'samverkansgrupp', 'samordnare'].includes(role)),
    ).length;
    for (let i = 0; i < ATTENDEES + 1 - seeded; i += 1) {
      const organisationId = KOMMUNER[i % KOMMUNER.length] as string;
      await contacts.create(app, {
        displayName: `Ersättare ${i + 1}`,
        email: `ersattare${i + 1}@${organisationId}.se`,
        organisationId,
        roles: ['samverkansgrupp'],
      });
    }
    const chair = await stack.token(CHAIR);
    const today = toIsoDate(new Date());
    const year = Number(today.slice(0, 4)) + 1;
    const days = candidateDays(seasonWindow(year, 'var'));

    const plan = () =>
      stack.call('/api/meetings/plan', {
        token: chair,
        method: 'POST',
        body: { group: 'samverkansgrupp', year, season: 'var', durationMinutes: 150 },
      });
    const send = (date: string) =>
      stack.call('/api/meetings', {
        token: chair,
        method: 'POST',
        body: {
          group: 'samverkansgrupp',
          season: 'var',
          date,
          startTime: '09:30',
          endTime: '12:00',
          room: 'Regionens hus',
          online: true,
          idempotencyKey: randomUUID(),
        },
      });
    const ok = async (response: Response, what: string) => {
      if (!response.ok) throw new Error(`${what}: ${response.status} ${await response.text()}`);
      return response.json() as Promise<{ candidates?: { date: string }[]; attendees?: number }>;
    };
    const warm = await ok(await plan(), 'plan');
    if (warm.attendees !== ATTENDEES) throw new Error(`expected ${ATTENDEES} invitees, got ${warm.attendees}`);

    const figures: Figure[] = [];
    const measure = async (name: string, operation: (i: number) => Promise<void>) => {
      const durations: number[] = [];
      const before = await requestLogSeq(stack.tenant);
      for (let i = 0; i < SAMPLES; i += 1) durations.push((await timed(() => operation(i))).ms);
      const log = await requestsSince(stack.tenant, before);
      const trips = log.filter((r) => !r.batchInner && r.path.startsWith('/v1.0/')).length / SAMPLES;
      figures.push(figure(name, durations, Math.round(trips * 100) / 100));
    };
    await measure(`meetings: plan (${ATTENDEES} invitees, findMeetingTimes)`, async () => {
      await ok(await plan(), 'plan');
    });
    await measure(`meetings: send kallelse (${ATTENDEES} invitees)`, async (i) => {
      await ok(await send(days[i % days.length] as string), 'send');
    });
    await measure(`meetings: plan + send kallelse (${ATTENDEES} invitees)`, async (i) => {
      const planned = await ok(await plan(), 'plan');
      await ok(await send(planned.candidates?.[0]?.date ?? (days[i % days.length] as string)), 'send');
    });
    const meetingId = (
      (await (await stack.call('/api/meetings/records', { token: chair })).json()) as { meetings: { id: string }[] }
    ).meetings[0]?.id;
    await measure('meetings: answers per kommun', async () => {
      await ok(await stack.call(`/api/meetings/${meetingId}/answers`, { token: chair }), 'answers');
    });
    return figures;
  } finally {
    await stack.close();
  }
}

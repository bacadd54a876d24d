import { CHAIR, COORDINATOR } from '../../infra/graph-emulator/tests/support';
import { requestLogSeq, requestsSince, startStack, type LoggedRequest } from '../integration/support/stack';
import { figure, timed, type Figure } from './stats';

const SAMPLES = 10;
/** The convener and seven more: Region members and guests, some outside the team at first. */
const GROUP_OF_8 = [
  CHAIR,
  'per.holmberg@regionvasterbotten.se',
  'sara.oberg@regionvasterbotten.se',
  'maja.wallin@regionvasterbotten.se',
  'erik.lundqvist@umea.se',
  'jonas.lindberg@lycksele.se',
  'olof.persson@storuman.se',
  'hanna.olsson@skelleftea.se',
];

const graphCalls = (log: LoggedRequest[]) => log.filter((r) => !r.batchInner && r.path.startsWith('/v1.0/'));

/**
 * "Appoint a group of 8" through the REST API, per channel type: latency and Graph round trips per
 * appointment (the welcome card goes to the bot connector, which is not Graph). The first appointment also
 * adds the people outside the team to it; that one is reported on its own.
 */
export async function run(): Promise<Figure[]> {
  const stack = await startStack();
  try {
    await stack.prepare();
    const coordinator = await stack.token(COORDINATOR);
    const { people } = (await (await stack.call('/api/people', { token: coordinator })).json()) as {
      people: { id: string; email: string }[];
    };
    const idOf = (mail: string) => people.find((p) => p.email === mail)!.id;
    const figures: Figure[] = [];
    let counter = 0;
    const appoint = (membershipType: string) => {
      counter += 1;
      return stack.call('/api/working-groups', {
        token: coordinator,
        method: 'POST',
        body: {
          name: `Bänkgrupp ${membershipType} ${counter}`,
          syfte: 'Mäta.',
          uppdrag: 'Mäta Graph-anrop.',
          memberIds: GROUP_OF_8.map(idOf),
          convenerId: idOf(CHAIR),
          period: { start: '2026-09-01' },
          membershipType,
        },
      });
    };
    const measure = async (name: string, samples: number, call: () => Promise<Response>) => {
      const before = await requestLogSeq(stack.tenant);
      const durations: number[] = [];
      const perCall: number[] = [];
      for (let i = 0; i < samples; i += 1) {
        const seq = await requestLogSeq(stack.tenant);
        const { ms, value } = await timed(call);
        if (value.status !== 201) throw new Error(`${name}: ${value.status} ${await value.text()}`);
        durations.push(ms);
        perCall.push(graphCalls(await requestsSince(stack.tenant, seq)).length);
      }
      const total = graphCalls(await requestsSince(stack.tenant, before)).length;
      figures.push(figure(name, durations, Math.round((total / samples) * 100) / 100));
      return perCall;
    };
    await measure('arbetsgrupp: utse en grupp om 8 (privat, första: 4 läggs till i teamet)', 1, () =>
      appoint('private'),
    );
    for (const type of ['private', 'shared', 'standard'])
      await measure(`arbetsgrupp: utse en grupp om 8 (${type})`, SAMPLES, () => appoint(type));
    return figures;
  } finally {
    await stack.close();
  }
}

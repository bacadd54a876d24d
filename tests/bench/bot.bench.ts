import { COORDINATOR } from '../../infra/graph-emulator/tests/support';
import {
  SEED_GENERAL_CHANNEL_ID,
  generalChannelMessage,
  postActivity,
  postedActivities,
  requestLogSeq,
  requestsSince,
  seededUser,
  startStack,
  teamInstall,
} from '../integration/support/stack';
import { figure, timed, type Figure } from './stats';

const SAMPLES = 25;
const COMMANDS = ['hjälp', 'möten', 'kontakter', 'kontakter umeå', 'lägesrapport', 'aktiviteter', 'nyhet'];

/**
 * Reply time per bot command through the whole server (Teams SDK → services → Graph on the local tenant →
 * the tenant's connector): the POST to /api/messages returns once the reply has been stored in the tenant,
 * since the SDK waits for the handler. Graph round trips per command come from the tenant's request log.
 */
export async function run(): Promise<Figure[]> {
  const stack = await startStack();
  try {
    await stack.prepare();
    const coordinator = seededUser(COORDINATOR);
    await postActivity(stack.url, teamInstall(stack.tenant, coordinator));
    const figures: Figure[] = [];
    for (const command of COMMANDS) {
      const text = (i: number) => (command === 'nyhet' ? `nyhet Mätning ${i} av nyhetsflödet` : command);
      const send = (i: number) => postActivity(stack.url, generalChannelMessage(stack.tenant, coordinator, text(i)));
      await send(-1); // warm: site and list ids are looked up once per server
      const repliesBefore = (await postedActivities(stack.tenant, SEED_GENERAL_CHANNEL_ID)).length;
      const before = await requestLogSeq(stack.tenant);
      const durations: number[] = [];
      for (let i = 0; i < SAMPLES; i += 1) {
        const { ms, value } = await timed(() => send(i));
        if (!value.ok) throw new Error(`${command}: ${value.status}`);
        await value.arrayBuffer();
        durations.push(ms);
      }
      const log = await requestsSince(stack.tenant, before);
      const graphCalls = log.filter((r) => !r.batchInner && r.path.startsWith('/v1.0/')).length / SAMPLES;
      const replies = (await postedActivities(stack.tenant, SEED_GENERAL_CHANNEL_ID)).length - repliesBefore;
      // nyhet posts the news and a confirmation; every other command one reply.
      const expected = SAMPLES * (command === 'nyhet' ? 2 : 1);
      if (replies !== expected) throw new Error(`${command}: ${replies} replies stored, expected ${expected}`);
      figures.push(figure(`bot: ${command}`, durations, Math.round(graphCalls * 100) / 100));
    }
    return figures;
  } finally {
    await stack.close();
  }
}

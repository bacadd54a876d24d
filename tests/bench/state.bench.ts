import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServerJobs } from '../../api/composition/jobs';
import { createLogger } from '../../api/http/logger';
import { AzureStateStore } from '../../api/state/azureStore';
import { SqliteStateStore } from '../../api/state/sqliteStore';
import type { ServerStateStore } from '../../api/state/store';
import { COORDINATOR } from '../../infra/graph-emulator/tests/support';
import { addDays, stockholmToUtc, toIsoDate } from '../../src/domain';
import {
  requestLogSeq,
  requestsSince,
  seededUser,
  startStack,
  postActivity,
  teamInstall,
} from '../integration/support/stack';
import { startAzurite } from '../support/azurite';
import { figure, timed, type Figure } from './stats';

const SAMPLES = 200;
const JOB_RUNS = 10;

/** p50/p95 of the two calls every idempotent write and every journalled step make to the state store. */
async function storeFigures(name: string, store: ServerStateStore): Promise<Figure[]> {
  await store.ready();
  const check: number[] = [];
  const repeat: number[] = [];
  const step: number[] = [];
  for (let i = 0; i < SAMPLES; i += 1) {
    const key = `bench:${randomUUID()}`;
    // The check of a new key: the insert that makes this request the first.
    const { ms, value: claim } = await timed(() => store.idempotency.begin(key, 3600));
    check.push(ms);
    if (!claim.acquired) throw new Error(`${name}: a new key was not acquired`);
    await store.idempotency.complete(key, claim.token, { status: 201, result: { id: i } });
    // The check of a repeated key: the insert refused, the first result read.
    repeat.push((await timed(() => store.idempotency.begin(key, 3600))).ms);
    // A journal step: read the operation, write the next step over the version read (If-Match).
    const operation = `bench-operation:${i}`;
    await store.recordOperation(operation, 'started', { step: 0 });
    step.push(
      (
        await timed(async () => {
          const current = await store.getOperation(operation);
          await store.recordOperation(operation, 'started', { step: 1 }, { ifVersion: current?.version ?? 'absent' });
        })
      ).ms,
    );
  }
  return [
    figure(`${name}: idempotency check, new key`, check),
    figure(`${name}: idempotency check, repeated key`, repeat),
    figure(`${name}: journal step (read + If-Match write)`, step),
  ];
}

/** One reminder job run through the server, with and without the job lease: the lease adds no Graph call. */
async function jobFigures(): Promise<Figure[]> {
  const state = new SqliteStateStore(':memory:');
  const stack = await startStack({ deps: { state } });
  try {
    await stack.prepare();
    await postActivity(stack.url, teamInstall(stack.tenant, seededUser(COORDINATOR)));
    const app = stack.server.services.graph.forApp();
    const { siteId, listId } = await stack.server.services.site.list(app, 'meetings');
    const date = addDays(toIsoDate(new Date()), 14);
    await app.createItem(siteId, listId, {
      Title: 'Stödgruppen (mätning av jobben)',
      MeetingGroup: 'stodgrupp',
      StartDateTime: stockholmToUtc(date, '13:00'),
      EndDateTime: stockholmToUtc(date, '15:00'),
      Status: 'planerat',
    });
    const bot = await stack.server.bot;
    const withoutLease = createServerJobs({
      config: stack.config,
      services: stack.server.services,
      clock: { now: () => new Date() },
      state,
      proactive: bot.proactive,
      logger: createLogger('silent'),
      lease: false,
    });
    const figures: Figure[] = [];
    for (const [label, runner] of [
      ['with the lease', stack.server.jobs],
      ['without the lease', withoutLease.runner],
    ] as const) {
      await runner.runOnce(); // warm, and the reminder is sent (then journalled)
      const before = await requestLogSeq(stack.tenant);
      const durations: number[] = [];
      for (let i = 0; i < JOB_RUNS; i += 1) {
        const { ms, value } = await timed(() => runner.runOnce());
        if (value.some((report) => report.skipped)) throw new Error(`job run ${label} was skipped`);
        durations.push(ms);
      }
      const log = await requestsSince(stack.tenant, before);
      const graphCalls = log.filter((r) => !r.batchInner && r.path.startsWith('/v1.0/')).length / JOB_RUNS;
      figures.push(figure(`job run ${label}`, durations, Math.round(graphCalls * 100) / 100));
    }
    await withoutLease.close();
    return figures;
  } finally {
    await stack.close();
  }
}

/**
 * The state store on both implementations (SQLite in a file, Azure Tables on Azurite over loopback HTTP: real
 * Azure adds the network), and the Graph round trips of a job run with and without the job lease.
 */
export async function run(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'state-bench-'));
  const azurite = await startAzurite();
  try {
    const sqlite = new SqliteStateStore(join(dir, 'server-state.sqlite'));
    const azure = new AzureStateStore({
      connectionString: azurite.connectionString,
      tableName: 'statebench',
      leaseContainer: 'statebench',
    });
    const figures = [
      ...(await storeFigures('SQLite', sqlite)),
      ...(await storeFigures('Azure Tables (Azurite)', azure)),
      ...(await jobFigures()),
    ];
    await Promise.all([sqlite.close(), azure.close()]);
    return figures;
  } finally {
    await azurite.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

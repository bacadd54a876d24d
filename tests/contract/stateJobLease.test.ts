/**
 * One job runner at a time over the SQLite store's lease (the Azure store's blob lease keeps the same contract,
 * tests/contract/stateStore.test.ts): a runner without the lease skips; a lease lost mid-run stops the run before its
 * next send; the journal still sends each reminder once when two runners overlap. Sends go over HTTP to a capturing
 * Bot Framework connector through the bot's real proactive sender.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JobLease } from '../../api/jobs/lease';
import { meetingReminderJob, type ReminderDeps } from '../../api/jobs/reminders';
import { createJobRunner } from '../../api/jobs/runner';
import { SqliteStateStore } from '../../api/state/sqliteStore';
import { createMeeting, type Meeting } from '../../src/domain';
import {
  COORDINATOR,
  fixedClock,
  inMemoryDeps,
  people,
  post,
  startBotServer,
  startCapturingConnector,
  teamInstall,
  type BotServer,
  type CapturingConnector,
  type TestDeps,
} from '../bot/support';

let connector: CapturingConnector;
let server: BotServer;
let deps: TestDeps;

beforeAll(async () => {
  connector = await startCapturingConnector();
  deps = inMemoryDeps();
  server = await startBotServer(deps);
  expect((await post(server, teamInstall(connector.url, COORDINATOR()))).status).toBe(200);
});

afterAll(async () => {
  await server.close();
  await connector.close();
});

/** Three stödgrupp meetings two days after the clock's day, each due for its 2-day reminder. */
function dueMeetings(prefix: string): Meeting[] {
  return [1, 2, 3].map((n) =>
    createMeeting({
      id: `${prefix}-${n}`,
      group: 'stodgrupp',
      title: `Stödgruppen ${prefix} ${n}`,
      date: '2026-05-12',
      startTime: `${String(n + 7).padStart(2, '0')}:00`,
      endTime: `${String(n + 8).padStart(2, '0')}:00`,
    }),
  );
}

class MovableTime {
  at = Date.parse('2026-05-10T05:00:00Z');
  readonly now = () => this.at;
  readonly date = () => new Date(this.at);
}

function setUp(prefix: string, onSend?: () => void) {
  const time = new MovableTime();
  const store = new SqliteStateStore(':memory:', { now: time.date });
  const leaseFor = () => new JobLease({ leases: store.leases, name: 'job-runner', durationSeconds: 60, now: time.now });
  const runner = (lease: JobLease) => {
    const reminder: ReminderDeps = {
      clock: fixedClock('2026-05-10T05:00:00Z'),
      conversations: deps.conversations,
      proactive: {
        sendCard: async (conversation, card, summary) => {
          const sent = await server.handle.proactive.sendCard(conversation, card, summary);
          onSend?.();
          return sent;
        },
        sendMessage: (conversation, message) => server.handle.proactive.sendMessage(conversation, message),
      },
      journal: store.reminders,
      listMeetings: async () => dueMeetings(prefix),
      listPeople: async () => people(),
      inCharge: () => lease.held(),
    };
    return createJobRunner({ jobs: [meetingReminderJob(reminder)], intervalMs: 60_000, lease });
  };
  return { time, store, leaseFor, runner };
}

const sentFor = (prefix: string) =>
  connector.activities.filter((activity) => JSON.stringify(activity).includes(`Stödgruppen ${prefix}`));

describe('one job runner at a time', () => {
  it('skips a tick of the instance without the lease, and takes over once the holder is gone', async () => {
    const { time, store, leaseFor, runner } = setUp('skip');
    const leaseA = leaseFor();
    const leaseB = leaseFor();
    const [a, b] = [runner(leaseA), runner(leaseB)];
    const first = await a.runOnce();
    expect(first[0]?.sent).toHaveLength(3);
    const skipped = await b.runOnce();
    expect(skipped).toEqual([{ job: 'meeting-reminder', sent: [], alreadySent: [], notSent: [], skipped: true }]);
    // A dies without releasing: B's ticks skip until the lease has run out, then B runs (and sends nothing twice).
    time.at += 30_000;
    expect((await b.runOnce())[0]?.skipped).toBe(true);
    time.at += 31_000;
    const takenOver = await b.runOnce();
    expect(takenOver[0]?.skipped).toBeUndefined();
    expect(takenOver[0]?.alreadySent).toHaveLength(3);
    expect(sentFor('skip')).toHaveLength(3);
    await Promise.all([a.stop(), b.stop()]);
    await store.close();
  });

  it('keeps the lease of a runner whose renewals were late, as long as nobody took it meanwhile', async () => {
    const { time, store, leaseFor, runner } = setUp('late');
    const lease = leaseFor();
    const a = runner(lease);
    expect((await a.runOnce())[0]?.sent).toHaveLength(3);
    time.at += 120_000;
    expect(lease.held()).toBe(false);
    const again = await a.runOnce();
    expect(again[0]?.skipped).toBeUndefined();
    expect(again[0]?.alreadySent).toHaveLength(3);
    expect(lease.held()).toBe(true);
    expect(await store.leases.acquire('job-runner', 60)).toBeUndefined();
    await a.stop();
    expect(await store.leases.acquire('job-runner', 60)).toBeDefined();
    await store.close();
  });

  it('stops a run before its next send once the lease is lost', async () => {
    // The first send takes longer than the lease: the lease is gone before the second.
    const setup = setUp('lost', () => {
      setup.time.at += 61_000;
    });
    const lease = setup.leaseFor();
    const runner = setup.runner(lease);
    const report = await runner.runOnce();
    expect(report[0]?.sent).toHaveLength(1);
    expect(report[0]?.stopped).toMatch(/lease was lost/);
    expect(sentFor('lost')).toHaveLength(1);
    expect(lease.held()).toBe(false);
    await runner.stop();
    await setup.store.close();
  });

  it('sends each reminder once even when two runners overlap without a lease between them', async () => {
    const time = new MovableTime();
    const store = new SqliteStateStore(':memory:', { now: time.date });
    const reminder: ReminderDeps = {
      clock: fixedClock('2026-05-10T05:00:00Z'),
      conversations: deps.conversations,
      proactive: server.handle.proactive,
      journal: store.reminders,
      listMeetings: async () => dueMeetings('overlap'),
      listPeople: async () => people(),
    };
    const runners = [1, 2, 3].map(() => createJobRunner({ jobs: [meetingReminderJob(reminder)], intervalMs: 60_000 }));
    const reports = (await Promise.all(runners.map((r) => r.runOnce()))).flat();
    expect(reports.flatMap((r) => r.sent)).toHaveLength(3);
    expect(reports.flatMap((r) => r.alreadySent)).toHaveLength(6);
    expect(sentFor('overlap')).toHaveLength(3);
    await store.close();
  });
});

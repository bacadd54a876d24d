/**
 * One contract for the server's state store, run over each implementation (as Azurite runs one suite over each of
 * its backends): SQLite in memory, and Azure Table and Blob Storage on Azurite. Expiries of idempotency records run
 * on the store's clock, which the suite moves; blob leases expire on Azurite's own clock, so that case waits.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { AzureStateStore, tableKey } from '../../api/state/azureStore';
import { SqliteStateStore } from '../../api/state/sqliteStore';
import {
  StateConflictError,
  waitForCompletion,
  type ServerStateStore,
  type StoredConversation,
} from '../../api/state/store';
import { startAzurite, type RunningAzurite } from '../support/azurite';

interface Backend {
  name: string;
  open(now: () => Date): Promise<ServerStateStore>;
  /** Lets a lease of `seconds` run out: the SQLite store's clock moves, Azurite's is real. */
  letLeaseExpire(seconds: number, clock: MovableClock): Promise<void>;
  close(): Promise<void>;
}

class MovableClock {
  private at = Date.now();
  readonly now = () => new Date(this.at);
  advance(seconds: number) {
    this.at += seconds * 1000;
  }
}

let azurite: RunningAzurite | undefined;
const backends: Backend[] = [
  {
    name: 'SQLite',
    open: async (now) => new SqliteStateStore(':memory:', { now }),
    letLeaseExpire: async (seconds, clock) => clock.advance(seconds + 1),
    close: async () => undefined,
  },
  {
    name: 'Azure Tables and Blobs on Azurite',
    async open(now) {
      azurite ??= await startAzurite();
      // A table and a container of its own per test file run, as two deployments would have.
      const suffix = randomUUID().replace(/-/g, '').slice(0, 10);
      const store = new AzureStateStore({
        connectionString: azurite.connectionString,
        tableName: `state${suffix}`,
        leaseContainer: `leases-${suffix}`,
        now,
      });
      await store.ready();
      return store;
    },
    letLeaseExpire: (seconds) => new Promise((resolve) => setTimeout(resolve, (seconds + 1) * 1000)),
    async close() {
      await azurite?.close();
      azurite = undefined;
    },
  },
];

const conversation = (overrides: Partial<StoredConversation>): StoredConversation => ({
  conversationId: 'a:1personal',
  kind: 'personal',
  serviceUrl: 'http://127.0.0.1:1/',
  botId: '28:bot',
  updatedAt: '2026-03-01T10:00:00.000Z',
  ...overrides,
});

describe.each(backends)('the state store contract on $name', (backend) => {
  const clock = new MovableClock();
  let store: ServerStateStore;

  beforeAll(async () => {
    store = await backend.open(clock.now);
  });
  afterAll(async () => {
    await store?.close();
    await backend.close();
  });

  describe('conversation references', () => {
    it('saves, finds the General channel and personal chats (the newest), lists and removes', async () => {
      const general = conversation({
        conversationId: '19:general@thread.tacv2',
        kind: 'channel',
        teamId: '19:general@thread.tacv2',
        aadGroupId: '2f9b1c3e-0000-4000-8000-000000000001',
        updatedAt: '2026-03-01T10:00:00.000Z',
      });
      const otherTeam = conversation({
        conversationId: '19:other#team/x?y@thread.tacv2',
        kind: 'channel',
        teamId: '19:other#team/x?y@thread.tacv2',
        updatedAt: '2026-03-02T10:00:00.000Z',
      });
      const channelNotGeneral = conversation({
        conversationId: '19:planning@thread.tacv2',
        kind: 'channel',
        teamId: '19:general@thread.tacv2',
        updatedAt: '2026-03-03T10:00:00.000Z',
      });
      const older = conversation({
        conversationId: 'a:old',
        userAadObjectId: 'user-1',
        updatedAt: '2026-01-01T00:00:00.000Z',
      });
      const newer = conversation({
        conversationId: 'a:new',
        userAadObjectId: 'user-1',
        updatedAt: '2026-02-01T00:00:00.000Z',
      });
      for (const c of [general, otherTeam, channelNotGeneral, older, newer]) await store.conversations.save(c);

      expect(await store.conversations.get(general.conversationId)).toEqual(general);
      expect(await store.conversations.get(otherTeam.conversationId)).toEqual(otherTeam);
      expect(await store.conversations.findTeamGeneral(general.aadGroupId)).toEqual(general);
      // The General channel is found by the team's Graph (group) id, not by its Bot Framework id.
      expect(await store.conversations.findTeamGeneral(general.teamId)).toBeUndefined();
      expect(await store.conversations.findTeamGeneral()).toEqual(otherTeam);
      expect(await store.conversations.findTeamGeneral('19:planning@thread.tacv2')).toBeUndefined();
      expect((await store.conversations.findPersonal('user-1'))?.conversationId).toBe('a:new');
      expect(await store.conversations.findPersonal('user-2')).toBeUndefined();
      expect((await store.conversations.list()).map((c) => c.conversationId)).toEqual([
        'a:old',
        'a:new',
        general.conversationId,
        otherTeam.conversationId,
        channelNotGeneral.conversationId,
      ]);

      await store.conversations.save({ ...older, updatedAt: '2026-04-01T00:00:00.000Z', botName: 'Plan- och bygg' });
      expect((await store.conversations.findPersonal('user-1'))?.conversationId).toBe('a:old');
      await store.conversations.remove(otherTeam.conversationId);
      await store.conversations.remove('never-saved');
      expect(await store.conversations.get(otherTeam.conversationId)).toBeUndefined();
      expect(await store.conversations.findTeamGeneral()).toEqual(general);
    });

    it('refuses a malformed reference and keeps nothing of it', async () => {
      await expect(
        store.conversations.save({ ...conversation({ conversationId: 'a:bad' }), kind: 'meeting' as 'personal' }),
      ).rejects.toThrow();
      expect(await store.conversations.get('a:bad')).toBeUndefined();
    });
  });

  describe('operation journals', () => {
    it('records the steps of an operation, each write a new version', async () => {
      expect(await store.getOperation('workingGroup:1:setup')).toBeUndefined();
      const first = await store.recordOperation('workingGroup:1:setup', 'started', { channelName: 'Bygglov' });
      const second = await store.recordOperation('workingGroup:1:setup', 'started', {
        channelName: 'Bygglov',
        channelId: '19:c',
      });
      expect(second.version).not.toBe(first.version);
      expect(await store.getOperation('workingGroup:1:setup')).toEqual({
        key: 'workingGroup:1:setup',
        status: 'started',
        detail: { channelName: 'Bygglov', channelId: '19:c' },
        updatedAt: second.updatedAt,
        version: second.version,
      });
      await store.recordOperation('workingGroup:1:setup', 'succeeded');
      const done = await store.getOperation('workingGroup:1:setup');
      expect(done?.status).toBe('succeeded');
      expect(done?.detail).toBeUndefined();
    });

    it('writes over a version only if it is still the current one, and a new record only if there is none', async () => {
      const created = await store.recordOperation(
        'kallelse:op-1',
        'started',
        { step: 'register' },
        { ifVersion: 'absent' },
      );
      await expect(
        store.recordOperation('kallelse:op-1', 'started', { step: 'again' }, { ifVersion: 'absent' }),
      ).rejects.toBeInstanceOf(StateConflictError);
      const next = await store.recordOperation(
        'kallelse:op-1',
        'started',
        { step: 'events' },
        { ifVersion: created.version },
      );
      await expect(
        store.recordOperation('kallelse:op-1', 'failed', { step: 'stale' }, { ifVersion: created.version }),
      ).rejects.toBeInstanceOf(StateConflictError);
      expect((await store.getOperation('kallelse:op-1'))?.detail).toEqual({ step: 'events' });
      expect((await store.getOperation('kallelse:op-1'))?.version).toBe(next.version);
    });
  });

  describe('the reminder journal', () => {
    const key = { job: 'meeting-reminder', subject: 'meeting/42?#', offsetDays: 14 };

    it('lets one of many concurrent claims win, and a sent reminder is never claimed again', async () => {
      const at = new Date('2026-03-01T07:00:00Z');
      const claims = await Promise.all(Array.from({ length: 10 }, () => store.reminders.claim(key, at)));
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await store.reminders.wasSent(key)).toBe(false);
      await store.reminders.markSent(key, at, 'activity-1');
      expect(await store.reminders.wasSent(key)).toBe(true);
      await store.reminders.release(key);
      expect(await store.reminders.claim(key, at)).toBe(false);
      expect(await store.reminders.wasSent(key)).toBe(true);
    });

    it('gives a claimed reminder back when sending failed, so the next run sends it', async () => {
      const failed = { ...key, offsetDays: 2 };
      const at = new Date('2026-03-13T07:00:00Z');
      expect(await store.reminders.claim(failed, at)).toBe(true);
      await store.reminders.release(failed);
      expect(await store.reminders.claim(failed, at)).toBe(true);
    });
  });

  describe('idempotency records', () => {
    it('lets the first of 20 concurrent requests win; the others see it pending, then its result', async () => {
      const key = `kallelse:${randomUUID()}`;
      const claims = await Promise.all(Array.from({ length: 20 }, () => store.idempotency.begin(key, 600)));
      const winners = claims.filter((claim) => claim.acquired);
      expect(winners).toHaveLength(1);
      expect(claims.filter((claim) => !claim.acquired).every((claim) => claim.record.state === 'pending')).toBe(true);

      const winner = winners[0];
      if (!winner?.acquired) throw new Error('no winner');
      const waiting = waitForCompletion(store.idempotency, key, { timeoutMs: 10_000, intervalMs: 20 });
      const completed = await store.idempotency.complete(key, winner.token, {
        status: 201,
        result: { meetingId: '7', created: true },
      });
      expect(completed).toMatchObject({ state: 'completed', status: 201, result: { meetingId: '7', created: true } });
      expect(await waiting).toMatchObject({
        state: 'completed',
        status: 201,
        result: { meetingId: '7', created: true },
      });

      const repeat = await store.idempotency.begin(key, 600);
      expect(repeat.acquired).toBe(false);
      expect(repeat.record).toMatchObject({
        state: 'completed',
        status: 201,
        result: { meetingId: '7', created: true },
      });
      await expect(
        store.idempotency.complete(key, winner.token, { status: 200, result: 'again' }),
      ).rejects.toBeInstanceOf(StateConflictError);
    });

    it('forgets a record after its expiry: the key may run again, and the old token may no longer complete it', async () => {
      const key = `decision:${randomUUID()}`;
      const first = await store.idempotency.begin(key, 60);
      if (!first.acquired) throw new Error('first begin did not win');
      clock.advance(61);
      expect(await store.idempotency.get(key)).toBeUndefined();
      const second = await store.idempotency.begin(key, 60);
      expect(second.acquired).toBe(true);
      await expect(store.idempotency.complete(key, first.token, { status: 201, result: 1 })).rejects.toBeInstanceOf(
        StateConflictError,
      );
      if (!second.acquired) throw new Error('second begin did not win');
      await store.idempotency.complete(key, second.token, { status: 201, result: 2 });
      clock.advance(59);
      expect(await store.idempotency.get(key)).toMatchObject({ state: 'completed', result: 2 });
      clock.advance(2);
      expect(await store.idempotency.get(key)).toBeUndefined();
    });

    it('keeps a completed result for the TTL given at completion: a short pending TTL, a long-kept result', async () => {
      const key = `once:${randomUUID()}`;
      const first = await store.idempotency.begin(key, 30);
      if (!first.acquired) throw new Error('first begin did not win');
      await store.idempotency.complete(key, first.token, { status: 201, result: { id: '9' }, ttlSeconds: 3600 });
      clock.advance(31);
      expect(await store.idempotency.get(key)).toMatchObject({ state: 'completed', status: 201, result: { id: '9' } });
      clock.advance(3570);
      expect(await store.idempotency.get(key)).toBeUndefined();
    });

    it('gives an abandoned key to the next request, and keeps a large result whole', async () => {
      const key = `news:${randomUUID()}`;
      const first = await store.idempotency.begin(key, 600);
      if (!first.acquired) throw new Error('first begin did not win');
      await store.idempotency.abandon(key, first.token);
      expect(await store.idempotency.get(key)).toBeUndefined();
      const second = await store.idempotency.begin(key, 600);
      if (!second.acquired) throw new Error('second begin did not win');
      const result = { text: 'å'.repeat(70_000), items: Array.from({ length: 50 }, (_, i) => ({ id: i })) };
      await store.idempotency.complete(key, second.token, { status: 200, result });
      const stored = await store.idempotency.get(key);
      // Compared as one boolean: a failing diff of 70 000 characters helps nobody.
      expect(
        stored?.state === 'completed' &&
          stored.status === 200 &&
          JSON.stringify(stored.result) === JSON.stringify(result),
      ).toBe(true);
    });
  });

  describe('leases', () => {
    it('refuses a second holder, and lets another take it once released', async () => {
      const name = `jobs-${randomUUID().slice(0, 8)}`;
      const first = await store.leases.acquire(name, 15);
      expect(first).toBeDefined();
      expect(await store.leases.acquire(name, 15)).toBeUndefined();
      expect(await first?.renew()).toBe(true);
      expect(await store.leases.acquire(name, 15)).toBeUndefined();
      await first?.release();
      const second = await store.leases.acquire(name, 15);
      expect(second).toBeDefined();
      expect(second?.id).not.toBe(first?.id);
      expect(await first?.renew()).toBe(false);
      await second?.release();
    });

    it('lets another holder take over once the lease has expired, and the first one then knows it lost it', async () => {
      const name = `jobs-${randomUUID().slice(0, 8)}`;
      const first = await store.leases.acquire(name, 15);
      expect(first).toBeDefined();
      await backend.letLeaseExpire(15, clock);
      const second = await store.leases.acquire(name, 15);
      expect(second).toBeDefined();
      expect(await first?.renew()).toBe(false);
      expect(await second?.renew()).toBe(true);
      await second?.release();
    });

    it('allows only blob lease durations (15–60 s)', async () => {
      await expect(store.leases.acquire('jobs-short', 5)).rejects.toThrow(RangeError);
      await expect(store.leases.acquire('jobs-long', 61)).rejects.toThrow(RangeError);
    });
  });
});

describe('table keys', () => {
  it('escape what a table key may not hold, and never map two keys to one', () => {
    const keys = ['a/b', 'a#b', 'a?b', 'a\\b', 'a%2Fb', 'a!2Fb', "a'b", 'a\tb'];
    const escaped = keys.map(tableKey);
    expect(new Set(escaped).size).toBe(keys.length);
    for (const key of escaped) {
      expect(key).not.toMatch(/[/\\#?%]/);
      expect([...key].every((c) => c.charCodeAt(0) >= 0x20)).toBe(true);
    }
  });
});

import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteReminderJournal } from '../jobs/journal';
import { SqliteConversationStore } from './conversationStore';
import {
  StateConflictError,
  assertLeaseSeconds,
  type HeldLease,
  type IdempotencyClaim,
  type IdempotencyRecord,
  type IdempotencyStore,
  type LeaseStore,
  type OperationRecord,
  type OperationStatus,
  type RecordOperationOptions,
  type ServerStateStore,
} from './store';

export interface SqliteStateOptions {
  /** The clock of expiries (idempotency records, leases); tests move it. */
  now?: () => Date;
  /**
   * The server's own store (one instance on SQLite): idempotency keys still pending at open belong to requests
   * of a process that died (kill -9, a crash) and are freed, so a retry after the restart runs (and finds its
   * work by its natural keys and journals) instead of being told for 90 s that it is still running. Not for a
   * second process opened on a live server's file.
   */
  releasePendingOnOpen?: boolean;
}

interface OperationRow {
  key: string;
  status: OperationStatus;
  detail: string | null;
  updated_at: string;
  version: number;
}

interface IdempotencyRow {
  key: string;
  token: string;
  state: 'pending' | 'completed';
  status: number | null;
  result: string | null;
  ttl_seconds: number;
  created_at: string;
  completed_at: string | null;
  expires_at: string;
}

const plusSeconds = (at: Date, seconds: number) => new Date(at.getTime() + seconds * 1000).toISOString();

/**
 * The server's state in one SQLite file (the embedded default, one instance): operation journals, the bot's
 * conversation references, the reminder journal, idempotency records and a local job lease. Exclusive writes are
 * IMMEDIATE transactions, so two processes on the same file still see "first one wins".
 */
export class SqliteStateStore implements ServerStateStore {
  readonly kind = 'sqlite';
  private readonly db: Database.Database;
  private readonly now: () => Date;
  readonly conversations: SqliteConversationStore;
  readonly reminders: SqliteReminderJournal;
  readonly idempotency: IdempotencyStore;
  readonly leases: LeaseStore;

  constructor(file: string, options: SqliteStateOptions = {}) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.now = options.now ?? (() => new Date());
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS operations (key TEXT PRIMARY KEY, status TEXT NOT NULL, detail TEXT, updated_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS idempotency (
        key TEXT PRIMARY KEY, token TEXT NOT NULL, state TEXT NOT NULL CHECK (state IN ('pending', 'completed')),
        status INTEGER, result TEXT, ttl_seconds INTEGER NOT NULL,
        created_at TEXT NOT NULL, completed_at TEXT, expires_at TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS idempotency_expires ON idempotency (expires_at);
      CREATE TABLE IF NOT EXISTS leases (name TEXT PRIMARY KEY, lease_id TEXT NOT NULL, expires_at TEXT NOT NULL);
    `);
    // Files written before operations had versions get the column (every old record at version 0).
    const columns = this.db.prepare('PRAGMA table_info(operations)').all() as { name: string }[];
    if (!columns.some((column) => column.name === 'version'))
      this.db.exec('ALTER TABLE operations ADD COLUMN version INTEGER NOT NULL DEFAULT 0');
    this.conversations = new SqliteConversationStore(this.db);
    this.reminders = new SqliteReminderJournal(this.db);
    this.idempotency = this.idempotencyStore();
    this.leases = this.leaseStore();
    if (options.releasePendingOnOpen) this.db.prepare(`DELETE FROM idempotency WHERE state = 'pending'`).run();
  }

  async recordOperation(
    key: string,
    status: OperationStatus,
    detail?: Record<string, unknown>,
    options: RecordOperationOptions = {},
  ): Promise<OperationRecord> {
    const write = this.db.transaction((): OperationRow => {
      const current = this.operationRow(key);
      if (options.ifVersion === 'absent' && current) throw new StateConflictError(`operation ${key} exists already`);
      if (
        options.ifVersion !== undefined &&
        options.ifVersion !== 'absent' &&
        String(current?.version) !== options.ifVersion
      )
        throw new StateConflictError(`operation ${key} was changed by another writer`);
      const row: OperationRow = {
        key,
        status,
        detail: detail === undefined ? null : JSON.stringify(detail),
        updated_at: this.now().toISOString(),
        version: (current?.version ?? 0) + 1,
      };
      this.db
        .prepare(
          `INSERT INTO operations (key, status, detail, updated_at, version) VALUES (@key, @status, @detail, @updated_at, @version)
           ON CONFLICT(key) DO UPDATE SET status = excluded.status, detail = excluded.detail,
             updated_at = excluded.updated_at, version = excluded.version`,
        )
        .run(row);
      return row;
    });
    return toOperation(write.immediate());
  }

  async getOperation(key: string): Promise<OperationRecord | undefined> {
    const row = this.operationRow(key);
    return row ? toOperation(row) : undefined;
  }

  async ready(): Promise<void> {
    // Opened in the constructor: nothing to wait for.
  }

  async close(): Promise<void> {
    this.db.close();
  }

  private operationRow(key: string): OperationRow | undefined {
    return this.db.prepare('SELECT key, status, detail, updated_at, version FROM operations WHERE key = ?').get(key) as
      OperationRow | undefined;
  }

  private idempotencyStore(): IdempotencyStore {
    const db = this.db;
    const now = this.now;
    const read = (key: string) =>
      db.prepare('SELECT * FROM idempotency WHERE key = ?').get(key) as IdempotencyRow | undefined;
    const live = (row: IdempotencyRow | undefined) => (row && row.expires_at > now().toISOString() ? row : undefined);
    return {
      async begin(key, ttlSeconds): Promise<IdempotencyClaim> {
        const claim = db.transaction((): IdempotencyClaim => {
          const existing = live(read(key));
          if (existing) return { acquired: false, record: toIdempotency(existing) };
          const at = now();
          const row: IdempotencyRow = {
            key,
            token: randomUUID(),
            state: 'pending',
            status: null,
            result: null,
            ttl_seconds: ttlSeconds,
            created_at: at.toISOString(),
            completed_at: null,
            expires_at: plusSeconds(at, ttlSeconds),
          };
          db.prepare(
            `INSERT OR REPLACE INTO idempotency (key, token, state, status, result, ttl_seconds, created_at, completed_at, expires_at)
             VALUES (@key, @token, @state, @status, @result, @ttl_seconds, @created_at, @completed_at, @expires_at)`,
          ).run(row);
          return { acquired: true, token: row.token, record: pendingRecord(row) };
        });
        return claim.immediate();
      },
      async complete(key, token, outcome) {
        const at = now();
        const done = db.transaction(() => {
          const row = read(key);
          if (!row || row.token !== token || row.state !== 'pending')
            throw new StateConflictError(`idempotency key ${key} is not pending for this token`);
          const completed: IdempotencyRow = {
            ...row,
            state: 'completed',
            status: outcome.status,
            result: JSON.stringify(outcome.result ?? null),
            completed_at: at.toISOString(),
            ttl_seconds: outcome.ttlSeconds ?? row.ttl_seconds,
            expires_at: plusSeconds(at, outcome.ttlSeconds ?? row.ttl_seconds),
          };
          db.prepare(
            `UPDATE idempotency SET state = @state, status = @status, result = @result, completed_at = @completed_at,
               ttl_seconds = @ttl_seconds, expires_at = @expires_at WHERE key = @key AND token = @token`,
          ).run(completed);
          return completed;
        });
        return toIdempotency(done.immediate());
      },
      async abandon(key, token) {
        db.prepare(`DELETE FROM idempotency WHERE key = ? AND token = ? AND state = 'pending'`).run(key, token);
      },
      async get(key) {
        const row = live(read(key));
        return row ? toIdempotency(row) : undefined;
      },
    };
  }

  private leaseStore(): LeaseStore {
    const db = this.db;
    const now = this.now;
    return {
      async acquire(name, durationSeconds): Promise<HeldLease | undefined> {
        assertLeaseSeconds(durationSeconds);
        const id = randomUUID();
        const take = db.transaction((): boolean => {
          const row = db.prepare('SELECT expires_at FROM leases WHERE name = ?').get(name) as
            { expires_at: string } | undefined;
          if (row && row.expires_at > now().toISOString()) return false;
          db.prepare('INSERT OR REPLACE INTO leases (name, lease_id, expires_at) VALUES (?, ?, ?)').run(
            name,
            id,
            plusSeconds(now(), durationSeconds),
          );
          return true;
        });
        if (!take.immediate()) return undefined;
        return {
          id,
          durationSeconds,
          // As a blob lease: renewable after expiry as long as nobody has taken it since.
          async renew() {
            return (
              db
                .prepare('UPDATE leases SET expires_at = ? WHERE name = ? AND lease_id = ?')
                .run(plusSeconds(now(), durationSeconds), name, id).changes === 1
            );
          },
          async release() {
            db.prepare('DELETE FROM leases WHERE name = ? AND lease_id = ?').run(name, id);
          },
        };
      },
    };
  }
}

function toOperation(row: OperationRow): OperationRecord {
  return {
    key: row.key,
    status: row.status,
    ...(row.detail ? { detail: JSON.parse(row.detail) as Record<string, unknown> } : {}),
    updatedAt: row.updated_at,
    version: String(row.version),
  };
}

function pendingRecord(row: IdempotencyRow): IdempotencyRecord & { state: 'pending' } {
  return { key: row.key, state: 'pending', createdAt: row.created_at, expiresAt: row.expires_at };
}

function toIdempotency(row: IdempotencyRow): IdempotencyRecord {
  if (row.state === 'pending') return pendingRecord(row);
  return {
    key: row.key,
    state: 'completed',
    status: row.status ?? 200,
    result: row.result === null ? null : (JSON.parse(row.result) as unknown),
    createdAt: row.created_at,
    completedAt: row.completed_at ?? row.created_at,
    expiresAt: row.expires_at,
  };
}

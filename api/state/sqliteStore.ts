import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteConversationStore } from './conversationStore';
import type { OperationRecord, OperationStatus, ServerStateStore } from './store';

/** The server's state in one SQLite file: the operation journal and the bot's conversation references. */
export class SqliteStateStore implements ServerStateStore {
  private readonly db: Database.Database;
  readonly conversations: SqliteConversationStore;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS operations (key TEXT PRIMARY KEY, status TEXT NOT NULL, detail TEXT, updated_at TEXT NOT NULL);',
    );
    this.conversations = new SqliteConversationStore(this.db);
  }

  recordOperation(key: string, status: OperationStatus, detail?: Record<string, unknown>): void {
    this.db
      .prepare(
        'INSERT INTO operations (key, status, detail, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET status = excluded.status, detail = excluded.detail, updated_at = excluded.updated_at',
      )
      .run(key, status, detail === undefined ? null : JSON.stringify(detail), new Date().toISOString());
  }

  getOperation(key: string): OperationRecord | undefined {
    const row = this.db.prepare('SELECT key, status, detail, updated_at FROM operations WHERE key = ?').get(key) as
      { key: string; status: OperationStatus; detail: string | null; updated_at: string } | undefined;
    if (!row) return undefined;
    return {
      key: row.key,
      status: row.status,
      ...(row.detail ? { detail: JSON.parse(row.detail) as Record<string, unknown> } : {}),
      updatedAt: row.updated_at,
    };
  }

  close(): void {
    this.db.close();
  }
}

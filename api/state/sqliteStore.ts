import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { ConversationReference, OperationRecord, OperationStatus, ServerStateStore } from './store';

export class SqliteStateStore implements ServerStateStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS conversations (key TEXT PRIMARY KEY, reference TEXT NOT NULL, updated_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS operations (key TEXT PRIMARY KEY, status TEXT NOT NULL, detail TEXT, updated_at TEXT NOT NULL);
    `);
  }

  saveConversation(key: string, reference: ConversationReference): void {
    this.db
      .prepare(
        'INSERT INTO conversations (key, reference, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET reference = excluded.reference, updated_at = excluded.updated_at',
      )
      .run(key, JSON.stringify(reference), new Date().toISOString());
  }

  getConversation(key: string): ConversationReference | undefined {
    const row = this.db.prepare('SELECT reference FROM conversations WHERE key = ?').get(key) as
      { reference: string } | undefined;
    return row ? (JSON.parse(row.reference) as ConversationReference) : undefined;
  }

  listConversations(): { key: string; reference: ConversationReference }[] {
    const rows = this.db.prepare('SELECT key, reference FROM conversations ORDER BY key').all() as {
      key: string;
      reference: string;
    }[];
    return rows.map((r) => ({ key: r.key, reference: JSON.parse(r.reference) as ConversationReference }));
  }

  deleteConversation(key: string): void {
    this.db.prepare('DELETE FROM conversations WHERE key = ?').run(key);
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

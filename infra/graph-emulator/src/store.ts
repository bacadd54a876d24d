import Database from 'better-sqlite3';

/**
 * Persistence of the local tenant, behind an interface (as Azurite keeps IBlobMetadataStore): every resource
 * is a JSON document of a `kind`, inside a `scope` (its parent: a list id for items, a user id for events),
 * with an `id`. Documents keep insertion order (`seq`).
 */
export interface DocumentStore {
  get<T>(kind: string, scope: string, id: string): T | undefined;
  list<T>(kind: string, scope: string): T[];
  /** Every document of a kind whatever its scope, with its scope. */
  listAll<T>(kind: string): { scope: string; id: string; doc: T }[];
  /** Insert, failing if the id is taken in that scope. */
  insert<T>(kind: string, scope: string, id: string, doc: T): void;
  /** Insert or replace. */
  put<T>(kind: string, scope: string, id: string, doc: T): void;
  delete(kind: string, scope: string, id: string): boolean;
  deleteScope(kind: string, scope: string): number;
  count(kind: string, scope: string): number;
  /** A monotonically increasing number per counter name, persisted (list item ids, message ids). */
  nextNumber(counter: string): number;
  transaction<R>(work: () => R): R;
  /** Binary content (drive files, upload session fragments), by key. */
  putBlob(key: string, bytes: Buffer): void;
  getBlob(key: string): Buffer | undefined;
  deleteBlob(key: string): boolean;
  /** Remove everything (used by reset before reseeding). */
  clear(): void;
  close(): void;
}

export class SqliteDocumentStore implements DocumentStore {
  private readonly db: Database.Database;
  private readonly statements;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS documents (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL, scope TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL,
        UNIQUE (kind, scope, id)
      );
      CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS blobs (key TEXT PRIMARY KEY, bytes BLOB NOT NULL);
    `);
    this.statements = {
      get: this.db.prepare<[string, string, string], { body: string }>(
        'SELECT body FROM documents WHERE kind = ? AND scope = ? AND id = ?',
      ),
      list: this.db.prepare<[string, string], { body: string }>(
        'SELECT body FROM documents WHERE kind = ? AND scope = ? ORDER BY seq',
      ),
      listAll: this.db.prepare<[string], { scope: string; id: string; body: string }>(
        'SELECT scope, id, body FROM documents WHERE kind = ? ORDER BY seq',
      ),
      insert: this.db.prepare('INSERT INTO documents (kind, scope, id, body) VALUES (?, ?, ?, ?)'),
      update: this.db.prepare('UPDATE documents SET body = ? WHERE kind = ? AND scope = ? AND id = ?'),
      delete: this.db.prepare('DELETE FROM documents WHERE kind = ? AND scope = ? AND id = ?'),
      deleteScope: this.db.prepare('DELETE FROM documents WHERE kind = ? AND scope = ?'),
      count: this.db.prepare<[string, string], { n: number }>(
        'SELECT COUNT(*) AS n FROM documents WHERE kind = ? AND scope = ?',
      ),
      putBlob: this.db.prepare('INSERT OR REPLACE INTO blobs (key, bytes) VALUES (?, ?)'),
      getBlob: this.db.prepare<[string], { bytes: Buffer }>('SELECT bytes FROM blobs WHERE key = ?'),
      deleteBlob: this.db.prepare('DELETE FROM blobs WHERE key = ?'),
      next: this.db.prepare<[string], { value: number }>(
        'INSERT INTO counters (name, value) VALUES (?, 1) ON CONFLICT(name) DO UPDATE SET value = value + 1 RETURNING value',
      ),
    };
  }

  get<T>(kind: string, scope: string, id: string): T | undefined {
    const row = this.statements.get.get(kind, scope, id);
    return row ? (JSON.parse(row.body) as T) : undefined;
  }

  list<T>(kind: string, scope: string): T[] {
    return this.statements.list.all(kind, scope).map((row) => JSON.parse(row.body) as T);
  }

  listAll<T>(kind: string): { scope: string; id: string; doc: T }[] {
    return this.statements.listAll
      .all(kind)
      .map((row) => ({ scope: row.scope, id: row.id, doc: JSON.parse(row.body) as T }));
  }

  insert<T>(kind: string, scope: string, id: string, doc: T): void {
    this.statements.insert.run(kind, scope, id, JSON.stringify(doc));
  }

  put<T>(kind: string, scope: string, id: string, doc: T): void {
    const body = JSON.stringify(doc);
    const result = this.statements.update.run(body, kind, scope, id);
    if (result.changes === 0) this.statements.insert.run(kind, scope, id, body);
  }

  delete(kind: string, scope: string, id: string): boolean {
    return this.statements.delete.run(kind, scope, id).changes > 0;
  }

  deleteScope(kind: string, scope: string): number {
    return this.statements.deleteScope.run(kind, scope).changes;
  }

  count(kind: string, scope: string): number {
    return this.statements.count.get(kind, scope)?.n ?? 0;
  }

  nextNumber(counter: string): number {
    const row = this.statements.next.get(counter);
    if (!row) throw new Error(`counter ${counter} did not advance`);
    return row.value;
  }

  transaction<R>(work: () => R): R {
    return this.db.transaction(work)();
  }

  putBlob(key: string, bytes: Buffer): void {
    this.statements.putBlob.run(key, bytes);
  }

  getBlob(key: string): Buffer | undefined {
    return this.statements.getBlob.get(key)?.bytes;
  }

  deleteBlob(key: string): boolean {
    return this.statements.deleteBlob.run(key).changes > 0;
  }

  clear(): void {
    this.db.exec('DELETE FROM documents; DELETE FROM counters; DELETE FROM blobs;');
  }

  close(): void {
    this.db.close();
  }
}

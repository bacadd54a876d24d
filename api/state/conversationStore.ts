import Database from 'better-sqlite3';
import { storedConversationSchema, type ConversationStore, type StoredConversation } from './store';

interface Row {
  document: string;
}

/** Conversation references for proactive messages, in SQLite (one row per conversation, the JSON beside its keys). */
export class SqliteConversationStore implements ConversationStore {
  private readonly db: Database.Database;

  constructor(fileOrDb: string | Database.Database) {
    this.db = typeof fileOrDb === 'string' ? new Database(fileOrDb) : fileOrDb;
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS bot_conversations (
      conversation_id TEXT PRIMARY KEY,
      kind TEXT NOT NULL,
      team_id TEXT,
      user_aad_object_id TEXT,
      updated_at TEXT NOT NULL,
      document TEXT NOT NULL
    )`);
    // Databases from before the group id was kept get the column; their rows are filled on the next activity.
    const columns = this.db.prepare('PRAGMA table_info(bot_conversations)').all() as { name: string }[];
    if (!columns.some((column) => column.name === 'aad_group_id'))
      this.db.exec('ALTER TABLE bot_conversations ADD COLUMN aad_group_id TEXT');
  }

  async save(conversation: StoredConversation): Promise<void> {
    const valid = storedConversationSchema.parse(conversation);
    this.db
      .prepare(
        `INSERT INTO bot_conversations
           (conversation_id, kind, team_id, aad_group_id, user_aad_object_id, updated_at, document)
         VALUES (@conversationId, @kind, @teamId, @aadGroupId, @userAadObjectId, @updatedAt, @document)
         ON CONFLICT(conversation_id) DO UPDATE SET kind = excluded.kind, team_id = excluded.team_id,
           aad_group_id = excluded.aad_group_id,
           user_aad_object_id = excluded.user_aad_object_id, updated_at = excluded.updated_at, document = excluded.document`,
      )
      .run({
        conversationId: valid.conversationId,
        kind: valid.kind,
        teamId: valid.teamId ?? null,
        aadGroupId: valid.aadGroupId ?? null,
        userAadObjectId: valid.userAadObjectId ?? null,
        updatedAt: valid.updatedAt,
        document: JSON.stringify(valid),
      });
  }

  async remove(conversationId: string): Promise<void> {
    this.db.prepare('DELETE FROM bot_conversations WHERE conversation_id = ?').run(conversationId);
  }

  async get(conversationId: string): Promise<StoredConversation | undefined> {
    const row = this.db
      .prepare('SELECT document FROM bot_conversations WHERE conversation_id = ?')
      .get(conversationId) as Row | undefined;
    return row ? this.read(row) : undefined;
  }

  async findTeamGeneral(aadGroupId?: string): Promise<StoredConversation | undefined> {
    const row = (
      aadGroupId
        ? this.db
            .prepare(
              `SELECT document FROM bot_conversations
               WHERE kind = 'channel' AND aad_group_id = ? AND conversation_id = team_id
               ORDER BY updated_at DESC LIMIT 1`,
            )
            .get(aadGroupId)
        : this.db
            .prepare(
              `SELECT document FROM bot_conversations WHERE kind = 'channel' AND conversation_id = team_id
               ORDER BY updated_at DESC LIMIT 1`,
            )
            .get()
    ) as Row | undefined;
    return row ? this.read(row) : undefined;
  }

  async findPersonal(userAadObjectId: string): Promise<StoredConversation | undefined> {
    const row = this.db
      .prepare(
        `SELECT document FROM bot_conversations WHERE kind = 'personal' AND user_aad_object_id = ?
         ORDER BY updated_at DESC LIMIT 1`,
      )
      .get(userAadObjectId) as Row | undefined;
    return row ? this.read(row) : undefined;
  }

  async list(): Promise<StoredConversation[]> {
    const rows = this.db.prepare('SELECT document FROM bot_conversations ORDER BY updated_at').all() as Row[];
    return rows.map((row) => this.read(row));
  }

  close(): void {
    this.db.close();
  }

  private read(row: Row): StoredConversation {
    return storedConversationSchema.parse(JSON.parse(row.document));
  }
}

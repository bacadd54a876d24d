import Database from 'better-sqlite3';

export interface ReminderKey {
  job: string;
  /** The meeting the reminder is about, or another subject such as `samverkansgrupp-2026-var`. */
  subject: string;
  /** Days before the subject's date; 0 when the reminder is not relative to a date. */
  offsetDays: number;
}

/**
 * The journal of reminders sent, so that a restart or a second run never sends one twice. A reminder is
 * claimed before it is sent and released only if sending failed: a crash between sending and marking
 * leaves it claimed, so the failure mode is one missing reminder, never a duplicate.
 */
export interface ReminderJournal {
  /** True when this caller now owns the reminder; false when it was already claimed or sent. */
  claim(key: ReminderKey, at: Date): Promise<boolean>;
  markSent(key: ReminderKey, at: Date, activityId?: string): Promise<void>;
  release(key: ReminderKey): Promise<void>;
  wasSent(key: ReminderKey): Promise<boolean>;
}

export class SqliteReminderJournal implements ReminderJournal {
  private readonly db: Database.Database;

  constructor(fileOrDb: string | Database.Database) {
    this.db = typeof fileOrDb === 'string' ? new Database(fileOrDb) : fileOrDb;
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS reminder_journal (
      job TEXT NOT NULL,
      subject TEXT NOT NULL,
      offset_days INTEGER NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('claimed', 'sent')),
      claimed_at TEXT NOT NULL,
      sent_at TEXT,
      activity_id TEXT,
      PRIMARY KEY (job, subject, offset_days)
    )`);
  }

  async claim(key: ReminderKey, at: Date): Promise<boolean> {
    const result = this.db
      .prepare(
        `INSERT OR IGNORE INTO reminder_journal (job, subject, offset_days, status, claimed_at)
         VALUES (?, ?, ?, 'claimed', ?)`,
      )
      .run(key.job, key.subject, key.offsetDays, at.toISOString());
    return result.changes === 1;
  }

  async markSent(key: ReminderKey, at: Date, activityId?: string): Promise<void> {
    this.db
      .prepare(
        `UPDATE reminder_journal SET status = 'sent', sent_at = ?, activity_id = ?
         WHERE job = ? AND subject = ? AND offset_days = ?`,
      )
      .run(at.toISOString(), activityId ?? null, key.job, key.subject, key.offsetDays);
  }

  async release(key: ReminderKey): Promise<void> {
    this.db
      .prepare(`DELETE FROM reminder_journal WHERE job = ? AND subject = ? AND offset_days = ? AND status = 'claimed'`)
      .run(key.job, key.subject, key.offsetDays);
  }

  async wasSent(key: ReminderKey): Promise<boolean> {
    const row = this.db
      .prepare(`SELECT status FROM reminder_journal WHERE job = ? AND subject = ? AND offset_days = ?`)
      .get(key.job, key.subject, key.offsetDays) as { status: string } | undefined;
    return row?.status === 'sent';
  }

  close(): void {
    this.db.close();
  }
}

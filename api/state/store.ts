/**
 * What the server keeps that Graph cannot hold: the bot's conversation references (for proactive messages),
 * journals of multi-step operations, the reminder journal, idempotency records and the job runner's lease.
 * Two implementations keep the same contract (tests/state/contract.test.ts): SQLite under DATA_DIR for one
 * instance (`npm start`), Azure Table and Blob Storage for several (STATE_STORE=azure).
 */
import { z } from 'zod';
import type { ReminderJournal } from '../jobs/journal';

/** A conversation the bot may write to later without being spoken to (proactive messages). */
export interface StoredConversation {
  conversationId: string;
  kind: 'personal' | 'channel' | 'groupChat';
  serviceUrl: string;
  tenantId?: string;
  botId: string;
  botName?: string;
  /** For team installations: the team's Bot Framework id (`19:…@thread.tacv2`; its General channel has the same id). */
  teamId?: string;
  /**
   * For team installations: the team's Microsoft 365 group id (`channelData.team.aadGroupId`), which is the
   * team's id in Graph; the General channel is looked up by it.
   */
  aadGroupId?: string;
  /** For personal chats: the user the chat is with. */
  userAadObjectId?: string;
  updatedAt: string;
}

/** A stored conversation as both stores read it back (a document that does not parse is not used). */
export const storedConversationSchema = z.object({
  conversationId: z.string().min(1),
  kind: z.enum(['personal', 'channel', 'groupChat']),
  serviceUrl: z.string().min(1),
  tenantId: z.string().optional(),
  botId: z.string(),
  botName: z.string().optional(),
  teamId: z.string().optional(),
  aadGroupId: z.string().optional(),
  userAadObjectId: z.string().optional(),
  updatedAt: z.string(),
}) satisfies z.ZodType<StoredConversation>;

export interface ConversationStore {
  save(conversation: StoredConversation): Promise<void>;
  remove(conversationId: string): Promise<void>;
  get(conversationId: string): Promise<StoredConversation | undefined>;
  /**
   * The General channel of the team whose Graph (group) id is `aadGroupId`; without it, of the team the app
   * was most recently seen in.
   */
  findTeamGeneral(aadGroupId?: string): Promise<StoredConversation | undefined>;
  findPersonal(userAadObjectId: string): Promise<StoredConversation | undefined>;
  list(): Promise<StoredConversation[]>;
}

export type OperationStatus = 'started' | 'succeeded' | 'failed';

export interface OperationRecord {
  key: string;
  status: OperationStatus;
  detail?: Record<string, unknown>;
  updatedAt: string;
  /** Changes with every write; pass it back as `ifVersion` to write only if nobody wrote in between. */
  version: string;
}

export interface RecordOperationOptions {
  /** Write only over this version (an ETag in Azure); `'absent'` writes only a new record. */
  ifVersion?: string | 'absent';
}

/** A write refused because another writer got there first (a taken key, a newer version, a lost lease). */
export class StateConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StateConflictError';
  }
}

/** The journal of multi-step operations, keyed by the operation: each step records what is done so far. */
export interface OperationJournal {
  /** Records the operation's state; unconditional unless `ifVersion` says otherwise (then StateConflictError). */
  recordOperation(
    key: string,
    status: OperationStatus,
    detail?: Record<string, unknown>,
    options?: RecordOperationOptions,
  ): Promise<OperationRecord>;
  getOperation(key: string): Promise<OperationRecord | undefined>;
}

export type IdempotencyRecord =
  | { key: string; state: 'pending'; createdAt: string; expiresAt: string }
  | {
      key: string;
      state: 'completed';
      /** The HTTP status the first request answered with; repeats answer the same. */
      status: number;
      result: unknown;
      createdAt: string;
      completedAt: string;
      expiresAt: string;
    };

/** What `begin` gives the caller: the key is now theirs to complete, or someone else's record. */
export type IdempotencyClaim =
  | { acquired: true; token: string; record: IdempotencyRecord & { state: 'pending' } }
  | { acquired: false; record: IdempotencyRecord };

/**
 * Idempotency records (key → status and result) with an expiry. The first `begin` of a key wins and gets a
 * pending record with a token; concurrent repeats see the pending record and wait for it (single flight,
 * see `waitForCompletion`); `complete` with the token stores the result every repeat then answers with.
 */
export interface IdempotencyStore {
  begin(key: string, ttlSeconds: number): Promise<IdempotencyClaim>;
  /**
   * Stores the first result; StateConflictError when the token no longer owns the key (expired and taken).
   * `ttlSeconds` keeps the result this long from now (default: the TTL given to `begin`), so that a short
   * pending TTL (a crashed first attempt frees its key soon) can go with a long-kept result.
   */
  complete(
    key: string,
    token: string,
    outcome: { status: number; result: unknown; ttlSeconds?: number },
  ): Promise<IdempotencyRecord>;
  /** Gives a pending key back (the first attempt failed before any effect), so that a repeat may run it. */
  abandon(key: string, token: string): Promise<void>;
  /** The record, unless there is none or it has expired. */
  get(key: string): Promise<IdempotencyRecord | undefined>;
}

/** A lease held on a named resource: one holder at a time, until released or expired. */
export interface HeldLease {
  readonly id: string;
  readonly durationSeconds: number;
  /** Extends the lease by its duration; false when it is no longer ours (expired and taken, or released). */
  renew(): Promise<boolean>;
  release(): Promise<void>;
}

export interface LeaseStore {
  /** The lease, or undefined while another holder has an unexpired one. Durations are 15–60 s (as blob leases). */
  acquire(name: string, durationSeconds: number): Promise<HeldLease | undefined>;
}

export const LEASE_SECONDS_MIN = 15;
export const LEASE_SECONDS_MAX = 60;

export interface ServerStateStore extends OperationJournal {
  readonly kind: 'sqlite' | 'azure';
  /** The bot's conversation references. */
  readonly conversations: ConversationStore;
  /** Which reminders were sent (each once, even across instances). */
  readonly reminders: ReminderJournal;
  readonly idempotency: IdempotencyStore;
  /** The job runner's lease (one runner at a time). */
  readonly leases: LeaseStore;
  /** Resolves once the store can be used (the Azure store checks its table and container). */
  ready(): Promise<void>;
  close(): Promise<void>;
}

/** Waits for a pending idempotency record to complete (polling the store); undefined if it vanished or expired. */
export async function waitForCompletion(
  store: IdempotencyStore,
  key: string,
  options: { timeoutMs: number; intervalMs?: number },
): Promise<(IdempotencyRecord & { state: 'completed' }) | undefined> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const record = await store.get(key);
    if (!record) return undefined;
    if (record.state === 'completed') return record;
    if (Date.now() >= deadline) throw new StateConflictError(`idempotency key ${key} is still pending`);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 50));
  }
}

export function assertLeaseSeconds(durationSeconds: number): void {
  if (!Number.isInteger(durationSeconds) || durationSeconds < LEASE_SECONDS_MIN || durationSeconds > LEASE_SECONDS_MAX)
    throw new RangeError(`lease duration ${durationSeconds} s is outside ${LEASE_SECONDS_MIN}–${LEASE_SECONDS_MAX} s`);
}

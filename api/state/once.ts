/**
 * "Exactly once" for one request, on top of the idempotency records: the first request with a key runs, its
 * outcome (status, body, a few headers) is kept; a repeat gets that outcome; a concurrent repeat waits for
 * the first (single flight) instead of running beside it. Used by the REST API's middleware (api/http) and
 * by the bot (card submissions keyed by the activity).
 */
import { createHash } from 'node:crypto';
import { StateConflictError, waitForCompletion, type IdempotencyStore } from './store';

/** How long a first attempt may hold its key without an outcome: longer than a request's time budget. */
export const ONCE_PENDING_SECONDS = 90;
/** How long an outcome is kept for repeats (a tab keeps its key until the user saw the answer). */
export const ONCE_KEEP_SECONDS = 24 * 3600;

export interface OnceOutcome {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

interface StoredOutcome extends OnceOutcome {
  fingerprint: string;
}

export type OnceClaim =
  | { kind: 'first'; finish(outcome: OnceOutcome): Promise<void>; release(): Promise<void> }
  | { kind: 'repeat'; outcome: OnceOutcome }
  /** The key was used for another request (other body): never answered with that request's result. */
  | { kind: 'mismatch' }
  /** The first is still running after the wait. */
  | { kind: 'busy' };

/** The stored key: the caller's scope (tenant, object id, route) and their key, hashed to a storable id. */
export function onceKey(scope: readonly string[], key: string): string {
  return `once:${createHash('sha256')
    .update(JSON.stringify([...scope, key]))
    .digest('hex')}`;
}

/** What must be the same for a repeat to be the same request. */
export function fingerprintOf(...parts: unknown[]): string {
  return createHash('sha256').update(stableJson(parts)).digest('hex');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function storedOutcome(result: unknown): StoredOutcome | undefined {
  if (!result || typeof result !== 'object') return undefined;
  const r = result as Partial<StoredOutcome>;
  if (typeof r.fingerprint !== 'string' || typeof r.status !== 'number') return undefined;
  return { fingerprint: r.fingerprint, status: r.status, body: r.body, ...(r.headers ? { headers: r.headers } : {}) };
}

export interface ClaimOnceOptions {
  /** How long a repeat waits for a running first attempt. */
  waitMs: number;
  pollMs?: number;
  pendingSeconds?: number;
  keepSeconds?: number;
}

/**
 * Claims `key` for the request with this fingerprint. The first gets `finish` (keep the outcome) and
 * `release` (no outcome to keep: a repeat may run again); a repeat gets the first's outcome.
 */
export async function claimOnce(
  store: IdempotencyStore,
  key: string,
  fingerprint: string,
  options: ClaimOnceOptions,
): Promise<OnceClaim> {
  const pendingSeconds = options.pendingSeconds ?? ONCE_PENDING_SECONDS;
  const keepSeconds = options.keepSeconds ?? ONCE_KEEP_SECONDS;
  const deadline = Date.now() + options.waitMs;
  for (let attempt = 0; attempt < 5; attempt++) {
    const claim = await store.begin(key, pendingSeconds);
    if (claim.acquired) {
      const token = claim.token;
      return {
        kind: 'first',
        finish: async (outcome) => {
          const result: StoredOutcome = { ...outcome, fingerprint };
          await store.complete(key, token, { status: outcome.status, result, ttlSeconds: keepSeconds });
        },
        release: () => store.abandon(key, token),
      };
    }
    let record = claim.record;
    if (record.state === 'pending') {
      try {
        const done = await waitForCompletion(store, key, {
          timeoutMs: Math.max(0, deadline - Date.now()),
          intervalMs: options.pollMs ?? 50,
        });
        if (!done) continue; // given back or expired: run it (again)
        record = done;
      } catch (error) {
        if (error instanceof StateConflictError) return { kind: 'busy' };
        throw error;
      }
    }
    if (record.state !== 'completed') continue;
    const stored = storedOutcome(record.result);
    if (!stored || stored.fingerprint !== fingerprint) return { kind: 'mismatch' };
    return {
      kind: 'repeat',
      outcome: { status: stored.status, body: stored.body, ...(stored.headers ? { headers: stored.headers } : {}) },
    };
  }
  return { kind: 'busy' };
}

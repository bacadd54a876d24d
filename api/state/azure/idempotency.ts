import { randomUUID } from 'node:crypto';
import type { TableClient, TableEntityResult } from '@azure/data-tables';
import { StateConflictError, type IdempotencyClaim, type IdempotencyRecord, type IdempotencyStore } from '../store';
import { PARTITION, orUndefinedOn404, plusSeconds, statusOf, tableKey } from './tables';

/**
 * JSON with every non-ASCII character as a \u escape: still the same JSON, and safe from Azurite 3.37's decoding of
 * a request body in 64 KiB pieces, which breaks a UTF-8 character that straddles two (seen with a large result).
 */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Table string properties hold 64 KiB (32 Ki UTF-16 units); longer results are split over numbered properties. */
const CHUNK = 30_000;
// An entity holds 1 MiB, strings counted in UTF-16: 15 chunks of 30 000 characters stay below it.
const MAX_CHUNKS = 15;

interface IdempotencyEntity {
  key: string;
  token: string;
  state: 'pending' | 'completed';
  status?: number;
  resultChunks?: number;
  ttlSeconds: number;
  createdAt: string;
  completedAt?: string;
  expiresAt: string;
  [chunk: `result${number}`]: string | undefined;
}

/** The idempotency records' row and its clock, shared by the operations below. */
interface IdempotencyTable {
  table: TableClient;
  now: () => Date;
  get: (key: string) => Promise<TableEntityResult<IdempotencyEntity> | undefined>;
  live: (entity: TableEntityResult<IdempotencyEntity> | undefined) => TableEntityResult<IdempotencyEntity> | undefined;
}

/** The idempotency records on the table: an insert claims a key (first one wins), If-Match completes it. */
export function tableIdempotencyStore(table: TableClient, opened: Promise<void>, now: () => Date): IdempotencyStore {
  const get = (key: string) =>
    orUndefinedOn404(table.getEntity<IdempotencyEntity>(PARTITION.idempotency, tableKey(key)));
  const live = (entity: TableEntityResult<IdempotencyEntity> | undefined) =>
    entity && entity.expiresAt > now().toISOString() ? entity : undefined;
  const rows: IdempotencyTable = { table, now, get, live };
  return {
    async begin(key, ttlSeconds): Promise<IdempotencyClaim> {
      await opened;
      return begin(rows, key, ttlSeconds);
    },
    async complete(key, token, outcome) {
      await opened;
      return complete(rows, key, token, outcome);
    },
    async abandon(key, token) {
      await opened;
      const existing = await get(key);
      if (!existing || existing.token !== token || existing.state !== 'pending') return;
      try {
        await table.deleteEntity(PARTITION.idempotency, tableKey(key), { etag: existing.etag });
      } catch (error) {
        if (statusOf(error) !== 412 && statusOf(error) !== 404) throw error;
      }
    },
    async get(key) {
      await opened;
      const entity = live(await get(key));
      return entity ? toIdempotency(entity) : undefined;
    },
  };
}

async function begin(
  { table, now, get, live }: IdempotencyTable,
  key: string,
  ttlSeconds: number,
): Promise<IdempotencyClaim> {
  // Insert-only: of concurrent first requests exactly one insert succeeds, the others get 409.
  for (let attempt = 0; attempt < 5; attempt++) {
    const at = now();
    const pending = {
      partitionKey: PARTITION.idempotency,
      rowKey: tableKey(key),
      key,
      token: randomUUID(),
      state: 'pending' as const,
      ttlSeconds,
      createdAt: at.toISOString(),
      expiresAt: plusSeconds(at, ttlSeconds),
    };
    const record = { key, state: 'pending' as const, createdAt: pending.createdAt, expiresAt: pending.expiresAt };
    try {
      await table.createEntity(pending);
      return { acquired: true, token: pending.token, record };
    } catch (error) {
      if (statusOf(error) !== 409) throw error;
    }
    const existing = await get(key);
    if (!existing) continue; // abandoned in between: try the insert again
    if (live(existing)) return { acquired: false, record: toIdempotency(existing) };
    // Expired: take it over, but only from the version we read (another taker gets 412 and looks again).
    try {
      await table.updateEntity(pending, 'Replace', { etag: existing.etag });
      return { acquired: true, token: pending.token, record };
    } catch (error) {
      if (statusOf(error) !== 412 && statusOf(error) !== 404) throw error;
    }
  }
  throw new StateConflictError(`idempotency key ${key} keeps changing`);
}

async function complete(
  { table, now, get }: IdempotencyTable,
  key: string,
  token: string,
  outcome: Parameters<IdempotencyStore['complete']>[2],
): Promise<IdempotencyRecord> {
  const existing = await get(key);
  if (!existing || existing.token !== token || existing.state !== 'pending')
    throw new StateConflictError(`idempotency key ${key} is not pending for this token`);
  const at = now();
  const text = asciiJson(outcome.result ?? null);
  const chunks = Math.max(1, Math.ceil(text.length / CHUNK));
  if (chunks > MAX_CHUNKS) throw new RangeError(`idempotency result of ${key} is too large to store`);
  const completed: IdempotencyEntity & { partitionKey: string; rowKey: string } = {
    partitionKey: PARTITION.idempotency,
    rowKey: tableKey(key),
    key,
    token,
    state: 'completed',
    status: outcome.status,
    resultChunks: chunks,
    ttlSeconds: outcome.ttlSeconds ?? existing.ttlSeconds,
    createdAt: existing.createdAt,
    completedAt: at.toISOString(),
    expiresAt: plusSeconds(at, outcome.ttlSeconds ?? existing.ttlSeconds),
  };
  for (let i = 0; i < chunks; i++) completed[`result${i}`] = text.slice(i * CHUNK, (i + 1) * CHUNK);
  try {
    await table.updateEntity(completed, 'Replace', { etag: existing.etag });
  } catch (error) {
    if (statusOf(error) === 412 || statusOf(error) === 404)
      throw new StateConflictError(`idempotency key ${key} was taken over`);
    throw error;
  }
  return toIdempotency(completed);
}

function toIdempotency(entity: IdempotencyEntity): IdempotencyRecord {
  if (entity.state === 'pending')
    return { key: entity.key, state: 'pending', createdAt: entity.createdAt, expiresAt: entity.expiresAt };
  let text = '';
  for (let i = 0; i < (entity.resultChunks ?? 0); i++) text += entity[`result${i}`] ?? '';
  return {
    key: entity.key,
    state: 'completed',
    status: entity.status ?? 200,
    result: text ? (JSON.parse(text) as unknown) : null,
    createdAt: entity.createdAt,
    completedAt: entity.completedAt ?? entity.createdAt,
    expiresAt: entity.expiresAt,
  };
}

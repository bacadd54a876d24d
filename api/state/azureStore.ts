import { randomUUID } from 'node:crypto';
import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import { RestError, TableClient, odata, type TableEntityResult } from '@azure/data-tables';
import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';
import { z } from 'zod';
import type { ReminderJournal, ReminderKey } from '../jobs/journal';
import {
  StateConflictError,
  assertLeaseSeconds,
  type ConversationStore,
  type HeldLease,
  type IdempotencyClaim,
  type IdempotencyRecord,
  type IdempotencyStore,
  type LeaseStore,
  type OperationRecord,
  type OperationStatus,
  type RecordOperationOptions,
  type ServerStateStore,
  type StoredConversation,
} from './store';

export interface AzureStateOptions {
  tableName: string;
  leaseContainer: string;
  /** Locally and on Azurite: the account's connection string (its key signs the requests). */
  connectionString?: string;
  /** In Azure: the endpoints, reached with DefaultAzureCredential (the App Service's managed identity). */
  tableEndpoint?: string;
  blobEndpoint?: string;
  managedIdentityClientId?: string;
  credential?: TokenCredential;
  now?: () => Date;
}

/** One table holds every kind of record; the partition names the kind, so one query never mixes them. */
const PARTITION = {
  conversation: 'conversation',
  operation: 'operation',
  reminder: 'reminder',
  idempotency: 'idempotency',
} as const;

/** A table key may not hold / \ # ? or control characters: percent-encode, with '!' for '%' ('!' is escaped too). */
export function tableKey(key: string): string {
  return encodeURIComponent(key)
    .replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%/g, '!');
}

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

const statusOf = (error: unknown) => (error instanceof RestError ? error.statusCode : undefined);

async function orUndefinedOn404<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}

const plusSeconds = (at: Date, seconds: number) => new Date(at.getTime() + seconds * 1000).toISOString();

const conversationSchema = z.object({
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
});

interface ConversationEntity {
  kind: string;
  teamId: string;
  aadGroupId: string;
  userAadObjectId: string;
  isTeamGeneral: boolean;
  updatedAt: string;
  document: string;
}

interface OperationEntity {
  key: string;
  status: OperationStatus;
  detail: string;
  updatedAt: string;
}

interface ReminderEntity {
  job: string;
  subject: string;
  offsetDays: number;
  status: 'claimed' | 'sent';
  claimedAt: string;
  sentAt?: string;
  activityId?: string;
}

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

/**
 * The server's state on Azure Storage, for several instances: the records in one table (ETags make the
 * exclusive writes exclusive: an insert for "first one wins", If-Match for every update), the job lease a
 * blob lease. Same contract as the SQLite store (tests/state/contract.test.ts runs both on Azurite).
 */
export class AzureStateStore implements ServerStateStore {
  readonly kind = 'azure';
  private readonly table: TableClient;
  private readonly container: ContainerClient;
  private readonly now: () => Date;
  private readonly opened: Promise<void>;
  readonly conversations: ConversationStore;
  readonly reminders: ReminderJournal;
  readonly idempotency: IdempotencyStore;
  readonly leases: LeaseStore;

  constructor(options: AzureStateOptions) {
    this.now = options.now ?? (() => new Date());
    if (options.connectionString) {
      const local = /DefaultEndpointsProtocol=http;|Endpoint=http:\/\//i.test(options.connectionString);
      this.table = TableClient.fromConnectionString(options.connectionString, options.tableName, {
        allowInsecureConnection: local,
      });
      this.container = BlobServiceClient.fromConnectionString(options.connectionString).getContainerClient(
        options.leaseContainer,
      );
    } else {
      if (!options.tableEndpoint || !options.blobEndpoint)
        throw new Error('the Azure state store needs a connection string or both storage endpoints');
      const credential =
        options.credential ?? new DefaultAzureCredential({ managedIdentityClientId: options.managedIdentityClientId });
      this.table = new TableClient(options.tableEndpoint, options.tableName, credential);
      this.container = new BlobServiceClient(options.blobEndpoint, credential).getContainerClient(
        options.leaseContainer,
      );
    }
    // The infrastructure creates the table and the container; locally (Azurite) they are created here.
    this.opened = Promise.all([this.table.createTable(), this.container.createIfNotExists()]).then(() => undefined);
    this.opened.catch(() => undefined);
    this.conversations = this.conversationStore();
    this.reminders = this.reminderJournal();
    this.idempotency = this.idempotencyStore();
    this.leases = this.leaseStore();
  }

  /** Resolves once the table and the lease container exist (fails with the storage account's error). */
  ready(): Promise<void> {
    return this.opened;
  }

  async recordOperation(
    key: string,
    status: OperationStatus,
    detail?: Record<string, unknown>,
    options: RecordOperationOptions = {},
  ): Promise<OperationRecord> {
    await this.opened;
    const updatedAt = this.now().toISOString();
    const entity = {
      partitionKey: PARTITION.operation,
      rowKey: tableKey(key),
      key,
      status,
      detail: detail === undefined ? '' : JSON.stringify(detail),
      updatedAt,
    };
    let etag: string | undefined;
    try {
      if (options.ifVersion === undefined) etag = (await this.table.upsertEntity(entity, 'Replace')).etag;
      else if (options.ifVersion === 'absent') etag = (await this.table.createEntity(entity)).etag;
      else etag = (await this.table.updateEntity(entity, 'Replace', { etag: options.ifVersion })).etag;
    } catch (error) {
      const code = statusOf(error);
      if (code === 409 || code === 412 || (code === 404 && options.ifVersion !== undefined))
        throw new StateConflictError(`operation ${key} was changed by another writer`);
      throw error;
    }
    return { key, status, ...(detail === undefined ? {} : { detail }), updatedAt, version: etag ?? '' };
  }

  async getOperation(key: string): Promise<OperationRecord | undefined> {
    await this.opened;
    const entity = await orUndefinedOn404(this.table.getEntity<OperationEntity>(PARTITION.operation, tableKey(key)));
    if (!entity) return undefined;
    return {
      key: entity.key,
      status: entity.status,
      ...(entity.detail ? { detail: JSON.parse(entity.detail) as Record<string, unknown> } : {}),
      updatedAt: entity.updatedAt,
      version: entity.etag,
    };
  }

  async close(): Promise<void> {
    // The SDK clients hold no connections that need closing.
  }

  private conversationStore(): ConversationStore {
    const table = this.table;
    const opened = this.opened;
    const read = (entity: TableEntityResult<ConversationEntity>): StoredConversation =>
      conversationSchema.parse(JSON.parse(entity.document));
    const newest = async (filter: string): Promise<StoredConversation | undefined> => {
      let best: TableEntityResult<ConversationEntity> | undefined;
      for await (const entity of table.listEntities<ConversationEntity>({ queryOptions: { filter } }))
        if (!best || entity.updatedAt > best.updatedAt) best = entity;
      return best ? read(best) : undefined;
    };
    return {
      async save(conversation) {
        await opened;
        const valid = conversationSchema.parse(conversation);
        await table.upsertEntity(
          {
            partitionKey: PARTITION.conversation,
            rowKey: tableKey(valid.conversationId),
            kind: valid.kind,
            teamId: valid.teamId ?? '',
            aadGroupId: valid.aadGroupId ?? '',
            userAadObjectId: valid.userAadObjectId ?? '',
            isTeamGeneral: valid.kind === 'channel' && valid.teamId === valid.conversationId,
            updatedAt: valid.updatedAt,
            document: JSON.stringify(valid),
          },
          'Replace',
        );
      },
      async remove(conversationId) {
        await opened;
        await orUndefinedOn404(table.deleteEntity(PARTITION.conversation, tableKey(conversationId)));
      },
      async get(conversationId) {
        await opened;
        const entity = await orUndefinedOn404(
          table.getEntity<ConversationEntity>(PARTITION.conversation, tableKey(conversationId)),
        );
        return entity ? read(entity) : undefined;
      },
      async findTeamGeneral(aadGroupId) {
        await opened;
        if (aadGroupId)
          return newest(
            odata`PartitionKey eq ${PARTITION.conversation} and isTeamGeneral eq true and aadGroupId eq ${aadGroupId}`,
          );
        return newest(odata`PartitionKey eq ${PARTITION.conversation} and isTeamGeneral eq true`);
      },
      async findPersonal(userAadObjectId) {
        await opened;
        return newest(
          odata`PartitionKey eq ${PARTITION.conversation} and kind eq 'personal' and userAadObjectId eq ${userAadObjectId}`,
        );
      },
      async list() {
        await opened;
        const all: StoredConversation[] = [];
        for await (const entity of table.listEntities<ConversationEntity>({
          queryOptions: { filter: odata`PartitionKey eq ${PARTITION.conversation}` },
        }))
          all.push(read(entity));
        return all.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
      },
    };
  }

  private reminderJournal(): ReminderJournal {
    const table = this.table;
    const opened = this.opened;
    const rowKey = (key: ReminderKey) => tableKey(`${key.job}|${key.subject}|${key.offsetDays}`);
    const get = (key: ReminderKey) =>
      orUndefinedOn404(table.getEntity<ReminderEntity>(PARTITION.reminder, rowKey(key)));
    return {
      async claim(key, at) {
        await opened;
        try {
          await table.createEntity<ReminderEntity>({
            partitionKey: PARTITION.reminder,
            rowKey: rowKey(key),
            job: key.job,
            subject: key.subject,
            offsetDays: key.offsetDays,
            status: 'claimed',
            claimedAt: at.toISOString(),
          });
          return true;
        } catch (error) {
          if (statusOf(error) === 409) return false;
          throw error;
        }
      },
      async markSent(key, at, activityId) {
        await opened;
        const entity = await get(key);
        if (!entity) throw new StateConflictError(`reminder ${rowKey(key)} was not claimed`);
        await table.updateEntity(
          {
            partitionKey: PARTITION.reminder,
            rowKey: rowKey(key),
            status: 'sent',
            sentAt: at.toISOString(),
            ...(activityId ? { activityId } : {}),
          },
          'Merge',
          { etag: entity.etag },
        );
      },
      async release(key) {
        await opened;
        const entity = await get(key);
        if (entity?.status !== 'claimed') return;
        try {
          await table.deleteEntity(PARTITION.reminder, rowKey(key), { etag: entity.etag });
        } catch (error) {
          // Marked sent (or released) in between: nothing of ours to give back.
          if (statusOf(error) !== 412 && statusOf(error) !== 404) throw error;
        }
      },
      async wasSent(key) {
        await opened;
        return (await get(key))?.status === 'sent';
      },
    };
  }

  private idempotencyStore(): IdempotencyStore {
    const table = this.table;
    const opened = this.opened;
    const now = this.now;
    const get = (key: string) =>
      orUndefinedOn404(table.getEntity<IdempotencyEntity>(PARTITION.idempotency, tableKey(key)));
    const live = (entity: TableEntityResult<IdempotencyEntity> | undefined) =>
      entity && entity.expiresAt > now().toISOString() ? entity : undefined;
    return {
      async begin(key, ttlSeconds): Promise<IdempotencyClaim> {
        await opened;
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
      },
      async complete(key, token, outcome) {
        await opened;
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

  private leaseStore(): LeaseStore {
    const container = this.container;
    const opened = this.opened;
    return {
      async acquire(name, durationSeconds): Promise<HeldLease | undefined> {
        assertLeaseSeconds(durationSeconds);
        await opened;
        const blob = container.getBlockBlobClient(name);
        try {
          await blob.upload('', 0, { conditions: { ifNoneMatch: '*' } });
        } catch (error) {
          // 409 BlobAlreadyExists, or 412 when it is leased (a leased blob cannot be overwritten): it exists.
          if (statusOf(error) !== 409 && statusOf(error) !== 412) throw error;
        }
        const lease = blob.getBlobLeaseClient(randomUUID());
        try {
          await lease.acquireLease(durationSeconds);
        } catch (error) {
          if (statusOf(error) === 409) return undefined; // LeaseAlreadyPresent: another instance runs the jobs
          throw error;
        }
        return {
          id: lease.leaseId,
          durationSeconds,
          async renew() {
            try {
              await lease.renewLease();
              return true;
            } catch (error) {
              // 409 LeaseIdMismatch / LeaseNotPresent: it expired and another took it, or it was broken.
              if (statusOf(error) === 409 || statusOf(error) === 412) return false;
              throw error;
            }
          },
          async release() {
            try {
              await lease.releaseLease();
            } catch (error) {
              if (statusOf(error) !== 409 && statusOf(error) !== 412) throw error;
            }
          },
        };
      },
    };
  }
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

import { DefaultAzureCredential, type TokenCredential } from '@azure/identity';
import { TableClient } from '@azure/data-tables';
import { BlobServiceClient, type ContainerClient } from '@azure/storage-blob';
import type { ReminderJournal } from '../jobs/journal';
import { tableConversationStore } from './azure/conversations';
import { tableIdempotencyStore } from './azure/idempotency';
import { blobLeaseStore } from './azure/leases';
import { tableReminderJournal } from './azure/reminders';
import { PARTITION, orUndefinedOn404, statusOf, tableKey } from './azure/tables';
import {
  StateConflictError,
  type ConversationStore,
  type IdempotencyStore,
  type LeaseStore,
  type OperationRecord,
  type OperationStatus,
  type RecordOperationOptions,
  type ServerStateStore,
} from './store';

export { tableKey } from './azure/tables';

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

interface OperationEntity {
  key: string;
  status: OperationStatus;
  detail: string;
  updatedAt: string;
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
    this.conversations = tableConversationStore(this.table, this.opened);
    this.reminders = tableReminderJournal(this.table, this.opened);
    this.idempotency = tableIdempotencyStore(this.table, this.opened, this.now);
    this.leases = blobLeaseStore(this.container, this.opened);
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
}

import { join } from 'node:path';
import type { AppConfig } from '../config';
import { AzureStateStore } from './azureStore';
import { SqliteStateStore } from './sqliteStore';
import type { ServerStateStore } from './store';

/** The state store the configuration names: SQLite in DATA_DIR, or Azure Table and Blob Storage. */
export function createStateStore(config: AppConfig, options: { now?: () => Date } = {}): ServerStateStore {
  const state = config.state;
  if (state.store === 'azure') {
    return new AzureStateStore({
      tableName: state.tableName,
      leaseContainer: state.leaseContainer,
      ...(state.connectionString
        ? { connectionString: state.connectionString }
        : {
            tableEndpoint: state.tableEndpoint,
            blobEndpoint: state.blobEndpoint,
            managedIdentityClientId: state.managedIdentityClientId,
          }),
      now: options.now,
    });
  }
  // One instance on SQLite: what was pending at open died with the previous process.
  return new SqliteStateStore(join(config.dataDir, 'server-state.sqlite'), {
    now: options.now,
    releasePendingOnOpen: true,
  });
}

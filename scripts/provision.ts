/**
 * `npm run provision`: creates the SharePoint lists and columns the app needs, or finds them. Idempotent.
 * In local mode it starts the local tenant in-process (with the persisted .data/ store) for the run.
 */
import { join } from 'node:path';
import { startTenant, type RunningTenant } from '../infra/graph-emulator/src/index';
import { ConfigError, loadConfig } from '../api/config';
import { createServer } from '../api/server';
import { prepareSite } from '../api/services/provisioning';
import { seedContacts, withLocalDefaults } from './start';

async function main(): Promise<void> {
  const env = process.env;
  let tenant: RunningTenant | undefined;
  if ((env.MODE ?? 'local') === 'local') {
    tenant = await startTenant({ port: 0, dbFile: join(env.DATA_DIR ?? '.data', 'local-tenant.sqlite') });
  }
  try {
    const config = loadConfig(tenant ? withLocalDefaults(env, tenant) : env);
    const server = createServer(config);
    const report = await prepareSite(
      server.services.graph.forApp(),
      server.services,
      tenant ? { seedContacts: seedContacts() } : {},
    );
    for (const list of report.lists) {
      const columns = list.columnsAdded.length ? ` – kolumner tillagda: ${list.columnsAdded.join(', ')}` : '';
      console.log(
        `${list.status === 'found' ? 'fanns' : list.status === 'created' ? 'skapad' : 'uppdaterad'}: ${list.displayName}${columns}`,
      );
    }
    if (report.contactsSeeded) console.log(`kontakter tillagda: ${report.contactsSeeded}`);
    await server.close();
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exitCode = 1;
  } finally {
    await tenant?.close();
  }
}

void main();

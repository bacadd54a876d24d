/**
 * `npm start`: the whole app on one machine. In local mode it starts the local Microsoft 365 tenant
 * in-process, provisions the SharePoint lists, seeds the contact register and demo content, builds the tab if needed,
 * then serves the tab, the REST API and the bot endpoint. Ctrl-C stops everything; data stays in .data/.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SEED_PEOPLE, startTenant, type RunningTenant } from '../infra/graph-emulator/src/index';
import { isRole } from '../src/domain';
import { ConfigError, loadConfig, type AppConfig } from '../api/config';
import type { NewContact } from '../api/services/contacts';
import { prepareSite } from '../api/services/provisioning';
import { createServer, type RunningServer } from '../api/server';
import { demoDataEnabled, demoSummary, seedDemoData } from './seedDemo';

/** The settings that differ when the app runs against a local tenant: its address and app registration. */
export function localTenantEnv(tenant: RunningTenant): Record<string, string> {
  return {
    MODE: 'local',
    LOCAL_TENANT_URL: tenant.url,
    TENANT_ID: tenant.tenantId,
    CLIENT_ID: tenant.clientId,
    CLIENT_SECRET: tenant.clientSecret,
  };
}

/** Environment first; the local tenant's values only where the environment says nothing. */
export function withLocalDefaults(
  env: Record<string, string | undefined>,
  tenant: RunningTenant,
): Record<string, string | undefined> {
  const merged: Record<string, string | undefined> = { ...env };
  for (const [key, value] of Object.entries(localTenantEnv(tenant))) if (!merged[key]) merged[key] = value;
  return merged;
}

/** The local contact register: the local tenant's people with organisation, roles and Entra object id. */
export function seedContacts(): NewContact[] {
  return SEED_PEOPLE.map((p) => ({
    displayName: p.displayName,
    email: p.mail.toLowerCase(),
    organisationId: p.xOrganisationId,
    roles: p.xRoles.filter(isRole),
    title: p.jobTitle ?? undefined,
    entraObjectId: p.id,
  }));
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the tab with vite's JS API when dist/tab is missing or older than src/tab. */
export async function buildTabIfStale(config: AppConfig): Promise<string> {
  const configFile = resolve('vite.config.ts');
  if (!existsSync(configFile)) return 'vite.config.ts saknas: fliken byggs inte.';
  const index = join(config.tabDir, 'index.html');
  const sources = ['src/tab', 'src/domain', configFile].filter(existsSync);
  const sourceTime = Math.max(
    ...sources.map((s) => (statSync(s).isDirectory() ? newestMtime(s) : statSync(s).mtimeMs)),
  );
  if (existsSync(index) && newestMtime(config.tabDir) >= sourceTime) return `fliken är redan byggd (${config.tabDir}).`;
  const { build } = await import('vite');
  const started = Date.now();
  await build({ configFile, logLevel: 'warn' });
  return `fliken byggd på ${((Date.now() - started) / 1000).toFixed(1)} s.`;
}

/**
 * The local tenant adds the app to its team as Teams does when an owner installs it: its connector sends the
 * bot an `installationUpdate` with channelData.team (the Bot Framework id and the group id), and the bot keeps
 * the General channel's conversation reference. After that `nyhet`, the reminders and the working groups'
 * welcome cards have a channel to post in, on a fresh clone too.
 */
export async function installInLocalTeam(
  tenantUrl: string,
  botPort: number,
): Promise<{ ok: boolean; message: string }> {
  const response = await fetch(`${tenantUrl.replace(/\/+$/, '')}/_emulator/bot/install`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ endpoint: `http://127.0.0.1:${botPort}/api/messages` }),
  });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: { message?: string }; botStatus?: number };
    const reason = body.error?.message ?? `boten svarade ${body.botStatus ?? response.status}`;
    return { ok: false, message: `appen kunde inte installeras i teamet (${reason}).` };
  }
  return { ok: true, message: 'appen är installerad i teamet (kanalen Allmänt tar emot nyheter och påminnelser).' };
}

/** How the bot is reached, for the start banner. */
export function botBanner(config: AppConfig): string {
  if (config.mode === 'local') return 'lokalt läge: utan Bot Framework-autentisering, bara från den här datorn';
  return config.bot.authType === 'UserAssignedMSI'
    ? `Bot Framework-autentisering, app-id ${config.bot.id}, hanterad identitet ${config.bot.managedIdentityClientId}`
    : `Bot Framework-autentisering, app-id ${config.bot.id} med klienthemlighet`;
}

export function jobsBanner(config: AppConfig): string {
  const seconds = config.jobs.intervalSeconds;
  if (seconds === 0) return 'avstängda (JOBS_INTERVAL_SECONDS=0)';
  if (seconds === 3600) return 'varje timme';
  return seconds % 3600 === 0 ? `var ${seconds / 3600}:e timme` : `var ${seconds}:e sekund`;
}

async function main(): Promise<void> {
  const env = process.env;
  let tenant: RunningTenant | undefined;
  // With LOCAL_TENANT_URL (and TENANT_ID, CLIENT_ID, CLIENT_SECRET) this instance joins a local tenant that runs
  // already, as a second instance does: that tenant's owner starts and prepares it.
  const local = (env.MODE ?? 'local') === 'local' && !env.LOCAL_TENANT_URL;
  // The first line says plainly what runs; anything the libraries log comes after it.
  console.log(
    local
      ? 'Plan- och byggsamverkan Västerbotten startar i lokalt läge: en lokal Microsoft 365-miljö på den här datorn, inga riktiga konton.'
      : `Plan- och byggsamverkan Västerbotten startar (${(env.MODE ?? 'local') === 'local' ? 'lokalt läge mot en lokal tenant som redan körs' : 'tenant-läge'}).`,
  );
  if (local) {
    tenant = await startTenant({
      port: Number(env.LOCAL_TENANT_PORT ?? 4100),
      dbFile: join(env.DATA_DIR ?? '.data', 'local-tenant.sqlite'),
    });
  }
  let config: AppConfig;
  try {
    config = loadConfig(tenant ? withLocalDefaults(env, tenant) : env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      await tenant?.close();
      process.exit(1);
    }
    throw error;
  }

  const server: RunningServer = createServer(config);
  if (tenant) {
    const report = await prepareSite(server.services.graph.forApp(), server.services, {
      seedContacts: seedContacts(),
      seedOrganisations: server.services.organisations.organisations,
    });
    for (const list of report.lists) {
      console.log(
        `  lista ${list.displayName}: ${list.status}${list.columnsAdded.length ? ` (+${list.columnsAdded.length} kolumner)` : ''}`,
      );
    }
    if (report.contactsSeeded) console.log(`  kontakter: ${report.contactsSeeded} lagda till från den lokala tenanten`);
    if (demoDataEnabled(env)) {
      console.log(`  ${demoSummary(await seedDemoData(server.services.graph.forApp(), server.services))}`);
    }
  }
  console.log(
    `  ${await buildTabIfStale(config).catch((error: unknown) => `bygget av fliken misslyckades: ${String(error)}`)}`,
  );

  const { url, port } = await server.listen(config.port, config.host);
  if (tenant) console.log(`  ${(await installInLocalTeam(tenant.url, port)).message}`);
  console.log('');
  console.log(`Plan- och byggsamverkan Västerbotten körs${config.mode === 'local' ? ' i lokalt läge' : ''}:`);
  console.log(`  Fliken:        ${url}/tab/`);
  console.log(`  REST-API:      ${url}/api/config`);
  console.log(`  Bot:           ${url}/api/messages (${botBanner(config)})`);
  console.log(`  Påminnelser:   ${jobsBanner(config)}`);
  console.log(`  Graph:         ${config.graph.baseUrl}`);
  if (tenant) console.log(`  Lokal tenant:  ${tenant.url} (kontroller: ${tenant.url}/_emulator)`);
  if (tenant) console.log(`  Agents Playground: PORT=${config.port} npm run playground`);
  if (!tenant) console.log(`  Publik adress: ${config.publicUrl}`);
  console.log(`  Data:          ${resolve(config.dataDir)}`);
  console.log('Avsluta med Ctrl-C.');

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.close();
    await tenant?.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error('Start misslyckades:', error);
    process.exit(1);
  });
}

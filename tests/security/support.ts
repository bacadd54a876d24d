import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SEED_PEOPLE } from '../../infra/graph-emulator/src/index';
import { isRole, type Role } from '../../src/domain';
import { hasFieldLabel } from '../../api/http/fieldLabels';
import {
  SEED_GENERAL_CHANNEL_ID,
  activityCardText,
  generalChannelMessage,
  postActivity,
  postedActivities,
  seededUser,
  startStack,
  teamInstall,
  type Stack,
} from '../integration/support/stack';
import type { ServerDeps } from '../../api/server';

/**
 * The security suite's stack: the local tenant (its SQLite file known, so that the suite can see whether a
 * refusal changed anything), the server over HTTP, the lists provisioned and Kontakter seeded, the bot
 * installed in the Team.
 */
export interface SecurityStack extends Stack {
  dbFile: string;
  /** One token per persona, minted once. */
  tokenOf(mail: string): Promise<string>;
}

export async function startSecurityStack(
  deps: ServerDeps = {},
  env: Record<string, string> = {},
): Promise<SecurityStack> {
  const dir = mkdtempSync(join(tmpdir(), 'security-tenant-'));
  const dbFile = join(dir, 'tenant.sqlite');
  const stack = await startStack({ tenant: { dbFile }, deps, env });
  await stack.prepare();
  const coordinator = seededUser(personaWith(['samordnare', 'stodgrupp']).mail);
  const installed = await postActivity(stack.url, teamInstall(stack.tenant, coordinator));
  if (installed.status >= 300) throw new Error(`bot install: ${installed.status}`);
  const tokens = new Map<string, Promise<string>>();
  return {
    ...stack,
    dbFile,
    tokenOf(mail) {
      let token = tokens.get(mail);
      if (!token) tokens.set(mail, (token = stack.token(mail)));
      return token;
    },
  };
}

// ------------------------------------------------------------------ personas

export interface Persona {
  mail: string;
  displayName: string;
  roles: Role[];
}

export const PERSONAS: Persona[] = SEED_PEOPLE.map((p) => ({
  mail: p.mail,
  displayName: p.displayName,
  roles: p.xRoles.filter(isRole),
}));

/** A seeded person with exactly these roles. */
export function personaWith(roles: readonly Role[]): Persona {
  const found = PERSONAS.find((p) => p.roles.length === roles.length && roles.every((role) => p.roles.includes(role)));
  if (!found) throw new Error(`no persona with roles ${roles.join(', ')}`);
  return found;
}

/** A seeded person who has `role` and none of `allowed`, or undefined if the seed has none. */
export function personaRefused(role: Role | 'ingen', allowed: readonly Role[]): Persona | undefined {
  if (role === 'ingen') return PERSONAS.find((p) => p.roles.length === 0);
  return PERSONAS.find((p) => p.roles.includes(role) && !p.roles.some((r) => allowed.includes(r)));
}

// ------------------------------------------------------------------ has the tenant changed?

/**
 * A fingerprint of everything the local tenant holds, per kind of document (list items, events, channels,
 * memberships, messages…), read straight from its SQLite file: a refusal must leave it as it was.
 */
export type Fingerprint = Map<string, string>;

/** Kinds the tenant writes on reads (caches, revision counters of reads), never data of the samverkan. */
const READ_SIDE_KINDS = new Set<string>(['signingKey']);

/**
 * One reading connection per tenant file: SQLite's data_version tells it whether another connection has
 * committed since, so an unchanged tenant is not hashed again (most cases of the suite change nothing).
 */
const readers = new Map<string, { db: Database.Database; version: number; print: Fingerprint }>();

export function fingerprint(dbFile: string): Fingerprint {
  let reader = readers.get(dbFile);
  if (!reader) {
    const db = new Database(dbFile, { readonly: true, fileMustExist: true });
    readers.set(dbFile, (reader = { db, version: -1, print: new Map() }));
  }
  const version = reader.db.pragma('data_version', { simple: true }) as number;
  if (version !== reader.version) {
    reader.print = hashDocuments(reader.db);
    reader.version = version;
  }
  return reader.print;
}

/** Closes the reading connections (after the suite). */
export function closeFingerprints(): void {
  for (const reader of readers.values()) reader.db.close();
  readers.clear();
}

function hashDocuments(db: Database.Database): Fingerprint {
  {
    const rows = db.prepare('SELECT kind, scope, id, body FROM documents ORDER BY kind, scope, id').all() as {
      kind: string;
      scope: string;
      id: string;
      body: string;
    }[];
    const hashes = new Map<string, ReturnType<typeof createHash>>();
    for (const row of rows) {
      if (READ_SIDE_KINDS.has(row.kind)) continue;
      let hash = hashes.get(row.kind);
      if (!hash) hashes.set(row.kind, (hash = createHash('sha256')));
      hash.update(`${row.scope}\u0000${row.id}\u0000${row.body}\u0000`);
    }
    return new Map([...hashes].map(([kind, hash]) => [kind, hash.digest('hex')]));
  }
}

/** The kinds whose documents differ between two fingerprints. */
export function changedKinds(
  before: Fingerprint,
  after: Fingerprint,
  ignore: ReadonlySet<string> = new Set(),
): string[] {
  const kinds = new Set([...before.keys(), ...after.keys()]);
  return [...kinds].filter((kind) => !ignore.has(kind) && before.get(kind) !== after.get(kind)).sort();
}

// ------------------------------------------------------------------ is the refusal clear and Swedish?

const ENGLISH = [
  /invalid input/i,
  /\bexpected\b/i,
  /\breceived\b/i,
  /\brequired\b/i,
  /too (big|small)/i,
  /unrecognized/i,
  /\bstring\b/i,
  /\bnumber\b/i,
  /\bundefined\b/i,
  /\bnull\b/,
  /\bforbidden\b/i,
  /\berror\b/i,
  /förväntat \w+, fick/i,
  /Ogiltig input/i,
];

export interface ErrorBody {
  error?: {
    code?: string;
    message?: string;
    requestId?: string;
    issues?: { path: string; message: string; field?: string }[];
  };
}

/** Why a refusal is not a clear Swedish one, or undefined if it is. */
export function notSwedish(body: unknown): string | undefined {
  const error = (body as ErrorBody | undefined)?.error;
  if (!error?.message) return 'no error message';
  const texts = [error.message, ...(error.issues ?? []).map((i) => i.message)];
  for (const text of texts) {
    const english = ENGLISH.find((re) => re.test(text));
    if (english) return `English text: ${JSON.stringify(text)}`;
  }
  for (const issue of error.issues ?? []) {
    if (!issue.field) return `issue without a Swedish field name: ${issue.path}`;
    if (!hasFieldLabel(issue.path)) return `field without a Swedish name: ${issue.path}`;
  }
  return undefined;
}

// ------------------------------------------------------------------ the table

export interface CaseResult {
  klass: string;
  name: string;
  status: number;
  accepted: boolean;
  serverError: boolean;
  changed: string[];
  notSwedish?: string;
  detail?: string;
}

export class SuiteTable {
  readonly results: CaseResult[] = [];

  add(result: CaseResult): void {
    this.results.push(result);
  }

  of(klass: string): CaseResult[] {
    return this.results.filter((r) => r.klass === klass);
  }

  failures(klass: string): CaseResult[] {
    return this.of(klass).filter((r) => r.accepted || r.serverError || r.changed.length > 0 || r.notSwedish);
  }

  render(): string {
    const classes = [...new Set(this.results.map((r) => r.klass))];
    const rows = classes.map((klass) => {
      const all = this.of(klass);
      return [
        klass,
        String(all.length),
        String(all.filter((r) => r.accepted).length),
        String(all.filter((r) => r.serverError).length),
        String(all.filter((r) => !r.accepted && r.changed.length > 0).length),
        String(all.filter((r) => r.notSwedish).length),
      ];
    });
    const header = ['class', 'cases', 'accepted', '5xx', 'changed-after-refusal', 'not-swedish'];
    const total = ['total', ...[1, 2, 3, 4, 5].map((i) => String(rows.reduce((n, row) => n + Number(row[i]), 0)))];
    const table = [header, ...rows, total];
    const widths = header.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
    const line = (row: string[]) =>
      row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
    return ['security suite', ...table.map(line)].join('\n');
  }
}

// ------------------------------------------------------------------ requests

export interface HttpCase {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export async function send(
  stack: Stack,
  request: HttpCase,
  token?: string,
): Promise<{ status: number; body: unknown; text: string }> {
  const response = await stack.call(request.path, {
    method: request.method,
    ...(token === undefined ? {} : { token }),
    ...(request.body === undefined ? {} : { body: request.body }),
    headers: { ...(request.method === 'PATCH' ? { 'if-match': '"1"' } : {}), ...request.headers },
  });
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    body = text;
  }
  return { status: response.status, body, text };
}

/**
 * Sends a request that must be refused and records the case: accepted (2xx), 5xx, what changed in the
 * tenant, and whether the answer is a clear Swedish refusal.
 */
export async function refusalCase(
  table: SuiteTable,
  stack: SecurityStack,
  klass: string,
  name: string,
  request: HttpCase,
  token?: string,
  options: { expectStatus?: number[]; ignoreKinds?: ReadonlySet<string> } = {},
): Promise<CaseResult> {
  const before = fingerprint(stack.dbFile);
  const { status, body } = await send(stack, request, token);
  const changed = changedKinds(before, fingerprint(stack.dbFile), options.ignoreKinds);
  const unexpected = options.expectStatus && !options.expectStatus.includes(status);
  const result: CaseResult = {
    klass,
    name,
    status,
    accepted: (status >= 200 && status < 300) || Boolean(unexpected && status < 500),
    serverError: status >= 500,
    changed,
    ...(status >= 400 ? optional('notSwedish', notSwedish(body)) : {}),
    ...(unexpected ? { detail: `status ${status}, expected ${options.expectStatus!.join('/')}` } : {}),
  };
  table.add(result);
  return result;
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

// ------------------------------------------------------------------ the bot

/** Posts a command in General as `mail` and returns the text of the cards the bot posted because of it. */
export async function askBot(
  stack: Stack,
  mail: string,
  command: string,
): Promise<{ status: number; texts: string[]; raw: string }> {
  const before = (await postedActivities(stack.tenant, SEED_GENERAL_CHANNEL_ID)).length;
  const response = await postActivity(stack.url, generalChannelMessage(stack.tenant, seededUser(mail), command));
  const posted = (await postedActivities(stack.tenant, SEED_GENERAL_CHANNEL_ID)).slice(before);
  return {
    status: response.status,
    texts: posted.map((a) => activityCardText(a) || (a.text ?? '')),
    raw: JSON.stringify(posted.map((a) => a.attachments ?? a.text)),
  };
}

export function describeFailures(results: CaseResult[]): string {
  return results
    .map(
      (r) =>
        `${r.name}: status ${r.status}${r.changed.length ? `, changed ${r.changed.join(',')}` : ''}${
          r.notSwedish ? `, ${r.notSwedish}` : ''
        }${r.detail ? `, ${r.detail}` : ''}`,
    )
    .join('\n');
}

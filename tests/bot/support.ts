import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import type { IAdaptiveCard } from '@microsoft/teams.cards';
import { SEED_PEOPLE } from '../../infra/graph-emulator/src/seed/people';
import { TENANT_ID } from '../../infra/graph-emulator/src/tenantConfig';
import { mountBot, type BotHandle } from '../../api/bot';
import { SqliteConversationStore } from '../../api/state/conversationStore';
import type { BotDeps, NewsRecord } from '../../api/bot/deps';
import type { MeetingWithAnswers } from '../../api/cards/cards';
import type { Clock } from '../../api/services/ports';
import {
  createActivity,
  createBudgetLine,
  createMeeting,
  createOutcomeEntry,
  isRole,
  parseOrganisations,
  statusReport,
  toStockholm,
  type Activity,
  type BudgetLine,
  type Meeting,
  type Organisation,
  type OutcomeEntry,
  type Person,
} from '../../src/domain';
import { shownCardText } from '../../api/cards/markdown';

// ------------------------------------------------------------------ seeded data

export function organisations(): Organisation[] {
  const path = fileURLToPath(new URL('../../config/organisations.vasterbotten.json', import.meta.url));
  return parseOrganisations(JSON.parse(readFileSync(path, 'utf8')));
}

/** The seeded tenant's people as the contact list: the Entra object id is the person id. */
export function people(): Person[] {
  return SEED_PEOPLE.map((user) => ({
    id: user.id,
    displayName: user.displayName,
    email: user.mail,
    organisationId: user.xOrganisationId,
    roles: user.xRoles.filter(isRole),
    ...(user.jobTitle ? { title: user.jobTitle } : {}),
  }));
}

export function personByEmail(email: string): Person {
  const person = people().find((p) => p.email === email);
  if (!person) throw new Error(`no seeded person ${email}`);
  return person;
}

export const COORDINATOR = () => personByEmail('karin.nordstrom@regionvasterbotten.se');
export const CHAIR = () => personByEmail('maria.bergstrom@regionvasterbotten.se');
export const MEMBER = () => personByEmail('erik.lundqvist@umea.se');

export function seededMeetings(): Meeting[] {
  return [
    createMeeting({
      id: 'm-var-2026',
      group: 'samverkansgrupp',
      title: 'Samverkansgruppen vårmöte 2026',
      date: '2026-04-22',
      startTime: '09:00',
      endTime: '12:00',
      location: 'Region Västerbotten, Umeå',
    }),
    createMeeting({
      id: 'm-stod-maj',
      group: 'stodgrupp',
      title: 'Stödgruppen maj',
      date: '2026-05-12',
      startTime: '13:00',
      endTime: '15:00',
    }),
  ];
}

export function seededActivities(orgs: Organisation[]): Activity[] {
  return [
    createActivity(
      {
        id: 'a-brand',
        title: 'Seminarium om brandsäkerhet',
        area: 'kompetensutveckling',
        targetGroups: ['kommuner'],
        startDate: '2026-03-17',
        endDate: '2026-03-17',
        responsibleOrganisationId: 'umea',
        status: 'beslutad',
        decisionId: 'd-1',
        participantFeeOre: 50000,
      },
      orgs,
    ),
    createActivity(
      {
        id: 'a-tillsyn',
        title: 'Tillsynsprojekt OVK',
        area: 'tillsynsprojekt',
        targetGroups: ['kommuner', 'naringsliv'],
        startDate: '2026-09-07',
        endDate: '2026-11-30',
        responsibleOrganisationId: 'skelleftea',
        status: 'forslag',
      },
      orgs,
    ),
  ];
}

export function seededBudget(orgs: Organisation[]): { lines: BudgetLine[]; outcomes: OutcomeEntry[] } {
  const lines = [
    createBudgetLine(
      {
        id: 'b-lon',
        year: 2026,
        kind: 'kostnad',
        category: 'samordnare_lon',
        name: 'Lön samordnare',
        amountOre: 18000000,
      },
      orgs,
    ),
    createBudgetLine(
      {
        id: 'b-akt',
        year: 2026,
        kind: 'kostnad',
        category: 'aktivitet',
        area: 'kompetensutveckling',
        name: 'Utbildningar',
        amountOre: 6000000,
      },
      orgs,
    ),
    createBudgetLine(
      {
        id: 'b-umea',
        year: 2026,
        kind: 'intakt',
        category: 'medfinansiering_kommun',
        name: 'Umeå',
        amountOre: 2400000,
        organisationId: 'umea',
      },
      orgs,
    ),
  ];
  const outcomes = [
    createOutcomeEntry({ id: 'o-1', budgetLineId: 'b-lon', date: '2026-01-31', amountOre: 1500000 }, lines),
    createOutcomeEntry({ id: 'o-2', budgetLineId: 'b-lon', date: '2026-02-28', amountOre: 1500000 }, lines),
  ];
  return { lines, outcomes };
}

/** A fixed clock: 1 April 2026, 10:00 in Stockholm. */
export function fixedClock(iso = '2026-04-01T08:00:00.000Z'): Clock & { set(iso: string): void } {
  let now = new Date(iso);
  return { now: () => now, set: (value) => (now = new Date(value)) };
}

export interface TestDeps extends BotDeps {
  news: NewsRecord[];
  meetings: Meeting[];
}

/** Our BotDeps over the seeded data in memory: a test double of our own interface, not a module mock. */
export function inMemoryDeps(overrides: Partial<BotDeps> = {}): TestDeps {
  const orgs = organisations();
  const contactList = people();
  const meetings = seededMeetings();
  const activities = seededActivities(orgs);
  const budget = seededBudget(orgs);
  const news: NewsRecord[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'bot-state-'));
  const deps: TestDeps = {
    config: { mode: 'local' },
    clock: fixedClock(),
    conversations: new SqliteConversationStore(join(dir, 'bot.sqlite')),
    news,
    meetings,
    findPersonByAadObjectId: async (oid) => contactList.find((person) => person.id === oid),
    listPeople: async () => contactList,
    listOrganisations: async () => orgs,
    upcomingMeetings: async (from): Promise<MeetingWithAnswers[]> =>
      meetings
        .filter((meeting) => meeting.status === 'planerat' && new Date(meeting.startUtc) >= from)
        .map((meeting) => ({
          meeting,
          answers:
            meeting.group === 'samverkansgrupp'
              ? { accepted: 12, tentative: 2, declined: 1, notAnswered: 3 }
              : { accepted: 4, tentative: 0, declined: 0, notAnswered: 2 },
        })),
    budgetStatus: async (year, asOf) => statusReport({ ...budget, year, asOf }),
    listActivities: async (filter) =>
      activities.filter(
        (activity) =>
          (filter.year === undefined || activity.startDate.startsWith(`${filter.year}-`)) &&
          (filter.month === undefined || toStockholm(activity.startDate).month === filter.month) &&
          (filter.area === undefined || activity.area === filter.area),
      ),
    recordNews: async (record) => {
      news.push(record);
    },
    logger: quietLogger,
    ...overrides,
  };
  return deps;
}

const noop = () => undefined;
/** Silent unless BOT_TEST_LOG is set, when the SDK's errors are printed to find out why a request failed. */
export const quietLogger = {
  error: process.env.BOT_TEST_LOG
    ? (...args: unknown[]) => process.stderr.write(`${args.map(String).join(' ')}\n`)
    : noop,
  warn: noop,
  info: noop,
  debug: noop,
  trace: noop,
  log: noop,
  child: () => quietLogger,
};

// ------------------------------------------------------------------ servers

export interface CapturedActivity {
  conversationId: string;
  authorization?: string;
  body: {
    type: string;
    summary?: string;
    text?: string;
    conversation?: { id: string };
    attachments?: Array<{ contentType: string; content: IAdaptiveCard }>;
  };
}

/** A stand-in for the Bot Framework connector: records what the bot posts to /v3/conversations/{id}/activities. */
export interface CapturingConnector {
  url: string;
  activities: CapturedActivity[];
  /** Resolves once `count` activities have arrived in total. */
  waitFor(count: number, timeoutMs?: number): Promise<CapturedActivity[]>;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startCapturingConnector(): Promise<CapturingConnector> {
  const activities: CapturedActivity[] = [];
  const waiters: Array<() => void> = [];
  let sequence = 0;
  const server: Server = createServer((req, res) => {
    void (async () => {
      const match = /^\/v3\/conversations\/([^/]+)\/activities\/?$/.exec(req.url ?? '');
      if (req.method !== 'POST' || !match) {
        res.writeHead(404).end();
        return;
      }
      const body = JSON.parse(await readBody(req)) as CapturedActivity['body'];
      activities.push({
        conversationId: decodeURIComponent(match[1] ?? ''),
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
        body,
      });
      sequence += 1;
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `sent-${sequence}` }));
      waiters.splice(0).forEach((wake) => wake());
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    activities,
    async waitFor(count, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (activities.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} activities, got ${activities.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      return activities;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface BotServer {
  url: string;
  handle: BotHandle;
  close(): Promise<void>;
}

/** An express app with the bot mounted, on a random 127.0.0.1 port (the way api/server.ts will run it). */
export async function startBotServer(deps: BotDeps, host = '127.0.0.1'): Promise<BotServer> {
  const app = express();
  const handle = await mountBot(app, deps);
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, host, () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    handle,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

// ------------------------------------------------------------------ activities

export const BOT = { id: '28:plan-och-bygg-bot', name: 'Plan- och bygg' };
export const TEAM_ID = '19:general-samverkan@thread.tacv2';
export const CHANNEL_ID = '19:general-samverkan@thread.tacv2';
/** The team's Microsoft 365 group id: its id in Graph, sent by Teams as channelData.team.aadGroupId. */
export const TEAM_GROUP_ID = '8f1c3a52-6a0e-4c8e-9d41-2b7f5e9c0a11';

let activitySequence = 0;

export function personalConversationId(person: Person): string {
  return `a:personal-${person.id}`;
}

function base(serviceUrl: string, person: Person) {
  activitySequence += 1;
  return {
    id: `in-${activitySequence}`,
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    from: { id: `29:${person.id}`, name: person.displayName, aadObjectId: person.id },
    recipient: { id: BOT.id, name: BOT.name },
    locale: 'sv-SE',
  };
}

export function personalMessage(serviceUrl: string, person: Person, text: string) {
  return {
    ...base(serviceUrl, person),
    type: 'message',
    text,
    textFormat: 'plain',
    conversation: { id: personalConversationId(person), conversationType: 'personal', tenantId: TENANT_ID },
    channelData: { tenant: { id: TENANT_ID } },
  };
}

/** A channel message that @mentions the bot, the way Teams sends it. */
export function channelMention(serviceUrl: string, person: Person, command: string) {
  const mention = `<at>${BOT.name}</at>`;
  const b = base(serviceUrl, person);
  return {
    ...b,
    type: 'message',
    text: `${mention} ${command}\n`,
    textFormat: 'plain',
    conversation: {
      id: `${CHANNEL_ID};messageid=${b.id}`,
      conversationType: 'channel',
      isGroup: true,
      tenantId: TENANT_ID,
    },
    entities: [{ type: 'mention', text: mention, mentioned: { id: BOT.id, name: BOT.name } }],
    channelData: {
      tenant: { id: TENANT_ID },
      team: { id: TEAM_ID, name: 'Plan- och byggsamverkan', aadGroupId: TEAM_GROUP_ID },
      channel: { id: CHANNEL_ID, name: 'Allmänt' },
    },
  };
}

export function teamInstall(serviceUrl: string, installer: Person) {
  return {
    ...base(serviceUrl, installer),
    type: 'installationUpdate',
    action: 'add',
    conversation: { id: TEAM_ID, conversationType: 'channel', isGroup: true, tenantId: TENANT_ID },
    channelData: {
      tenant: { id: TENANT_ID },
      team: { id: TEAM_ID, name: 'Plan- och byggsamverkan', aadGroupId: TEAM_GROUP_ID },
    },
  };
}

export function personalInstall(serviceUrl: string, person: Person) {
  return {
    ...base(serviceUrl, person),
    type: 'conversationUpdate',
    membersAdded: [{ id: BOT.id }],
    conversation: { id: personalConversationId(person), conversationType: 'personal', tenantId: TENANT_ID },
    channelData: { tenant: { id: TENANT_ID }, eventType: 'memberAdded' },
  };
}

export function cardExecute(serviceUrl: string, person: Person, verb: string, data: Record<string, unknown>) {
  return {
    ...base(serviceUrl, person),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data } },
    conversation: { id: personalConversationId(person), conversationType: 'personal', tenantId: TENANT_ID },
    channelData: { tenant: { id: TENANT_ID } },
  };
}

export function cardSubmit(serviceUrl: string, person: Person, data: Record<string, unknown>) {
  return {
    ...base(serviceUrl, person),
    type: 'message',
    value: data,
    conversation: { id: personalConversationId(person), conversationType: 'personal', tenantId: TENANT_ID },
    channelData: { tenant: { id: TENANT_ID } },
  };
}

export async function post(server: BotServer, activity: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${server.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

/** All text of a card, flattened, for assertions on what a person would read. */
export function cardText(card: unknown): string {
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'text' || key === 'title' || key === 'value') && typeof value === 'string')
          parts.push(shownCardText(value));
        else walk(value);
      }
    }
  };
  walk(card);
  return parts.join('\n');
}

export function cardOf(activity: CapturedActivity): IAdaptiveCard {
  const attachment = activity.body.attachments?.[0];
  if (!attachment) throw new Error(`activity without a card: ${JSON.stringify(activity.body)}`);
  return attachment.content;
}

import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type * as AdaptiveCardsModule from 'adaptivecards';
import type { Person } from '../../src/domain';
import type { WorkingGroupSummary } from '../../api/bot/deps';
import { welcomeCard } from '../../api/services/workingGroups';
import {
  COORDINATOR,
  MEMBER,
  cardOf,
  cardText,
  inMemoryDeps,
  personalMessage,
  post,
  startBotServer,
  startCapturingConnector,
  type BotServer,
  type CapturingConnector,
} from './support';

const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCardsModule;

const PAGE = 'https://planochbygg.example.se/#/arbetsgrupper';
const GROUPS: WorkingGroupSummary[] = [
  {
    name: 'Bygglovsrutiner',
    status: 'aktiv',
    syfte: 'Samordna tolkningen av PBL.',
    members: [
      { displayName: 'Maria Bergström', convener: true },
      { displayName: 'Erik Lundqvist', convener: false },
    ],
    period: { start: '2026-09-01', end: '2027-06-30' },
    channelUrl: 'https://teams.microsoft.com/l/channel/19%3Aabc/Bygglovsrutiner',
  },
  {
    name: 'Energikrav',
    status: 'avslutad',
    syfte: 'Gemensam vägledning.',
    members: [{ displayName: 'Per Holmberg', convener: true }],
    period: { start: '2025-09-01', end: '2026-03-31' },
  },
];

let connector: CapturingConnector;
let server: BotServer;

beforeAll(async () => {
  connector = await startCapturingConnector();
  server = await startBotServer(inMemoryDeps({ listWorkingGroups: async () => GROUPS, workingGroupsPageUrl: PAGE }));
});

afterAll(async () => {
  await server.close();
  await connector.close();
});

async function say(person: Person, text: string) {
  const before = connector.activities.length;
  const response = await post(server, personalMessage(connector.url, person, text));
  expect(response.status).toBe(200);
  const sent = await connector.waitFor(before + 1);
  return cardOf(sent[before]!);
}

function acProblems(json: unknown): string[] {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  card.parse(json, context);
  const problems: string[] = [];
  for (let i = 0; i < context.eventCount; i += 1) problems.push(context.getEventAt(i).message);
  for (const event of card.validateProperties().validationEvents) problems.push(event.message);
  return problems;
}

describe('bot: arbetsgrupper / arbetsgrupp ny', () => {
  it('arbetsgrupper lists active groups before ended ones, with convener, period and channel link (any member)', async () => {
    const card = await say(MEMBER(), 'arbetsgrupper');
    const text = cardText(card);
    expect(text).toContain('Aktiva (1)');
    expect(text).toContain('Avslutade (1)');
    expect(text.indexOf('Bygglovsrutiner')).toBeLessThan(text.indexOf('Energikrav'));
    expect(text).toContain('2, sammankallande Maria Bergström');
    expect(text).toContain('2026-09-01 – 2027-06-30');
    expect(JSON.stringify(card)).toContain('https://teams.microsoft.com/l/channel/19%3Aabc/Bygglovsrutiner');
    expect(acProblems(card)).toEqual([]);
  });

  it('the English alias works too', async () => {
    expect(cardText(await say(MEMBER(), 'workinggroups'))).toContain('Bygglovsrutiner');
  });

  it('arbetsgrupp ny gives the coordinator a card that opens the form in the tab', async () => {
    const card = await say(COORDINATOR(), 'arbetsgrupp ny');
    expect(cardText(card)).toContain('Kanalen skapas i ditt namn');
    expect(JSON.stringify(card)).toContain(`${PAGE}?ny=1`);
    expect(acProblems(card)).toEqual([]);
  });

  it('a member may not appoint: the refusal says why, in Swedish', async () => {
    const text = cardText(await say(MEMBER(), 'arbetsgrupp ny'));
    expect(text).toContain('Du har inte behörighet att tillsätta arbetsgrupper.');
    expect(text).not.toContain('Öppna formuläret');
  });

  it('anything after arbetsgrupp other than "ny" gets the usage', async () => {
    expect(cardText(await say(COORDINATOR(), 'arbetsgrupp Brandskydd'))).toContain(
      'Skriv ”arbetsgrupp ny” för att tillsätta en arbetsgrupp.',
    );
  });

  it('the welcome card posted in a new channel is a valid Adaptive Card 1.5 with the whole mandate', () => {
    const card = welcomeCard({
      name: 'Bygglovsrutiner',
      syfte: 'Samordna tolkningen av PBL.',
      uppdrag: 'Ta fram gemensamma rutiner.',
      malsattning: 'Antagna i höst.',
      members: [{ displayName: 'Maria Bergström', organisationName: 'Umeå', convener: true }],
      period: { start: '2026-09-01' },
      membershipType: 'shared',
      pageUrl: PAGE,
    });
    expect(acProblems(card)).toEqual([]);
    const text = cardText(card);
    for (const part of [
      'Syfte',
      'Uppdrag',
      'Målsättning',
      'Maria Bergström (sammankallande)',
      'från 2026-09-01',
      'B2B direct connect',
    ])
      expect(text).toContain(part);
  });
});

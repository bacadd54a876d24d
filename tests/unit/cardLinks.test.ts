import { describe, expect, it } from '@jest/globals';
import type { IAdaptiveCard } from '@microsoft/teams.cards';
import * as cards from '../../api/cards/cards';
import { statusReport } from '../../src/domain';
import { runText } from '../../api/bot/commandRunner';
import {
  COORDINATOR,
  inMemoryDeps,
  organisations,
  people,
  seededActivities,
  seededBudget,
  seededMeetings,
} from '../bot/support';

const APP_ID = '4c0e5a8b-2f1d-4e6a-9b3c-7d8e9f0a1b2c';
const tenant = cards.tabLinks({ mode: 'tenant', publicUrl: 'https://planochbygg.example.se', teamsAppId: APP_ID });
const local = cards.tabLinks({ mode: 'local', publicUrl: 'http://127.0.0.1:3978/', teamsAppId: APP_ID });

/** Every Action.OpenUrl of a card, in its actions and in ActionSets of its body. */
function openUrls(card: IAdaptiveCard): string[] {
  const urls: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      const element = node as { type?: string; url?: string };
      if (element.type === 'Action.OpenUrl' && element.url) urls.push(element.url);
      Object.values(node).forEach(walk);
    }
  };
  walk(card);
  return urls;
}

const orgs = organisations();
const meetings = seededMeetings();
const report = statusReport({ ...seededBudget(orgs), year: 2026, asOf: '2026-04-01' });
const booked = {
  lineName: 'Lokalhyra',
  amountOre: 1_250_050,
  date: '2026-03-02',
  lineOutcomeOre: 1_250_050,
  lineBudgetOre: 12_000_000,
};
const answers = { accepted: 1, tentative: 0, declined: 0, notAnswered: 2 };

/** Each card builder with a tab button, with the page (and sub-entity) its button must open. */
const BUILDERS: Array<[string, (links: cards.TabLinks) => IAdaptiveCard, string, string?]> = [
  [
    'meetingsCard',
    (l) =>
      cards.meetingsCard(
        meetings.map((meeting) => ({ meeting, answers })),
        l,
      ),
    'moten',
  ],
  ['meetingsCard (none)', (l) => cards.meetingsCard([], l), 'moten'],
  ['meetingConvenedCard', (l) => cards.meetingConvenedCard(meetings[0]!, true, l), 'moten', meetings[0]!.id],
  ['contactsCard', (l) => cards.contactsCard(people(), orgs, undefined, l), 'kontakter'],
  ['statusCard', (l) => cards.statusCard(report, l), 'budget'],
  ['outcomeBookedCard', (l) => cards.outcomeBookedCard(booked, l), 'budget'],
  ['activitiesCard', (l) => cards.activitiesCard(seededActivities(orgs), '2026', l), 'aktiviteter'],
];

describe('card buttons open the tab in Teams (tenant) or the local tab (local)', () => {
  // Rows as objects: a row's trailing undefined would otherwise be taken for jest's done callback.
  it.each(BUILDERS.map(([name, build, page, sub]) => ({ name, build, page, sub })))('$name', ({ build, page, sub }) => {
    const [deep, ...moreDeep] = openUrls(build(tenant));
    expect(moreDeep).toEqual([]);
    const url = new URL(String(deep));
    expect(`${url.origin}${url.pathname}`).toBe(`https://teams.microsoft.com/l/entity/${APP_ID}/${page}`);
    const context = JSON.parse(String(url.searchParams.get('context'))) as { subEntityId?: string };
    expect(context).toEqual(sub ? { subEntityId: `${page}/${sub}` } : {});

    expect(openUrls(build(local))).toEqual([`http://127.0.0.1:3978/#/${page}${sub ? `/${sub}` : ''}`]);
  });
});

describe('the bot’s replies carry the links of its mode', () => {
  const proactive = {
    sendCard: async () => ({}),
    sendMessage: async () => ({}),
  };
  const run = (text: string, links: cards.TabLinks, mode: 'local' | 'tenant') =>
    runText(text, COORDINATOR(), {
      deps: inMemoryDeps({
        config: { mode },
        tabLinks: links,
        listWorkingGroups: async () => [],
      }),
      proactive,
    });

  it.each([
    ['möten', 'moten', undefined],
    ['kontakter', 'kontakter', undefined],
    ['lägesrapport', 'budget', undefined],
    ['aktiviteter', 'aktiviteter', undefined],
    ['arbetsgrupper', 'arbetsgrupper', undefined],
    ['arbetsgrupp ny', 'arbetsgrupper', 'ny'],
  ] as const)('%s opens %s in Teams (tenant mode)', async (command, page, sub) => {
    const [url] = openUrls((await run(command, tenant, 'tenant')).card);
    const parsed = new URL(String(url));
    expect(`${parsed.origin}${parsed.pathname}`).toBe(`https://teams.microsoft.com/l/entity/${APP_ID}/${page}`);
    expect(JSON.parse(String(parsed.searchParams.get('context')))).toEqual(
      sub ? { subEntityId: `${page}/${sub}` } : {},
    );
  });

  it('locally the form opens the tab’s own address', async () => {
    expect(openUrls((await run('arbetsgrupp ny', local, 'local')).card)).toEqual([
      'http://127.0.0.1:3978/#/arbetsgrupper?ny=1',
    ]);
  });
});

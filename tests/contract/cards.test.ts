import { createRequire } from 'node:module';
import { describe, expect, it } from '@jest/globals';
import type * as AdaptiveCardsModule from 'adaptivecards';
import type { IAdaptiveCard } from '@microsoft/teams.cards';
import * as cards from '../../api/cards/cards';
import { helpCard } from '../../api/bot/helpCard';
import { statusReport } from '../../src/domain';
import {
  COORDINATOR,
  MEMBER,
  organisations,
  people,
  seededActivities,
  seededBudget,
  seededMeetings,
} from '../bot/support';

// The UMD build is the one that runs in Node (toolchain.md).
const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCardsModule;

interface CardProblem {
  phase: string;
  message: string;
}

function validate(json: IAdaptiveCard): CardProblem[] {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  card.parse(json, context);
  const problems: CardProblem[] = [];
  for (let i = 0; i < context.eventCount; i += 1) {
    const event = context.getEventAt(i);
    problems.push({ phase: `parse/${AC.ValidationEvent[event.event]}`, message: event.message });
  }
  for (const event of card.validateProperties().validationEvents) {
    problems.push({ phase: `validate/${AC.ValidationEvent[event.event]}`, message: event.message });
  }
  return problems;
}

const orgs = organisations();
const meetings = seededMeetings();
const budget = seededBudget(orgs);
const answers = { accepted: 3, tentative: 1, declined: 0, notAnswered: 7 };

const POLL: Omit<cards.PollCardInput, 'open'> = {
  pollId: 'poll-1',
  title: 'Datum för höstens möte',
  deadline: '2026-09-01T15:00:00Z',
  voters: 4,
  candidates: [
    { id: 'k1', label: 'tisdag 13 oktober', ja: 3, omDetBehovs: 1, nej: 0, kommunerCovered: 3, kommunerTotal: 15 },
    { id: 'k2', label: 'onsdag 21 oktober', ja: 1, omDetBehovs: 0, nej: 3, kommunerCovered: 1, kommunerTotal: 15 },
  ],
};
const PROTOCOL: Omit<cards.ProtocolApprovalCardInput, 'locked'> = {
  meetingId: 'meeting-1',
  meetingTitle: 'Samverkansgruppens möte',
  date: '2026-10-13',
  version: 3,
  signers: [
    { role: 'Sekreterare', name: 'Karin Nordström', approvedAt: 'tisdag 13 oktober 2026 kl. 15:00' },
    { role: 'Ordförande', name: 'Maria Bergström', approvedAt: 'tisdag 13 oktober 2026 kl. 16:00' },
    { role: 'Justerare', name: 'Erik Lundqvist', approvedAt: 'onsdag 14 oktober 2026 kl. 09:00' },
    { role: 'Justerare', name: 'Anna Sjöberg' },
  ],
  waitingFor: 'Anna Sjöberg (justerare)',
  button: 'justera',
  decisions: ['Gruppen antar verksamhetsplanen.'],
};

const ROW = {
  id: '7',
  etag: '"{E1},1"',
  description: 'Ta fram underlag om handläggningstider',
  ownerName: 'Erik Lundqvist',
  due: '2026-12-10',
  status: 'pagar' as const,
};
const ROWS = Array.from({ length: 11 }, (_, i) => ({
  ...ROW,
  id: String(i + 1),
  ownerName: i < 6 ? 'Erik Lundqvist' : 'Maria Bergström',
  due: `2026-12-${String(i + 1).padStart(2, '0')}`,
  status: i % 2 === 0 ? ('ej_paborjat' as const) : ('pagar' as const),
}));
const ASSIGNMENTS = { today: '2026-12-03', tabUrl: 'https://localhost:3978/#/oversikt' };

/** Every card builder with the inputs that make each of its shapes; the coverage test below keeps this complete. */
const CASES: Record<string, Array<[string, IAdaptiveCard]>> = {
  helpCard: [
    ['stranger', helpCard({})],
    ['member', helpCard({ person: MEMBER() })],
    ['coordinator with a problem', helpCard({ person: COORDINATOR(), problem: 'Okänt kommando: ”fika”.' })],
  ],
  errorCard: [['error', cards.errorCard('Det gick inte', 'Försök igen.')]],
  refusalCard: [['refusal', cards.refusalCard('Du har inte behörighet att publicera nyheter.')]],
  agendaCard: [
    ['nothing called', cards.agendaCard(undefined, 'stodgrupp')],
    [
      'twelve points, one with handlingar',
      cards.agendaCard(
        {
          meeting: meetings[0]!,
          joinUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0',
          agenda: Array.from({ length: 12 }, (_, i) => ({
            number: i + 1,
            title: i === 2 ? 'Verksamhetsplan [2027]' : `Punkt ${i + 1}`,
            documents: i === 2 ? [{ title: 'Förslag (utkast).pdf', url: 'https://sp.example/a (1).pdf' }] : [],
          })),
        },
        'samverkansgrupp',
      ),
    ],
  ],
  meetingsCard: [
    ['none', cards.meetingsCard([])],
    ['two', cards.meetingsCard(meetings.map((meeting) => ({ meeting, answers })))],
    [
      'per kommun with a warning',
      cards.meetingsCard([
        {
          meeting: meetings[0]!,
          answers,
          byOrganisation: [{ organisationId: 'umea', name: 'Umeå', ...answers }],
          warnings: ['Åsele blir inte representerad: alla inbjudna har tackat nej.'],
        },
      ]),
    ],
  ],
  meetingConvenedCard: [
    ['sent', cards.meetingConvenedCard(meetings[0]!, true)],
    ['already sent', cards.meetingConvenedCard(meetings[0]!, false)],
  ],
  contactsCard: [
    ['all', cards.contactsCard(people(), orgs)],
    ['one kommun', cards.contactsCard(people(), orgs, 'umea')],
    ['a kommun without contacts', cards.contactsCard([], orgs, 'bjurholm')],
  ],
  statusCard: [
    ['with budget', cards.statusCard(statusReport({ ...budget, year: 2026, asOf: '2026-04-01' }))],
    ['no budget', cards.statusCard(statusReport({ ...budget, year: 2025, asOf: '2026-04-01' }))],
    [
      'with exceptions',
      cards.statusCard(statusReport({ ...budget, year: 2026, asOf: '2026-04-01' }), undefined, [
        {
          decisionId: '7',
          title: 'Undantag för resor',
          text: 'Resorna bärs gemensamt.',
          decidedOn: '2026-03-01',
          paragraph: 4,
          organisations: ['Bjurholm', 'Dorotea'],
          ceilingOre: 12_500_00,
        },
      ]),
    ],
  ],
  activitiesCard: [
    ['some', cards.activitiesCard(seededActivities(orgs), '2026')],
    ['none', cards.activitiesCard([], 'mars 2026')],
  ],
  newsCard: [
    ['news', cards.newsCard('Ny vägledning om brandskydd.\nLäs mer på intranätet.', COORDINATOR(), new Date())],
  ],
  newsPostedCard: [['posted', cards.newsPostedCard('Ny vägledning om brandskydd.')]],
  newsFormCard: [['form', cards.newsFormCard()]],
  outcomeBookedCard: [
    [
      'booked',
      cards.outcomeBookedCard({
        lineName: 'Lokalhyra',
        amountOre: 1_250_050,
        date: '2026-03-02',
        text: 'Faktura 3',
        lineOutcomeOre: 2_500_000,
        lineBudgetOre: 12_000_000,
      }),
    ],
  ],
  meetingReminderCard: [
    ['14 days', cards.meetingReminderCard(meetings[0]!, 14)],
    ['tomorrow', cards.meetingReminderCard(meetings[1]!, 1)],
  ],
  seasonCallReminderCard: [['spring', cards.seasonCallReminderCard(2026, 'Vår', 'under april–maj')]],
  pollCard: [
    [
      'open, with my answer',
      cards.pollCard({ ...POLL, open: true, myChoices: { k1: 'ja' }, notice: 'Tack, ditt svar är sparat.' }),
    ],
    ['closed', cards.pollCard({ ...POLL, open: false })],
  ],
  assignmentsCard: [
    ['none', cards.assignmentsCard({ ...ASSIGNMENTS, all: false, rows: [] })],
    [
      'one with a report and a notice',
      cards.assignmentsCard({
        ...ASSIGNMENTS,
        all: false,
        rows: [{ ...ROW, report: 'Påbörjat.' }],
        notice: { text: 'Sparat.', tone: 'good' },
      }),
    ],
    ['the samordnare’s eleven', cards.assignmentsCard({ ...ASSIGNMENTS, all: true, rows: ROWS })],
  ],
  assignmentReminderCard: [
    ['a week before', cards.assignmentReminderCard({ ...ASSIGNMENTS, row: ROW, kind: 'weekBefore' })],
    [
      'overdue, an arbetsgrupp’s',
      cards.assignmentReminderCard({
        ...ASSIGNMENTS,
        row: { ...ROW, due: '2026-11-30', report: 'Påbörjat.' },
        kind: 'overdue',
        group: 'Arbetsgruppen för klimatanpassning',
      }),
    ],
  ],
  protocolApprovalCard: [
    ['waiting for one', cards.protocolApprovalCard({ ...PROTOCOL, locked: false })],
    [
      'locked',
      cards.protocolApprovalCard({
        ...PROTOCOL,
        signers: PROTOCOL.signers.map((signer) => ({ ...signer, approvedAt: 'onsdag 14 oktober 2026 kl. 10:00' })),
        decisions: [],
        locked: true,
        notice: 'Tack Anna Sjöberg: alla har godkänt, protokollet är justerat och låst.',
      }),
    ],
  ],
};

/**
 * Lines a phone shows before the first button: a TextBlock's lines, a FactSet's facts, an input (and an
 * expanded choice set's choices), a container's items; counting stops at an ActionSet.
 */
function linesBeforeAction(json: IAdaptiveCard): number {
  let lines = 0;
  let stopped = false;
  const walk = (node: unknown): void => {
    if (stopped || !node || typeof node !== 'object') return;
    const element = node as {
      type?: string;
      text?: string;
      facts?: unknown[];
      items?: unknown[];
      columns?: { items?: unknown[] }[];
      choices?: unknown[];
      style?: string;
    };
    switch (element.type) {
      case 'ActionSet':
        stopped = true;
        return;
      case 'TextBlock':
        lines += (element.text ?? '').split('\n').length;
        return;
      case 'FactSet':
        lines += element.facts?.length ?? 0;
        return;
      case 'Container':
        (element.items ?? []).forEach(walk);
        return;
      case 'ColumnSet': {
        const before = lines;
        const heights = (element.columns ?? []).map((column) => {
          lines = 0;
          (column.items ?? []).forEach(walk);
          return lines;
        });
        lines = before + Math.max(0, ...heights);
        return;
      }
      case 'Input.ChoiceSet':
        lines += 1 + (element.style === 'expanded' ? (element.choices?.length ?? 0) : 0);
        return;
      default:
        lines += 1;
    }
  };
  (json.body ?? []).forEach(walk);
  return lines;
}

describe('every card fits a phone: at most 12 lines before a button', () => {
  const all = Object.entries(CASES).flatMap(([builder, cases]) =>
    cases.map(([label, json]) => [`${builder}: ${label}`, json] as const),
  );
  it.each(all)('%s', (_label, json) => {
    expect(linesBeforeAction(json)).toBeLessThanOrEqual(12);
  });

  it('the count sees a long card (so a pass means something)', () => {
    expect(linesBeforeAction(cards.contactsCard(people(), orgs, 'umea'))).toBeGreaterThan(0);
  });
});

describe('every card the bot sends is valid Adaptive Card 1.5', () => {
  const all = Object.entries(CASES).flatMap(([builder, cases]) =>
    cases.map(([label, json]) => [`${builder}: ${label}`, json] as const),
  );

  it.each(all)('%s', (_label, json) => {
    expect(json.version).toBe('1.5');
    expect(validate(json)).toEqual([]);
  });

  it('every card builder is in the table above', () => {
    const builders = Object.entries({ ...cards, helpCard })
      .filter(([name, value]) => typeof value === 'function' && name.endsWith('Card') && name !== 'card')
      .map(([name]) => name)
      .sort();
    expect(builders).toEqual(Object.keys(CASES).sort());
  });

  it('the validator does catch a broken card (so an empty list means something)', () => {
    const broken = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlock' }, { type: 'Input.Text' }, { type: 'Chart.Pie' }],
    } as unknown as IAdaptiveCard;
    expect(validate(broken).length).toBeGreaterThan(0);
  });
});

describe('buttons reach the bot in every client', () => {
  it('every Action.Execute has an Action.Submit fallback with the same verb and data', () => {
    for (const [, json] of Object.values(CASES).flat()) {
      for (const action of json.actions ?? []) {
        expect(['Action.Execute', 'Action.OpenUrl']).toContain(action.type);
        if (action.type === 'Action.OpenUrl') expect(action.url).toMatch(/^https?:\/\//);
        if (action.type !== 'Action.Execute') continue;
        expect(action.fallback).toEqual({
          type: 'Action.Submit',
          title: action.title,
          data: { ...(action.data as object), verb: action.verb },
        });
      }
    }
  });
});

import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, screen, within } from '@testing-library/react';
import { OverviewPage, workLinks } from '../../src/tab/pages/Overview';
import { COORDINATOR_ACTIONS, ERIK, KARIN, MARIA, meFor, renderWithServices, stubApi } from './support';

const BREACHES = {
  breaches: [
    {
      code: 'STODGRUPP_KOMMUN_COUNT',
      message: 'Stödgruppen har 2 kommuner; avtalet kräver 3–4.',
    },
    {
      code: 'KOMMUN_WITHOUT_REPRESENTATIVE',
      organisationId: 'asele',
      message: 'Åsele kommun saknar representant i samverkansgruppen.',
    },
  ],
};

const MEETINGS = {
  meetings: [
    {
      id: 'm1',
      title: 'Samverkansgruppen hösten 2026',
      group: 'samverkansgrupp',
      start: '2026-10-26T08:00:00Z',
      end: '2026-10-26T11:00:00Z',
      status: 'planerat',
    },
  ],
};

const TODO = {
  items: [
    { kind: 'callSeasonMeeting', page: 'moten', season: 'var', year: 2027 },
    {
      kind: 'approveProtocol',
      page: 'moten',
      meetingId: '7',
      meetingTitle: 'Samverkansgruppen – höstmöte 2026',
      date: '2026-10-06',
      step: 'justerare',
    },
  ],
  unavailable: [],
};
const NO_TODO = { items: [], unavailable: [] };
const NO_ASSIGNMENTS = { assignments: [] };

describe('Översikt', () => {
  afterEach(cleanup);

  it('shows who you are, your roles, the next meetings in Stockholm time with week number, and the gaps', async () => {
    stubApi({
      '/api/assignments?mine=1': NO_ASSIGNMENTS,
      '/api/meetings?upcoming=true': MEETINGS,
      '/api/commitments': BREACHES,
      '/api/todo': TODO,
    });
    const me = meFor(MARIA, 'Umeå kommun', [
      'samverkansgrupp.kalla',
      'meeting.reschedule',
      'protocol.approve',
      'report.read',
    ]);
    renderWithServices(<OverviewPage me={me} />);

    const you = screen.getByRole('region', { name: 'Du' });
    expect(within(you).getByText('Maria Bergström')).toBeTruthy();
    expect(within(you).getByText('Umeå kommun')).toBeTruthy();
    expect(within(you).getByText('Planchef')).toBeTruthy();
    const roles = within(you).getByRole('list', { name: 'Dina roller' });
    expect(
      within(roles)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Ordförande', 'Samverkansgruppen']);

    const meetings = screen.getByRole('region', { name: 'Kommande möten' });
    // 08:00Z in late October is 09:00 in Stockholm (CET), ISO week 44.
    expect(await within(meetings).findByText(/måndag 26 oktober 2026 kl\. 09:00 \(v\. 44\)/)).toBeTruthy();
    expect(within(meetings).getByText('Samverkansgruppen hösten 2026')).toBeTruthy();

    const gaps = screen.getByRole('region', { name: 'Luckor i åtagandena' });
    const items = await within(gaps).findAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      'Åsele kommun saknar representant i samverkansgruppen.',
      'Stödgruppen har 2 kommuner; avtalet kräver 3–4.',
    ]);

    // "Att göra" is what the data says waits, each a link to the place to act; the role's shortcuts follow.
    const work = screen.getByRole('region', { name: 'Att göra för dig' });
    const todo = await within(work).findByRole('list', { name: 'Att göra för dig' });
    expect(
      within(todo)
        .getAllByRole('link')
        .map((a) => [a.textContent, a.getAttribute('href')]),
    ).toEqual([
      ['Kalla till samverkansgruppens vårmöte 2027', '#/moten'],
      ['Justera protokollet från Samverkansgruppen – höstmöte 2026 (6 oktober 2026)', '#/moten/7'],
    ]);
    const shortcuts = within(work).getByRole('list', { name: 'Genvägar för dina roller' });
    expect(
      within(shortcuts)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Kalla till samverkansgruppens möte', 'Justera protokoll']);
  });

  it('says so when there are no meetings, no gaps and no work for a member', async () => {
    stubApi({
      '/api/assignments?mine=1': NO_ASSIGNMENTS,
      '/api/meetings?upcoming=true': { meetings: [] },
      '/api/commitments': { breaches: [] },
      '/api/todo': NO_TODO,
    });
    renderWithServices(<OverviewPage me={meFor(ERIK, 'Umeå kommun', ['report.read'])} />);
    expect(await screen.findByText('Inga kommande möten är inplanerade.')).toBeTruthy();
    expect(await screen.findByText('Alla kommuner har en representant. Inga luckor just nu.')).toBeTruthy();
    expect(await screen.findByText('Inget väntar på dig just nu.')).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Genvägar för dina roller' })).toBeNull();
  });

  it('shows a loading status first and the API message when the commitments fail', async () => {
    stubApi({
      '/api/assignments?mine=1': NO_ASSIGNMENTS,
      '/api/meetings?upcoming=true': { meetings: [] },
      '/api/todo': NO_TODO,
      '/api/commitments': () => ({
        status: 403,
        body: { error: { code: 'FORBIDDEN', message: 'Du har inte behörighet att läsa rapporter.', requestId: 'r1' } },
      }),
    });
    renderWithServices(<OverviewPage me={meFor(ERIK, 'Umeå kommun', [])} />);
    expect(screen.getAllByRole('status').some((s) => s.textContent?.includes('Laddar'))).toBe(true);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Du har inte behörighet att läsa rapporter.');
  });

  it('renders in English with English role names and dates', async () => {
    stubApi({
      '/api/assignments?mine=1': NO_ASSIGNMENTS,
      '/api/meetings?upcoming=true': MEETINGS,
      '/api/commitments': { breaches: [] },
      '/api/todo': {
        items: [
          { kind: 'decideProposals', page: 'beslut', count: 1 },
          { kind: 'coFinancingGaps', page: 'budget', year: 2026, count: 3 },
        ],
        unavailable: ['answers'],
      },
    });
    renderWithServices(<OverviewPage me={meFor(KARIN, 'Region Västerbotten', COORDINATOR_ACTIONS)} />, {
      language: 'en',
    });
    expect(screen.getByRole('heading', { level: 1, name: 'Overview' })).toBeTruthy();
    expect(screen.getByText('Coordinator')).toBeTruthy();
    expect(screen.getByText('Support group')).toBeTruthy();
    expect(await screen.findByText(/Monday 26 October 2026, 09:00 \(week 44\)/)).toBeTruthy();
    // Plurals through Intl.PluralRules; a part that could not be read is named.
    expect(await screen.findByRole('link', { name: '1 proposal is waiting for a decision' })).toBeTruthy();
    expect(
      screen.getByRole('link', { name: '3 organisations have not paid all their co-financing for 2026' }),
    ).toBeTruthy();
    expect(screen.getByText(/the answers to the invitations/)).toBeTruthy();
  });

  it('Swedish plurals: one and several organisations', async () => {
    stubApi({
      '/api/assignments?mine=1': NO_ASSIGNMENTS,
      '/api/meetings?upcoming=true': { meetings: [] },
      '/api/commitments': { breaches: [] },
      '/api/todo': {
        items: [
          { kind: 'coFinancingGaps', page: 'budget', year: 2026, count: 1 },
          { kind: 'decideProposals', page: 'beslut', count: 2 },
        ],
        unavailable: [],
      },
    });
    renderWithServices(<OverviewPage me={meFor(KARIN, 'Region Västerbotten', COORDINATOR_ACTIONS)} />);
    const gap = await screen.findByRole('link', {
      name: '1 organisation har inte betalat hela medfinansieringen 2026',
    });
    expect(gap.getAttribute('href')).toBe('#/budget');
    expect(screen.getByRole('link', { name: '2 förslag väntar på beslut' }).getAttribute('href')).toBe('#/beslut');
  });

  it('maps allowed actions to one link per kind of work', () => {
    const links = workLinks(COORDINATOR_ACTIONS);
    expect(links.map((l) => l.page)).toEqual([
      'moten',
      'moten',
      'beslut',
      'beslut',
      'beslut',
      'aktiviteter',
      'budget',
      'kontakter',
      'arbetsgrupper',
    ]);
    expect(workLinks(['budget.edit', 'outcome.book'])).toHaveLength(1);
  });
});

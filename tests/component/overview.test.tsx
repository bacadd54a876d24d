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

describe('Översikt', () => {
  afterEach(cleanup);

  it('shows who you are, your roles, the next meetings in Stockholm time with week number, and the gaps', async () => {
    stubApi({ '/api/meetings?upcoming=true': MEETINGS, '/api/commitments': BREACHES });
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

    const work = screen.getByRole('region', { name: 'Att göra för dig' });
    const links = within(work).getAllByRole('link');
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Kalla till samverkansgruppens möte', '#/moten'],
      ['Justera protokoll', '#/beslut'],
    ]);
  });

  it('says so when there are no meetings, no gaps and no work for a member', async () => {
    stubApi({ '/api/meetings?upcoming=true': { meetings: [] }, '/api/commitments': { breaches: [] } });
    renderWithServices(<OverviewPage me={meFor(ERIK, 'Umeå kommun', ['report.read'])} />);
    expect(await screen.findByText('Inga kommande möten är inplanerade.')).toBeTruthy();
    expect(await screen.findByText('Alla kommuner har en representant. Inga luckor just nu.')).toBeTruthy();
    expect(screen.getByText('Du har inget som väntar på dig just nu.')).toBeTruthy();
  });

  it('shows a loading status first and the API message when the commitments fail', async () => {
    stubApi({
      '/api/meetings?upcoming=true': { meetings: [] },
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
    stubApi({ '/api/meetings?upcoming=true': MEETINGS, '/api/commitments': { breaches: [] } });
    renderWithServices(<OverviewPage me={meFor(KARIN, 'Region Västerbotten', COORDINATOR_ACTIONS)} />, {
      language: 'en',
    });
    expect(screen.getByRole('heading', { level: 1, name: 'Overview' })).toBeTruthy();
    expect(screen.getByText('Coordinator')).toBeTruthy();
    expect(screen.getByText('Support group')).toBeTruthy();
    expect(await screen.findByText(/Monday 26 October 2026, 09:00 \(week 44\)/)).toBeTruthy();
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

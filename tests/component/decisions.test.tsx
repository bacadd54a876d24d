import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { DecisionsPage } from '../../src/tab/pages/Decisions';
import { COORDINATOR_ACTIONS, ERIK, KARIN, meFor, renderWithServices, stubApi } from './support';

const DECISION = {
  id: '4',
  etag: '"d,1"',
  title: 'Budget 2027',
  meetingId: '7',
  kind: 'budget',
  text: 'Budgeten fastställs.',
  decidedOn: '2026-04-22',
  followUp: 'ej_paborjad',
  followUpDue: '2026-09-30',
};

const ROUTES = {
  '/api/decisions': { decisions: [DECISION] },
  '/api/decisions?followUp=open': { decisions: [DECISION] },
  '/api/meetings': {
    meetings: [
      {
        id: '7',
        title: 'Samverkansgruppen vår',
        group: 'samverkansgrupp',
        start: '2026-04-22T07:00:00Z',
        end: null,
        status: 'genomfort',
      },
    ],
  },
  '/api/decisions/open-proposals': {
    proposals: [{ kind: 'verksamhetsplan', title: 'Verksamhetsplan 2027', text: '', subjectRef: 'operatingPlan:2027' }],
  },
};

describe('Beslut page', () => {
  afterEach(() => {
    cleanup();
    // The chosen view is kept in the address: each test starts from the page's own address.
    window.history.replaceState(null, '', '#/');
  });

  it('lists the register with meeting and follow-up, filters it, and shows the open proposals', async () => {
    const requests = stubApi(ROUTES);
    renderWithServices(<DecisionsPage me={meFor(ERIK, 'Umeå kommun', ['report.read'])} />);
    const table = await screen.findByRole('table', { name: 'Beslut' });
    const row = within(table).getByText('Budget 2027').closest('tr') as HTMLElement;
    expect(within(row).getByText('Samverkansgruppen vår')).toBeTruthy();
    expect(within(row).getByText('Ej påbörjad')).toBeTruthy();
    expect(within(row).queryByRole('combobox')).toBeNull();
    fireEvent.change(screen.getByRole('combobox', { name: 'Uppföljning' }), { target: { value: 'open' } });
    await waitFor(() => expect(requests.some((r) => r.url.endsWith('/api/decisions?followUp=open'))).toBe(true));
    // The proposals are a view of their own (its tab counts them).
    fireEvent.click(await screen.findByRole('tab', { name: 'Förslag som väntar (1)' }));
    expect(screen.getByText('Verksamhetsplan: Verksamhetsplan 2027')).toBeTruthy();
  });

  it('lets the coordinator move the follow-up on, sending the ETag it read', async () => {
    const requests = stubApi({
      ...ROUTES,
      'PATCH /api/decisions/4/follow-up': { decision: { ...DECISION, etag: '"d,2"', followUp: 'klar' } },
    });
    renderWithServices(<DecisionsPage me={meFor(KARIN, 'Region Västerbotten', COORDINATOR_ACTIONS)} />);
    const select = await screen.findByRole('combobox', { name: 'Uppföljning för Budget 2027' });
    fireEvent.change(select, { target: { value: 'klar' } });
    expect(await screen.findByText('Uppföljningen är sparad.')).toBeTruthy();
    const patch = requests.find((r) => r.method === 'PATCH');
    expect(patch?.headers.get('if-match')).toBe('"d,1"');
    expect(JSON.parse(patch?.body ?? '{}')).toEqual({ followUp: 'klar' });
  });

  describe('the register as views, searched, sorted and collapsed', () => {
    const many = Array.from({ length: 18 }, (_, i) => ({
      ...DECISION,
      id: String(100 + i),
      etag: `"d,${i}"`,
      paragraph: i + 1,
      title: i === 3 ? 'Årsredovisning' : i === 7 ? 'Ändrad mötesordning' : `Beslut nummer ${i + 1}`,
      text: i === 7 ? 'Mötena flyttas till tisdagar.' : 'Enligt förslaget.',
      decidedOn: `2026-0${1 + (i % 9)}-1${i % 10}`,
    }));
    const titles = () =>
      within(screen.getByRole('table', { name: 'Beslut' }))
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.querySelector('strong')?.textContent);

    it('opens the view the address names, and keeps the chosen one in the address', async () => {
      window.history.replaceState(null, '', '#/beslut/forslag');
      stubApi(ROUTES);
      renderWithServices(<DecisionsPage me={meFor(ERIK, 'Umeå kommun', ['report.read'])} />);
      expect(await screen.findByText('Verksamhetsplan: Verksamhetsplan 2027')).toBeTruthy();
      expect(screen.getByRole('tab', { name: /Förslag som väntar/ }).getAttribute('aria-selected')).toBe('true');
      expect(screen.queryByRole('table', { name: 'Beslut' })).toBeNull();
      fireEvent.click(screen.getByRole('tab', { name: 'Beslutslista' }));
      expect(await screen.findByRole('table', { name: 'Beslut' })).toBeTruthy();
      expect(window.location.hash).toBe('#/beslut/beslutslista');
    });

    it('shows the first 15 with a count and a button for all, searches words in title and text', async () => {
      stubApi({ ...ROUTES, '/api/decisions': { decisions: many } });
      renderWithServices(<DecisionsPage me={meFor(ERIK, 'Umeå kommun', ['report.read'])} />);
      await screen.findByRole('table', { name: 'Beslut' });
      expect(screen.getByText('18 beslut visas')).toBeTruthy();
      expect(titles()).toHaveLength(15);
      const all = screen.getByRole('button', { name: 'Visa alla 18 beslut' });
      expect(all.getAttribute('aria-expanded')).toBe('false');
      fireEvent.click(all);
      expect(titles()).toHaveLength(18);
      fireEvent.change(screen.getByRole('searchbox', { name: /Sök i beslut/ }), { target: { value: 'TISDAGAR' } });
      expect(titles()).toEqual(['Ändrad mötesordning']);
      expect(screen.getByText('1 beslut visas')).toBeTruthy();
      fireEvent.change(screen.getByRole('searchbox', { name: /Sök i beslut/ }), {
        target: { value: 'ingenting sådant' },
      });
      expect(screen.getByText(/^Inga beslut matchar filtret\./)).toBeTruthy();
      expect(screen.queryByText('Inga beslut ännu.')).toBeNull();
      expect(screen.queryByRole('table', { name: 'Beslut' })).toBeNull();
    });

    it('says "Inga beslut ännu" with what to do when there are none, and "matchar filtret" only when a filter hides them', async () => {
      stubApi({ ...ROUTES, '/api/decisions': { decisions: [] } });
      renderWithServices(<DecisionsPage me={meFor(KARIN, 'Region Västerbotten', COORDINATOR_ACTIONS)} />);
      expect(await screen.findByText('Inga beslut ännu.')).toBeTruthy();
      expect(
        screen.getByText(/registrerar du det under mötet i Möten, eller här med ”Registrera beslut”/),
      ).toBeTruthy();
      expect(screen.queryByText(/matchar filtret/)).toBeNull();
      expect(screen.queryByRole('searchbox', { name: /Sök i beslut/ })).toBeNull();
    });

    it('sorts by title in Swedish order (Å and Ä after Z) and by date with the paragraph, announcing it', async () => {
      stubApi({ ...ROUTES, '/api/decisions': { decisions: many.slice(0, 9) } });
      renderWithServices(<DecisionsPage me={meFor(ERIK, 'Umeå kommun', ['report.read'])} />);
      await screen.findByRole('table', { name: 'Beslut' });
      const header = screen.getByRole('columnheader', { name: /^Beslut/ });
      fireEvent.click(within(header).getByRole('button'));
      expect(header.getAttribute('aria-sort')).toBe('ascending');
      expect(titles().slice(-2)).toEqual(['Årsredovisning', 'Ändrad mötesordning']);
      const date = screen.getByRole('columnheader', { name: /Datum/ });
      fireEvent.click(within(date).getByRole('button'));
      fireEvent.click(within(date).getByRole('button'));
      expect(date.getAttribute('aria-sort')).toBe('descending');
      expect(header.getAttribute('aria-sort')).toBe('none');
      expect(titles()[0]).toBe('Beslut nummer 9');
    });
  });
});

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
  afterEach(cleanup);

  it('lists the register with meeting and follow-up, filters it, and shows the open proposals', async () => {
    const requests = stubApi(ROUTES);
    renderWithServices(<DecisionsPage me={meFor(ERIK, 'Umeå kommun', ['report.read'])} />);
    const table = await screen.findByRole('table', { name: 'Beslut' });
    const row = within(table).getByText('Budget 2027').closest('tr') as HTMLElement;
    expect(within(row).getByText('Samverkansgruppen vår')).toBeTruthy();
    expect(within(row).getByText('Ej påbörjad')).toBeTruthy();
    expect(within(row).queryByRole('combobox')).toBeNull();
    expect(screen.getByText('Verksamhetsplan: Verksamhetsplan 2027')).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Uppföljning' }), { target: { value: 'open' } });
    await waitFor(() => expect(requests.some((r) => r.url.endsWith('/api/decisions?followUp=open'))).toBe(true));
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
});

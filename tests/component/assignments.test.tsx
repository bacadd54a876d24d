import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { MyAssignments } from '../../src/tab/overview/MyAssignments';
import { renderWithServices, stubApi } from './support';

const OWN = {
  id: '12',
  etag: '"a,1"',
  decisionId: '4',
  assigneeKind: 'person',
  assigneeId: '3',
  assigneeName: 'Erik Lundqvist',
  description: 'Ta fram underlag',
  due: '2026-12-01',
  status: 'ej_paborjat',
};
const NEWER = { ...OWN, etag: '"a,2"', status: 'pagar', report: 'Påbörjat av samordnaren.' };

describe('Mina uppdrag', () => {
  afterEach(cleanup);

  it('lists my uppdrag with the due date in Swedish, marks the overdue, and shows the newer value on a conflict', async () => {
    let patches = 0;
    const requests = stubApi({
      '/api/assignments?mine=1': { assignments: [OWN] },
      'PATCH /api/assignments/12': () =>
        ++patches === 1
          ? { status: 409, body: { error: { code: 'CONFLICT', message: 'Någon annan har ändrat.', current: NEWER } } }
          : { body: { assignment: { ...NEWER, etag: '"a,3"', status: 'klart' } } },
    });
    renderWithServices(<MyAssignments today="2026-12-03" />);
    expect(await screen.findByText('Ta fram underlag')).toBeTruthy();
    expect(screen.getByText(/1 december 2026/)).toBeTruthy();
    expect(screen.getByText('Försenat')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Uppdatera' }));
    fireEvent.change(await screen.findByRole('combobox', { name: 'Status' }), { target: { value: 'klart' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    expect(await screen.findByText(/Någon annan har ändrat uppdraget: nu pågår/i)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Spara' }));
    await waitFor(() => expect(patches).toBe(2));
    const sent = requests.filter((r) => r.method === 'PATCH');
    expect(sent.map((r) => r.headers.get('if-match'))).toEqual(['"a,1"', '"a,2"']);
    expect(JSON.parse(sent[1]!.body!)).toEqual({ status: 'klart' });
    expect(sent.every((r) => (r.headers.get('idempotency-key') ?? '').length >= 8)).toBe(true);
  });
});

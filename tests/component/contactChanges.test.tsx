import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ContactsPage } from '../../src/tab/pages/Contacts';
import { COORDINATOR_ACTIONS, ERIK, KARIN, ORGANISATIONS, PEOPLE, meFor, renderWithServices, stubApi } from './support';

const coordinator = meFor(KARIN, 'Region Västerbotten', COORDINATOR_ACTIONS);
const member = meFor(ERIK, 'Umeå kommun', ['report.read']);

const ELIN = {
  id: '77',
  displayName: 'Elin Nyberg',
  email: 'elin.nyberg@umea.se',
  organisationId: 'umea',
  roles: ['samverkansgrupp'],
  etag: '"1"',
};
const WARNING = {
  code: 'KOMMUN_TOO_MANY_REPRESENTATIVES',
  organisationId: 'umea',
  message: 'Umeå har 3 representanter i samverkansgruppen; högst 2 är tillåtna.',
};

describe('Kontakter: adding and deactivating people (#17)', () => {
  afterEach(cleanup);

  it('offers neither to a member', async () => {
    stubApi({ '/api/people': { people: PEOPLE }, '/api/organisations': { organisations: ORGANISATIONS } });
    renderWithServices(<ContactsPage me={member} />);
    await screen.findByRole('table', { name: 'Kontaktlista' });
    expect(screen.queryByRole('button', { name: 'Lägg till kontakt' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Avaktivera/ })).toBeNull();
  });

  it('adds from the directory: checks first, shows the warnings, saves only on "Spara ändå"', async () => {
    const requests = stubApi({
      '/api/people': { people: PEOPLE },
      '/api/organisations': { organisations: ORGANISATIONS },
      'POST /api/people': (request) => {
        const body = JSON.parse(request.body ?? '{}') as { dryRun?: boolean };
        return body.dryRun
          ? { body: { person: ELIN, saved: false, breaches: [WARNING], introduced: [WARNING] } }
          : { status: 201, body: { person: ELIN, saved: true, breaches: [WARNING], introduced: [WARNING] } };
      },
    });
    renderWithServices(<ContactsPage me={coordinator} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Lägg till kontakt' }));
    const dialog = await screen.findByRole('dialog', { name: 'Lägg till kontakt' });
    fireEvent.change(within(dialog).getByRole('textbox', { name: /E-postadress/ }), {
      target: { value: 'elin.nyberg@umea.se' },
    });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Samverkansgruppen' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lägg till' }));
    expect(await within(dialog).findByText(WARNING.message)).toBeTruthy();
    const posts = () => requests.filter((r) => r.method === 'POST').map((r) => JSON.parse(r.body ?? '{}') as object);
    expect(posts()).toEqual([
      { source: 'directory', email: 'elin.nyberg@umea.se', roles: ['samverkansgrupp'], dryRun: true },
    ]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Spara ändå' }));
    expect(await screen.findByText(/Elin Nyberg är tillagd i kontaktlistan\./)).toBeTruthy();
    expect(posts()[1]).toEqual({
      source: 'directory',
      email: 'elin.nyberg@umea.se',
      roles: ['samverkansgrupp'],
      confirm: true,
    });
  });

  it('asks before deactivating, shows what it leaves behind, and deactivates on confirmation', async () => {
    const requests = stubApi({
      '/api/people': { people: PEOPLE },
      '/api/organisations': { organisations: ORGANISATIONS },
      [`POST /api/people/${ERIK.id}/deactivate`]: (request) => {
        const body = JSON.parse(request.body ?? '{}') as { dryRun?: boolean };
        const person = { ...ERIK, roles: [], formerRoles: ['samverkansgrupp'], deactivatedOn: '2026-12-02' };
        return { body: { person, saved: !body.dryRun, breaches: [], introduced: [] } };
      },
    });
    renderWithServices(<ContactsPage me={coordinator} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Avaktivera Erik Lundqvist' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Avaktivera Erik Lundqvist?' });
    expect(within(dialog).getByText(/tas bort ur grupperna och får inga fler kallelser/)).toBeTruthy();
    const yes = within(dialog).getByRole('button', { name: 'Ja, avaktivera' });
    await waitFor(() => expect((yes as HTMLButtonElement).disabled).toBe(false));
    // Nothing is written before the confirmation: only the dry run has gone.
    const deactivations = () => requests.filter((r) => r.url.endsWith('/deactivate'));
    expect(deactivations().map((r) => r.body)).toEqual(['{"dryRun":true}']);
    fireEvent.click(yes);
    expect(await screen.findByText(/Erik Lundqvist är avaktiverad\./)).toBeTruthy();
    expect(deactivations().map((r) => r.body)).toEqual(['{"dryRun":true}', '{"confirm":true}']);
    expect(deactivations()[1]?.headers.get('if-match')).toBe(ERIK.etag);
  });
});

import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { PlaceholderPage } from '../../src/tab/pages/Placeholder';
import { Shell } from '../../src/tab/Shell';
import { COORDINATOR_ACTIONS, KARIN, ORGANISATIONS, PEOPLE, meFor, renderWithServices, stubApi } from './support';

function stubCoordinator() {
  return stubApi({
    '/api/me': meFor(KARIN, 'Region Västerbotten', COORDINATOR_ACTIONS),
    '/api/meetings?upcoming=true': { meetings: [] },
    '/api/commitments': { breaches: [] },
    '/api/people': { people: PEOPLE },
    '/api/organisations': { organisations: ORGANISATIONS },
  });
}

function goTo(hash: string) {
  act(() => {
    window.location.hash = hash;
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
}

describe('tab shell', () => {
  beforeEach(() => {
    window.history.replaceState(null, '', '/');
    window.localStorage.clear();
  });
  afterEach(cleanup);

  it('lists the seven pages in the main navigation and marks the current one', async () => {
    stubCoordinator();
    renderWithServices(<Shell theme="light" onThemeChange={() => {}} />);
    const nav = screen.getByRole('navigation', { name: 'Huvudmeny' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual([
      'Översikt',
      'Möten',
      'Aktiviteter',
      'Budget',
      'Beslut',
      'Arbetsgrupper',
      'Kontakter',
    ]);
    expect(within(nav).getByRole('link', { name: 'Översikt' }).getAttribute('aria-current')).toBe('page');
    expect(await screen.findByRole('heading', { level: 1, name: 'Översikt' })).toBeTruthy();
  });

  it('navigates by hash, marks the current page and moves focus to the new heading', async () => {
    stubCoordinator();
    renderWithServices(<Shell theme="light" onThemeChange={() => {}} />);
    await screen.findByRole('heading', { level: 1, name: 'Översikt' });

    goTo('#/kontakter');
    const contacts = await screen.findByRole('heading', { level: 1, name: 'Kontakter' });
    await waitFor(() => expect(document.activeElement).toBe(contacts));
    const nav = screen.getByRole('navigation', { name: 'Huvudmeny' });
    expect(within(nav).getByRole('link', { name: 'Kontakter' }).getAttribute('aria-current')).toBe('page');
    expect(within(nav).getByRole('link', { name: 'Översikt' }).getAttribute('aria-current')).toBeNull();
    expect(await screen.findByText('Karin Nordström')).toBeTruthy();

    // A hash that is not a route (the skip link's #main) leaves the page as it is.
    goTo('#main');
    expect(screen.getByRole('heading', { level: 1, name: 'Kontakter' })).toBeTruthy();
  });

  it('loads each feature page on its first visit: a Swedish loading status, then its heading takes focus', async () => {
    stubCoordinator();
    renderWithServices(<Shell theme="light" onThemeChange={() => {}} />);
    await screen.findByRole('heading', { level: 1, name: 'Översikt' });
    const main = screen.getByRole('main');
    for (const [hash, title] of [
      ['moten', 'Möten'],
      ['aktiviteter', 'Aktiviteter'],
      ['budget', 'Budget'],
      ['beslut', 'Beslut'],
      ['arbetsgrupper', 'Arbetsgrupper'],
    ] as const) {
      goTo(`#/${hash}`);
      // The page's code is not in the initial bundle: until it arrives, main says so (aria-live).
      expect(within(main).getByRole('status').textContent).toMatch(/^Laddar/);
      expect(within(main).queryByRole('heading', { level: 1 })).toBeNull();
      const heading = await within(main).findByRole('heading', { level: 1, name: (name) => name.startsWith(title) });
      await waitFor(() => expect(document.activeElement).toBe(heading));
    }
  });

  it('a page not built yet says in Swedish what it will hold', () => {
    renderWithServices(<PlaceholderPage page="budget" />);
    expect(screen.getByRole('heading', { level: 1, name: 'Budget' })).toBeTruthy();
    expect(screen.getByText(/årets budget och bokfört utfall/)).toBeTruthy();
  });

  it('starts on the page a channel tab pinned with ?view=', async () => {
    window.history.replaceState(null, '', '/?view=kontakter');
    stubCoordinator();
    renderWithServices(<Shell theme="light" />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Kontakter' })).toBeTruthy();
  });

  it('switches the whole UI to English and back, and <html lang> follows', async () => {
    stubCoordinator();
    renderWithServices(<Shell theme="light" onThemeChange={() => {}} />);
    await screen.findByRole('heading', { level: 1, name: 'Översikt' });
    expect(document.documentElement.lang).toBe('sv');

    fireEvent.click(screen.getByRole('button', { name: 'Byt språk till engelska' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Overview' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    const nav = screen.getByRole('navigation', { name: 'Main menu' });
    expect(within(nav).getByRole('link', { name: 'Contacts' })).toBeTruthy();
    expect(screen.getByText('Coordinator')).toBeTruthy();
    expect(window.localStorage.getItem('pbs.language')).toBe('en');

    fireEvent.click(screen.getByRole('button', { name: 'Switch language to Swedish' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Översikt' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('sv');
  });

  it('offers a theme switch outside Teams and a skip link to the main content', async () => {
    stubCoordinator();
    const chosen: string[] = [];
    renderWithServices(<Shell theme="light" onThemeChange={(theme) => chosen.push(theme)} />);
    await screen.findByRole('heading', { level: 1, name: 'Översikt' });
    const select = screen.getByRole('combobox', { name: 'Tema' });
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Ljust', 'Mörkt', 'Hög kontrast']);
    fireEvent.change(select, { target: { value: 'contrast' } });
    expect(chosen).toEqual(['contrast']);

    const skip = screen.getByRole('link', { name: 'Hoppa till innehållet' });
    fireEvent.click(skip);
    expect(document.activeElement).toBe(screen.getByRole('main'));
  });

  it('shows the local-environment banner with who you are, and switch/sign-out actions', async () => {
    stubCoordinator();
    const calls: string[] = [];
    renderWithServices(
      <Shell
        theme="light"
        onThemeChange={() => {}}
        local={{ onSwitchPersona: () => calls.push('switch'), onSignOut: () => calls.push('out') }}
      />,
    );
    expect(await screen.findByText('Inloggad som Karin Nordström')).toBeTruthy();
    expect(screen.getByText('Lokal testmiljö – inte riktig inloggning.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Byt person' }));
    fireEvent.click(screen.getByRole('button', { name: 'Logga ut' }));
    expect(calls).toEqual(['switch', 'out']);
  });

  it('sends the bearer token and shows the API message, not a stack trace, when /api/me fails', async () => {
    const requests = stubApi({
      '/api/me': () => ({
        status: 503,
        body: {
          error: {
            code: 'GRAPH_UNAVAILABLE',
            message: 'Microsoft 365 svarar inte just nu. Försök igen om en stund.',
            requestId: 'req-42',
          },
        },
      }),
    });
    renderWithServices(<Shell theme="light" />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Microsoft 365 svarar inte just nu.');
    expect(alert.textContent).toContain('req-42');
    expect(alert.textContent).not.toMatch(/at \w+ \(|Error:/);
    await waitFor(() => expect(requests[0]?.headers.get('authorization')).toBe('Bearer test-token'));
  });
});

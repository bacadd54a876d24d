import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { WorkingGroupsPage } from '../../src/tab/pages/WorkingGroups';
import type { WorkingGroupDto } from '../../src/contract';
import {
  COORDINATOR_ACTIONS,
  ERIK,
  KARIN,
  MARIA,
  PEOPLE,
  meFor,
  renderWithServices,
  stubApi,
  enterDateOrTime,
} from './support';

const coordinator = meFor(KARIN, 'Region Västerbotten', [
  ...COORDINATOR_ACTIONS,
  'workinggroup.appoint',
  'workinggroup.members',
  'workinggroup.end',
]);
const member = meFor(ERIK, 'Umeå kommun', ['report.read']);

function group(overrides: Partial<WorkingGroupDto> = {}): WorkingGroupDto {
  return {
    id: '7',
    etag: '"1"',
    name: 'Bygglovsrutiner',
    syfte: 'Samordna tolkningen av PBL.',
    uppdrag: 'Ta fram gemensamma rutiner.',
    malsattning: 'Rutiner antagna i höst.',
    members: [
      {
        id: MARIA.id,
        displayName: MARIA.displayName,
        email: MARIA.email,
        organisationId: 'umea',
        organisationName: 'Umeå kommun',
        convener: true,
        guest: false,
      },
      {
        id: ERIK.id,
        displayName: ERIK.displayName,
        email: ERIK.email,
        organisationId: 'umea',
        organisationName: 'Umeå kommun',
        convener: false,
        guest: true,
      },
    ],
    convenerId: MARIA.id,
    period: { start: '2026-09-01', end: '2027-06-30' },
    status: 'aktiv',
    membershipType: 'private',
    channel: { id: '19:abc@thread.tacv2', name: 'Bygglovsrutiner', webUrl: 'https://teams.microsoft.com/l/channel/x' },
    setupStep: 'klar',
    notInChannel: [],
    ...overrides,
  };
}

describe('Arbetsgrupper page', () => {
  afterEach(() => {
    cleanup();
    // The chosen view is kept in the address: each test starts from the page's own address.
    window.history.replaceState(null, '', '#/');
  });

  it('lists active and ended groups with mandate, members, convener and channel link; a member sees no actions', async () => {
    stubApi({
      '/api/working-groups': {
        groups: [group(), group({ id: '8', name: 'Energikrav', status: 'avslutad', finalReport: 'Klart.' })],
      },
      '/api/people': { people: PEOPLE },
    });
    renderWithServices(<WorkingGroupsPage me={member} />);
    const active = await screen.findByRole('region', { name: 'Aktiva arbetsgrupper' });
    const card = within(active).getByRole('article', { name: 'Bygglovsrutiner' });
    expect(within(card).getByText('Samordna tolkningen av PBL.')).toBeTruthy();
    expect(within(card).getByText(/Maria Bergström, Umeå kommun \(sammankallande\)/)).toBeTruthy();
    expect(
      within(card)
        .getByRole('link', { name: /Öppna kanalen i Teams/ })
        .getAttribute('href'),
    ).toBe('https://teams.microsoft.com/l/channel/x');
    // The ended groups are a view of their own (its tab counts them).
    fireEvent.click(screen.getByRole('tab', { name: 'Avslutade (1)' }));
    const ended = screen.getByRole('region', { name: 'Avslutade arbetsgrupper' });
    expect(within(ended).getByRole('article', { name: 'Energikrav' })).toBeTruthy();
    expect(within(ended).getByText('Klart.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Tillsätt arbetsgrupp' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Avsluta' })).toBeNull();
  });

  it('lets the coordinator appoint a group; the request carries the mandate, members, convener and channel type', async () => {
    let groups: WorkingGroupDto[] = [];
    const requests = stubApi({
      'GET /api/working-groups': () => ({ body: { groups } }),
      'POST /api/working-groups': (request) => {
        const body = JSON.parse(request.body ?? '{}') as { name: string };
        groups = [group({ name: body.name })];
        return { status: 201, body: { group: groups[0] } };
      },
      '/api/people': { people: PEOPLE },
    });
    renderWithServices(<WorkingGroupsPage me={coordinator} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Tillsätt arbetsgrupp' }));
    const form = await screen.findByRole('form', { name: 'Tillsätt en arbetsgrupp', hidden: true });

    fireEvent.click(within(form).getByRole('button', { hidden: true, name: 'Tillsätt och skapa kanal' }));
    expect(within(form).getByText('Namnet får inte vara tomt.')).toBeTruthy();
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);

    fireEvent.change(within(form).getByRole('textbox', { hidden: true, name: /Namn/ }), {
      target: { value: 'Bygglovsrutiner' },
    });
    fireEvent.change(within(form).getByRole('textbox', { hidden: true, name: /Syfte/ }), {
      target: { value: 'Samordna.' },
    });
    fireEvent.change(within(form).getByRole('textbox', { hidden: true, name: /Uppdrag/ }), {
      target: { value: 'Rutiner.' },
    });
    fireEvent.click(within(form).getByRole('checkbox', { hidden: true, name: /Maria Bergström/ }));
    fireEvent.click(within(form).getByRole('checkbox', { hidden: true, name: /Erik Lundqvist/ }));
    fireEvent.change(within(form).getByRole('combobox', { hidden: true, name: /Sammankallande/ }), {
      target: { value: MARIA.id },
    });
    enterDateOrTime(within(form).getByLabelText(/Från/), '2026-09-01');
    fireEvent.click(within(form).getByRole('radio', { hidden: true, name: /Delad/ }));
    fireEvent.click(within(form).getByRole('button', { hidden: true, name: 'Tillsätt och skapa kanal' }));

    await screen.findByText('Arbetsgruppen Bygglovsrutiner är tillsatt och kanalen är skapad.');
    const post = requests.find((r) => r.method === 'POST')!;
    expect(JSON.parse(post.body!)).toEqual({
      name: 'Bygglovsrutiner',
      syfte: 'Samordna.',
      uppdrag: 'Rutiner.',
      memberIds: [MARIA.id, ERIK.id],
      convenerId: MARIA.id,
      period: { start: '2026-09-01' },
      membershipType: 'shared',
    });
    await waitFor(() => expect(screen.getByRole('article', { name: 'Bygglovsrutiner' })).toBeTruthy());
  });

  it('shows the server’s message next to the field when it refuses (e.g. a duplicate)', async () => {
    stubApi({
      'GET /api/working-groups': { groups: [] },
      'POST /api/working-groups': () => ({
        status: 400,
        body: {
          error: {
            code: 'VALIDATION',
            message: 'Uppgifterna är ogiltiga.',
            requestId: 'r',
            issues: [{ path: 'name', message: 'Namnet får vara högst 50 tecken.' }],
          },
        },
      }),
      '/api/people': { people: PEOPLE },
    });
    renderWithServices(<WorkingGroupsPage me={coordinator} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Tillsätt arbetsgrupp' }));
    const form = await screen.findByRole('form', { name: 'Tillsätt en arbetsgrupp', hidden: true });
    fireEvent.change(within(form).getByRole('textbox', { hidden: true, name: /Namn/ }), { target: { value: 'X' } });
    fireEvent.change(within(form).getByRole('textbox', { hidden: true, name: /Syfte/ }), { target: { value: 'S' } });
    fireEvent.change(within(form).getByRole('textbox', { hidden: true, name: /Uppdrag/ }), { target: { value: 'U' } });
    fireEvent.click(within(form).getByRole('checkbox', { hidden: true, name: /Maria Bergström/ }));
    fireEvent.change(within(form).getByRole('combobox', { hidden: true, name: /Sammankallande/ }), {
      target: { value: MARIA.id },
    });
    enterDateOrTime(within(form).getByLabelText(/Från/), '2026-09-01');
    fireEvent.click(within(form).getByRole('button', { hidden: true, name: 'Tillsätt och skapa kanal' }));
    expect(await within(form).findByText('Namnet får vara högst 50 tecken.')).toBeTruthy();
    expect(
      within(form)
        .getAllByRole('alert', { hidden: true })
        .map((a) => a.textContent),
    ).toContain('Uppgifterna är ogiltiga.');
  });

  it('lets the coordinator end a group with a final report', async () => {
    let current = group();
    const requests = stubApi({
      'GET /api/working-groups': () => ({ body: { groups: [current] } }),
      'POST /api/working-groups/7/end': (request) => {
        const { finalReport } = JSON.parse(request.body ?? '{}') as { finalReport: string };
        current = group({ status: 'avslutad', finalReport });
        return { body: { group: current } };
      },
      '/api/people': { people: PEOPLE },
    });
    renderWithServices(<WorkingGroupsPage me={coordinator} />);
    const card = await screen.findByRole('article', { name: 'Bygglovsrutiner' });
    fireEvent.click(within(card).getByRole('button', { name: 'Avsluta' }));
    fireEvent.click(within(card).getByRole('button', { name: 'Avsluta och arkivera kanalen' }));
    expect(within(card).getByText('Skriv en kort slutrapport.')).toBeTruthy();
    fireEvent.change(within(card).getByRole('textbox', { name: /Slutrapport/ }), {
      target: { value: 'Rutinerna är antagna.' },
    });
    fireEvent.click(within(card).getByRole('button', { name: 'Avsluta och arkivera kanalen' }));
    // Asked again, with what happens to the channel; the safe choice changes nothing.
    const dialog = await screen.findByRole('alertdialog', { name: 'Avsluta Bygglovsrutiner?' });
    expect(dialog.textContent).toContain('Kanalen Bygglovsrutiner arkiveras');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Låt gruppen arbeta vidare' }));
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);
    fireEvent.click(within(card).getByRole('button', { name: 'Avsluta och arkivera kanalen' }));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Avsluta gruppen' }));
    await screen.findByText('Arbetsgruppen Bygglovsrutiner är avslutad och kanalen är arkiverad.');
    expect(JSON.parse(requests.find((r) => r.method === 'POST')!.body!)).toEqual({
      finalReport: 'Rutinerna är antagna.',
    });
    fireEvent.click(await screen.findByRole('tab', { name: 'Avslutade (1)', hidden: true }));
    const ended = await screen.findByRole('region', { name: 'Avslutade arbetsgrupper', hidden: true });
    await waitFor(() => expect(within(ended).getByText('Rutinerna är antagna.')).toBeTruthy());
  });

  it('opens the form at once when the bot’s card linked here with ?ny=1 (coordinator only)', async () => {
    stubApi({ 'GET /api/working-groups': { groups: [] }, '/api/people': { people: PEOPLE } });
    window.location.hash = '#/arbetsgrupper?ny=1';
    renderWithServices(<WorkingGroupsPage me={coordinator} />);
    expect(await screen.findByRole('form', { name: 'Tillsätt en arbetsgrupp', hidden: true })).toBeTruthy();
    cleanup();
    renderWithServices(<WorkingGroupsPage me={member} />);
    await screen.findByRole('region', { name: 'Aktiva arbetsgrupper' });
    expect(screen.queryByRole('form', { name: 'Tillsätt en arbetsgrupp' })).toBeNull();
    window.location.hash = '';
  });

  it('opens the view the address names; a long member list is collapsed with its count', async () => {
    const base = group();
    const many = Array.from({ length: 11 }, (_, i) => ({
      ...base.members[1]!,
      id: `p${i}`,
      displayName: `Person ${i + 1}`,
    }));
    stubApi({
      '/api/working-groups': {
        groups: [
          group({ id: '8', name: 'Energikrav', status: 'avslutad', finalReport: 'Klart.' }),
          group({ members: [base.members[0]!, ...many] }),
        ],
      },
      '/api/people': { people: PEOPLE },
    });
    window.history.replaceState(null, '', '#/arbetsgrupper/avslutade');
    renderWithServices(<WorkingGroupsPage me={member} />);
    const ended = await screen.findByRole('region', { name: 'Avslutade arbetsgrupper' });
    expect(within(ended).getByRole('article', { name: 'Energikrav' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Aktiva arbetsgrupper' })).toBeNull();
    fireEvent.click(screen.getByRole('tab', { name: 'Aktiva (1)' }));
    expect(window.location.hash).toBe('#/arbetsgrupper/aktiva');
    const card = await screen.findByRole('article', { name: 'Bygglovsrutiner' });
    expect(within(card).getAllByRole('listitem')).toHaveLength(8);
    const all = within(card).getByRole('button', { name: 'Visa alla 12 medlemmar' });
    fireEvent.click(all);
    expect(within(card).getAllByRole('listitem')).toHaveLength(12);
    expect(all.getAttribute('aria-expanded')).toBe('true');
  });
});

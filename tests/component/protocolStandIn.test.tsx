import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { ProtocolPanel } from '../../src/tab/meetings/ProtocolPanel';
import { meetingsApi } from '../../src/tab/meetings/api';
import { createApiClient } from '../../src/tab/api';
import { COORDINATOR_ACTIONS, KARIN, meFor, renderWithServices, stubApi } from './support';

/** The protokoll panel (#16, #17): the notes per point, and a secretary other than the samordnare only as a recorded stand-in. */
const MEETING = {
  id: '7',
  etag: '"7"',
  title: 'Samverkansgruppen – vårmöte 2027',
  group: 'samverkansgrupp' as const,
  season: 'var' as const,
  year: 2027,
  date: '2027-04-20',
  startTime: '09:30',
  endTime: '12:00',
  startUtc: '2027-04-20T07:30:00.000Z',
  endUtc: '2027-04-20T10:00:00.000Z',
  status: 'genomfort' as const,
  isOnline: true,
  convenerEmail: 'maria.bergstrom@regionvasterbotten.se',
};
const row = (email: string, displayName: string) => ({
  email,
  displayName,
  organisationId: 'umea',
  present: true,
  recorded: true,
});
const ATTENDANCE = [
  row(KARIN.email, 'Karin Nordström'),
  row('maria.bergstrom@regionvasterbotten.se', 'Maria Bergström'),
  row('erik.lundqvist@umea.se', 'Erik Lundqvist'),
  row('anna.sjoberg@skelleftea.se', 'Anna Sjöberg'),
  row('tobias.sundqvist@vindeln.se', 'Tobias Sundqvist'),
];

afterEach(cleanup);

describe('the protokoll panel', () => {
  it('proposes the samordnare as secretary; a stand-in needs the meeting’s choice, sent as such', async () => {
    const requests = stubApi({
      '/api/meetings/7/attendance': { attendance: ATTENDANCE },
      '/api/meetings/7/decisions': { decisions: [] },
      'GET /api/meetings/7/protocol': {
        protocol: { meetingId: '7', status: 'saknas', adjusterEmails: [], approvals: [] },
      },
      '/api/meetings/7/minutes': {
        minutes: {
          meetingId: '7',
          items: [
            { id: 'i-1', number: 1, title: 'Mötets öppnande', note: { itemId: 'i-1', text: 'Öppnat.', etag: '"1"' } },
          ],
          samordnareEmail: KARIN.email,
          locked: false,
        },
      },
      'PUT /api/meetings/7/protocol': () => ({
        body: { protocol: { meetingId: '7', status: 'utkast', adjusterEmails: [], approvals: [] } },
      }),
    });
    const api = meetingsApi(createApiClient({ getToken: async () => 'test-token' }));
    renderWithServices(
      <ProtocolPanel api={api} meeting={MEETING} me={meFor(KARIN, 'Region Västerbotten', COORDINATOR_ACTIONS)} />,
    );
    expect(
      ((await screen.findByRole('textbox', { name: 'Anteckningar till punkt 1' })) as HTMLTextAreaElement).value,
    ).toBe('Öppnat.');
    const secretary = screen.getByRole('combobox', { name: 'Sekreterare' }) as HTMLSelectElement;
    expect(secretary.value).toBe(KARIN.email);
    expect(screen.queryByRole('checkbox', { name: /Mötet valde en annan sekreterare/ })).toBeNull();

    fireEvent.change(secretary, { target: { value: 'erik.lundqvist@umea.se' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Mötesordförande' }), {
      target: { value: 'maria.bergstrom@regionvasterbotten.se' },
    });
    fireEvent.change(screen.getByRole('combobox', { name: /Justerare 1/ }), {
      target: { value: 'anna.sjoberg@skelleftea.se' },
    });
    fireEvent.change(screen.getByRole('combobox', { name: /Justerare 2/ }), {
      target: { value: 'tobias.sundqvist@vindeln.se' },
    });
    const draft = screen.getByRole('button', { name: 'Skapa protokollutkast' }) as HTMLButtonElement;
    expect(draft.disabled).toBe(true);
    fireEvent.click(screen.getByRole('checkbox', { name: /Mötet valde en annan sekreterare/ }));
    expect(draft.disabled).toBe(false);
    fireEvent.click(draft);
    await screen.findByText('Protokollutkastet är skapat; sekreteraren godkänner det först.');
    const put = requests.find((r) => r.method === 'PUT' && r.url.endsWith('/protocol'))!;
    expect(JSON.parse(put.body!)).toMatchObject({
      secretaryEmail: 'erik.lundqvist@umea.se',
      secretaryChosenByMeeting: true,
    });
  });
});

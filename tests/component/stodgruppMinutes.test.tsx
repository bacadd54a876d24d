import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { MeetingDetail } from '../../src/tab/meetings/MeetingDetail';
import { meetingsApi } from '../../src/tab/meetings/api';
import { createApiClient } from '../../src/tab/api';
import { COORDINATOR_ACTIONS, ERIK, KARIN, meFor, renderWithServices, stubApi } from './support';

/** Stödgruppen's meeting (#16): the part is Minnesanteckningar; only the secretary fastställer, after confirming. */
const MEETING = {
  id: '9',
  etag: '"9"',
  title: 'Stödgruppen mars 2027',
  group: 'stodgrupp' as const,
  year: 2027,
  date: '2027-03-10',
  startTime: '09:00',
  endTime: '11:00',
  startUtc: '2027-03-10T08:00:00.000Z',
  endUtc: '2027-03-10T10:00:00.000Z',
  status: 'genomfort' as const,
  isOnline: true,
  convenerEmail: KARIN.email,
};
const row = (email: string, displayName: string) => ({
  email,
  displayName,
  organisationId: 'umea',
  present: true,
  recorded: true,
});
const ATTENDANCE = [row(KARIN.email, 'Karin Nordström'), row('anna.sjoberg@skelleftea.se', 'Anna Sjöberg')];
const DRAFT = {
  meetingId: '9',
  kind: 'minnesanteckningar',
  status: 'utkast',
  secretaryEmail: KARIN.email,
  adjusterEmails: [],
  approvals: [],
  version: 1,
  turn: { step: 'sekreterare', waitingFor: [KARIN.email] },
};
const CONFIRMED = {
  ...DRAFT,
  status: 'faststallt',
  approvals: [{ personId: KARIN.email, at: '2027-03-10T10:30:00Z' }],
  lockedAt: '2027-03-10T10:30:00Z',
  turn: { step: 'klart', waitingFor: [] },
};

function serve() {
  return stubApi({
    '/api/meetings/9/attendance': { attendance: ATTENDANCE },
    '/api/meetings/9/decisions': { decisions: [] },
    'GET /api/meetings/9/protocol': { protocol: DRAFT },
    '/api/meetings/9/minutes': {
      minutes: {
        meetingId: '9',
        items: [{ id: 'punkt-1', number: 1, title: 'Mötets öppnande', note: { itemId: 'punkt-1', text: '' } }],
        samordnareEmail: KARIN.email,
        locked: false,
      },
    },
    'POST /api/meetings/9/protocol/approve': () => ({ body: { protocol: CONFIRMED } }),
  });
}

function renderAs(me: ReturnType<typeof meFor>) {
  const api = meetingsApi(createApiClient({ getToken: async () => 'test-token' }));
  renderWithServices(
    <MeetingDetail
      api={api}
      meeting={MEETING}
      me={me}
      part="minnesanteckningar"
      onPart={() => undefined}
      onBack={() => undefined}
      onChanged={() => undefined}
    />,
  );
}

afterEach(cleanup);

describe('a stödgrupp meeting’s minnesanteckningar', () => {
  it('is the part Minnesanteckningar, without beslut or justering; the secretary fastställer after confirming', async () => {
    const requests = serve();
    renderAs(meFor(KARIN, 'Region Västerbotten', COORDINATOR_ACTIONS));
    expect(screen.getByRole('tab', { name: 'Minnesanteckningar' })).toBeTruthy();
    expect(screen.queryByRole('tab', { name: 'Protokoll' })).toBeNull();
    await screen.findByRole('heading', { name: 'Minnesanteckningar och fastställande' });
    expect(screen.queryByRole('heading', { name: 'Protokoll och justering' })).toBeNull();
    expect(screen.queryByRole('combobox', { name: /Justerare/ })).toBeNull();
    expect(screen.getByText(/Stödgruppen fattar inga beslut/)).toBeTruthy();
    expect(screen.getByText('Inte fastställda ännu. Sekreterare: Karin Nordström.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Fastställ minnesanteckningarna' }));
    let dialog = await screen.findByRole('alertdialog', { name: 'Fastställa minnesanteckningarna?' });
    expect(dialog.textContent).toContain('låses de');
    const cancel = within(dialog).getByRole('button', { name: 'Avbryt' });
    await waitFor(() => expect(document.activeElement).toBe(cancel));
    fireEvent.click(cancel);
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);

    fireEvent.click(await screen.findByRole('button', { name: 'Fastställ minnesanteckningarna' }));
    dialog = await screen.findByRole('alertdialog', { name: 'Fastställa minnesanteckningarna?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Fastställ minnesanteckningarna' }));
    await screen.findByText('Minnesanteckningarna är fastställda.');
    const post = requests.find((r) => r.method === 'POST')!;
    expect(post.url).toContain('/api/meetings/9/protocol/approve');
    expect(post.headers.get('Idempotency-Key')).toBeTruthy();
    expect(JSON.parse(post.body!)).toEqual({ version: 1 });
    await screen.findByText(/^Fastställda av Karin Nordström .*11:30/);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Fastställ minnesanteckningarna' })).toBeNull());
  });

  it('offers no fastställande to anyone but the secretary', async () => {
    serve();
    renderAs(meFor(ERIK, 'Umeå kommun', []));
    await screen.findByRole('heading', { name: 'Minnesanteckningar och fastställande' });
    expect(screen.getByRole('button', { name: 'Ladda ned minnesanteckningarna (PDF)' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Fastställ minnesanteckningarna' })).toBeNull();
    expect(screen.queryByRole('combobox', { name: 'Sekreterare' })).toBeNull();
  });
});

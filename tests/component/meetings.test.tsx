import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { MeetingsPage } from '../../src/tab/pages/Meetings';
import { COORDINATOR_ACTIONS, ERIK, KARIN, MARIA, meFor, renderWithServices, stubApi } from './support';

const CHAIR_ACTIONS = ['samverkansgrupp.kalla', 'meeting.reschedule', 'meeting.cancel', 'protocol.approve'];

const CANDIDATE = {
  start: '2027-04-20T07:30:00.000Z',
  end: '2027-04-20T10:00:00.000Z',
  date: '2027-04-20',
  startTime: '09:30',
  endTime: '12:00',
  label: 'tisdag 20 april 2027 kl. 09:30–12:00',
  confidence: 52,
  convenerAvailability: 'free',
  counts: { free: 1, tentative: 0, busy: 0, unknown: 16 },
  organisations: [
    { organisationId: 'umea', name: 'Umeå kommun', free: [], tentative: [], busy: [], unknown: ['Erik Lundqvist'] },
    {
      organisationId: 'region-vasterbotten',
      name: 'Region Västerbotten',
      free: ['Karin Nordström'],
      tentative: [],
      busy: [],
      unknown: [],
    },
  ],
  warnings: [],
};

const PLAN = {
  group: 'samverkansgrupp',
  window: { start: '2027-04-01', end: '2027-05-31' },
  outsideWindow: false,
  workingDays: 38,
  attendees: 17,
  candidates: [
    CANDIDATE,
    {
      ...CANDIDATE,
      start: '2027-04-22T07:30:00.000Z',
      date: '2027-04-22',
      label: 'torsdag 22 april 2027 kl. 09:30–12:00',
    },
  ],
  unknownAvailability: {
    people: 16,
    organisations: ['Umeå kommun'],
    label: 'okänd tillgänglighet (annan organisation)',
  },
  pollAdvised: true,
  message: '16 personer i andra organisationers tenanter kan inte slås upp.',
};

const RECORD = {
  id: '7',
  etag: '"1"',
  title: 'Samverkansgruppen – vårmöte 2027',
  group: 'samverkansgrupp',
  season: 'var',
  year: 2027,
  date: '2027-04-20',
  startTime: '09:30',
  endTime: '12:00',
  startUtc: '2027-04-20T07:30:00.000Z',
  endUtc: '2027-04-20T10:00:00.000Z',
  status: 'planerat',
  eventId: 'AAMk',
  location: 'Regionens hus',
  isOnline: true,
  joinUrl: 'https://teams.microsoft.com/l/meetup-join/x',
  convenerEmail: MARIA.email,
};

/** The server's preview of the kallelse (POST /api/meetings/kallelse/preview), shown before the send. */
const PREVIEW = {
  subject: 'Samverkansgruppen – vårmöte 2027',
  date: '2027-04-20',
  startTime: '09:30',
  endTime: '12:00',
  timeZone: 'Europe/Stockholm',
  place: 'Regionens hus',
  teamsLink: true,
  agenda: [{ number: 1, kind: 'opening', title: 'Mötets öppnande' }],
  documents: [],
  recipients: [{ organisation: 'Umeå kommun', people: [{ name: 'Erik Lundqvist', email: 'erik@umea.se' }] }],
  recipientCount: 17,
  seasonAlreadyCalled: false,
};

/** Opens the preview and confirms the send in it. */
async function sendThroughPreview(): Promise<void> {
  fireEvent.click(screen.getByRole('button', { name: 'Förhandsgranska kallelsen' }));
  const dialog = await screen.findByRole('alertdialog');
  fireEvent.click(within(dialog).getByRole('button', { name: 'Skicka kallelsen' }));
}

const ANSWERS = {
  meeting: RECORD,
  totals: { invited: 3, accepted: 2, tentative: 0, declined: 1, noAnswer: 0 },
  organisations: [
    {
      organisationId: 'umea',
      name: 'Umeå kommun',
      kind: 'kommun',
      invited: 2,
      accepted: 2,
      tentative: 0,
      declined: 0,
      noAnswer: 0,
    },
    {
      organisationId: 'asele',
      name: 'Åsele kommun',
      kind: 'kommun',
      invited: 1,
      accepted: 0,
      tentative: 0,
      declined: 1,
      noAnswer: 0,
    },
  ],
  people: [],
  warnings: [
    {
      code: 'ALL_DECLINED',
      organisationId: 'asele',
      message: 'Åsele kommun blir inte representerad: alla inbjudna har tackat nej.',
    },
  ],
  notAnswered: [],
};

describe('Möten', () => {
  afterEach(() => {
    cleanup();
    window.history.replaceState(null, '', '#/moten');
  });

  it('the chair proposes times, sees guests as unknown, picks one and sends the kallelse once per click', async () => {
    let registered: unknown[] = [];
    const requests = stubApi({
      '/api/meetings/records': () => ({ body: { meetings: registered } }),
      '/api/meetings/polls': { polls: [] },
      'POST /api/meetings/plan': PLAN,
      'POST /api/meetings/kallelse/preview': PREVIEW,
      'POST /api/meetings': () => {
        registered = [RECORD];
        return { status: 201, body: { meeting: RECORD, created: true } };
      },
      [`/api/meetings/${RECORD.id}/answers`]: ANSWERS,
      [`/api/meetings/${RECORD.id}/attendance`]: { attendance: [] },
      [`/api/meetings/${RECORD.id}/decisions`]: { decisions: [] },
      [`/api/meetings/${RECORD.id}/protocol`]: {
        protocol: { meetingId: RECORD.id, status: 'saknas', adjusterEmails: [], approvals: [] },
      },
      [`/api/meetings/${RECORD.id}/minutes`]: { minutes: { meetingId: RECORD.id, items: [], locked: false } },
    });
    renderWithServices(<MeetingsPage me={meFor(MARIA, 'Umeå kommun', CHAIR_ACTIONS)} />);
    expect(await screen.findByText('Inga möten är registrerade ännu.')).toBeTruthy();
    // One view at a time: the register first, planning on its own tab, kept in the address.
    expect(screen.queryByRole('button', { name: 'Föreslå tider' })).toBeNull();
    fireEvent.click(screen.getByRole('tab', { name: 'Planera' }));
    expect(window.location.hash).toBe('#/moten/planera');
    // The chair convenes only samverkansgruppen.
    const group = screen.getByRole('combobox', { name: 'Grupp' }) as HTMLSelectElement;
    expect([...group.options].map((o) => o.value)).toEqual(['samverkansgrupp']);

    fireEvent.change(screen.getByRole('textbox', { name: 'Lokal' }), { target: { value: 'Regionens hus' } });
    fireEvent.click(screen.getByRole('button', { name: 'Föreslå tider' }));
    expect(await screen.findByText(/kan inte slås upp/)).toBeTruthy();
    const plan = requests.find((r) => r.method === 'POST' && r.url.endsWith('/api/meetings/plan'));
    expect(JSON.parse(plan?.body ?? '{}')).toMatchObject({
      group: 'samverkansgrupp',
      season: 'var',
      durationMinutes: 150,
    });
    expect(screen.getAllByText(/Okänd tillgänglighet \(annan organisation\): Erik Lundqvist/)).toHaveLength(2);

    // Counts in Swedish plurals: one free, none busy, sixteen unknown.
    expect(
      screen.getByRole('radio', { name: /tisdag 20 april 2027.* – 1 ledig, 0 upptagna, 16 okända$/ }),
    ).toBeTruthy();
    const send = screen.getByRole('button', { name: 'Förhandsgranska kallelsen' });
    expect((send as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: /tisdag 20 april 2027/ }));
    await sendThroughPreview();
    expect(await screen.findByText('Kallelsen är skickad till 17 personer.')).toBeTruthy();
    const sent = requests.filter((r) => r.method === 'POST' && r.url.endsWith('/api/meetings'));
    expect(sent).toHaveLength(1);
    const body = JSON.parse(sent[0]?.body ?? '{}') as Record<string, unknown>;
    expect(body).toMatchObject({
      group: 'samverkansgrupp',
      date: '2027-04-20',
      startTime: '09:30',
      endTime: '12:00',
      room: 'Regionens hus',
      online: true,
    });
    expect(String(body.idempotencyKey)).toMatch(/^[A-Za-z0-9-]{8,64}$/);
    expect(body).not.toHaveProperty('extraMeeting');

    // The new meeting opens on its own view with its answers per kommun and the warning for an unrepresented kommun.
    await screen.findByRole('heading', { level: 2, name: `Mötet: ${RECORD.title}` });
    expect(window.location.hash).toBe(`#/moten/${RECORD.id}`);
    expect(screen.getByRole('tab', { name: 'Svar', selected: true })).toBeTruthy();
    const answers = await screen.findByRole('region', { name: 'Svar på kallelsen' });
    expect(within(answers).getByText(/Åsele kommun blir inte representerad/)).toBeTruthy();
    expect(within(answers).getByRole('row', { name: /Umeå kommun 2 0 0 0/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Flytta mötet' })).toBeTruthy();
  });

  it("a move that lost to someone else's change shows the meeting as it is now, with a warning that says why", async () => {
    const moved = { ...RECORD, etag: '"2"', date: '2027-04-22' };
    let reads = 0;
    const requests = stubApi({
      '/api/meetings/records': () => ({ body: { meetings: [reads++ === 0 ? RECORD : moved] } }),
      '/api/meetings/polls': { polls: [] },
      [`/api/meetings/${RECORD.id}/answers`]: ANSWERS,
      [`POST /api/meetings/${RECORD.id}/reschedule`]: () => ({
        status: 409,
        body: {
          error: {
            code: 'CONFLICT',
            message: 'Någon annan har ändrat uppgifterna. Läs in dem igen och försök på nytt.',
            requestId: 'test',
            current: moved,
          },
        },
      }),
    });
    renderWithServices(<MeetingsPage me={meFor(MARIA, 'Umeå kommun', CHAIR_ACTIONS)} />);
    fireEvent.click(await screen.findByRole('button', { name: /Visa Samverkansgruppen – vårmöte 2027/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Flytta mötet' }));
    const dialog = await screen.findByRole('dialog', { name: 'Flytta mötet' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Flytta mötet' }));
    expect(await screen.findByText(/Någon annan hann ändra mötet först, så det flyttades inte/)).toBeTruthy();
    expect(requests.filter((r) => r.method === 'POST' && r.url.endsWith('/reschedule'))).toHaveLength(1);
    expect(reads).toBeGreaterThanOrEqual(2);
    expect(await screen.findByText(/22 april 2027/)).toBeTruthy();
  });

  it('a second meeting in the season is sent as an extra möte only with its reason', async () => {
    const requests = stubApi({
      '/api/meetings/records': { meetings: [] },
      '/api/meetings/polls': { polls: [] },
      'POST /api/meetings/plan': PLAN,
      'POST /api/meetings/kallelse/preview': PREVIEW,
      'POST /api/meetings': () => ({ status: 201, body: { meeting: RECORD, created: true } }),
      [`/api/meetings/${RECORD.id}/answers`]: ANSWERS,
      [`/api/meetings/${RECORD.id}/attendance`]: { attendance: [] },
      [`/api/meetings/${RECORD.id}/decisions`]: { decisions: [] },
      [`/api/meetings/${RECORD.id}/protocol`]: {
        protocol: { meetingId: RECORD.id, status: 'saknas', adjusterEmails: [], approvals: [] },
      },
      [`/api/meetings/${RECORD.id}/minutes`]: { minutes: { meetingId: RECORD.id, items: [], locked: false } },
    });
    renderWithServices(<MeetingsPage me={meFor(MARIA, 'Umeå kommun', CHAIR_ACTIONS)} />);
    expect(await screen.findByText('Inga möten är registrerade ännu.')).toBeTruthy();
    fireEvent.click(screen.getByRole('tab', { name: 'Planera' }));
    fireEvent.click(screen.getByRole('button', { name: 'Föreslå tider' }));
    fireEvent.click(await screen.findByRole('radio', { name: /tisdag 20 april 2027/ }));
    const send = screen.getByRole('button', { name: 'Förhandsgranska kallelsen' }) as HTMLButtonElement;
    expect(send.disabled).toBe(false);

    fireEvent.click(screen.getByRole('checkbox', { name: /^Extra möte/ }));
    expect(send.disabled).toBe(true);
    fireEvent.change(screen.getByRole('textbox', { name: /Skäl till extra möte/ }), {
      target: { value: '  Budgeten måste revideras före sommaren.  ' },
    });
    expect(send.disabled).toBe(false);
    await sendThroughPreview();
    expect(await screen.findByText('Kallelsen är skickad till 17 personer.')).toBeTruthy();
    const sent = requests.filter((r) => r.method === 'POST' && r.url.endsWith('/api/meetings'));
    expect(sent).toHaveLength(1);
    expect(JSON.parse(sent[0]?.body ?? '{}')).toMatchObject({
      extraMeeting: { reason: 'Budgeten måste revideras före sommaren.' },
    });
  });

  it('a member sees the register but neither planning nor the convener’s changes', async () => {
    stubApi({
      '/api/meetings/records': { meetings: [RECORD] },
      '/api/meetings/polls': { polls: [] },
      [`/api/meetings/${RECORD.id}/answers`]: ANSWERS,
      [`/api/meetings/${RECORD.id}/attendance`]: { attendance: [] },
      [`/api/meetings/${RECORD.id}/decisions`]: { decisions: [] },
      [`/api/meetings/${RECORD.id}/protocol`]: {
        protocol: { meetingId: RECORD.id, status: 'saknas', adjusterEmails: [], approvals: [] },
      },
      [`/api/meetings/${RECORD.id}/minutes`]: { minutes: { meetingId: RECORD.id, items: [], locked: false } },
    });
    renderWithServices(<MeetingsPage me={meFor(ERIK, 'Umeå kommun', ['protocol.approve'])} />);
    fireEvent.click(await screen.findByRole('button', { name: /Visa Samverkansgruppen – vårmöte 2027/ }));
    await screen.findByRole('region', { name: 'Svar på kallelsen' });
    expect(screen.queryByRole('region', { name: 'Planera ett möte' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Flytta mötet' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Ställ in mötet' })).toBeNull();
    fireEvent.click(screen.getByRole('tab', { name: 'Protokoll' }));
    await screen.findByText(/^Status:/);
    expect(screen.queryByRole('button', { name: 'Spara närvaro' })).toBeNull();
    // Back to the register, which has no planning view for a member.
    fireEvent.click(screen.getByRole('button', { name: 'Tillbaka till mötena' }));
    await screen.findByRole('heading', { name: 'Mötesregister' });
    expect(screen.queryByRole('tab', { name: 'Planera' })).toBeNull();
  });

  it('the convener reminds those who have not answered in General; a second press the same day posts nothing', async () => {
    let presses = 0;
    const requests = stubApi({
      '/api/meetings/records': { meetings: [RECORD] },
      '/api/meetings/polls': { polls: [] },
      [`/api/meetings/${RECORD.id}/answers`]: {
        ...ANSWERS,
        notAnswered: [
          {
            email: ERIK.email,
            displayName: 'Erik Lundqvist',
            response: 'none',
            answer: 'noAnswer',
            label: 'Inget svar',
            isOrganizer: false,
          },
        ],
      },
      [`/api/meetings/${RECORD.id}/attendance`]: { attendance: [] },
      [`/api/meetings/${RECORD.id}/decisions`]: { decisions: [] },
      [`/api/meetings/${RECORD.id}/protocol`]: {
        protocol: { meetingId: RECORD.id, status: 'saknas', adjusterEmails: [], approvals: [] },
      },
      [`POST /api/meetings/${RECORD.id}/remind`]: () => {
        presses += 1;
        return {
          body: {
            reminder:
              presses === 1
                ? { posted: true, already: false, mentioned: ['Erik Lundqvist'], listed: ['Ersättare (Dorotea)'] }
                : { posted: false, already: true, mentioned: [], listed: [] },
          },
        };
      },
    });
    renderWithServices(<MeetingsPage me={meFor(MARIA, 'Region Västerbotten', CHAIR_ACTIONS)} />);
    fireEvent.click(await screen.findByRole('button', { name: /Visa Samverkansgruppen – vårmöte 2027/ }));
    const remind = await screen.findByRole('button', { name: 'Påminn i kanalen Allmänt' });
    // Those who have not answered are counted, their names behind the button.
    const toggle = screen.getByRole('button', { name: '1 har inte svarat – visa' });
    expect(screen.queryByText('Erik Lundqvist')).toBeNull();
    fireEvent.click(toggle);
    expect(screen.getByText('Erik Lundqvist')).toBeTruthy();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(remind);
    expect(await screen.findByText('Påminnelsen är publicerad i Allmänt: 1 nämnda med @, 1 uppräknade.')).toBeTruthy();
    fireEvent.click(remind);
    expect(await screen.findByText('En påminnelse är redan publicerad i dag.')).toBeTruthy();
    expect(
      requests.filter((r) => r.method === 'POST' && r.url.endsWith(`/api/meetings/${RECORD.id}/remind`)),
    ).toHaveLength(2);
  });

  it('cancelling asks first, says what happens, keeps the meeting on "Behåll mötet", and cancels once on confirm', async () => {
    const requests = stubApi({
      '/api/meetings/records': { meetings: [RECORD] },
      '/api/meetings/polls': { polls: [] },
      [`/api/meetings/${RECORD.id}/answers`]: ANSWERS,
      [`/api/meetings/${RECORD.id}/attendance`]: { attendance: [] },
      [`/api/meetings/${RECORD.id}/decisions`]: { decisions: [] },
      [`/api/meetings/${RECORD.id}/protocol`]: {
        protocol: { meetingId: RECORD.id, status: 'saknas', adjusterEmails: [], approvals: [] },
      },
      [`POST /api/meetings/${RECORD.id}/cancel`]: () => ({ body: { meeting: { ...RECORD, status: 'installt' } } }),
    });
    renderWithServices(<MeetingsPage me={meFor(MARIA, 'Region Västerbotten', CHAIR_ACTIONS)} />);
    fireEvent.click(await screen.findByRole('button', { name: /Visa Samverkansgruppen – vårmöte 2027/ }));
    const cancels = () => requests.filter((r) => r.method === 'POST' && r.url.endsWith('/cancel'));
    fireEvent.click(await screen.findByRole('button', { name: 'Ställ in mötet' }));
    const visibleOrNot = { hidden: true } as const;
    const dialog = await screen.findByRole('alertdialog', { name: `Ställa in ${RECORD.title}?`, ...visibleOrNot });
    expect(dialog.textContent).toContain('Alla kallade får en avbokning');
    expect(dialog.textContent).toContain('Det går inte att ångra');
    // The safe choice has the focus; the cancel waits for the message to the invitees.
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Behåll mötet'));
    const confirm = within(dialog).getByRole('button', {
      name: 'Ställ in mötet',
      ...visibleOrNot,
    }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Behåll mötet', ...visibleOrNot }));
    expect(cancels()).toHaveLength(0);
    // The page is usable again once the dialog has closed (ConfirmDialog unhides it then).
    fireEvent.click(await screen.findByRole('button', { name: 'Ställ in mötet' }));
    const again = await screen.findByRole('alertdialog', visibleOrNot);
    fireEvent.change(within(again).getByRole('textbox', { name: 'Meddelande till de kallade', ...visibleOrNot }), {
      target: { value: 'Vi flyttar till hösten.' },
    });
    fireEvent.click(within(again).getByRole('button', { name: 'Ställ in mötet', ...visibleOrNot }));
    expect(await screen.findByText('Mötet är inställt; de kallade har fått meddelandet.')).toBeTruthy();
    expect(cancels()).toHaveLength(1);
    expect(JSON.parse(cancels()[0]!.body ?? '{}')).toMatchObject({ comment: 'Vi flyttar till hösten.' });
  });

  it('a member has no reminder button', async () => {
    stubApi({
      '/api/meetings/records': { meetings: [RECORD] },
      '/api/meetings/polls': { polls: [] },
      [`/api/meetings/${RECORD.id}/answers`]: {
        ...ANSWERS,
        warnings: ['asele', 'dorotea', 'mala'].map((id) => ({
          code: 'NO_ANSWER',
          organisationId: id,
          message: `${id} har ännu inte svarat.`,
        })),
        notAnswered: [
          {
            email: KARIN.email,
            displayName: 'Karin Nordström',
            response: 'none',
            answer: 'noAnswer',
            label: 'Inget svar',
            isOrganizer: false,
          },
        ],
      },
      [`/api/meetings/${RECORD.id}/attendance`]: { attendance: [] },
      [`/api/meetings/${RECORD.id}/decisions`]: { decisions: [] },
      [`/api/meetings/${RECORD.id}/protocol`]: {
        protocol: { meetingId: RECORD.id, status: 'saknas', adjusterEmails: [], approvals: [] },
      },
      [`/api/meetings/${RECORD.id}/minutes`]: { minutes: { meetingId: RECORD.id, items: [], locked: false } },
    });
    renderWithServices(<MeetingsPage me={meFor(ERIK, 'Umeå kommun', ['protocol.approve'])} />);
    fireEvent.click(await screen.findByRole('button', { name: /Visa Samverkansgruppen – vårmöte 2027/ }));
    await screen.findByRole('link', { name: 'Skicka påminnelse via e-post' });
    expect(screen.queryByRole('button', { name: 'Påminn i kanalen Allmänt' })).toBeNull();
    // More than two warnings are collapsed to their count.
    expect(screen.queryByText('dorotea har ännu inte svarat.')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '3 organisationer kan bli utan representant – visa' }));
    expect(screen.getByText('dorotea har ännu inte svarat.')).toBeTruthy();
  });

  const PROTOCOL = {
    meetingId: RECORD.id,
    status: 'utkast',
    secretaryEmail: KARIN.email,
    chairEmail: MARIA.email,
    adjusterEmails: [ERIK.email, 'anna.sjoberg@skelleftea.se'],
    approvals: [],
    version: 2,
    turn: { step: 'sekreterare', waitingFor: [KARIN.email] },
  };

  it('the coordinator saves närvaro; the secretary, whose turn it is, approves the version read (#16)', async () => {
    const attendance = [
      { email: MARIA.email, displayName: MARIA.displayName, organisationId: 'umea', present: false, recorded: false },
      {
        email: KARIN.email,
        displayName: KARIN.displayName,
        organisationId: 'region-vasterbotten',
        present: false,
        recorded: false,
      },
    ];
    const requests = stubApi({
      '/api/meetings/records': { meetings: [RECORD] },
      '/api/meetings/polls': { polls: [] },
      [`/api/meetings/${RECORD.id}/answers`]: ANSWERS,
      [`/api/meetings/${RECORD.id}/attendance`]: { attendance },
      [`PUT /api/meetings/${RECORD.id}/attendance`]: {
        attendance: attendance.map((row) => ({ ...row, present: row.email === KARIN.email, recorded: true })),
      },
      [`/api/meetings/${RECORD.id}/decisions`]: { decisions: [] },
      [`/api/meetings/${RECORD.id}/protocol`]: { protocol: PROTOCOL },
      [`/api/meetings/${RECORD.id}/minutes`]: {
        minutes: { meetingId: RECORD.id, items: [], samordnareEmail: KARIN.email, locked: false },
      },
      [`POST /api/meetings/${RECORD.id}/protocol/approve`]: {
        protocol: {
          ...PROTOCOL,
          approvals: [{ personId: KARIN.email, at: '2026-10-26T13:05:00Z' }],
          turn: { step: 'ordforande', waitingFor: [MARIA.email] },
        },
      },
    });
    renderWithServices(<MeetingsPage me={meFor(KARIN, 'Region Västerbotten', COORDINATOR_ACTIONS)} />);
    fireEvent.click(await screen.findByRole('button', { name: /Visa Samverkansgruppen/ }));
    fireEvent.click(await screen.findByRole('tab', { name: 'Protokoll' }));
    expect(window.location.hash).toBe(`#/moten/${RECORD.id}/protokoll`);
    const box = await screen.findByRole('checkbox', { name: 'Karin Nordström' });
    fireEvent.click(box);
    fireEvent.click(screen.getByRole('button', { name: 'Spara närvaro' }));
    expect(await screen.findByText('Närvaron är sparad.')).toBeTruthy();
    const put = requests.find((r) => r.method === 'PUT');
    expect(JSON.parse(put?.body ?? '{}')).toEqual({
      rows: [
        { email: MARIA.email, present: false },
        { email: KARIN.email, present: true },
      ],
    });
    expect(screen.getByText('Status: Utkast, ej justerat')).toBeTruthy();
    const order = screen.getByRole('list', { name: 'Godkännanden' });
    expect(
      within(order)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Sekreterare: Karin Nordström, på tur att godkänna',
      'Ordförande: Maria Bergström, har inte godkänt ännu',
      `Justerare: ${ERIK.email}, har inte godkänt ännu`,
      'Justerare: anna.sjoberg@skelleftea.se, har inte godkänt ännu',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Godkänn protokollet' }));
    expect(await screen.findByText('Du har godkänt protokollet.')).toBeTruthy();
    const approve = requests.find((r) => r.method === 'POST' && r.url.endsWith('/protocol/approve'));
    expect(JSON.parse(approve?.body ?? '{}')).toEqual({ version: 2 });
    // 13:05 UTC is 14:05 in Stockholm; now it is the chair's turn, and the button is gone for the secretary.
    expect(within(order).getAllByRole('listitem')[0]?.textContent).toBe(
      'Sekreterare: Karin Nordström, godkände måndag 26 oktober 2026 kl. 14:05',
    );
    expect(screen.queryByRole('button', { name: 'Godkänn protokollet' })).toBeNull();
  });
});

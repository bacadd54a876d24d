import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { MeetingsPage } from '../../src/tab/pages/Meetings';
import { MARIA, meFor, renderWithServices, stubApi, type RecordedRequest } from './support';

const CHAIR_ACTIONS = ['samverkansgrupp.kalla', 'meeting.reschedule', 'meeting.cancel', 'protocol.approve'];

const CANDIDATE = {
  start: '2027-04-14T07:00:00.000Z',
  end: '2027-04-14T10:00:00.000Z',
  date: '2027-04-14',
  startTime: '09:00',
  endTime: '12:00',
  label: 'onsdag 14 april 2027 kl. 09:00–12:00',
  confidence: 80,
  convenerAvailability: 'free',
  counts: { free: 3, tentative: 0, busy: 0, unknown: 0 },
  organisations: [],
  warnings: [],
};

const PLAN = {
  group: 'samverkansgrupp',
  window: { start: '2027-04-01', end: '2027-05-31' },
  outsideWindow: false,
  workingDays: 38,
  attendees: 11,
  candidates: [CANDIDATE],
  unknownAvailability: { people: 0, organisations: [], label: '' },
  pollAdvised: false,
  message: 'Tre tider hittades.',
};

const person = (name: string) => ({ name, email: `${name.split(' ')[0]?.toLowerCase()}@example.se` });

const PREVIEW = {
  subject: 'Samverkansgruppen – vårmöte 2027',
  date: '2027-04-14',
  startTime: '09:00',
  endTime: '12:00',
  timeZone: 'Europe/Stockholm',
  place: 'Regionens hus, sal Vindeln',
  teamsLink: true,
  agenda: [
    { number: 1, kind: 'opening', title: 'Mötets öppnande' },
    { number: 2, kind: 'adjusters', title: 'Val av två justerare' },
    { number: 3, kind: 'item', title: 'Budget 2027', details: 'Underlag från kansliet' },
  ],
  documents: [{ title: 'Budgetunderlag 2027.pdf', url: 'https://example.sharepoint.com/handlingar/budget.pdf' }],
  recipients: [
    { organisation: 'Region Västerbotten', people: [person('Karin Nordström')] },
    {
      organisation: 'Umeå kommun',
      people: ['Anna Berg', 'Bo Ek', 'Cecilia Falk', 'David Gran', 'Eva Holm', 'Erik Lundqvist', 'Filip Ivarsson'].map(
        person,
      ),
    },
    { organisation: 'Åsele kommun', people: [person('Gun Lind'), person('Hans Malm'), person('Ida Nord')] },
  ],
  recipientCount: 11,
  seasonAlreadyCalled: false,
};

const RECORD = {
  id: '7',
  etag: '"1"',
  title: PREVIEW.subject,
  group: 'samverkansgrupp',
  season: 'var',
  year: 2027,
  date: '2027-04-14',
  startTime: '09:00',
  endTime: '12:00',
  startUtc: CANDIDATE.start,
  endUtc: CANDIDATE.end,
  status: 'planerat',
  eventId: 'AAMk',
  location: PREVIEW.place,
  isOnline: true,
  joinUrl: 'https://teams.microsoft.com/l/meetup-join/x',
  convenerEmail: MARIA.email,
};

function serve(preview: object = PREVIEW) {
  return stubApi({
    '/api/meetings/records': { meetings: [] },
    '/api/meetings/polls': { polls: [] },
    'POST /api/meetings/plan': PLAN,
    'POST /api/meetings/kallelse/preview': preview,
    'POST /api/meetings': () => ({ status: 201, body: { meeting: RECORD, created: true } }),
    [`/api/meetings/${RECORD.id}/answers`]: {
      meeting: RECORD,
      totals: { invited: 11, accepted: 0, tentative: 0, declined: 0, noAnswer: 11 },
      organisations: [],
      people: [],
      warnings: [],
      notAnswered: [],
    },
    [`/api/meetings/${RECORD.id}/attendance`]: { attendance: [] },
    [`/api/meetings/${RECORD.id}/decisions`]: { decisions: [] },
    [`/api/meetings/${RECORD.id}/protocol`]: {
      protocol: { meetingId: RECORD.id, status: 'saknas', adjusterEmails: [], approvals: [] },
    },
  });
}

const posts = (requests: RecordedRequest[], path: string) =>
  requests.filter((r) => r.method === 'POST' && r.url.replace(/^https?:\/\/[^/]+/, '') === path);

/** Möten opened on its Planera view, as `#/moten/planera` in the address does. */
function renderPlanning(): void {
  window.history.replaceState(null, '', '#/moten/planera');
  renderWithServices(<MeetingsPage me={meFor(MARIA, 'Umeå kommun', CHAIR_ACTIONS)} />);
}

async function openPreview(): Promise<HTMLElement> {
  renderPlanning();
  fireEvent.click(await screen.findByRole('button', { name: 'Föreslå tider' }));
  fireEvent.click(await screen.findByRole('radio', { name: /onsdag 14 april 2027/ }));
  fireEvent.click(screen.getByRole('button', { name: 'Förhandsgranska kallelsen' }));
  return screen.findByRole('alertdialog', { name: 'Kontrollera kallelsen innan den skickas' });
}

describe('The kallelse is previewed before its one confirmed send', () => {
  afterEach(() => {
    cleanup();
    window.history.replaceState(null, '', '#/moten');
  });

  it('shows the server’s kallelse: subject, Swedish time, place, Teams link, dagordning, recipients per organisation', async () => {
    const requests = serve();
    const dialog = await openPreview();
    const view = within(dialog);
    expect(view.getByText(PREVIEW.subject)).toBeTruthy();
    expect(view.getByText('onsdag 14 april 2027 kl. 09.00–12.00')).toBeTruthy();
    expect(view.getByText('Regionens hus, sal Vindeln')).toBeTruthy();
    expect(view.getByText('Kallelsen får en länk till ett Teamsmöte.')).toBeTruthy();
    const agenda = view.getAllByRole('list')[0] as HTMLElement;
    expect(agenda.tagName).toBe('OL');
    expect(
      within(agenda)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Mötets öppnande', 'Val av två justerare', 'Budget 2027Underlag från kansliet']);
    expect(view.getByRole('link', { name: 'Budgetunderlag 2027.pdf' }).getAttribute('href')).toBe(
      PREVIEW.documents[0]?.url,
    );
    expect(view.getByText('Mottagare (11)')).toBeTruthy();
    expect(view.getByText('Åsele kommun (3)')).toBeTruthy();
    expect(view.getByText(/Gun Lind, Hans Malm, Ida Nord/)).toBeTruthy();
    // A long list is folded behind its organisation and count.
    const umea = view.getByText('Umeå kommun (7)');
    expect(umea.tagName).toBe('SUMMARY');
    expect(view.queryByText(/@example\.se/)).toBeNull();
    expect(view.queryByText('opening')).toBeNull();
    expect(view.queryByText(/Säsongens möte är redan kallat/)).toBeNull();
    // The preview was asked with the send's body; nothing was sent.
    const asked = posts(requests, '/api/meetings/kallelse/preview');
    expect(asked).toHaveLength(1);
    expect(JSON.parse(asked[0]?.body ?? '{}')).toMatchObject({ group: 'samverkansgrupp', date: '2027-04-14' });
    expect(posts(requests, '/api/meetings')).toHaveLength(0);
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Tillbaka'));
  });

  it('"Tillbaka" closes the preview and sends nothing', async () => {
    const requests = serve();
    const dialog = await openPreview();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Tillbaka' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(posts(requests, '/api/meetings')).toHaveLength(0);
    expect(screen.queryByText(/Kallelsen är skickad/)).toBeNull();
    // The page behind stays hidden from the accessibility tree until the dialog's exit has finished.
    const preview = await screen.findByRole('button', { name: 'Förhandsgranska kallelsen' });
    expect((preview as HTMLButtonElement).disabled).toBe(false);
  });

  it('"Skicka kallelsen" sends the previewed body once, with the form’s Idempotency-Key', async () => {
    const requests = serve();
    const dialog = await openPreview();
    const send = within(dialog).getByRole('button', { name: 'Skicka kallelsen' });
    fireEvent.click(send);
    fireEvent.click(send);
    expect(await screen.findByText('Kallelsen är skickad till 11 personer.')).toBeTruthy();
    const sent = posts(requests, '/api/meetings');
    expect(sent).toHaveLength(1);
    const previewBody = JSON.parse(posts(requests, '/api/meetings/kallelse/preview')[0]?.body ?? '{}') as object;
    const body = JSON.parse(sent[0]?.body ?? '{}') as { idempotencyKey?: string };
    expect(body).toEqual(previewBody);
    expect(body.idempotencyKey).toMatch(/^[A-Za-z0-9-]{8,64}$/);
    expect(sent[0]?.headers.get('Idempotency-Key')).toMatch(/^[A-Za-z0-9-]{8,64}$/);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('warns in Swedish that the send will be refused when the season is already called and no extra möte is given', async () => {
    const requests = serve({ ...PREVIEW, seasonAlreadyCalled: true });
    const dialog = await openPreview();
    expect(within(dialog).getByText(/Säsongens möte är redan kallat, så kallelsen kommer att vägras/)).toBeTruthy();
    expect(within(dialog).getByText(/kryssa i ”Extra möte \(säsongens möte är redan kallat\)”/)).toBeTruthy();
    const send = within(dialog).getByRole('button', { name: 'Skicka kallelsen' }) as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Tillbaka' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());

    // Marked as an extra möte with its reason, the same preview no longer warns and the send goes.
    // The page behind stays hidden from the accessibility tree until the dialog's exit has finished.
    fireEvent.click(await screen.findByRole('checkbox', { name: /^Extra möte/ }));
    fireEvent.change(screen.getByRole('textbox', { name: /Skäl till extra möte/ }), {
      target: { value: 'Remissvar före sommaren.' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Förhandsgranska kallelsen' }));
    const again = await screen.findByRole('alertdialog');
    expect(within(again).queryByText(/kommer att vägras/)).toBeNull();
    fireEvent.click(within(again).getByRole('button', { name: 'Skicka kallelsen' }));
    expect(await screen.findByText('Kallelsen är skickad till 11 personer.')).toBeTruthy();
    const sent = posts(requests, '/api/meetings');
    expect(sent).toHaveLength(1);
    expect(JSON.parse(sent[0]?.body ?? '{}')).toMatchObject({ extraMeeting: { reason: 'Remissvar före sommaren.' } });
  });

  it('a refused preview shows the server’s Swedish error and opens no dialog', async () => {
    stubApi({
      '/api/meetings/records': { meetings: [] },
      '/api/meetings/polls': { polls: [] },
      'POST /api/meetings/plan': PLAN,
      'POST /api/meetings/kallelse/preview': () => ({
        status: 400,
        body: { error: { code: 'VALIDATION', message: 'Tiden ligger utanför perioden.', requestId: 'r1' } },
      }),
    });
    renderPlanning();
    fireEvent.click(await screen.findByRole('button', { name: 'Föreslå tider' }));
    fireEvent.click(await screen.findByRole('radio', { name: /onsdag 14 april 2027/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Förhandsgranska kallelsen' }));
    expect(await screen.findByText(/Tiden ligger utanför perioden\./)).toBeTruthy();
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});

import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { MeetingApp } from '../../src/tab/meeting/MeetingApp';
import { meetingContextOf } from '../../src/tab/teams';
import { COORDINATOR_ACTIONS, ERIK, KARIN, meFor, renderWithServices, stubApi } from './support';

const THREAD = '19:meeting_abc123@thread.v2';
const RECORD = {
  id: '7',
  etag: '"7"',
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
  isOnline: true,
  joinUrl: `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(THREAD)}/0`,
};
const FOUND = {
  meeting: RECORD,
  organiser: { email: 'maria.bergstrom@regionvasterbotten.se', displayName: 'Maria Bergström' },
  agenda: [
    { number: 1, title: 'Mötets öppnande', kind: 'information', documents: [] },
    {
      number: 2,
      title: 'Verksamhetsplan 2027',
      kind: 'beslut',
      presenter: 'Karin Nordström',
      documents: [{ title: 'Förslag.pdf', url: 'https://sp.example/F%C3%B6rslag.pdf' }],
    },
  ],
};
const MINUTES = {
  meetingId: '7',
  items: [
    { id: 'i-open', number: 1, title: 'Mötets öppnande', kind: 'information', note: { itemId: 'i-open', text: '' } },
    { id: 'i-vp', number: 2, title: 'Verksamhetsplan 2027', kind: 'beslut', note: { itemId: 'i-vp', text: '' } },
  ],
  samordnareEmail: 'karin.nordstrom@regionvasterbotten.se',
  locked: false,
};
const inTeams = `/api/meetings/in-teams?chatId=${encodeURIComponent(THREAD)}`;

afterEach(cleanup);

describe('the meeting view inside Teams (#16)', () => {
  it('shows a member the dagordning with its handlingar, found from teams-js meeting.id alone', async () => {
    stubApi({ '/api/me': meFor(ERIK, 'Umeå kommun', []), [inTeams]: FOUND });
    renderWithServices(<MeetingApp context={{ meetingId: btoa(`0#${THREAD}#0`), frameContext: 'sidePanel' }} />);
    await screen.findByRole('heading', { level: 1, name: RECORD.title });
    const point = screen.getByText('2. Verksamhetsplan 2027').closest('li')!;
    expect(within(point).getByText('Beslut · Föredragande: Karin Nordström')).toBeTruthy();
    expect(
      within(point)
        .getByRole('link', { name: /Förslag\.pdf/ })
        .getAttribute('href'),
    ).toBe('https://sp.example/F%C3%B6rslag.pdf');
    expect(screen.getByText('Närvaro och beslut protokollförs av samordnaren.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Protokollför beslut' })).toBeNull();
  });

  it('lets the samordnare record a beslut under its point, with an Idempotency-Key', async () => {
    let decisions: object[] = [];
    const requests = stubApi({
      '/api/me': meFor(KARIN, 'Region Västerbotten', COORDINATOR_ACTIONS),
      [inTeams]: FOUND,
      '/api/meetings/7/attendance': { attendance: [] },
      '/api/meetings/7/minutes': { minutes: MINUTES },
      'GET /api/meetings/7/decisions': () => ({ body: { decisions } }),
      'POST /api/meetings/7/decisions': (request) => {
        const body = JSON.parse(request.body ?? '{}') as { kind: string; text: string };
        const decision = { id: '1', meetingId: '7', ...body, decidedOn: '2027-04-20', followUp: 'ej_aktuell' };
        decisions = [decision];
        return { status: 201, body: { decision } };
      },
    });
    renderWithServices(<MeetingApp context={{ chatId: THREAD, frameContext: 'sidePanel' }} />);
    const button = await screen.findByRole('button', { name: 'Protokollför beslut' });
    fireEvent.click(button);
    const form = screen.getByRole('group', { name: 'Beslut under punkt 2' });
    fireEvent.change(within(form).getByRole('combobox', { name: 'Beslutstyp' }), {
      target: { value: 'verksamhetsplan' },
    });
    fireEvent.change(within(form).getByRole('textbox', { name: /Beslutet/ }), {
      target: { value: 'Verksamhetsplanen antas.' },
    });
    fireEvent.click(within(form).getByRole('button', { name: 'Spara beslutet' }));
    await screen.findByText('Beslutat: Verksamhetsplanen antas.');
    const post = requests.find((r) => r.method === 'POST')!;
    // The decision names its point by the column, not by a prefix in its text.
    expect(JSON.parse(post.body!)).toEqual({
      kind: 'verksamhetsplan',
      text: 'Verksamhetsplanen antas.',
      agendaItemId: 'i-vp',
    });
    expect(post.headers.get('idempotency-key')).toMatch(/^[A-Za-z0-9_-]{8,128}$/);
  });

  it('saves the notes per point under If-Match; a newer note is shown beside the own text, nothing lost', async () => {
    let saves = 0;
    const requests = stubApi({
      '/api/me': meFor(KARIN, 'Region Västerbotten', COORDINATOR_ACTIONS),
      [inTeams]: FOUND,
      '/api/meetings/7/attendance': { attendance: [] },
      '/api/meetings/7/minutes': { minutes: MINUTES },
      'GET /api/meetings/7/decisions': { decisions: [] },
      'PUT /api/meetings/7/minutes/i-vp': (request) => {
        saves += 1;
        const { text } = JSON.parse(request.body ?? '{}') as { text: string };
        if (saves === 1) return { status: 200, body: { note: { itemId: 'i-vp', text, etag: '"1"' } } };
        return {
          status: 409,
          body: {
            error: {
              code: 'CONFLICT',
              message: 'Någon annan har ändrat uppgifterna.',
              requestId: 'r',
              current: { itemId: 'i-vp', text: 'Eriks version.', etag: '"2"' },
            },
          },
        };
      },
    });
    renderWithServices(<MeetingApp context={{ chatId: THREAD, frameContext: 'sidePanel' }} />);
    const box = await screen.findByRole('textbox', { name: /Anteckningar till punkt 2/ });
    fireEvent.change(box, { target: { value: 'Samordnaren föredrog.' } });
    const point = box.closest('li')!;
    fireEvent.click(within(point).getByRole('button', { name: 'Spara anteckningarna' }));
    await screen.findByText('Anteckningarna till punkt 2 är sparade.');
    const first = requests.filter((r) => r.method === 'PUT')[0]!;
    expect(first.headers.get('if-match')).toBe('*');
    expect(first.headers.get('idempotency-key')).toMatch(/^[A-Za-z0-9_-]{8,128}$/);

    fireEvent.change(box, { target: { value: 'Samordnaren föredrog. Frågor besvarades.' } });
    fireEvent.click(within(point).getByRole('button', { name: 'Spara anteckningarna' }));
    await screen.findByText('Deras text: Eriks version.');
    expect(requests.filter((r) => r.method === 'PUT')[1]!.headers.get('if-match')).toBe('"1"');
    expect((box as HTMLTextAreaElement).value).toBe('Samordnaren föredrog. Frågor besvarades.');
    fireEvent.click(within(point).getByRole('button', { name: 'Behåll min text' }));
    expect((box as HTMLTextAreaElement).value).toBe('Samordnaren föredrog. Frågor besvarades.');
  });

  it("reads the meeting context from teams-js' context; a tab pinned to a page keeps its page", () => {
    expect(meetingContextOf({ chat: { id: THREAD }, page: { frameContext: 'sidePanel' } }, '')).toEqual({
      chatId: THREAD,
      frameContext: 'sidePanel',
    });
    expect(meetingContextOf({ meeting: { id: 'x' }, page: { frameContext: 'content' } }, '')).toEqual({
      meetingId: 'x',
      frameContext: 'content',
    });
    expect(
      meetingContextOf({ meeting: { id: 'x' }, page: { frameContext: 'content' } }, '?view=budget'),
    ).toBeUndefined();
    expect(meetingContextOf({ chat: { id: THREAD }, page: { frameContext: 'content' } }, '')).toBeUndefined();
  });
});

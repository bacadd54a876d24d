import { afterEach, describe, expect, it } from '@jest/globals';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { DraftEditor } from '../../src/tab/meetings/draft/DraftEditor';
import { meetingDraftsApi } from '../../src/tab/meetings/draft/api';
import { createApiClient } from '../../src/tab/api';
import { PEOPLE, renderWithServices, stubApi } from './support';

const item = (
  id: string,
  title: string,
  documents: { id: string; name: string; size: number; webUrl: string }[] = [],
) => ({
  id,
  kind: 'information' as const,
  title,
  source: { kind: 'staende' as const, label: 'Stående punkt' },
  documents,
});

const DRAFT = {
  id: '12',
  etag: '"1"',
  title: 'Samverkansgruppen – vårmöte 2027',
  group: 'samverkansgrupp' as const,
  year: 2027,
  season: 'var' as const,
  items: [item('p1', 'Mötets öppnande'), item('p2', 'Godkännande av dagordningen'), item('p3', 'Övriga frågor')],
};

const api = () => meetingDraftsApi(createApiClient({ getToken: async () => 't' }));

function renderEditor(draft = DRAFT) {
  return renderWithServices(<DraftEditor api={api()} draft={draft} people={PEOPLE} canEdit />);
}

/** XMLHttpRequest as jsdom cannot send it: records the request and lets the test drive its progress. */
class FakeXhr {
  static last?: FakeXhr;
  upload: { onprogress?: (e: { loaded: number; total: number; lengthComputable: boolean }) => void } = {};
  status = 0;
  responseText = '';
  method = '';
  url = '';
  headers: Record<string, string> = {};
  onload?: () => void;
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name.toLowerCase()] = value;
  }
  send() {
    FakeXhr.last = this;
  }
}

const realXhr = globalThis.XMLHttpRequest;
afterEach(() => {
  cleanup();
  globalThis.XMLHttpRequest = realXhr;
  FakeXhr.last = undefined;
});

describe('Möten: the draft editor', () => {
  it('moves a point down and saves the new order with If-Match and an Idempotency-Key', async () => {
    const requests = stubApi({
      'PUT /api/meetings/drafts/12/agenda': () => ({
        body: { draft: { ...DRAFT, etag: '"2"', items: [DRAFT.items[1], DRAFT.items[0], DRAFT.items[2]] } },
      }),
    });
    renderEditor();
    fireEvent.click(screen.getByRole('button', { name: 'Flytta ner punkt 1, Mötets öppnande' }));
    expect(screen.getByRole('heading', { name: '1. Godkännande av dagordningen' })).toBeTruthy();
    expect(screen.getByText('Punkten Mötets öppnande är nu nummer 2.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Spara dagordningen' }));
    expect(await screen.findByText('Dagordningen är sparad.')).toBeTruthy();
    const put = requests.find((r) => r.method === 'PUT')!;
    expect(put.headers.get('if-match')).toBe('"1"');
    expect(put.headers.get('idempotency-key')).toMatch(/^[A-Za-z0-9_-]{8,128}$/);
    expect((JSON.parse(put.body!) as { items: { id: string }[] }).items.map((i) => i.id)).toEqual(['p2', 'p1', 'p3']);
  });

  it('on 409 shows the other version; "keep mine" saves my order again on the newer ETag, nothing lost', async () => {
    const theirs = { ...DRAFT, etag: '"5"', items: [...DRAFT.items, item('p4', 'Ekonomisk lägesrapport')] };
    let calls = 0;
    const requests = stubApi({
      'PUT /api/meetings/drafts/12/agenda': () =>
        ++calls === 1
          ? {
              status: 409,
              body: {
                error: {
                  code: 'CONFLICT',
                  message: 'Någon annan har ändrat uppgifterna.',
                  requestId: 'r',
                  current: theirs,
                },
              },
            }
          : { body: { draft: { ...theirs, etag: '"6"' } } },
    });
    renderEditor();
    fireEvent.click(screen.getByRole('button', { name: 'Flytta upp punkt 3, Övriga frågor' }));
    fireEvent.click(screen.getByRole('button', { name: 'Spara dagordningen' }));
    expect(await screen.findByText('Någon annan har ändrat dagordningen')).toBeTruthy();
    expect(screen.getByText('Ekonomisk lägesrapport')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Använd den nya versionen' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Behåll mina ändringar och spara igen' }));
    await waitFor(() => expect(requests.filter((r) => r.method === 'PUT')).toHaveLength(2));
    const second = requests.filter((r) => r.method === 'PUT')[1]!;
    expect(second.headers.get('if-match')).toBe('"5"');
    expect((JSON.parse(second.body!) as { items: { id: string }[] }).items.map((i) => i.id)).toEqual([
      'p1',
      'p3',
      'p2',
    ]);
  });

  it('"use the new version" shows theirs and sends nothing more', async () => {
    const theirs = { ...DRAFT, etag: '"5"', items: [item('p9', 'Deras punkt')] };
    const requests = stubApi({
      'PUT /api/meetings/drafts/12/agenda': () => ({
        status: 409,
        body: { error: { code: 'CONFLICT', message: 'Konflikt.', requestId: 'r', current: theirs } },
      }),
    });
    const routes = requests;
    renderEditor();
    fireEvent.click(screen.getByRole('button', { name: 'Spara dagordningen' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Använd den nya versionen' }));
    expect(screen.getByRole('heading', { name: '1. Deras punkt' })).toBeTruthy();
    expect(screen.queryByText('Någon annan har ändrat dagordningen')).toBeNull();
    expect(routes.filter((r) => r.method === 'PUT')).toHaveLength(1);
  });

  it('uploads a handling by XMLHttpRequest: the progress bar follows upload.onprogress, with a key', async () => {
    globalThis.XMLHttpRequest = FakeXhr as unknown as typeof XMLHttpRequest;
    stubApi({});
    renderEditor();
    const file = new File([new Uint8Array(1000)], 'budget.pdf', { type: 'application/pdf' });
    fireEvent.change(screen.getByLabelText('Lägg till handling till punkt 1'), { target: { files: [file] } });
    await waitFor(() => expect(FakeXhr.last).toBeDefined());
    const xhr = FakeXhr.last!;
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/api/meetings/drafts/12/items/p1/documents?name=budget.pdf');
    expect(xhr.headers['idempotency-key']).toMatch(/^[A-Za-z0-9_-]{8,128}$/);
    act(() => xhr.upload.onprogress?.({ loaded: 450, total: 1000, lengthComputable: true }));
    const bar = screen.getByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('0.45');
    expect(screen.getByText('Laddar upp budget.pdf … 45 %')).toBeTruthy();
    expect(bar.closest('[aria-live="polite"]')).not.toBeNull();
    const doc = { id: 'd1', name: 'budget.pdf', size: 1000, webUrl: 'https://sp/budget.pdf' };
    xhr.status = 201;
    xhr.responseText = JSON.stringify({
      draft: { ...DRAFT, etag: '"2"', items: [item('p1', 'Mötets öppnande', [doc]), DRAFT.items[1], DRAFT.items[2]] },
      document: doc,
    });
    act(() => xhr.onload?.());
    expect(await screen.findByText('Handlingen budget.pdf är uppladdad.')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'budget.pdf' })).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('refuses a file over 25 MB and a sixth handling on a point in Swedish, sending nothing', async () => {
    globalThis.XMLHttpRequest = FakeXhr as unknown as typeof XMLHttpRequest;
    const requests = stubApi({});
    const docs = [1, 2, 3, 4, 5].map((n) => ({ id: `d${n}`, name: `h${n}.pdf`, size: 10, webUrl: `https://sp/${n}` }));
    renderEditor({ ...DRAFT, items: [item('p1', 'Full punkt', docs), DRAFT.items[1]!] });
    expect(screen.getAllByText('Högst 25 MB per fil, 5 handlingar per punkt och 25 per möte.').length).toBeGreaterThan(
      0,
    );
    const big = new File(['x'], 'stor.pdf');
    Object.defineProperty(big, 'size', { value: 26 * 1024 * 1024 });
    fireEvent.change(screen.getByLabelText('Lägg till handling till punkt 2'), { target: { files: [big] } });
    expect(await screen.findByText('Filen stor.pdf är för stor: en handling får vara högst 25 MB.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Lägg till handling till punkt 1'), {
      target: { files: [new File(['x'], 'sjatte.pdf')] },
    });
    expect(await screen.findByText('Punkten har redan 5 handlingar, det högsta antalet.')).toBeTruthy();
    expect(FakeXhr.last).toBeUndefined();
    expect(requests).toHaveLength(0);
  });

  it('asks before removing a point and removes it only when confirmed', async () => {
    stubApi({});
    renderEditor();
    fireEvent.click(screen.getByRole('button', { name: 'Ta bort punkt 3, Övriga frågor' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByText('”Övriga frågor” tas bort från dagordningen när du sparar.')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Ta bort' }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: '3. Övriga frågor' })).toBeNull());
    expect(screen.getByText('Du har ändringar som inte är sparade.')).toBeTruthy();
  });

  it('a called meeting: saving asks first, Avbryt sends nothing, confirming sends the update', async () => {
    const called = { ...DRAFT, called: { attendees: 17 } };
    const requests = stubApi({
      'PUT /api/meetings/drafts/12/agenda': () => ({ body: { draft: { ...called, etag: '"2"' } } }),
    });
    renderEditor(called);
    expect(screen.queryByRole('button', { name: 'Kalla' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Spara dagordningen' }));
    let dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByText('Ändringen skickas som en uppdatering till alla 17 kallade.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Avbryt'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Avbryt' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
    fireEvent.click(await screen.findByRole('button', { name: 'Spara dagordningen' }));
    dialog = await screen.findByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Spara och skicka uppdateringen' }));
    expect(await screen.findByText('Dagordningen är sparad.')).toBeTruthy();
    expect(requests.filter((r) => r.method === 'PUT')).toHaveLength(1);
  });
});

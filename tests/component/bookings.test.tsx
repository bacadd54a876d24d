import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { OutcomeDto } from '../../src/contract';
import { formatSek } from '../../src/domain/money';
import { Bookings } from '../../src/tab/budget/Bookings';
import { todayInStockholm } from '../../src/tab/format';
import { ERIK, KARIN, PEOPLE, renderWithServices, stubApi } from './support';

/** What a person reads: testing-library folds the no-break spaces Intl writes into plain ones. */
const kr = (ore: number) => formatSek(ore, { plain: true });

const YEAR = 2026;
const line = (id: string, name: string) => ({
  id,
  etag: `"${id}"`,
  year: YEAR,
  kind: 'kostnad' as const,
  category: 'oh_lokal',
  name,
  amountOre: 12_000_000,
});
const LINES = [line('1', 'Lokalhyra'), line('2', 'Resor')];

function booking(n: number, over: Partial<OutcomeDto> = {}): OutcomeDto {
  return {
    id: `b${n}`,
    etag: '"1"',
    budgetLineId: n % 2 ? '1' : '2',
    date: `${YEAR}-${String((n % 12) + 1).padStart(2, '0')}-10`,
    amountOre: 1_000_000 + n * 100,
    text: `Faktura ${n}`,
    bookedByEmail: n % 3 ? KARIN.email : ERIK.email,
    ...over,
  };
}

const rows = () =>
  within(screen.getByRole('table', { name: 'Bokningar' }))
    .getAllByRole('row')
    .slice(1);

function serve(outcomes: OutcomeDto[], reversal?: () => { status?: number; body: unknown }) {
  let list = outcomes;
  const requests = stubApi({
    [`/api/budget/outcomes?year=${YEAR}`]: () => ({ body: { outcomes: list } }),
    '/api/people': { people: PEOPLE },
    'POST /api/budget/outcomes/b1/reversal': () => {
      const answer = reversal?.();
      if (answer) return answer;
      const made: OutcomeDto = { ...booking(99), id: 'r1', amountOre: -list[0]!.amountOre, reversesId: 'b1' };
      made.budgetLineId = '1';
      made.date = todayInStockholm();
      made.text = undefined;
      list = [{ ...list[0]!, reversedById: 'r1' }, ...list.slice(1), made];
      return { status: 201, body: { outcome: made } };
    },
  });
  return requests;
}

function renderBookings(onChanged = () => {}) {
  renderWithServices(<Bookings year={YEAR} lines={LINES} canBook onChanged={onChanged} />);
}

describe('Bookings list (Budget page)', () => {
  afterEach(cleanup);

  it('filters by line and by period, and names people and lines instead of ids', async () => {
    serve([1, 2, 3, 4, 5, 6].map((n) => booking(n)));
    renderBookings();
    await screen.findByText('Faktura 1');
    expect(rows()).toHaveLength(6);
    const first = rows().find((r) => r.textContent?.includes('Faktura 1'))!;
    await waitFor(() => expect(within(first).getByText('Karin Nordström')).toBeTruthy());
    expect(within(first).getByText('Lokalhyra')).toBeTruthy();
    expect(within(first).getByText(kr(1_000_100))).toBeTruthy();
    expect(first.textContent).not.toContain('b1');

    fireEvent.change(screen.getByRole('combobox', { name: 'Budgetpost' }), { target: { value: '2' } });
    expect(rows().map((r) => within(r).getByText(/^Faktura/).textContent)).toEqual([
      'Faktura 2',
      'Faktura 4',
      'Faktura 6',
    ]);

    const from = screen.getByLabelText(/Från och med/);
    fireEvent.change(from, { target: { value: `${YEAR}-04-01` } });
    fireEvent.blur(from);
    const to = screen.getByLabelText(/Till och med/);
    fireEvent.change(to, { target: { value: `${YEAR}-06-30` } });
    fireEvent.blur(to);
    await waitFor(() => expect(rows().map((r) => within(r).getByText(/^Faktura/).textContent)).toEqual(['Faktura 4']));
  });

  it('collapses a long list behind a count and expands it', async () => {
    serve(Array.from({ length: 37 }, (_, i) => booking(i + 1)));
    renderBookings();
    await screen.findByText('Faktura 1');
    expect(rows()).toHaveLength(10);
    fireEvent.click(screen.getByRole('button', { name: 'Visa alla 37 bokningar' }));
    expect(rows()).toHaveLength(37);
    fireEvent.click(screen.getByRole('button', { name: 'Visa färre' }));
    expect(rows()).toHaveLength(10);
  });

  it('asks before reversing; cancel sends nothing, confirm POSTs with an Idempotency-Key and the list updates', async () => {
    let changed = 0;
    const requests = serve([booking(1, { amountOre: 1_250_000 }), booking(2)]);
    renderBookings(() => changed++);
    await screen.findByText('Faktura 1');
    fireEvent.click(await screen.findByRole('button', { name: `Återför bokningen på Lokalhyra ${YEAR}-02-10` }));
    let dialog = await screen.findByRole('alertdialog', { name: 'Återföra bokningen?' });
    expect(dialog.textContent).toContain(`En motbokning på ${formatSek(-1_250_000)} bokas på Lokalhyra`);
    const cancel = within(dialog).getByRole('button', { name: 'Avbryt' });
    await waitFor(() => expect(document.activeElement).toBe(cancel));
    fireEvent.click(cancel);
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);

    fireEvent.click(await screen.findByRole('button', { name: `Återför bokningen på Lokalhyra ${YEAR}-02-10` }));
    dialog = await screen.findByRole('alertdialog', { name: 'Återföra bokningen?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Återför' }));
    await screen.findByText('Bokningen är återförd.');
    const post = requests.find((r) => r.method === 'POST')!;
    expect(post.url).toContain('/api/budget/outcomes/b1/reversal');
    expect(post.headers.get('Idempotency-Key')).toBeTruthy();
    await screen.findByText(`Återföring av bokningen ${YEAR}-02-10 på ${kr(1_250_000)}`);
    // The page behind stays hidden from the accessibility tree until the dialog's exit has finished.
    await screen.findByRole('table', { name: 'Bokningar' });
    const original = rows().find((r) => r.textContent?.includes('Faktura 1'))!;
    expect(original.textContent).toContain(`Återförd ${todayInStockholm()}`);
    // Neither the reversed booking nor its reversal offers "Återför" again; the other booking still does.
    expect(screen.getAllByRole('button', { name: /^Återför bokningen/ })).toHaveLength(1);
    expect(changed).toBe(1);
  });

  it('keeps a dialog asked for again right after cancelling (the earlier close does not unmount it)', async () => {
    serve([booking(1)]);
    renderBookings();
    await screen.findByText('Faktura 1');
    const reverse = () => screen.findByRole('button', { name: `Återför bokningen på Lokalhyra ${YEAR}-02-10` });
    fireEvent.click(await reverse());
    const first = await screen.findByRole('alertdialog', { name: 'Återföra bokningen?' });
    fireEvent.click(within(first).getByRole('button', { name: 'Avbryt' }));
    fireEvent.click(await reverse());
    // Past the closing delay of the first dialog (600 ms): the second is still open.
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(screen.getByRole('alertdialog', { name: 'Återföra bokningen?' })).toBeTruthy();
  });

  it('shows the Swedish message of a 409 answer', async () => {
    serve([booking(1)], () => ({
      status: 409,
      body: { error: { code: 'ALREADY_REVERSED', message: 'Bokningen är redan återförd.', requestId: 't' } },
    }));
    renderBookings();
    await screen.findByText('Faktura 1');
    fireEvent.click(await screen.findByRole('button', { name: /^Återför bokningen på Lokalhyra/ }));
    const dialog = await screen.findByRole('alertdialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Återför' }));
    expect(await screen.findByText('Bokningen är redan återförd.')).toBeTruthy();
    expect(screen.queryByText('Bokningen är återförd.')).toBeNull();
  });
});

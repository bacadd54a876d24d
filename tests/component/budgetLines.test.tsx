import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { todayInStockholm } from '../../src/tab/format';
import { BudgetPage } from '../../src/tab/pages/Budget';
import { COORDINATOR_ACTIONS, ERIK, KARIN, ORGANISATIONS, meFor, renderWithServices, stubApi } from './support';
import { preloadBudgetViews } from './budgetViews';

const TODAY = todayInStockholm();
const YEAR = Number(TODAY.slice(0, 4));
const LINE = {
  id: '1',
  etag: '"a,1"',
  year: YEAR,
  kind: 'kostnad' as const,
  category: 'oh_lokal',
  name: 'Lokalhyra',
  amountOre: 12_000_000,
};
const zero = { budgetOre: 0, outcomeOre: 0, forecastOre: 0, deviationOre: 0 };
const REPORT = {
  status: {
    year: YEAR,
    asOf: TODAY,
    elapsedDays: 10,
    daysInYear: 365,
    lines: [],
    byCategory: {},
    byArea: {},
    byKind: { kostnad: zero, intakt: zero },
    net: zero,
  },
  coFinancing: {
    year: YEAR,
    rows: [],
    missing: [],
    totals: { dueOre: 0, paidOre: 0, remainingOre: 0, overpaidOre: 0 },
  },
};
const TIME = {
  entries: [],
  report: {
    availableHours: 361.5,
    usedHours: 0,
    remainingHours: 361.5,
    usedToDateHours: 0,
    expectedToDateHours: 10,
    status: 'under',
    statusLabel: 'Under plan',
    message: 'Samordnaren har inte lagt någon tid.',
    perAssignment: [],
  },
};

function routes(lines: () => object[]) {
  return {
    [`/api/budget/report?year=${YEAR}&asOf=${TODAY}`]: REPORT,
    [`/api/budget?year=${YEAR}`]: () => ({ body: { lines: lines() } }),
    [`/api/coordinator-time?year=${YEAR}&asOf=${TODAY}`]: TIME,
  };
}

describe('Budget lines: editing', () => {
  beforeAll(preloadBudgetViews);

  afterEach(() => {
    cleanup();
    window.history.replaceState(null, '', '#/budget');
  });

  it('shows no edit action to a member', async () => {
    stubApi(routes(() => [LINE]));
    renderWithServices(<BudgetPage me={meFor(ERIK, 'Umeå kommun', ['report.read'])} />);
    await screen.findByRole('heading', { name: /^Ekonomisk lägesrapport per / });
    // A member has no Budgetposter view, so no edit action anywhere.
    expect(screen.queryByRole('tab', { name: 'Budgetposter' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Ändra Lokalhyra' })).toBeNull();
  });

  it('lets the coordinator change name, category, area and amount in kronor, sent as öre with the ETag; focus returns to the line', async () => {
    let current: object = LINE;
    const requests = stubApi({
      ...routes(() => [current]),
      'PATCH /api/budget/lines/1': (request) => {
        current = { ...LINE, ...(JSON.parse(request.body ?? '{}') as object), etag: '"a,2"' };
        return { body: { line: current } };
      },
    });
    renderWithServices(<BudgetPage me={meFor(KARIN, 'Region Västerbotten', COORDINATOR_ACTIONS)} />);
    fireEvent.click(screen.getByRole('tab', { name: 'Budgetposter' }));
    const table = await screen.findByRole('table', { name: 'Budgetposter' });
    expect(within(table).getByText('OH – lokal')).toBeTruthy();
    fireEvent.click(within(table).getByRole('button', { name: 'Ändra Lokalhyra' }));
    await screen.findByRole('dialog', { name: 'Ändra budgetposten Lokalhyra', hidden: true });
    const form = screen.getByRole('form', { name: 'Ändra budgetposten Lokalhyra', hidden: true });
    const amount = within(form).getByLabelText(/Budget \(kr\)/) as HTMLInputElement;
    expect(amount.value).toBe('120 000,00 kr');
    fireEvent.change(within(form).getByLabelText(/Namn/), { target: { value: 'Lokal och möten' } });
    fireEvent.change(within(form).getByLabelText(/Kategori/), {
      target: { value: 'oh_moteskostnader' },
    });
    fireEvent.change(within(form).getByLabelText('Samverkansområde'), {
      target: { value: 'erfarenhetsutbyte' },
    });
    fireEvent.change(amount, { target: { value: '125 000,50' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Spara ändringen', hidden: true }));
    expect(await screen.findByText('Budgetposten Lokal och möten är ändrad.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('dialog', { hidden: true })).toBeNull());
    const patch = requests.find((r) => r.method === 'PATCH')!;
    expect(patch.headers.get('if-match')).toBe('"a,1"');
    expect(JSON.parse(patch.body ?? '{}')).toEqual({
      name: 'Lokal och möten',
      category: 'oh_moteskostnader',
      area: 'erfarenhetsutbyte',
      amountOre: 12_500_050,
    });
    const row = (
      await within(screen.getByRole('table', { name: 'Budgetposter' })).findByText('Lokal och möten')
    ).closest('tr') as HTMLElement;
    expect(within(row).getByText('Erfarenhetsutbyte')).toBeTruthy();
    await waitFor(() =>
      expect(document.activeElement).toBe(within(row).getByRole('button', { name: 'Ändra Lokal och möten' })),
    );
  });

  it('shows the newer line on a 409 and sends nothing more until the user chooses', async () => {
    const NEWER = { ...LINE, etag: '"a,2"', name: 'Lokalhyra (ny)', amountOre: 13_000_000 };
    const requests = stubApi({
      ...routes(() => [LINE]),
      'PATCH /api/budget/lines/1': () => ({
        status: 409,
        body: { error: { code: 'CONFLICT', message: 'Någon annan har ändrat uppgifterna.', current: NEWER } },
      }),
    });
    renderWithServices(<BudgetPage me={meFor(KARIN, 'Region Västerbotten', COORDINATOR_ACTIONS)} />);
    fireEvent.click(screen.getByRole('tab', { name: 'Budgetposter' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Ändra Lokalhyra' }));
    await screen.findByRole('dialog', { name: 'Ändra budgetposten Lokalhyra', hidden: true });
    const form = screen.getByRole('form', { name: 'Ändra budgetposten Lokalhyra', hidden: true });
    fireEvent.change(within(form).getByLabelText(/Budget \(kr\)/), { target: { value: '1 000' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Spara ändringen', hidden: true }));
    expect(await screen.findByText('Någon annan har ändrat uppgifterna.')).toBeTruthy();
    expect(within(form).getByTestId('budget-line-newer').textContent).toContain('Lokalhyra (ny), OH – lokal, 130');
    expect((within(form).getByLabelText(/Budget \(kr\)/) as HTMLInputElement).value).toBe('1 000');
    expect(requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
    fireEvent.click(within(form).getByRole('button', { name: 'Utgå från den nyare versionen', hidden: true }));
    expect((within(form).getByLabelText(/Namn/) as HTMLInputElement).value).toBe('Lokalhyra (ny)');
    fireEvent.click(within(form).getByRole('button', { name: 'Spara ändringen', hidden: true }));
    await waitFor(() => expect(requests.filter((r) => r.method === 'PATCH')).toHaveLength(2));
    expect(requests.filter((r) => r.method === 'PATCH')[1]!.headers.get('if-match')).toBe('"a,2"');
  });

  it('asks for the organisation by its Swedish name in a searchable list and sends its id (#18)', async () => {
    const organisations = [
      ...ORGANISATIONS,
      {
        id: 'bjurholm',
        name: 'Bjurholm',
        officialName: 'Bjurholms kommun',
        kind: 'kommun',
        emailDomain: 'bjurholm.se',
      },
    ];
    const requests = stubApi({
      ...routes(() => [LINE]),
      '/api/organisations': { region: 'Västerbotten', organisations },
      'POST /api/budget/lines': () => ({ status: 201, body: { line: { ...LINE, id: '2' } } }),
    });
    renderWithServices(<BudgetPage me={meFor(KARIN, 'Region Västerbotten', COORDINATOR_ACTIONS)} />);
    fireEvent.click(screen.getByRole('tab', { name: 'Budgetposter' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Lägg till budgetpost' }));
    const dialog = await screen.findByRole('dialog', { name: 'Lägg till budgetpost', hidden: true });
    fireEvent.change(within(dialog).getByLabelText(/Namn/), { target: { value: 'Bjurholms andel' } });
    fireEvent.change(within(dialog).getByLabelText(/Kategori/), { target: { value: 'medfinansiering_kommun' } });
    fireEvent.change(within(dialog).getByLabelText(/Budget \(kr\)/), { target: { value: '50 000' } });
    const field = within(dialog).getByRole('combobox', { name: /Organisation/, hidden: true });
    await waitFor(() => expect(field.getAttribute('placeholder')).not.toBe('Laddar …'));
    fireEvent.click(field);
    fireEvent.change(field, { target: { value: 'bjur' } });
    fireEvent.click(await screen.findByRole('option', { name: 'Bjurholms kommun', hidden: true }));
    expect((field as HTMLInputElement).value).toBe('Bjurholms kommun');
    // Names, never ids: the genitive as a sentence says it, kommuner first.
    fireEvent.click(field);
    fireEvent.change(field, { target: { value: '' } });
    const list = await screen.findByRole('listbox', { hidden: true });
    const names = within(list)
      .getAllByRole('option', { hidden: true })
      .map((o) => o.textContent);
    expect(names).toEqual([
      'Bjurholms kommun',
      'Umeå kommun',
      'Åsele kommun',
      'Region Västerbotten',
      'Länsstyrelsen Västerbotten',
    ]);
    fireEvent.click(screen.getByRole('option', { name: 'Bjurholms kommun', hidden: true }));
    expect(dialog.textContent).not.toMatch(/bjurholm\b|lansstyrelsen-vasterbotten|region-vasterbotten/);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lägg till', hidden: true }));
    expect(await screen.findByText('Budgetposten är tillagd.')).toBeTruthy();
    const post = requests.find((r) => r.method === 'POST')!;
    expect(JSON.parse(post.body ?? '{}')).toMatchObject({
      category: 'medfinansiering_kommun',
      organisationId: 'bjurholm',
      amountOre: 5_000_000,
    });
  });
});

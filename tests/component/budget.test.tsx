import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { formatSek } from '../../src/domain/money';
import { todayInStockholm } from '../../src/tab/format';
import { BudgetPage } from '../../src/tab/pages/Budget';
import { COORDINATOR_ACTIONS, ERIK, KARIN, meFor, renderWithServices, stubApi, enterDateOrTime } from './support';
import { preloadBudgetViews } from './budgetViews';

/** What a person reads: testing-library folds the no-break spaces Intl writes into plain ones. */
const kr = (ore: number) => formatSek(ore, { plain: true });

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

function amounts(budgetOre: number, outcomeOre: number) {
  return { budgetOre, outcomeOre, forecastOre: outcomeOre * 2, deviationOre: outcomeOre * 2 - budgetOre };
}

function report(outcomeOre: number) {
  const a = amounts(12_000_000, outcomeOre);
  return {
    status: {
      year: YEAR,
      asOf: TODAY,
      elapsedDays: 180,
      daysInYear: 365,
      lines: [{ ...a, line: { ...LINE, etag: undefined }, entryCount: outcomeOre ? 1 : 0 }],
      byCategory: { oh_lokal: a },
      byArea: {},
      byKind: { kostnad: a, intakt: amounts(0, 0) },
      net: amounts(-12_000_000, -outcomeOre),
    },
    coFinancing: {
      year: YEAR,
      rows: [
        {
          organisationId: 'umea',
          name: 'Umeå kommun',
          kind: 'kommun',
          dueOre: 0,
          paidOre: 0,
          remainingOre: 0,
          overpaidOre: 0,
          status: 'obetald',
          statusLabel: 'Obetald',
          flag: 'Saknar medfinansieringsrad',
        },
      ],
      missing: [{ organisationId: 'umea', name: 'Umeå kommun', message: 'Umeå kommun: saknar medfinansieringsrad.' }],
      totals: { dueOre: 0, paidOre: 0, remainingOre: 0, overpaidOre: 0 },
    },
  };
}

const TIME = {
  entries: [],
  report: {
    availableHours: 361.5,
    usedHours: 12,
    remainingHours: 349.5,
    usedToDateHours: 12,
    expectedToDateHours: 150,
    status: 'under',
    statusLabel: 'Under plan',
    message: 'Samordnaren har lagt 12 h.',
    perAssignment: [{ assignment: 'Stödgruppen', hours: 12, entryCount: 2 }],
  },
};

function routes(state: { outcomeOre: number }) {
  return {
    [`/api/budget/report?year=${YEAR}&asOf=${TODAY}`]: () => ({ body: report(state.outcomeOre) }),
    [`/api/budget?year=${YEAR}`]: { lines: [LINE] },
    [`/api/coordinator-time?year=${YEAR}&asOf=${TODAY}`]: TIME,
  };
}

/** Chooses a view of the Budget page (its TabList); after a dialog the page is shown again first. */
async function openView(name: string): Promise<void> {
  fireEvent.click(await screen.findByRole('tab', { name, hidden: true }));
}

/** Opens the booking form: the Bokningar view, then its dialog (waited for, not assumed). */
async function openBooking(): Promise<HTMLElement> {
  fireEvent.click(await screen.findByRole('tab', { name: 'Bokningar' }));
  fireEvent.click(await screen.findByRole('button', { name: 'Bokför utfall' }));
  return screen.findByRole('dialog', { name: 'Bokför utfall', hidden: true });
}

describe('Budget page', () => {
  beforeAll(preloadBudgetViews);

  afterEach(() => {
    cleanup();
    window.history.replaceState(null, '', '#/budget');
  });

  it('shows the lägesrapport per line, the chart as a labelled image with its table, and co-financing gaps', async () => {
    stubApi(routes({ outcomeOre: 3_000_000 }));
    renderWithServices(<BudgetPage me={meFor(ERIK, 'Umeå kommun', ['report.read'])} />);
    const costs = await screen.findByRole('table', { name: 'Ekonomisk lägesrapport: Kostnad' });
    const row = within(costs).getByText('Lokalhyra').closest('tr')!;
    expect(within(row as HTMLElement).getByText(kr(12_000_000))).toBeTruthy();
    expect(within(row as HTMLElement).getByText(kr(3_000_000))).toBeTruthy();
    const chart = screen.getByRole('img', { name: /Budget och utfall per kategori/ });
    expect(chart.querySelector('desc')?.textContent).toContain(`Utfall ${formatSek(3_000_000)}`);
    expect(screen.getByRole('table', { name: 'Per kategori' })).toBeTruthy();
    expect(screen.getByText('Saknar medfinansieringsrad: Umeå kommun.')).toBeTruthy();
    // A member books nothing and edits nothing: no booking button, no Budgetposter view, no time logging.
    expect(screen.getAllByRole('tab')).toHaveLength(3);
    expect(screen.queryByRole('tab', { name: 'Budgetposter' })).toBeNull();
    await openView('Bokningar');
    expect(screen.queryByRole('button', { name: 'Bokför utfall' })).toBeNull();
    await openView('Samordnarens tid');
    expect(await screen.findByText(/12 h använda av 361,5 h/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Registrera tid' })).toBeNull();
  });

  it('keeps the chosen view in the URL hash, so a reload opens it again', async () => {
    stubApi(routes({ outcomeOre: 0 }));
    window.history.replaceState(null, '', '#/budget/tid');
    renderWithServices(<BudgetPage me={meFor(KARIN, 'Region Västerbotten', COORDINATOR_ACTIONS)} />);
    expect(screen.getByRole('tab', { name: 'Samordnarens tid' }).getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByText(/12 h använda av 361,5 h/)).toBeTruthy();
    await openView('Budgetposter');
    expect(window.location.hash).toBe('#/budget/budgetposter');
    expect(screen.getByRole('tabpanel', { name: 'Budgetposter' })).toBeTruthy();
    expect(screen.queryByText(/12 h använda av/)).toBeNull();
  });

  it('logs the coordinator’s time in a dialog; Avbryt closes it without sending', async () => {
    const requests = stubApi({
      ...routes({ outcomeOre: 0 }),
      'POST /api/coordinator-time': () => ({ status: 201, body: { entry: { id: 't1' } } }),
    });
    renderWithServices(<BudgetPage me={meFor(KARIN, 'Region Västerbotten', [...COORDINATOR_ACTIONS, 'time.log'])} />);
    await openView('Samordnarens tid');
    fireEvent.click(await screen.findByRole('button', { name: 'Registrera tid' }));
    let dialog = await screen.findByRole('dialog', { name: 'Registrera tid', hidden: true });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Avbryt', hidden: true }));
    await waitFor(() => expect(screen.queryByRole('dialog', { hidden: true })).toBeNull());
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
    // (The kit shows the page again on the app's root, the element holding <main>, which this render lacks.)
    fireEvent.click(await screen.findByRole('button', { name: 'Registrera tid', hidden: true }));
    dialog = await screen.findByRole('dialog', { name: 'Registrera tid', hidden: true });
    fireEvent.change(within(dialog).getByLabelText(/Timmar/), { target: { value: '1,5' } });
    fireEvent.change(within(dialog).getByLabelText(/Uppdrag/), { target: { value: 'Stödgruppen' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Registrera tid', hidden: true }));
    expect(await screen.findByText('Tiden är registrerad.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('dialog', { hidden: true })).toBeNull());
    const post = requests.find((r) => r.method === 'POST')!;
    expect(JSON.parse(post.body ?? '{}')).toEqual({ date: TODAY, hours: 1.5, assignment: 'Stödgruppen' });
  });

  it('shows the agreed exceptions for kommuner’s own costs by name, with their ceiling, under Överenskomna undantag', async () => {
    const exception = {
      decisionId: '21',
      title: 'Resor för inlandskommunerna',
      text: 'Regionen står för resekostnaderna.',
      decidedOn: `${YEAR}-04-22`,
      paragraph: 3,
      organisations: ['Malå', 'Åsele'],
      ceilingOre: 25_000_00,
    };
    stubApi({
      ...routes({ outcomeOre: 0 }),
      [`/api/budget/report?year=${YEAR}&asOf=${TODAY}`]: () => ({
        body: { ...report(0), exceptions: [exception, { ...exception, decisionId: '22', ceilingOre: undefined }] },
      }),
    });
    renderWithServices(<BudgetPage me={meFor(ERIK, 'Umeå kommun', ['report.read'])} />);
    expect(await screen.findByRole('heading', { name: 'Överenskomna undantag' })).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Överenskomna undantag' });
    const [first, second] = within(table)
      .getAllByText('Malå, Åsele')
      .map((cell) => cell.closest('tr') as HTMLElement);
    expect(within(first!).getByText(`§ 3 · 22 april ${YEAR} · Resor för inlandskommunerna`)).toBeTruthy();
    expect(within(first!).getByText(kr(25_000_00))).toBeTruthy();
    expect(within(second!).getByText('Inget tak')).toBeTruthy();
    expect(table.textContent).not.toContain('21');
  });

  it('says when no exception is decided for the year', async () => {
    stubApi({
      ...routes({ outcomeOre: 0 }),
      [`/api/budget/report?year=${YEAR}&asOf=${TODAY}`]: () => ({ body: { ...report(0), exceptions: [] } }),
    });
    renderWithServices(<BudgetPage me={meFor(ERIK, 'Umeå kommun', ['report.read'])} />);
    expect(await screen.findByText(`Inga undantag för egna kostnader är beslutade för ${YEAR}.`)).toBeTruthy();
  });

  it('says where a booking dated after the report day shows, instead of that the report changed', async () => {
    const state = { outcomeOre: 3_000_000 };
    stubApi({
      ...routes(state),
      'POST /api/budget/outcomes': () => ({ status: 201, body: { outcome: { id: '9' } } }),
    });
    renderWithServices(<BudgetPage me={meFor(KARIN, 'Region Västerbotten', COORDINATOR_ACTIONS)} />);
    await screen.findByRole('table', { name: 'Ekonomisk lägesrapport: Kostnad' });
    const later = `${YEAR}-12-31` > TODAY ? `${YEAR}-12-31` : undefined;
    if (!later) return; // On the year's last day nothing in the year lies after the report's day.
    const dialog = await openBooking();
    fireEvent.change(within(dialog).getByLabelText(/Belopp \(kr\)/), { target: { value: '100' } });
    enterDateOrTime(within(dialog).getByLabelText(/^Datum/), later);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Bokför', hidden: true }));
    await screen.findByText(
      `Utfallet är bokfört per ${later}. Lägesrapporten gäller ${TODAY}; välj en senare Rapportdag för att se det.`,
    );
  });

  it('lets the coordinator book an outcome in kronor, sent as öre, and the report and chart change', async () => {
    const state = { outcomeOre: 3_000_000 };
    const requests = stubApi({
      ...routes(state),
      'POST /api/budget/outcomes': (request) => {
        state.outcomeOre += (JSON.parse(request.body ?? '{}') as { amountOre: number }).amountOre;
        return { status: 201, body: { outcome: { id: '9' } } };
      },
    });
    renderWithServices(<BudgetPage me={meFor(KARIN, 'Region Västerbotten', COORDINATOR_ACTIONS)} />);
    await screen.findByTestId('budget-chart');
    const before = screen.getByTestId('budget-chart').querySelector('[data-kind="outcome"]')!.getAttribute('width');
    const dialog = await openBooking();
    fireEvent.change(within(dialog).getByLabelText(/Belopp \(kr\)/), {
      target: { value: '12 500,50' },
    });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Bokför', hidden: true }));
    await screen.findByText(`Utfallet är bokfört och ingår i lägesrapporten per ${TODAY} under Lägesrapport.`);
    await waitFor(() => expect(screen.queryByRole('dialog', { hidden: true })).toBeNull());
    await openView('Lägesrapport');
    const post = requests.find((r) => r.method === 'POST');
    expect(JSON.parse(post?.body ?? '{}')).toMatchObject({ budgetLineId: '1', amountOre: 1_250_050, date: TODAY });
    await waitFor(() =>
      expect(screen.getByTestId('budget-chart').querySelector('[data-kind="outcome"]')!.getAttribute('data-ore')).toBe(
        String(4_250_050),
      ),
    );
    const after = screen.getByTestId('budget-chart').querySelector('[data-kind="outcome"]')!.getAttribute('width');
    expect(Number(after)).toBeGreaterThan(Number(before));
  });

  it('refuses an amount with three decimals before sending anything', async () => {
    const requests = stubApi(routes({ outcomeOre: 0 }));
    renderWithServices(<BudgetPage me={meFor(KARIN, 'Region Västerbotten', COORDINATOR_ACTIONS)} />);
    const dialog = await openBooking();
    fireEvent.change(within(dialog).getByLabelText(/Belopp \(kr\)/), { target: { value: '12,345' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Bokför', hidden: true }));
    expect(await within(dialog).findByText(/Högst två decimaler/)).toBeTruthy();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
  });
});

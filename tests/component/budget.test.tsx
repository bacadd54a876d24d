import { afterEach, describe, expect, it } from '@jest/globals';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { formatSek } from '../../src/domain/money';
import { todayInStockholm } from '../../src/tab/format';
import { BudgetPage } from '../../src/tab/pages/Budget';
import { COORDINATOR_ACTIONS, ERIK, KARIN, meFor, renderWithServices, stubApi, enterDateOrTime } from './support';

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

describe('Budget page', () => {
  afterEach(cleanup);

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
    expect(screen.getByText(/12 h använda av 361,5 h/)).toBeTruthy();
    // A member books nothing and edits nothing.
    expect(screen.queryByRole('heading', { name: 'Bokför utfall' })).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Lägg till budgetpost' })).toBeNull();
  });

  it('says where a booking dated after the report day shows, instead of that the report changed', async () => {
    const state = { outcomeOre: 3_000_000 };
    stubApi({
      ...routes(state),
      'POST /api/budget/outcomes': () => ({ status: 201, body: { outcome: { id: '9' } } }),
    });
    renderWithServices(<BudgetPage me={meFor(KARIN, 'Region Västerbotten', COORDINATOR_ACTIONS)} />);
    await screen.findByRole('heading', { name: 'Bokför utfall' });
    const later = `${YEAR}-12-31` > TODAY ? `${YEAR}-12-31` : undefined;
    if (!later) return; // On the year's last day nothing in the year lies after the report's day.
    fireEvent.change(screen.getByRole('textbox', { name: /Belopp \(kr\)/ }), { target: { value: '100' } });
    enterDateOrTime(screen.getByLabelText(/^Datum/), later);
    fireEvent.click(screen.getByRole('button', { name: 'Bokför' }));
    await screen.findByText(
      `Utfallet är bokfört per ${later}. Lägesrapporten ovan gäller ${TODAY}; välj en senare Rapportdag för att se det.`,
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
    await screen.findByRole('heading', { name: 'Bokför utfall' });
    const before = screen.getByTestId('budget-chart').querySelector('[data-kind="outcome"]')!.getAttribute('width');
    fireEvent.change(screen.getByRole('textbox', { name: /Belopp \(kr\)/ }), { target: { value: '12 500,50' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bokför' }));
    await screen.findByText(`Utfallet är bokfört och ingår i lägesrapporten per ${TODAY} ovan.`);
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
    await screen.findByRole('heading', { name: 'Bokför utfall' });
    fireEvent.change(screen.getByRole('textbox', { name: /Belopp \(kr\)/ }), { target: { value: '12,345' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bokför' }));
    expect(await screen.findByText(/Högst två decimaler/)).toBeTruthy();
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
  });
});

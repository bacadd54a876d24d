import { describe, expect, it } from '@jest/globals';
import {
  BUDGET_CATEGORY_LABELS,
  categoryKind,
  createBudgetLine,
  createOutcomeEntry,
  accrualPattern,
  forecastLine,
  statusReport,
  type BudgetLine,
  type OutcomeEntry,
} from '../../../src/domain';
import { validationIssues, vasterbotten } from './fixtures';

const orgs = vasterbotten();
const line = (input: Record<string, unknown>): BudgetLine => createBudgetLine({ year: 2026, ...input }, orgs);

const lines: BudgetLine[] = [
  line({ id: 'lon', kind: 'kostnad', category: 'samordnare_lon', name: 'Samordnare 20 %', amountOre: 12000000 }),
  line({ id: 'lokal', kind: 'kostnad', category: 'oh_lokal', name: 'Lokal', amountOre: 1000000 }),
  line({
    id: 'utb',
    kind: 'kostnad',
    category: 'aktivitet',
    area: 'kompetensutveckling',
    name: 'Utbildningar',
    amountOre: 5000000,
  }),
  line({
    id: 'avg',
    kind: 'intakt',
    category: 'deltagaravgifter',
    area: 'kompetensutveckling',
    name: 'Avgifter',
    amountOre: 1000000,
  }),
  line({
    id: 'umea',
    kind: 'intakt',
    category: 'medfinansiering_kommun',
    organisationId: 'umea',
    name: 'Umeå',
    amountOre: 9000000,
  }),
  line({ id: 'region', kind: 'intakt', category: 'region_egna_medel', name: 'Regionen', amountOre: 8000000 }),
  line({ id: 'old', year: 2025, kind: 'kostnad', category: 'oh_lokal', name: 'Lokal 2025', amountOre: 1000000 }),
];

const outcome = (id: string, budgetLineId: string, date: string, amountOre: number): OutcomeEntry =>
  createOutcomeEntry({ id, budgetLineId, date, amountOre }, lines);

describe('budget lines', () => {
  it('has Swedish labels for every category and knows their kind', () => {
    expect(BUDGET_CATEGORY_LABELS.oh_moteskostnader.sv).toBe('OH – möteskostnader');
    expect(BUDGET_CATEGORY_LABELS.medfinansiering_kommun.sv).toBe('Medfinansiering från kommun');
    expect(categoryKind('projektmedel')).toBe('intakt');
    expect(categoryKind('oh_forbrukningsmaterial')).toBe('kostnad');
  });

  it.each([
    [{ amountOre: -100 }, 'amountOre', 'Beloppet får inte vara negativt.'],
    [{ amountOre: 1.5 }, 'amountOre', 'Beloppet måste vara ett heltal i öre.'],
    [{ name: '' }, 'name', 'Namnet får inte vara tomt.'],
    [{ category: 'fika' }, 'category', 'Okänd budgetkategori: fika.'],
    [{ kind: 'intakt' }, 'category', 'Kategorin Lokal hör inte till typen intäkt.'.replace('Lokal', 'OH – lokal')],
    [{ area: 'fika' }, 'area', 'Okänt samverkansområde: fika.'],
    [{ organisationId: 'pitea' }, 'organisationId', 'Okänd organisation.'],
    [{ year: 26 }, 'year', 'Ogiltigt budgetår.'],
  ])('refuses %j', (patch, path, message) => {
    const input = {
      id: 'x',
      year: 2026,
      kind: 'kostnad',
      category: 'oh_lokal',
      name: 'Lokal',
      amountOre: 100,
      ...patch,
    };
    const before = structuredClone(input);
    expect(validationIssues(() => createBudgetLine(input, orgs))).toContainEqual({ path, message });
    expect(input).toEqual(before);
  });

  it('requires a kommun for kommunal medfinansiering', () => {
    const base = { id: 'x', year: 2026, kind: 'intakt', category: 'medfinansiering_kommun', name: 'M', amountOre: 100 };
    expect(validationIssues(() => createBudgetLine(base, orgs))).toEqual([
      { path: 'organisationId', message: 'Ange vilken kommun som medfinansierar.' },
    ]);
    expect(validationIssues(() => createBudgetLine({ ...base, organisationId: 'region-vasterbotten' }, orgs))).toEqual([
      {
        path: 'organisationId',
        message: 'Medfinansiering från kommun måste avse en kommun, inte Region Västerbotten.',
      },
    ]);
  });
});

describe('outcome entries', () => {
  it('allows negative corrections but not zero or fractions', () => {
    expect(outcome('o1', 'lon', '2026-03-01', -500).amountOre).toBe(-500);
    expect(
      validationIssues(() => createOutcomeEntry({ id: 'o', budgetLineId: 'lon', date: '2026-03-01', amountOre: 0 })),
    ).toEqual([{ path: 'amountOre', message: 'Beloppet får inte vara noll.' }]);
    expect(
      validationIssues(() => createOutcomeEntry({ id: 'o', budgetLineId: 'lon', date: '2026-03-01', amountOre: 0.5 })),
    ).toEqual([{ path: 'amountOre', message: 'Beloppet måste vara ett heltal i öre.' }]);
  });

  it('checks the line and the year when lines are given', () => {
    expect(
      validationIssues(() =>
        createOutcomeEntry({ id: 'o', budgetLineId: 'nej', date: '2026-03-01', amountOre: 5 }, lines),
      ),
    ).toEqual([{ path: 'budgetLineId', message: 'Budgetposten finns inte.' }]);
    expect(
      validationIssues(() =>
        createOutcomeEntry({ id: 'o', budgetLineId: 'lon', date: '2025-12-31', amountOre: 5 }, lines),
      ),
    ).toEqual([{ path: 'date', message: 'Utfallet är daterat utanför budgetåret 2026.' }]);
  });
});

describe('forecastLine', () => {
  it('follows the documented rule', () => {
    expect(forecastLine(1000, 0, 0, 100, 365)).toBe(1000); // nothing booked: the budget
    expect(forecastLine(1000, 500, 1, 0, 365)).toBe(1000); // year not started
    expect(forecastLine(1000, 700, 1, 365, 365)).toBe(700); // year over: the outcome
    expect(forecastLine(1000, 300, 1, 73, 365)).toBe(1500); // 300 × 365 / 73
    expect(forecastLine(1000, 1, 1, 3, 365)).toBe(122); // 121.67 rounds to 122
    expect(forecastLine(1000, -300, 1, 73, 365)).toBe(-300); // never below the outcome
  });

  it('expects a lump-sum line to land on its budget unless the outcome has already passed it', () => {
    expect(forecastLine(2_500_000, 1_250_000, 1, 90, 365, 'lumpSum')).toBe(2_500_000); // half paid in March
    expect(forecastLine(2_500_000, 3_000_000, 2, 90, 365, 'lumpSum')).toBe(3_000_000); // paid more than budgeted
    expect(forecastLine(2_500_000, 1_250_000, 1, 365, 365, 'lumpSum')).toBe(1_250_000); // year over: the outcome
    expect(forecastLine(2_500_000, 1_250_000, 1, 90, 365, 'running')).toBe(5_069_444); // running: linear
  });

  it('treats salaries, administration, premises and consumables as running, the rest as lump sums', () => {
    expect(accrualPattern('samordnare_lon')).toBe('running');
    expect(accrualPattern('oh_lokal')).toBe('running');
    expect(accrualPattern('oh_moteskostnader')).toBe('lumpSum');
    expect(accrualPattern('aktivitet')).toBe('lumpSum');
    expect(accrualPattern('medfinansiering_kommun')).toBe('lumpSum');
    expect(accrualPattern('deltagaravgifter')).toBe('lumpSum');
  });
});

describe('statusReport', () => {
  const outcomes = [
    outcome('o1', 'lon', '2026-01-31', 1000000),
    outcome('o2', 'lon', '2026-02-28', 1000000),
    outcome('o3', 'lon', '2026-03-31', 1000000),
    outcome('o4', 'utb', '2026-03-15', 2500000),
    outcome('o5', 'avg', '2026-03-15', 400000),
    outcome('o6', 'umea', '2026-02-01', 9000000),
    outcome('o7', 'lon', '2026-07-31', 1000000), // after asOf
    outcome('o8', 'utb', '2026-03-20', -100000), // correction
  ];
  const input = { lines, outcomes, asOf: '2026-04-01', year: 2026 };

  it('reports budget, outcome, forecast and deviation per line, in integers', () => {
    const before = structuredClone(input);
    const report = statusReport(input);
    expect(input).toEqual(before);
    expect(report.elapsedDays).toBe(91);
    expect(report.daysInYear).toBe(365);
    const byId = Object.fromEntries(report.lines.map((l) => [l.line.id, l]));
    expect(Object.keys(byId)).toEqual(['lon', 'lokal', 'utb', 'avg', 'umea', 'region']);
    expect(byId.lon).toMatchObject({
      budgetOre: 12000000,
      outcomeOre: 3000000,
      forecastOre: 12032967,
      deviationOre: 32967,
      entryCount: 3,
    });
    expect(byId.lokal).toMatchObject({ outcomeOre: 0, forecastOre: 1000000, deviationOre: 0, entryCount: 0 });
    // Activity costs and income are lump sums: the budget is expected until the outcome passes it.
    expect(byId.utb).toMatchObject({ outcomeOre: 2400000, forecastOre: 5000000, deviationOre: 0 });
    // Co-financing paid in full in February stays what it is, not four times as much by extrapolation.
    expect(byId.umea).toMatchObject({ outcomeOre: 9000000, forecastOre: 9000000, deviationOre: 0 });
    for (const l of report.lines) {
      for (const v of [l.budgetOre, l.outcomeOre, l.forecastOre, l.deviationOre])
        expect(Number.isSafeInteger(v)).toBe(true);
    }
  });

  it('totals per category, area and kind, and the net result', () => {
    const report = statusReport(input);
    expect(report.byCategory.samordnare_lon?.budgetOre).toBe(12000000);
    expect(report.byCategory.projektmedel).toBeUndefined();
    expect(report.byKind.kostnad.budgetOre).toBe(18000000);
    expect(report.byKind.intakt.budgetOre).toBe(18000000);
    expect(report.byKind.kostnad.outcomeOre).toBe(5400000);
    expect(report.byArea.kompetensutveckling).toEqual({
      kostnad: { budgetOre: 5000000, outcomeOre: 2400000, forecastOre: 5000000, deviationOre: 0 },
      intakt: { budgetOre: 1000000, outcomeOre: 400000, forecastOre: 1000000, deviationOre: 0 },
      net: { budgetOre: -4000000, outcomeOre: -2000000, forecastOre: -4000000, deviationOre: 0 },
    });
    const { net, byKind } = report;
    expect(net.budgetOre).toBe(0);
    expect(net.outcomeOre).toBe(byKind.intakt.outcomeOre - byKind.kostnad.outcomeOre);
    expect(net.forecastOre).toBe(byKind.intakt.forecastOre - byKind.kostnad.forecastOre);
    expect(net.deviationOre).toBe(net.forecastOre - net.budgetOre);
  });

  it('forecasts budgets before the year and outcomes after it', () => {
    const early = statusReport({ ...input, asOf: '2025-12-01' });
    expect(early.elapsedDays).toBe(0);
    expect(early.lines.every((l) => l.forecastOre === l.budgetOre && l.outcomeOre === 0)).toBe(true);
    const late = statusReport({ ...input, asOf: '2027-02-01' });
    expect(late.elapsedDays).toBe(365);
    expect(late.lines.find((l) => l.line.id === 'lon')).toMatchObject({ outcomeOre: 4000000, forecastOre: 4000000 });
  });

  it('refuses outcomes on unknown lines and bad dates', () => {
    const stray = { id: 'z', budgetLineId: 'nej', date: '2026-01-01', amountOre: 1 };
    expect(validationIssues(() => statusReport({ ...input, outcomes: [...outcomes, stray] }))).toEqual([
      { path: 'outcomes.8.budgetLineId', message: 'Utfallspost z hänvisar till en okänd budgetrad: nej.' },
    ]);
    expect(validationIssues(() => statusReport({ ...input, asOf: '1 april' }))).toEqual([
      { path: 'asOf', message: 'Ogiltigt datum; ange ÅÅÅÅ-MM-DD.' },
    ]);
  });

  it('refuses forecasts beyond safe integers', () => {
    expect(() => forecastLine(0, Number.MAX_SAFE_INTEGER, 1, 1, 365)).toThrow('Beloppen är för stora för en prognos.');
  });
});

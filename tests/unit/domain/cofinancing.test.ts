import { describe, expect, it } from '@jest/globals';
import {
  coFinancingReport,
  coFinancingStatus,
  createBudgetLine,
  createOutcomeEntry,
  type BudgetLine,
  type Organisation,
  type OutcomeEntry,
} from '../../../src/domain';
import { messages, validationIssues, vasterbotten } from './fixtures';

const orgs = vasterbotten();
const line = (input: Record<string, unknown>): BudgetLine =>
  createBudgetLine({ year: 2026, kind: 'intakt', ...input }, orgs);
const kommunLine = (organisationId: string, amountOre: number) =>
  line({
    id: `mf-${organisationId}`,
    category: 'medfinansiering_kommun',
    organisationId,
    name: `Medfinansiering ${organisationId}`,
    amountOre,
  });

const lines: BudgetLine[] = [
  ...['bjurholm', 'dorotea', 'lycksele', 'mala', 'nordmaling', 'norsjo', 'robertsfors', 'sorsele', 'storuman'].map(
    (id) => kommunLine(id, 2500000),
  ),
  kommunLine('umea', 10000000),
  kommunLine('skelleftea', 6000000),
  kommunLine('vilhelmina', 2500000),
  kommunLine('vindeln', 2500000),
  // Vännäs has no line; Åsele has one line for 2025 only.
  line({
    id: 'mf-asele-2025',
    year: 2025,
    category: 'medfinansiering_kommun',
    organisationId: 'asele',
    name: 'Åsele 2025',
    amountOre: 2500000,
  }),
  line({ id: 'region', category: 'region_egna_medel', name: 'Regionens egna medel', amountOre: 20000000 }),
  line({ id: 'projekt', category: 'projektmedel', name: 'Projektmedel', amountOre: 5000000 }),
];

let entry = 0;
const paid = (budgetLineId: string, amountOre: number, date = '2026-03-15'): OutcomeEntry =>
  createOutcomeEntry({ id: `u${(entry += 1)}`, budgetLineId, date, amountOre }, lines);

const outcomes: OutcomeEntry[] = [
  paid('mf-umea', 10000000, '2026-02-10'),
  paid('mf-skelleftea', 3000000, '2026-02-20'),
  paid('mf-skelleftea', 1000000, '2026-06-20'),
  paid('mf-vilhelmina', 2500000, '2026-03-01'),
  paid('mf-vilhelmina', 100, '2026-03-02'),
  paid('mf-vindeln', 2500000, '2026-05-01'),
  paid('mf-vindeln', -2500000, '2026-05-02'),
  paid('region', 20000000, '2026-01-31'),
  paid('projekt', 5000000, '2026-01-31'),
];

describe('coFinancingStatus', () => {
  it('is betald, delvis, obetald or överbetald', () => {
    expect(coFinancingStatus(100, 100)).toBe('betald');
    expect(coFinancingStatus(100, 40)).toBe('delvis');
    expect(coFinancingStatus(100, 0)).toBe('obetald');
    expect(coFinancingStatus(100, -5)).toBe('obetald');
    expect(coFinancingStatus(100, 101)).toBe('överbetald');
  });
});

describe('coFinancingReport', () => {
  const report = coFinancingReport({ year: 2026, lines, outcomes, organisations: orgs });
  const row = (id: string) => report.rows.find((r) => r.organisationId === id);

  it('gives due, paid and remaining per organisation in öre', () => {
    expect(row('umea')).toMatchObject({
      dueOre: 10000000,
      paidOre: 10000000,
      remainingOre: 0,
      status: 'betald',
      statusLabel: 'Betald',
    });
    expect(row('skelleftea')).toMatchObject({
      dueOre: 6000000,
      paidOre: 4000000,
      remainingOre: 2000000,
      status: 'delvis',
    });
    expect(row('vilhelmina')).toMatchObject({
      remainingOre: 0,
      overpaidOre: 100,
      status: 'överbetald',
      statusLabel: 'Överbetald',
    });
    expect(row('vindeln')).toMatchObject({ paidOre: 0, status: 'obetald', statusLabel: 'Obetald' });
    expect(row('region-vasterbotten')).toMatchObject({
      kind: 'region',
      dueOre: 20000000,
      status: 'betald',
      budgetLineIds: ['region'],
    });
    expect(row('lansstyrelsen-vasterbotten')).toBeUndefined();
    expect(report.totals).toEqual({ dueOre: 63500000, paidOre: 36500100, remainingOre: 27000000, overpaidOre: 100 });
  });

  it('flags every kommun without a co-financing line for the year', () => {
    expect(report.missing).toEqual([
      { organisationId: 'vannas', name: 'Vännäs', message: 'Vännäs: saknar medfinansieringsrad för 2026.' },
      { organisationId: 'asele', name: 'Åsele', message: 'Åsele: saknar medfinansieringsrad för 2026.' },
    ]);
    expect(row('vannas')).toMatchObject({ dueOre: 0, status: 'obetald', flag: 'Saknar medfinansieringsrad' });
    expect(row('umea')?.flag).toBeUndefined();
  });

  it('counts payments up to asOf only', () => {
    const spring = coFinancingReport({ year: 2026, lines, outcomes, organisations: orgs, asOf: '2026-03-31' });
    expect(spring.asOf).toBe('2026-03-31');
    expect(spring.rows.find((r) => r.organisationId === 'skelleftea')).toMatchObject({
      paidOre: 3000000,
      status: 'delvis',
    });
  });

  it('gives the region line to the organisation it names, and refuses lines to unknown organisations', () => {
    const named = line({
      id: 'r2',
      category: 'region_egna_medel',
      organisationId: 'region-vasterbotten',
      name: 'R',
      amountOre: 100,
    });
    expect(
      coFinancingReport({ year: 2026, lines: [named], outcomes: [], organisations: orgs }).rows.at(-1),
    ).toMatchObject({
      organisationId: 'region-vasterbotten',
      dueOre: 100,
    });
    const noHost: Organisation[] = orgs.filter((o) => o.kind === 'kommun');
    expect(validationIssues(() => coFinancingReport({ year: 2026, lines, outcomes, organisations: noHost }))).toEqual([
      {
        path: 'lines.14.organisationId',
        message: 'Budgetraden Regionens egna medel hänvisar inte till någon känd organisation.',
      },
    ]);
    expect(
      messages(() => coFinancingReport({ year: 2026, lines, outcomes, organisations: orgs, asOf: '2026-13-01' })),
    ).toEqual(['Ogiltigt datum; ange ÅÅÅÅ-MM-DD.']);
  });
});

import { describe, expect, it } from '@jest/globals';
import {
  STRUCK_MARK,
  changedYears,
  needsRevision,
  planActivityBudget,
  type BudgetLine,
  type BudgetVersion,
  type BudgetedActivity,
} from '../../../src/domain';

const kurs: BudgetedActivity = {
  id: '12',
  title: 'Brandsäkerhetsdag för handläggare',
  area: 'kompetensutveckling',
  startDate: '2027-03-18',
  status: 'beslutad',
  budgetedCostOre: 40_000_00,
  participantFeeOre: 12_500_00,
};

/** The plan's creates as the list would hold them, with ids. */
function written(activity: BudgetedActivity, existing: BudgetLine[] = []): BudgetLine[] {
  const change = planActivityBudget(activity, existing);
  const updated = existing.map((line) => {
    const u = change.update.find((c) => c.id === line.id);
    return u ? { id: line.id, ...u.line } : line;
  });
  return [...updated, ...change.create.map((line, i) => ({ id: `n${existing.length + i}`, ...line }))];
}

describe('a decided activity on the budget', () => {
  it('puts its cost on Aktiviteter and its participant fees on Deltagaravgifter, linked to the activity', () => {
    const change = planActivityBudget(kurs, []);
    expect(change.update).toEqual([]);
    expect(change.create).toEqual([
      {
        year: 2027,
        kind: 'kostnad',
        category: 'aktivitet',
        area: 'kompetensutveckling',
        name: 'Aktivitet: Brandsäkerhetsdag för handläggare',
        amountOre: 40_000_00,
        activityId: '12',
      },
      {
        year: 2027,
        kind: 'intakt',
        category: 'deltagaravgifter',
        area: 'kompetensutveckling',
        name: 'Deltagaravgifter: Brandsäkerhetsdag för handläggare',
        amountOre: 12_500_00,
        activityId: '12',
      },
    ]);
  });

  it('leaves a proposal off the budget: only samverkansgruppen’s decision puts it there', () => {
    expect(planActivityBudget({ ...kurs, status: 'forslag' }, [])).toEqual({ create: [], update: [] });
  });

  it('writes no line for an amount of 0 kr (a free activity has no fee line)', () => {
    const change = planActivityBudget({ ...kurs, participantFeeOre: 0 }, []);
    expect(change.create.map((line) => line.kind)).toEqual(['kostnad']);
  });

  it('changes nothing when run again on its own result: a repeated decision does not double a line', () => {
    const lines = written(kurs);
    expect(lines).toHaveLength(2);
    expect(planActivityBudget(kurs, lines)).toEqual({ create: [], update: [] });
  });

  it('updates the lines when the decided cost or fee changes, and creates the fee line when a fee is added', () => {
    const lines = written({ ...kurs, participantFeeOre: 0 });
    const change = planActivityBudget({ ...kurs, budgetedCostOre: 55_000_00 }, lines);
    expect(change.update).toEqual([{ id: 'n0', line: expect.objectContaining({ amountOre: 55_000_00 }) }]);
    expect(change.create).toEqual([expect.objectContaining({ kind: 'intakt', amountOre: 12_500_00 })]);
  });

  it('keeps a struck activity’s lines at 0 kr marked (struken), and adds none', () => {
    const lines = written(kurs);
    const change = planActivityBudget({ ...kurs, status: 'struken' }, lines);
    expect(change.create).toEqual([]);
    expect(change.update.map((u) => [u.line.name, u.line.amountOre])).toEqual([
      [`Aktivitet: Brandsäkerhetsdag för handläggare ${STRUCK_MARK}`, 0],
      [`Deltagaravgifter: Brandsäkerhetsdag för handläggare ${STRUCK_MARK}`, 0],
    ]);
    expect(planActivityBudget({ ...kurs, status: 'struken' }, [])).toEqual({ create: [], update: [] });
  });

  it('ignores another activity’s lines', () => {
    const other = written({ ...kurs, id: '13' });
    expect(planActivityBudget(kurs, other).create).toHaveLength(2);
  });

  it('keeps a long title within SharePoint’s 255 characters, the mark included', () => {
    const long = { ...kurs, title: 'x'.repeat(300), status: 'struken' as const };
    const lines = written(kurs);
    for (const { line } of planActivityBudget(long, lines).update) {
      expect(line.name.length).toBeLessThanOrEqual(255);
      expect(line.name.endsWith(STRUCK_MARK)).toBe(true);
    }
  });

  it('names both years when a decided activity moves to another year', () => {
    const lines = written(kurs);
    const moved = { ...kurs, startDate: '2028-01-20' };
    expect(changedYears(planActivityBudget(moved, lines), lines)).toEqual([2027, 2028]);
  });
});

describe('a decided activity and a locked budget', () => {
  const decided: BudgetVersion = {
    year: 2027,
    version: 1,
    status: 'beslutad',
    decisionId: '31',
    decidedOn: '2026-10-14',
  };

  it('needs a revision when the year’s latest version is decided', () => {
    expect(needsRevision([decided], 2027)).toBe(true);
  });

  it('needs none while the budget is a proposal, a revision is already open, or the year has no budget', () => {
    expect(needsRevision([{ year: 2027, version: 1, status: 'forslag' }], 2027)).toBe(false);
    expect(needsRevision([decided, { year: 2027, version: 2, status: 'forslag' }], 2027)).toBe(false);
    expect(needsRevision([], 2027)).toBe(false);
    expect(needsRevision([decided], 2028)).toBe(false);
  });
});

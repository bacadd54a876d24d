import { describe, expect, it } from '@jest/globals';
import {
  DomainRuleError,
  assertBudgetOpen,
  decideBudget,
  decidedVersion,
  latestVersion,
  proposeBudget,
  type BudgetLine,
  type BudgetVersion,
} from '../../../src/domain';

const salary: BudgetLine = {
  id: '1',
  year: 2027,
  kind: 'kostnad',
  category: 'samordnare_lon',
  name: 'Samordnarens lön',
  amountOre: 450_000_00,
};
const fee: BudgetLine = { ...salary, id: '2', kind: 'intakt', category: 'deltagaravgifter', name: 'Deltagaravgifter' };
const decision = { id: '31', kind: 'budget' as const, decidedOn: '2026-10-14' };

describe('the year’s budget: förslag, beslut, revidering', () => {
  it('starts as stödgruppen’s proposal, version 1, open to changes', () => {
    const first = proposeBudget([], 2027);
    expect(first).toEqual({ year: 2027, version: 1, status: 'forslag' });
    expect(() => assertBudgetOpen([first], 2027)).not.toThrow();
    expect(() => assertBudgetOpen([], 2027)).not.toThrow();
  });

  it('is decided by samverkansgruppen with a decision of kind budget, keeping the lines as decided', () => {
    const decided = decideBudget(proposeBudget([], 2027), decision, [salary, fee, { ...salary, id: '9', year: 2026 }]);
    expect(decided).toMatchObject({ status: 'beslutad', decisionId: '31', decidedOn: '2026-10-14' });
    expect(decided.lines?.map((l) => l.id)).toEqual(['1', '2']);
    expect(() => decideBudget(proposeBudget([], 2027), { ...decision, kind: 'verksamhetsplan' }, [salary])).toThrow(
      'Budgeten kan bara fastställas med ett beslut av typen Budget.',
    );
    expect(() => decideBudget(proposeBudget([], 2027), decision, [])).toThrow(
      'Förslaget till budget för 2027 har inga rader.',
    );
    expect(() => decideBudget(decided, decision, [salary])).toThrow(
      'Version 1 av budgeten för 2027 är redan beslutad.',
    );
  });

  it('locks the lines once decided, in Swedish, naming the version and its date', () => {
    const decided = decideBudget(proposeBudget([], 2027), decision, [salary]);
    expect(() => assertBudgetOpen([decided], 2027)).toThrow(DomainRuleError);
    expect(() => assertBudgetOpen([decided], 2027)).toThrow(
      'Budgeten för 2027 är beslutad (version 1, 2026-10-14) och kan inte ändras. Lägg ett förslag till revidering för att ändra den.',
    );
    // Another year is not concerned.
    expect(() => assertBudgetOpen([decided], 2028)).not.toThrow();
  });

  it('a revision is a new proposal: the lines open again, the report still measures against the decided version', () => {
    const v1 = decideBudget(proposeBudget([], 2027), decision, [salary]);
    const v2 = proposeBudget([v1], 2027);
    expect(v2).toEqual({ year: 2027, version: 2, status: 'forslag' });
    const versions: BudgetVersion[] = [v1, v2];
    expect(() => assertBudgetOpen(versions, 2027)).not.toThrow();
    expect(latestVersion(versions, 2027)?.version).toBe(2);
    expect(decidedVersion(versions, 2027)?.version).toBe(1);
    expect(() => proposeBudget(versions, 2027)).toThrow(
      'Det finns redan ett förslag till budget för 2027 (version 2) som väntar på beslut.',
    );
    const v2decided = decideBudget(v2, { ...decision, id: '40', decidedOn: '2027-04-22' }, [
      { ...salary, amountOre: 480_000_00 },
    ]);
    expect(decidedVersion([v1, v2decided], 2027)).toMatchObject({ version: 2, decisionId: '40' });
  });
});

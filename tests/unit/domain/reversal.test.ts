import { describe, expect, it } from '@jest/globals';
import { DomainRuleError, filterBookings, reversalAmount, withReversedBy } from '../../../src/domain';

describe('correction by reversal (#18)', () => {
  const original = { id: '1', amountOre: 12_500_50 };

  it('gives the opposite amount of a booking not yet reversed', () => {
    expect(reversalAmount(original, [original])).toBe(-12_500_50);
    expect(reversalAmount({ id: '3', amountOre: -200 }, [])).toBe(200);
  });

  it('refuses a second reversal and the reversal of a reversal', () => {
    const reversal = { id: '2', amountOre: -12_500_50, reversesId: '1' };
    expect(() => reversalAmount(original, [original, reversal])).toThrow('Bokningen är redan återförd.');
    expect(() => reversalAmount(reversal, [original, reversal])).toThrow(DomainRuleError);
  });

  it('marks the reversed booking with its reversal', () => {
    const marked = withReversedBy([original, { id: '2', amountOre: -1, reversesId: '1' }]);
    expect(marked[0]).toEqual({ ...original, reversedById: '2' });
    expect(marked[1]).not.toHaveProperty('reversedById');
  });
});

describe('filterBookings', () => {
  const bookings = [
    { id: 'a', budgetLineId: '1', date: '2026-01-31', bookedByEmail: 'Eva@x.se' },
    { id: 'b', budgetLineId: '2', date: '2026-02-01', bookedByEmail: 'per@x.se' },
    { id: 'c', budgetLineId: '1', date: '2026-03-15' },
  ];
  const ids = (filter: Parameters<typeof filterBookings>[1]) => filterBookings(bookings, filter).map((b) => b.id);

  it('filters by line, by an inclusive period and by who booked', () => {
    expect(ids({})).toEqual(['a', 'b', 'c']);
    expect(ids({ budgetLineId: '1' })).toEqual(['a', 'c']);
    expect(ids({ from: '2026-02-01', to: '2026-03-15' })).toEqual(['b', 'c']);
    expect(ids({ to: '2026-01-31' })).toEqual(['a']);
    expect(ids({ bookedByEmail: 'eva@x.se' })).toEqual(['a']);
  });
});

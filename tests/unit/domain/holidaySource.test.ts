import { describe, expect, it } from '@jest/globals';
import { workingDayCalendar, type SwedishHoliday } from '../../../src/domain/calendar';

// The working-day rules take any holiday source; here one made up, so no date-holidays is involved.
const FAKE: readonly SwedishHoliday[] = [
  { date: '2026-03-11', name: 'testdagen', kind: 'helgdag' },
  { date: '2026-03-13', name: 'testaftonen', kind: 'afton' },
];
const calendar = workingDayCalendar((year) => (year === 2026 ? FAKE : []));

describe('working days over a holiday source', () => {
  it('reads holidays and eves from the source', () => {
    expect(calendar.isSwedishPublicHoliday('2026-03-11')).toBe(true);
    expect(calendar.isSwedishPublicHoliday('2026-03-13')).toBe(false);
    expect(calendar.isHolidayOrFreeEve('2026-03-13')).toBe(true);
    expect(calendar.holidayName('2026-03-11')).toBe('testdagen');
    expect(calendar.holidayOn('2026-03-10')).toBeUndefined();
  });

  it('finds the klämdag between the two and counts working days', () => {
    expect(calendar.isKlamdag('2026-03-12')).toBe(true);
    expect(calendar.isWorkingDay('2026-03-12')).toBe(true);
    expect(calendar.isWorkingDay('2026-03-12', { excludeKlamdagar: true })).toBe(false);
    // Mon 9 – Sun 15 March: 9, 10 and 12 are working days.
    expect(calendar.workingDaysBetween('2026-03-09', '2026-03-15')).toBe(3);
    expect(calendar.workingDaysBetween('2026-03-09', '2026-03-15', { excludeKlamdagar: true })).toBe(2);
  });

  it('says why a date is not a working day', () => {
    expect(calendar.nonWorkingReason('2026-03-11')).toBe('Onsdag 11 mars 2026 är testdagen.');
    expect(calendar.nonWorkingReason('2026-03-14')).toBe('Lördag 14 mars 2026 infaller under en helg.');
    expect(calendar.nonWorkingReason('2026-03-12', { excludeKlamdagar: true })).toBe(
      'Torsdag 12 mars 2026 är en klämdag.',
    );
    expect(calendar.nonWorkingReason('2026-03-10')).toBeUndefined();
  });
});

import { describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import { isoWeekOfDay, stockholmDateOf, stockholmIsoWeek } from '../../../src/domain/wallClock';

describe('Stockholm wall clock without a date library', () => {
  it('numbers ISO weeks as a Swedish calendar does, at the turns of the year', () => {
    expect(isoWeekOfDay(2026, 12, 28)).toEqual({ week: 53, weekYear: 2026 });
    expect(isoWeekOfDay(2027, 1, 3)).toEqual({ week: 53, weekYear: 2026 });
    expect(isoWeekOfDay(2027, 1, 4)).toEqual({ week: 1, weekYear: 2027 });
    expect(isoWeekOfDay(2024, 12, 30)).toEqual({ week: 1, weekYear: 2025 });
    expect(isoWeekOfDay(2026, 10, 26)).toEqual({ week: 44, weekYear: 2026 });
  });

  it('agrees with luxon on every day from 2020 to 2031', () => {
    let day = DateTime.fromISO('2020-01-01', { zone: 'Europe/Stockholm' });
    const wrong: string[] = [];
    while (day.year < 2032) {
      const ours = isoWeekOfDay(day.year, day.month, day.day);
      if (ours.week !== day.weekNumber || ours.weekYear !== day.weekYear) wrong.push(day.toISODate() ?? '');
      day = day.plus({ days: 1 });
    }
    expect(wrong).toEqual([]);
  });

  it('takes the date in Stockholm, not in UTC', () => {
    // 23:30 UTC on 31 December is already New Year's Day in Stockholm.
    expect(stockholmDateOf(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(stockholmDateOf(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    // Sunday 3 January 2027 23:30 UTC is Monday 4 January in Stockholm: week 1.
    expect(stockholmIsoWeek(new Date('2027-01-03T23:30:00Z'))).toBe(1);
  });
});

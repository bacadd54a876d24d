import { describe, expect, it } from '@jest/globals';
import {
  DomainValidationError,
  addDays,
  eachDay,
  formatDateRangeSv,
  formatDateSv,
  formatDateTimeSv,
  holidayName,
  isHolidayOrFreeEve,
  isKlamdag,
  isSwedishPublicHoliday,
  isWeekend,
  isWorkingDay,
  isoWeek,
  isoWeekYear,
  monthNameSv,
  nonWorkingReason,
  stockholmToUtc,
  swedishHolidays,
  toIsoDate,
  utcToStockholm,
  weekLabel,
  workingDaysBetween,
} from '../../../src/domain';
import { messages } from './fixtures';

describe('Swedish holidays', () => {
  it('lists 2026 with the free eves marked as such', () => {
    const holidays = swedishHolidays(2026);
    expect(holidays.map((h) => [h.date, h.name, h.kind])).toEqual([
      ['2026-01-01', 'nyårsdagen', 'helgdag'],
      ['2026-01-06', 'trettondedag jul', 'helgdag'],
      ['2026-04-03', 'långfredagen', 'helgdag'],
      ['2026-04-04', 'påskafton', 'afton'],
      ['2026-04-05', 'påskdagen', 'helgdag'],
      ['2026-04-06', 'annandag påsk', 'helgdag'],
      ['2026-05-01', 'första maj', 'helgdag'],
      ['2026-05-14', 'Kristi himmelsfärdsdag', 'helgdag'],
      ['2026-05-24', 'pingstdagen', 'helgdag'],
      ['2026-06-06', 'nationaldagen', 'helgdag'],
      ['2026-06-19', 'midsommarafton', 'afton'],
      ['2026-06-20', 'midsommardagen', 'helgdag'],
      ['2026-10-31', 'alla helgons dag', 'helgdag'],
      ['2026-12-24', 'julafton', 'afton'],
      ['2026-12-25', 'juldagen', 'helgdag'],
      ['2026-12-26', 'annandag jul', 'helgdag'],
      ['2026-12-31', 'nyårsafton', 'afton'],
    ]);
    // A second call is served from the cache and is a copy.
    const again = swedishHolidays(2026);
    expect(again).toEqual(holidays);
    expect(again[0]).not.toBe(holidays[0]);
  });

  it('knows the concrete dates', () => {
    expect(isSwedishPublicHoliday('2027-05-06')).toBe(true);
    expect(holidayName('2027-05-06')).toBe('Kristi himmelsfärdsdag');
    expect(holidayName('2026-06-19')).toBe('midsommarafton');
    expect(isSwedishPublicHoliday('2026-06-19')).toBe(false);
    expect(isHolidayOrFreeEve('2026-06-19')).toBe(true);
    expect(holidayName('2026-10-31')).toBe('alla helgons dag');
    expect(isWeekend('2026-10-31')).toBe(true);
    expect(isHolidayOrFreeEve('2026-12-24')).toBe(true);
    expect(isHolidayOrFreeEve('2026-12-31')).toBe(true);
  });

  it('keeps annandag pingst and the half-day eves as working days', () => {
    expect(isWorkingDay('2026-05-25')).toBe(true); // annandag pingst: not a public holiday since 2005
    expect(isWorkingDay('2026-04-30')).toBe(true); // valborgsmässoafton
    expect(isWorkingDay('2026-01-05')).toBe(true); // trettondagsafton
    expect(isWorkingDay('2026-10-30')).toBe(true); // allhelgonaafton
  });

  it('refuses a year out of range', () => {
    expect(messages(() => swedishHolidays(1800))).toEqual(['Året måste vara mellan 1900 och 2199.']);
    expect(messages(() => swedishHolidays(2026.5))).toEqual(['Året måste vara ett heltal.']);
  });
});

describe('working days and klämdagar', () => {
  it('Friday 7 May 2027 is a klämdag after Kristi himmelsfärdsdag', () => {
    expect(isKlamdag('2027-05-07')).toBe(true);
    expect(isWorkingDay('2027-05-07')).toBe(true);
    expect(isWorkingDay('2027-05-07', { excludeKlamdagar: true })).toBe(false);
    expect(isKlamdag('2027-05-05')).toBe(false);
    expect(isKlamdag('2027-05-06')).toBe(false);
    expect(nonWorkingReason('2027-05-07', { excludeKlamdagar: true })).toBe('Fredag 7 maj 2027 är en klämdag.');
    expect(nonWorkingReason('2027-05-07')).toBeUndefined();
  });

  it('Monday 5 January 2026 is a klämdag before trettondedag jul', () => {
    expect(isKlamdag('2026-01-05')).toBe(true);
  });

  it('weekends and holidays are not working days', () => {
    expect(isWorkingDay('2026-10-24')).toBe(false);
    expect(isWorkingDay('2026-06-19')).toBe(false);
    expect(nonWorkingReason('2026-10-24')).toBe('Lördag 24 oktober 2026 infaller under en helg.');
    expect(nonWorkingReason('2026-06-19')).toBe('Fredag 19 juni 2026 är midsommarafton.');
  });

  it('counts working days, both ends included', () => {
    expect(workingDaysBetween('2026-10-26', '2026-10-30')).toBe(5);
    // May 2027: 21 weekdays, minus Kristi himmelsfärdsdag (6th); the 7th is a klämdag.
    expect(workingDaysBetween('2027-05-01', '2027-05-31')).toBe(20);
    expect(workingDaysBetween('2027-05-01', '2027-05-31', { excludeKlamdagar: true })).toBe(19);
    // December 2026: 23 weekdays minus 24, 25 and 31.
    expect(workingDaysBetween('2026-12-01', '2026-12-31')).toBe(20);
    expect(messages(() => workingDaysBetween('2026-05-02', '2026-05-01'))).toEqual([
      'Slutdatum ligger före startdatum.',
    ]);
  });

  it('lists days and adds days across DST', () => {
    expect(eachDay('2026-03-28', '2026-03-30')).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
  });
});

describe('weeks', () => {
  it.each([
    ['2026-04-27', 18, 2026, 'v. 18'],
    ['2026-12-31', 53, 2026, 'v. 53'],
    ['2027-01-03', 53, 2026, 'v. 53'],
    ['2027-01-04', 1, 2027, 'v. 1'],
    ['2025-12-29', 1, 2026, 'v. 1'],
  ])('%s is week %i of %i', (date, week, year, label) => {
    expect(isoWeek(date)).toBe(week);
    expect(isoWeekYear(date)).toBe(year);
    expect(weekLabel(date)).toBe(label);
  });

  it('reads instants in Stockholm time', () => {
    // 23:30 UTC on Sunday 3 January is already Monday in Stockholm.
    expect(isoWeek('2027-01-03T23:30:00Z')).toBe(1);
    expect(toIsoDate(new Date('2027-01-03T23:30:00Z'))).toBe('2027-01-04');
  });
});

describe('Stockholm and UTC', () => {
  it.each([
    ['2026-10-26', '09:00', '2026-10-26T08:00:00.000Z'],
    ['2026-10-23', '09:00', '2026-10-23T07:00:00.000Z'],
    ['2026-03-28', '09:00', '2026-03-28T08:00:00.000Z'],
    ['2026-03-29', '09:00', '2026-03-29T07:00:00.000Z'],
    ['2026-03-29', '01:59', '2026-03-29T00:59:00.000Z'],
    ['2026-03-29', '03:00', '2026-03-29T01:00:00.000Z'],
    ['2026-10-25', '03:00', '2026-10-25T02:00:00.000Z'],
  ])('%s %s in Stockholm is %s', (date, time, utc) => {
    expect(stockholmToUtc(date, time)).toBe(utc);
    expect(utcToStockholm(utc)).toEqual({ date, time });
  });

  it('refuses a time skipped by the change to summer time', () => {
    expect(messages(() => stockholmToUtc('2026-03-29', '02:30'))).toEqual([
      'Klockslaget 02:30 finns inte den söndag 29 mars 2026 (övergång till sommartid).',
    ]);
  });

  it('resolves the repeated hour in October to winter time', () => {
    expect(stockholmToUtc('2026-10-25', '02:30')).toBe('2026-10-25T01:30:00.000Z');
  });

  it('refuses malformed input', () => {
    expect(messages(() => stockholmToUtc('2026-02-30', '09:00'))).toEqual(['Ogiltigt datum; ange ÅÅÅÅ-MM-DD.']);
    expect(messages(() => stockholmToUtc('2026-02-03', '9'))).toEqual(['Ogiltig tid; ange TT:MM, t.ex. 09:00.']);
    expect(() => utcToStockholm('2026-10-26T09:00')).toThrow(DomainValidationError);
    expect(() => toIsoDate('igår')).toThrow('Ogiltigt datum: igår.');
    expect(() => toIsoDate(new Date('nope'))).toThrow('Ogiltigt datum: Invalid Date.');
    expect(() => toIsoDate('2026-13-01')).toThrow(DomainValidationError);
    expect(() => monthNameSv(13)).toThrow('Ogiltig månad: 13.');
  });

  it('formats in Swedish', () => {
    expect(formatDateSv('2026-10-26')).toBe('måndag 26 oktober 2026');
    expect(formatDateTimeSv('2026-10-26T08:00:00.000Z')).toBe('måndag 26 oktober 2026 kl. 09:00');
    expect(formatDateTimeSv('2026-06-15T07:30:00Z')).toBe('måndag 15 juni 2026 kl. 09:30');
    expect(monthNameSv(5)).toBe('maj');
  });

  it('writes a one-day period as one date, and longer ones without repeating month or year', () => {
    expect(formatDateRangeSv('2026-12-03', '2026-12-03')).toBe('3 december 2026');
    expect(formatDateRangeSv('2026-12-03', '2026-12-04')).toBe('3–4 december 2026');
    expect(formatDateRangeSv('2026-11-28', '2026-12-03')).toBe('28 november–3 december 2026');
    expect(formatDateRangeSv('2026-12-30', '2027-01-02')).toBe('30 december 2026–2 januari 2027');
  });
});

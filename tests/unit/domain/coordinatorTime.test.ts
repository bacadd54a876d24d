import { describe, expect, it } from '@jest/globals';
import {
  availableHours,
  createTimeEntry,
  formatHours,
  fullTimeHours,
  timeReport,
  type TimeEntry,
} from '../../../src/domain';
import { messages } from './fixtures';

describe('available hours', () => {
  it('counts a full-time year from working days less vacation, and takes 20 %', () => {
    // 2026 has 251 working days (weekdays that are not helgdagar or free eves).
    expect(fullTimeHours(2026)).toBe((251 - 25) * 8);
    expect(availableHours(2026)).toBe(361.5);
    expect(fullTimeHours(2026, { vacationDays: 31 })).toBe((251 - 31) * 8);
    expect(availableHours(2026, { fullTimeHoursPerYear: 1700 })).toBe(340);
    expect(availableHours(2026, { fullTimeHoursPerYear: 1700 }, 0.25)).toBe(425);
    expect(availableHours(2026, { hoursPerWorkingDay: 7.6 })).toBe(343.5);
  });

  it('refuses bad shares and options', () => {
    expect(messages(() => availableHours(2026, {}, 0))).toEqual(['Andelen måste vara större än 0.']);
    expect(messages(() => availableHours(2026, {}, 1.2))).toEqual(['Andelen får vara högst 1 (100 %).']);
    expect(messages(() => fullTimeHours(2026, { vacationDays: 2.5 }))).toEqual([
      'Antalet semesterdagar måste vara ett heltal.',
    ]);
    expect(messages(() => fullTimeHours(2026, { fullTimeHoursPerYear: -1 }))).toEqual([
      'Årsarbetstiden måste vara större än noll.',
    ]);
  });
});

describe('createTimeEntry', () => {
  it('accepts quarter hours and trims the assignment', () => {
    expect(createTimeEntry({ date: '2026-03-02', hours: 2.75, assignment: ' Kontaktlistan ' })).toEqual({
      date: '2026-03-02',
      hours: 2.75,
      assignment: 'Kontaktlistan',
    });
  });

  it('refuses other steps, zero, more than a day and an empty assignment', () => {
    expect(messages(() => createTimeEntry({ date: '2026-03-02', hours: 1.1, assignment: 'x' }))).toEqual([
      'Ange tiden i kvartar (t.ex. 1,25 eller 2,5 timmar).',
    ]);
    expect(messages(() => createTimeEntry({ date: '2026-03-02', hours: 0, assignment: 'x' }))).toEqual([
      'Antalet timmar måste vara större än noll.',
    ]);
    expect(messages(() => createTimeEntry({ date: '2026-03-02', hours: 24.25, assignment: 'x' }))).toEqual([
      'Högst 24 timmar per dag.',
    ]);
    expect(messages(() => createTimeEntry({ date: '2026-03-02', hours: 1, assignment: ' ' }))).toEqual([
      'Ange vilket uppdrag tiden avser.',
    ]);
  });
});

describe('timeReport', () => {
  const entry = (date: string, hours: number, assignment: string): TimeEntry =>
    createTimeEntry({ date, hours, assignment });

  it('compares used time to date with the pro-rata share and sums per assignment', () => {
    const entries = [
      entry('2025-12-30', 8, 'Sekreterare'),
      entry('2026-01-15', 20, 'Ekonomiska lägesrapporter'),
      entry('2026-01-16', 20, 'Ekonomiska lägesrapporter'),
      entry('2026-02-10', 20, 'Sekreterare'),
      entry('2026-02-11', 10.5, 'Sekreterare'),
      entry('2026-03-20', 20, 'Kontaktlistan'),
      entry('2026-08-20', 10, 'Sekreterare'),
    ];
    const report = timeReport(entries, 2026, '2026-06-30');
    expect(report).toMatchObject({
      year: 2026,
      availableHours: 361.5,
      usedHours: 100.5,
      usedToDateHours: 90.5,
      remainingHours: 261,
      status: 'under',
      statusLabel: 'Under plan',
    });
    // 122 of 251 working days have passed by 30 June.
    expect(report.expectedToDateHours).toBe(175.75);
    expect(report.deviationHours).toBe(-85.25);
    expect(report.message).toBe(
      'Samordnaren har lagt 90,5\u00A0h av årets 361,5\u00A0h till och med 2026-06-30; enligt plan 175,75\u00A0h. Det är 85,25\u00A0h mindre än planerat.',
    );
    expect(report.perAssignment).toEqual([
      { assignment: 'Sekreterare', hours: 40.5, entryCount: 3 },
      { assignment: 'Ekonomiska lägesrapporter', hours: 40, entryCount: 2 },
      { assignment: 'Kontaktlistan', hours: 20, entryCount: 1 },
    ]);
  });

  it('is i fas within the tolerance and over when ahead, and notes when the year is exceeded', () => {
    // January: 20 of 251 working days, 28,75 h expected; a tolerance of one working day.
    const january = [entry('2026-01-20', 16, 'Möten'), entry('2026-01-21', 5, 'Möten')];
    expect(timeReport(january, 2026, '2026-01-31')).toMatchObject({ expectedToDateHours: 28.75, status: 'i_fas' });
    expect(timeReport(january, 2026, '2026-01-31').message).toContain('Tiden följer planen.');
    expect(timeReport(january.slice(0, 1), 2026, '2026-01-31').status).toBe('under');
    const busy = Array.from({ length: 16 }, (_, i) =>
      entry(`2026-02-${String(i + 1).padStart(2, '0')}`, 24, 'Utredning'),
    );
    const over = timeReport(busy, 2026, '2026-02-28', { fullTimeHoursPerYear: 1700 });
    expect(over).toMatchObject({ status: 'over', usedHours: 384, availableHours: 340 });
    expect(over.message).toContain('mer än planerat.');
    expect(over.message).toContain('Årets tid är överskriden med 44\u00A0h.');
  });

  it('refuses entries that are not valid and a bad asOf', () => {
    const bad = { date: '2026-02-01', hours: 0.3, assignment: 'x' };
    expect(messages(() => timeReport([bad], 2026, '2026-06-30'))).toEqual(['Ogiltig tidspost (2026-02-01).']);
    expect(messages(() => timeReport([], 2026, '30/6'))).toEqual(['Ogiltigt datum; ange ÅÅÅÅ-MM-DD.']);
  });

  it('formats hours the Swedish way', () => {
    expect(formatHours(1234.25)).toBe('1\u00A0234,25\u00A0h');
  });
});

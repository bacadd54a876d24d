import { describe, expect, it } from '@jest/globals';
import {
  DomainRuleError,
  cancelMeeting,
  candidateDays,
  completeMeeting,
  convenerRole,
  createMeeting,
  seasonOf,
  seasonWindow,
  stodgruppTarget,
  suggestStodgruppMonths,
  validateMeetingDate,
} from '../../../src/domain';
import { messages, validationIssues } from './fixtures';

describe('season windows and conveners', () => {
  it('spring is April–May and autumn September–October', () => {
    expect(seasonWindow(2026, 'var')).toEqual({ start: '2026-04-01', end: '2026-05-31' });
    expect(seasonWindow(2026, 'host')).toEqual({ start: '2026-09-01', end: '2026-10-31' });
    expect(messages(() => seasonWindow(2026, 'sommar' as 'var'))).toEqual([
      'Okänd säsong: sommar. Ange var eller host.',
    ]);
  });

  it('the chair convenes samverkansgruppen, the samordnare stödgruppen', () => {
    expect(convenerRole('samverkansgrupp')).toBe('ordforande');
    expect(convenerRole('stodgrupp')).toBe('samordnare');
  });

  it('assigns dates to a half-year', () => {
    expect(seasonOf('2026-05-12')).toBe('var');
    expect(seasonOf('2026-07-31')).toBe('var');
    expect(seasonOf('2026-08-01')).toBe('host');
  });
});

describe('validateMeetingDate', () => {
  it('accepts a working day inside the window', () => {
    expect(validateMeetingDate({ group: 'samverkansgrupp', date: '2026-10-26' })).toEqual({
      ok: true,
      date: '2026-10-26',
      group: 'samverkansgrupp',
      season: 'host',
      outsideWindow: false,
      warnings: [],
    });
  });

  it('refuses samverkansgruppen outside the window without a reason', () => {
    const result = validateMeetingDate({ group: 'samverkansgrupp', date: '2026-06-10', season: 'var' });
    expect(result).toEqual({
      ok: false,
      date: '2026-06-10',
      group: 'samverkansgrupp',
      problems: [
        {
          code: 'OUTSIDE_SEASON_WINDOW',
          message:
            'Samverkansgruppens vårmöte ska hållas under april–maj (2026-04-01–2026-05-31). Ange en motivering för att välja ett annat datum.',
        },
      ],
    });
    expect(validateMeetingDate({ group: 'samverkansgrupp', date: '2026-06-10', outsideWindowReason: '   ' }).ok).toBe(
      false,
    );
  });

  it('accepts it with a written reason, flagged outsideWindow', () => {
    const result = validateMeetingDate({
      group: 'samverkansgrupp',
      date: '2026-11-10',
      season: 'host',
      year: 2026,
      outsideWindowReason: 'Ny PBL-ändring kräver beslut före årsskiftet.',
    });
    expect(result).toMatchObject({
      ok: true,
      outsideWindow: true,
      season: 'host',
      outsideWindowReason: 'Ny PBL-ändring kräver beslut före årsskiftet.',
    });
  });

  it('refuses weekends and holidays for both groups', () => {
    const saturday = validateMeetingDate({ group: 'stodgrupp', date: '2026-10-31' });
    expect(saturday).toEqual({
      ok: false,
      date: '2026-10-31',
      group: 'stodgrupp',
      problems: [
        { code: 'NOT_A_WORKING_DAY', message: 'Lördag 31 oktober 2026 är alla helgons dag. Välj en arbetsdag.' },
      ],
    });
    const ascension = validateMeetingDate({ group: 'samverkansgrupp', date: '2027-05-06', outsideWindowReason: 'x' });
    expect(ascension.ok).toBe(false);
  });

  it('warns about a klämdag but allows it', () => {
    const result = validateMeetingDate({ group: 'samverkansgrupp', date: '2027-05-07' });
    expect(result).toMatchObject({ ok: true, warnings: ['Datumet är en klämdag; många kan vara lediga.'] });
  });

  it('stödgruppen has no window', () => {
    expect(validateMeetingDate({ group: 'stodgrupp', date: '2026-02-10' })).toMatchObject({
      ok: true,
      outsideWindow: false,
    });
  });

  it('refuses malformed input', () => {
    expect(
      validationIssues(() => validateMeetingDate({ group: 'styrelse' as 'stodgrupp', date: '2026-13-01' })),
    ).toEqual([
      { path: 'group', message: 'Okänd mötesgrupp: styrelse.' },
      { path: 'date', message: 'Ogiltigt datum; ange ÅÅÅÅ-MM-DD.' },
    ]);
  });
});

describe('stödgruppen planning', () => {
  it('suggests six months, never July', () => {
    expect(stodgruppTarget).toBe(6);
    const months = suggestStodgruppMonths(2026);
    expect(months).toHaveLength(6);
    expect(months.map((m) => m.month)).toEqual([1, 3, 5, 8, 9, 11]);
    expect(months.map((m) => m.label)).toEqual(['januari', 'mars', 'maj', 'augusti', 'september', 'november']);
    for (let n = 1; n <= 11; n += 1) {
      const picked = suggestStodgruppMonths(2026, n).map((m) => m.month);
      expect(picked).toHaveLength(n);
      expect(picked).not.toContain(7);
    }
    expect(messages(() => suggestStodgruppMonths(2026, 12))).toEqual(['Högst 11 möten (juli undantas).']);
  });

  it('offers candidate days in a window', () => {
    const spring = candidateDays(seasonWindow(2027, 'var'));
    expect(spring).not.toContain('2027-05-06');
    expect(spring).toContain('2027-05-07');
    expect(spring).not.toContain('2027-04-03');
    expect(candidateDays(seasonWindow(2027, 'var'), { excludeKlamdagar: true })).not.toContain('2027-05-07');
    expect(candidateDays({ start: '2026-10-19', end: '2026-10-30' }, { weekdays: [2, 3] })).toEqual([
      '2026-10-20',
      '2026-10-21',
      '2026-10-27',
      '2026-10-28',
    ]);
    expect(messages(() => candidateDays({ start: '2026-05-02', end: '2026-05-01' }))).toEqual([
      'Slutdatum ligger före startdatum.',
    ]);
  });
});

describe('createMeeting', () => {
  const input = {
    id: 'm1',
    group: 'samverkansgrupp',
    title: 'Samverkansgruppens höstmöte',
    date: '2026-10-26',
    startTime: '09:00',
    endTime: '15:00',
    location: 'Umeå',
  };

  it('creates a meeting with UTC instants', () => {
    const before = structuredClone(input);
    expect(createMeeting(input)).toEqual({
      ...input,
      startUtc: '2026-10-26T08:00:00.000Z',
      endUtc: '2026-10-26T14:00:00.000Z',
      season: 'host',
      status: 'planerat',
    });
    expect(input).toEqual(before);
  });

  it('keeps the reason for a date outside the window', () => {
    const meeting = createMeeting({ ...input, date: '2026-11-10', outsideWindowReason: 'Extra möte om budget.' });
    expect(meeting.outsideWindowReason).toBe('Extra möte om budget.');
  });

  it('refuses dates the rules refuse, with a rule error', () => {
    expect(() => createMeeting({ ...input, date: '2026-11-10' })).toThrow(DomainRuleError);
    try {
      createMeeting({ ...input, date: '2026-10-24' });
    } catch (error) {
      expect((error as DomainRuleError).code).toBe('MEETING_DATE_REFUSED');
      expect((error as DomainRuleError).message).toBe(
        'Lördag 24 oktober 2026 infaller under en helg. Välj en arbetsdag.',
      );
    }
  });

  it('refuses bad fields', () => {
    expect(validationIssues(() => createMeeting({ ...input, title: ' ', endTime: '08:00' }))).toEqual([
      { path: 'title', message: 'Rubriken får inte vara tom.' },
      { path: 'endTime', message: 'Sluttiden ligger före eller på starttiden.' },
    ]);
  });

  it('cancels and completes only planned meetings', () => {
    const meeting = createMeeting(input);
    const cancelled = cancelMeeting(meeting);
    expect(cancelled.status).toBe('installt');
    expect(meeting.status).toBe('planerat');
    expect(() => cancelMeeting(cancelled)).toThrow('Endast ett planerat möte kan ställas in.');
    expect(completeMeeting(meeting).status).toBe('genomfort');
    expect(() => completeMeeting(cancelled)).toThrow('Endast ett planerat möte kan markeras som genomfört.');
  });
});

import { describe, expect, it } from '@jest/globals';
import {
  BOUNDS,
  addMonthsIso,
  boundedText,
  countIssue,
  dateIssue,
  daysInRange,
  isWellFormedText,
  lineAmountIssue,
  lineAmountSchema,
  listWindowIssues,
  meetingTimeIssues,
  planningWindowIssues,
  textIssue,
  urlColumnIssue,
} from '../../../src/domain';

describe('date bounds', () => {
  it('adds calendar months, clamping to the last day', () => {
    expect(addMonthsIso('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonthsIso('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonthsIso('2027-11-15', 3)).toBe('2028-02-15');
    expect(daysInRange('2027-01-01', '2027-01-31')).toBe(31);
    expect(daysInRange('2027-01-02', '2027-01-01')).toBe(0);
  });

  it('accepts a planning window of at most three months and refuses 9999-12-31 without walking it', () => {
    expect(planningWindowIssues('2027-04-01', '2027-07-01')).toEqual([]);
    expect(planningWindowIssues('2027-04-01', '2027-07-02')).toEqual([
      { path: 'to', message: 'Planeringen får omfatta högst 3 månader.' },
    ]);
    expect(planningWindowIssues('2027-04-01', '9999-12-31')).toEqual([
      { path: 'to', message: 'Datumet måste ligga mellan 2020-01-01 och 2099-12-31.' },
    ]);
    expect(planningWindowIssues('2027-04-02', '2027-04-01')[0]?.message).toBe(
      'Slutdatumet får inte vara före startdatumet.',
    );
    expect(planningWindowIssues('2027-02-30', '2027-03-01')[0]).toEqual({
      path: 'from',
      message: 'Ogiltigt datum; ange ÅÅÅÅ-MM-DD.',
    });
  });

  it('accepts a list window of at most five years', () => {
    expect(listWindowIssues('2025-01-01', '2030-01-01')).toEqual([]);
    expect(listWindowIssues('2025-01-01', '2030-01-02')[0]?.message).toBe('Urvalet får omfatta högst 5 år.');
  });

  it('refuses dates outside the samverkan’s century', () => {
    expect(dateIssue('2027-05-05', 'date')).toBeUndefined();
    expect(dateIssue('1999-12-31', 'date')?.path).toBe('date');
    expect(dateIssue('2100-01-01', 'date')).toBeDefined();
  });

  it('keeps meetings within the meeting day and at least 15 minutes long', () => {
    expect(meetingTimeIssues('09:00', '12:00')).toEqual([]);
    expect(meetingTimeIssues('23:30', '23:59').map((i) => i.message)).toEqual([
      'Mötet måste ligga mellan 07:00 och 20:00.',
    ]);
    expect(meetingTimeIssues('10:00', '10:10').map((i) => i.path)).toEqual(['endTime']);
    expect(meetingTimeIssues('12:00', '11:00').map((i) => i.path)).toEqual(['endTime']);
    expect(meetingTimeIssues('25:00', 'x').map((i) => i.path)).toEqual(['startTime', 'endTime']);
  });
});

describe('text bounds', () => {
  const lone = 'ab\uD800c';
  it('knows lone surrogates from pairs', () => {
    expect(isWellFormedText('möte 🎉')).toBe(true);
    expect(isWellFormedText(lone)).toBe(false);
    expect(isWellFormedText('\uDC00')).toBe(false);
    expect(isWellFormedText('x\uD83D')).toBe(false);
  });

  it('measures in UTF-16 units as SharePoint does, at most 255 on one line and 63 999 on several', () => {
    expect(textIssue('x'.repeat(255), 'title', 'singleLine')).toBeUndefined();
    expect(textIssue('x'.repeat(256), 'title', 'singleLine')?.message).toBe('Texten får vara högst 255 tecken.');
    expect(textIssue('🎉'.repeat(128), 'title', 'singleLine')).toBeDefined();
    expect(textIssue('x'.repeat(63_999), 'notes', 'multiLine')).toBeUndefined();
    expect(textIssue('x'.repeat(64_000), 'notes', 'multiLine')).toBeDefined();
    expect(textIssue('x'.repeat(100), 'name', 'singleLine', 50)?.message).toBe('Texten får vara högst 50 tecken.');
  });

  it('refuses control characters on one line and allows line breaks on several', () => {
    expect(textIssue('a\nb', 'title', 'singleLine')).toBeDefined();
    expect(textIssue('a\r\nb\tc', 'notes', 'multiLine')).toBeUndefined();
    expect(textIssue('a\u0000b', 'notes', 'multiLine')?.message).toBe(
      'Texten innehåller ett styrtecken som inte kan sparas.',
    );
    expect(textIssue(lone, 'title', 'singleLine')?.message).toBe('Texten innehåller ett ogiltigt tecken.');
  });

  it('gives a zod schema with Swedish messages', () => {
    const schema = boundedText({ max: 10 });
    expect(schema.parse('  Möte  ')).toBe('Möte');
    const messages = (input: unknown) => {
      const result = schema.safeParse(input);
      return result.success ? [] : result.error.issues.map((i) => i.message);
    };
    expect(messages('   ')).toEqual(['Fältet får inte vara tomt.']);
    expect(messages('x'.repeat(11))).toEqual(['Texten får vara högst 10 tecken.']);
    expect(messages(undefined)).toEqual(['Värdet saknas.']);
    expect(messages(42)).toEqual(['Värdet måste vara text.']);
    expect(messages(lone)).toEqual(['Texten innehåller ett ogiltigt tecken.']);
    expect(boundedText({ max: 100_000 }).safeParse('x'.repeat(256)).success).toBe(false);
  });
});

describe('amounts and counts', () => {
  it('allows at most 1 000 000 000 kr on a line, as integer öre', () => {
    expect(lineAmountIssue(BOUNDS.lineAmountOre, 'amountOre')).toBeUndefined();
    expect(lineAmountIssue(BOUNDS.lineAmountOre + 1, 'amountOre')?.message).toBe(
      'Beloppet får vara högst 1 000 000 000 kr.',
    );
    expect(lineAmountIssue(Number.MAX_SAFE_INTEGER, 'amountOre')).toBeDefined();
    expect(lineAmountIssue(12.5, 'amountOre')?.message).toBe('Beloppet måste vara ett heltal i öre.');
    expect(lineAmountIssue('100', 'amountOre')).toBeDefined();
    expect(lineAmountIssue(-1, 'amountOre')?.message).toBe('Beloppet får inte vara negativt.');
    expect(lineAmountIssue(-1, 'amountOre', { allowNegative: true })).toBeUndefined();
    expect(lineAmountIssue(0, 'amountOre', { allowZero: false })?.message).toBe('Beloppet får inte vara noll.');
    expect(lineAmountSchema().safeParse(Number.NaN).success).toBe(false);
    expect(lineAmountSchema().safeParse(Infinity).success).toBe(false);
    expect(lineAmountSchema().parse(100)).toBe(100);
  });

  it('counts attendees, members and items per request', () => {
    expect(countIssue(BOUNDS.attendees, 'attendees', 'attendees')).toBeUndefined();
    expect(countIssue(BOUNDS.attendees + 1, 'attendees', 'attendees')?.message).toBe(
      'Högst 500 deltagare per förfrågan.',
    );
    expect(countIssue(101, 'members', 'groupMembers')?.message).toBe('Högst 100 medlemmar per förfrågan.');
    expect(countIssue(201, 'lines', 'itemsPerRequest')).toBeDefined();
  });

  it('keeps a link within a hyperlink column', () => {
    expect(urlColumnIssue(`https://x/${'a'.repeat(200)}`, 'channelUrl')).toBeUndefined();
    expect(urlColumnIssue(`https://x/${encodeURIComponent('🎉'.repeat(50))}`, 'channelUrl')).toBeDefined();
  });
});

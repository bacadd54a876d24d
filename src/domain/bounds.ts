import { z } from 'zod';
import type { ValidationIssue } from './errors';
import { isValidIsoDate } from './validation';

/**
 * Every bound the app puts on input, in one place per kind: date ranges, text lengths SharePoint can store,
 * amounts, and counts per request. Services and the contract schemas check these before any Graph write, so
 * that a refusal writes nothing; the server never walks a range longer than these.
 */
export const BOUNDS = {
  /** A planning request (proposals, free/busy) covers at most this many months. */
  planningMonths: 3,
  /** A list or report covers at most this many years. */
  listYears: 5,
  /** Dates the samverkan can mean: nothing before its start, nothing in the next century. */
  earliestDate: '2020-01-01',
  latestDate: '2099-12-31',
  /** A date the user names (a meeting, an activity, a follow-up) lies at most this many years ahead. */
  dateYearsAhead: 5,
  /** A meeting lies within this part of the day (Swedish time), and lasts at least this long. */
  meetingDayStart: '07:00',
  meetingDayEnd: '20:00',
  meetingMinMinutes: 15,
  /** SharePoint: a single line of text holds 255 characters, multiple lines 63 999 (UTF-16 units). */
  singleLineText: 255,
  multiLineText: 63_999,
  /** A SharePoint hyperlink column holds a URL of at most 255 characters. */
  urlColumn: 255,
  /** Teams: a channel name holds 50 characters, its description 1 024. */
  channelName: 50,
  channelDescription: 1024,
  /** At most 1 000 000 000 kr on one line, in öre. */
  lineAmountOre: 100_000_000_000,
  /** Attendees of one meeting (Outlook's limit is 500), members of one working group, items in one request. */
  attendees: 500,
  groupMembers: 100,
  itemsPerRequest: 200,
} as const;

export type TextKind = 'singleLine' | 'multiLine';

const DAY_MS = 86_400_000;

function utcDay(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
}

/** The ISO date `months` calendar months after `iso`, clamped to the month's last day (31 jan + 1 → 28/29 feb). */
export function addMonthsIso(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both included (0 when `to` is before `from`). */
export function daysInRange(from: string, to: string): number {
  const span = Math.round((utcDay(to) - utcDay(from)) / DAY_MS) + 1;
  return Math.max(0, span);
}

/** A date the samverkan can mean: a real calendar date within BOUNDS.earliestDate–latestDate. */
export function dateIssue(value: string, path: string): ValidationIssue | undefined {
  if (!isValidIsoDate(value)) return { path, message: 'Ogiltigt datum; ange ÅÅÅÅ-MM-DD.' };
  if (value < BOUNDS.earliestDate || value > BOUNDS.latestDate)
    return { path, message: `Datumet måste ligga mellan ${BOUNDS.earliestDate} och ${BOUNDS.latestDate}.` };
  return undefined;
}

function rangeIssues(from: string, to: string, months: number, what: string): ValidationIssue[] {
  const issues = [dateIssue(from, 'from'), dateIssue(to, 'to')].filter((i): i is ValidationIssue => !!i);
  if (issues.length > 0) return issues;
  if (to < from) return [{ path: 'to', message: 'Slutdatumet får inte vara före startdatumet.' }];
  if (to > addMonthsIso(from, months))
    return [{ path: 'to', message: `${what} får omfatta högst ${monthsText(months)}.` }];
  return [];
}

function monthsText(months: number): string {
  return months % 12 === 0 ? `${months / 12} år` : `${months} månader`;
}

/** A planning window (meeting proposals, free/busy): valid dates, in order, at most BOUNDS.planningMonths. */
export function planningWindowIssues(from: string, to: string): ValidationIssue[] {
  return rangeIssues(from, to, BOUNDS.planningMonths, 'Planeringen');
}

/** A list or report window: valid dates, in order, at most BOUNDS.listYears. */
export function listWindowIssues(from: string, to: string): ValidationIssue[] {
  return rangeIssues(from, to, BOUNDS.listYears * 12, 'Urvalet');
}

const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minutesOf(time: string): number | undefined {
  const match = TIME_RE.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** A meeting's start and end (HH:MM, Swedish time): within the meeting day, end after start, at least 15 min. */
export function meetingTimeIssues(start: string, end: string): ValidationIssue[] {
  const from = minutesOf(start);
  const to = minutesOf(end);
  const issues: ValidationIssue[] = [];
  if (from === undefined) issues.push({ path: 'startTime', message: 'Ogiltig tid; ange TT:MM.' });
  if (to === undefined) issues.push({ path: 'endTime', message: 'Ogiltig tid; ange TT:MM.' });
  if (from === undefined || to === undefined) return issues;
  const dayStart = minutesOf(BOUNDS.meetingDayStart) ?? 0;
  const dayEnd = minutesOf(BOUNDS.meetingDayEnd) ?? 24 * 60;
  if (from < dayStart || to > dayEnd)
    issues.push({
      path: 'startTime',
      message: `Mötet måste ligga mellan ${BOUNDS.meetingDayStart} och ${BOUNDS.meetingDayEnd}.`,
    });
  if (to - from < BOUNDS.meetingMinMinutes)
    issues.push({
      path: 'endTime',
      message: `Mötet måste sluta minst ${BOUNDS.meetingMinMinutes} minuter efter start.`,
    });
  return issues;
}

/** Text SharePoint and every reader can store: well-formed UTF-16 (no lone surrogate), no control characters. */
export function textCharacterIssue(value: string, kind: TextKind): string | undefined {
  if (!isWellFormedText(value)) return 'Texten innehåller ett ogiltigt tecken.';
  // Tab, LF and CR are allowed in multiple lines; every other C0/C1 control character is not.
  const controls =
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed here
    kind === 'multiLine' ? /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/ : /[\u0000-\u001F\u007F-\u009F]/;
  if (controls.test(value)) return 'Texten innehåller ett styrtecken som inte kan sparas.';
  // Bidirectional overrides and isolates turn text around as it is shown ("Faktura\u202Efdp.exe").
  if (/[\u202A-\u202E\u2066-\u2069]/.test(value)) return 'Texten innehåller ett tecken som vänder skriftriktningen.';
  return undefined;
}

/** Characters that show nothing: a text of only these (and whitespace) is empty. */
const INVISIBLE = /[\s\u200B-\u200D\u2060\uFEFF\u00AD]/gu;

/** True when the text shows nothing: empty, whitespace or zero-width characters only. */
export function isBlankText(value: string): boolean {
  return value.replace(INVISIBLE, '') === '';
}

/** True when every surrogate is paired (String.prototype.isWellFormed, written out for older runtimes). */
export function isWellFormedText(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    } else if (code >= 0xdc00 && code <= 0xdfff) return false;
  }
  return true;
}

export function maxLengthOf(kind: TextKind): number {
  return kind === 'multiLine' ? BOUNDS.multiLineText : BOUNDS.singleLineText;
}

/** A text of `kind`, at most `max` characters (never more than SharePoint stores), with the checks above. */
export function textIssue(
  value: string,
  path: string,
  kind: TextKind,
  max = maxLengthOf(kind),
): ValidationIssue | undefined {
  const limit = Math.min(max, maxLengthOf(kind));
  if (value.length > limit) return { path, message: `Texten får vara högst ${limit} tecken.` };
  const character = textCharacterIssue(value, kind);
  return character ? { path, message: character } : undefined;
}

/**
 * A zod schema for a text field: trimmed, required unless `optional`, within SharePoint's length, without
 * lone surrogates or control characters. Messages are Swedish.
 */
export function boundedText(options: { kind?: TextKind; max?: number; min?: number; tooLong?: string } = {}) {
  const kind = options.kind ?? 'singleLine';
  const max = Math.min(options.max ?? maxLengthOf(kind), maxLengthOf(kind));
  const min = options.min ?? 1;
  return z
    .string({ error: (issue) => (issue.input === undefined ? 'Värdet saknas.' : 'Värdet måste vara text.') })
    .trim()
    .min(min, min <= 1 ? 'Fältet får inte vara tomt.' : `Texten måste vara minst ${min} tecken.`)
    .superRefine((value, ctx) => {
      // UTF-16 units, as SharePoint counts: zod's own max counts code points, so an emoji would count once.
      if (value.length > max) {
        ctx.addIssue({ code: 'custom', message: options.tooLong ?? `Texten får vara högst ${max} tecken.` });
        return;
      }
      if (min >= 1 && value !== '' && isBlankText(value)) {
        ctx.addIssue({ code: 'custom', message: 'Fältet får inte vara tomt.' });
        return;
      }
      const message = textCharacterIssue(value, kind);
      if (message) ctx.addIssue({ code: 'custom', message });
    });
}

/** The last day a date may name: BOUNDS.dateYearsAhead years after `today` (and never after latestDate). */
export function latestDateFrom(today: string): string {
  const ahead = `${Number(today.slice(0, 4)) + BOUNDS.dateYearsAhead}${today.slice(4)}`;
  return ahead < BOUNDS.latestDate ? ahead : BOUNDS.latestDate;
}

/**
 * A zod schema for a date (ÅÅÅÅ-MM-DD): a real calendar date from BOUNDS.earliestDate, at most
 * BOUNDS.dateYearsAhead years after today (`today` is read when a value is checked).
 */
export function boundedDate(today: () => string = () => new Date().toISOString().slice(0, 10)) {
  return z.string({ error: 'Datum måste anges som text (ÅÅÅÅ-MM-DD).' }).superRefine((value, ctx) => {
    const issue = dateIssue(value, '');
    if (issue) return void ctx.addIssue({ code: 'custom', message: issue.message });
    const latest = latestDateFrom(today());
    if (value > latest)
      ctx.addIssue({
        code: 'custom',
        message: `Datumet får ligga högst ${BOUNDS.dateYearsAhead} år fram i tiden (senast ${latest}).`,
      });
  });
}

/** An amount on one line, in öre: an integer with |amount| ≤ BOUNDS.lineAmountOre. */
export function lineAmountIssue(
  value: unknown,
  path: string,
  options: { allowNegative?: boolean; allowZero?: boolean } = {},
): ValidationIssue | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value))
    return { path, message: 'Beloppet måste vara ett heltal i öre.' };
  if (Math.abs(value) > BOUNDS.lineAmountOre) return { path, message: 'Beloppet får vara högst 1 000 000 000 kr.' };
  if (!options.allowNegative && value < 0) return { path, message: 'Beloppet får inte vara negativt.' };
  if (options.allowZero === false && value === 0) return { path, message: 'Beloppet får inte vara noll.' };
  return undefined;
}

/** A zod schema for one line's amount in öre (see lineAmountIssue). */
export function lineAmountSchema(options: { allowNegative?: boolean; allowZero?: boolean } = {}) {
  return z.number({ error: 'Beloppet måste vara ett heltal i öre.' }).superRefine((value, ctx) => {
    const issue = lineAmountIssue(value, '', options);
    if (issue) ctx.addIssue({ code: 'custom', message: issue.message });
  });
}

// Sums of amounts: money.ts sumOre, checked against the safe integers at every step.

export type CountKind = 'attendees' | 'groupMembers' | 'itemsPerRequest';

const COUNT_LABELS: Record<CountKind, string> = {
  attendees: 'deltagare',
  groupMembers: 'medlemmar',
  itemsPerRequest: 'rader',
};

/** At most BOUNDS[kind] entries in one request. */
export function countIssue(count: number, path: string, kind: CountKind): ValidationIssue | undefined {
  const max = BOUNDS[kind];
  return count > max ? { path, message: `Högst ${max} ${COUNT_LABELS[kind]} per förfrågan.` } : undefined;
}

/** A URL for a SharePoint hyperlink column: at most BOUNDS.urlColumn characters once stored. */
export function urlColumnIssue(url: string, path: string): ValidationIssue | undefined {
  return url.length > BOUNDS.urlColumn
    ? { path, message: 'Namnet blir för långt för att sparas som länk; korta det.' }
    : undefined;
}

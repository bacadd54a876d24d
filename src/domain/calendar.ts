import Holidays from 'date-holidays';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { DomainValidationError } from './errors';
import { isoDateSchema, isValidIsoDate, parseOrThrow } from './validation';

export const TIME_ZONE = 'Europe/Stockholm';

/** A calendar date in Stockholm, 'YYYY-MM-DD'. */
export type IsoDate = string;
/** A local wall-clock time, 'HH:mm'. */
export type LocalTime = string;
/** A calendar date, an ISO instant ('...Z' or with offset) or a Date; always read as Stockholm time. */
export type DateInput = IsoDate | string | Date;

export const MONTH_NAMES_SV = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
] as const;

const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

export const localTimeSchema = z
  .string({ error: 'Tid saknas.' })
  .regex(TIME_RE, 'Ogiltig tid; ange TT:MM, t.ex. 09:00.');

const yearSchema = z
  .number({ error: 'Året måste vara ett heltal.' })
  .int('Året måste vara ett heltal.')
  .min(1900, 'Året måste vara mellan 1900 och 2199.')
  .max(2199, 'Året måste vara mellan 1900 och 2199.');

export function parseYear(year: unknown): number {
  return parseOrThrow(yearSchema, year);
}

function invalidDate(value: unknown): never {
  throw new DomainValidationError([
    { path: 'date', message: `Ogiltigt datum: ${value instanceof Date ? 'Invalid Date' : String(value)}.` },
  ]);
}

/** Reads any DateInput as a luxon DateTime in Stockholm. */
export function toStockholm(date: DateInput): DateTime {
  let dt: DateTime;
  if (date instanceof Date) {
    dt = DateTime.fromJSDate(date, { zone: TIME_ZONE });
  } else if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date)) {
    if (!isValidIsoDate(date)) invalidDate(date);
    dt = DateTime.fromISO(date, { zone: TIME_ZONE });
  } else if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}T.+(Z|[+-]\d{2}:?\d{2})$/.test(date)) {
    dt = DateTime.fromISO(date, { setZone: true }).setZone(TIME_ZONE);
  } else {
    invalidDate(date);
  }
  if (!dt.isValid) invalidDate(date);
  return dt;
}

export function toIsoDate(date: DateInput): IsoDate {
  return toStockholm(date).toISODate() as IsoDate;
}

export function addDays(date: DateInput, days: number): IsoDate {
  return toStockholm(date).plus({ days }).toISODate() as IsoDate;
}

export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every calendar date from start to end, both included. */
export function eachDay(startIso: IsoDate, endIso: IsoDate): IsoDate[] {
  const { start, end } = parseRange(startIso, endIso);
  const days: IsoDate[] = [];
  for (let day = start; day <= end; day = addDays(day, 1)) days.push(day);
  return days;
}

export interface DateRange {
  start: IsoDate;
  end: IsoDate;
}

const rangeSchema = z
  .object({ start: isoDateSchema, end: isoDateSchema })
  .refine((r) => r.end >= r.start, { path: ['end'], message: 'Slutdatum ligger före startdatum.' });

export function parseRange(start: unknown, end: unknown): DateRange {
  return parseOrThrow(rangeSchema, { start, end });
}

// ---------------------------------------------------------------- holidays

export type HolidayKind = 'helgdag' | 'afton';

export interface SwedishHoliday {
  date: IsoDate;
  name: string;
  /** 'helgdag' = allmän helgdag (röd dag); 'afton' = an eve that is a de-facto day off. */
  kind: HolidayKind;
}

/**
 * date-holidays marks midsommarafton, julafton and nyårsafton as type 'bank' and påskafton as
 * 'observance'; none of them are allmänna helgdagar by law, but workplaces treat them as days off.
 * The half-day eves (trettondagsafton, valborgsmässoafton, allhelgonaafton) stay working days.
 */
const FREE_EVE_NAMES = new Set(['midsommarafton', 'julafton', 'nyårsafton', 'påskafton']);

let holidayProvider: Holidays | undefined;
const holidayCache = new Map<number, SwedishHoliday[]>();

export function swedishHolidays(year: number): SwedishHoliday[] {
  const y = parseYear(year);
  const cached = holidayCache.get(y);
  if (cached) return cached.map((h) => ({ ...h }));
  holidayProvider ??= new Holidays('SE', { languages: ['sv'] });
  const byDate = new Map<IsoDate, SwedishHoliday>();
  for (const holiday of holidayProvider.getHolidays(y, 'sv')) {
    const date = holiday.date.slice(0, 10);
    const kind: HolidayKind | undefined =
      holiday.type === 'public' ? 'helgdag' : FREE_EVE_NAMES.has(holiday.name.toLowerCase()) ? 'afton' : undefined;
    if (!kind) continue;
    const existing = byDate.get(date);
    if (!existing || (existing.kind === 'afton' && kind === 'helgdag'))
      byDate.set(date, { date, name: holiday.name, kind });
  }
  const list = [...byDate.values()].sort((a, b) => compareIsoDates(a.date, b.date));
  holidayCache.set(y, list);
  return list.map((h) => ({ ...h }));
}

function holidayOn(date: DateInput): SwedishHoliday | undefined {
  const iso = toIsoDate(date);
  return swedishHolidays(Number(iso.slice(0, 4))).find((h) => h.date === iso);
}

/** True for allmänna helgdagar (röda dagar) only; the free eves are not public holidays by law. */
export function isSwedishPublicHoliday(date: DateInput): boolean {
  return holidayOn(date)?.kind === 'helgdag';
}

/** True for allmänna helgdagar and for the eves treated as days off. */
export function isHolidayOrFreeEve(date: DateInput): boolean {
  return holidayOn(date) !== undefined;
}

export function holidayName(date: DateInput): string | undefined {
  return holidayOn(date)?.name;
}

export function isWeekend(date: DateInput): boolean {
  return toStockholm(date).weekday >= 6;
}

function isBaseWorkingDay(date: DateInput): boolean {
  return !isWeekend(date) && !isHolidayOrFreeEve(date);
}

/** A working day with a day off on both sides, e.g. the Friday after Kristi himmelsfärdsdag. */
export function isKlamdag(date: DateInput): boolean {
  const iso = toIsoDate(date);
  return isBaseWorkingDay(iso) && !isBaseWorkingDay(addDays(iso, -1)) && !isBaseWorkingDay(addDays(iso, 1));
}

export interface WorkingDayOptions {
  excludeKlamdagar?: boolean;
}

export function isWorkingDay(date: DateInput, opts: WorkingDayOptions = {}): boolean {
  if (!isBaseWorkingDay(date)) return false;
  return !(opts.excludeKlamdagar && isKlamdag(date));
}

/** Number of working days from start to end, both included. */
export function workingDaysBetween(startIso: IsoDate, endIso: IsoDate, opts: WorkingDayOptions = {}): number {
  return eachDay(startIso, endIso).filter((day) => isWorkingDay(day, opts)).length;
}

/** Why a date is not a working day, in Swedish; undefined when it is one. */
export function nonWorkingReason(date: DateInput, opts: WorkingDayOptions = {}): string | undefined {
  const dt = toStockholm(date);
  const holiday = holidayOn(dt.toISODate() as IsoDate);
  const label = capitalise(formatDt(dt));
  if (holiday) return `${label} är ${holiday.name}.`;
  if (dt.weekday >= 6) return `${label} infaller under en helg.`;
  if (opts.excludeKlamdagar && isKlamdag(dt.toISODate() as IsoDate)) return `${label} är en klämdag.`;
  return undefined;
}

// ---------------------------------------------------------------- weeks

export function isoWeek(date: DateInput): number {
  return toStockholm(date).weekNumber;
}

export function isoWeekYear(date: DateInput): number {
  return toStockholm(date).weekYear;
}

export function weekLabel(date: DateInput): string {
  return `v. ${isoWeek(date)}`;
}

// ---------------------------------------------------------------- time zones

const nonEmptyDate = isoDateSchema;

/**
 * Stockholm wall-clock time to a UTC instant. A time that does not exist (skipped at the spring
 * change) is refused; an ambiguous one (repeated at the autumn change) resolves to the later, winter-time instant.
 */
export function stockholmToUtc(isoDate: IsoDate, time: LocalTime): string {
  const input = parseOrThrow(z.object({ date: nonEmptyDate, time: localTimeSchema }), { date: isoDate, time });
  const dt = DateTime.fromISO(`${input.date}T${input.time}`, { zone: TIME_ZONE });
  if (dt.toFormat('HH:mm') !== input.time || dt.toISODate() !== input.date) {
    throw new DomainValidationError([
      {
        path: 'time',
        message: `Klockslaget ${input.time} finns inte den ${formatDateSv(input.date)} (övergång till sommartid).`,
      },
    ]);
  }
  return dt.toUTC().toISO() as string;
}

export interface StockholmDateTime {
  date: IsoDate;
  time: LocalTime;
}

export function utcToStockholm(instant: string | Date): StockholmDateTime {
  if (typeof instant === 'string' && !/T.+(Z|[+-]\d{2}:?\d{2})$/.test(instant)) invalidDate(instant);
  const dt = toStockholm(instant);
  return { date: dt.toISODate() as IsoDate, time: dt.toFormat('HH:mm') };
}

/** "måndag 26 oktober 2026" */
export function formatDateSv(date: DateInput): string {
  return formatDt(toStockholm(date));
}

function formatDt(dt: DateTime): string {
  return dt.setLocale('sv').toFormat('cccc d LLLL yyyy');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "måndag 26 oktober 2026 kl. 09:00" (Stockholm time) */
export function formatDateTimeSv(instant: DateInput): string {
  const dt = toStockholm(instant);
  return `${formatDt(dt)} kl. ${dt.toFormat('HH:mm')}`;
}

export function monthNameSv(month: number): string {
  const name = MONTH_NAMES_SV[month - 1];
  if (!name) throw new DomainValidationError([{ path: 'month', message: `Ogiltig månad: ${month}.` }]);
  return name;
}

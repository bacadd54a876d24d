import { DateTime } from 'luxon';
import { z } from 'zod';
import { DomainValidationError } from './errors';
import { isoDateSchema, isValidIsoDate, parseOrThrow } from './validation';

export { MONTH_NAMES_SV, TIME_ZONE };

/** A calendar date in Stockholm, 'YYYY-MM-DD'. */
export type IsoDate = string;
/** A local wall-clock time, 'HH:mm'. */
import { localTimeSchema } from './localTime';
import { MONTH_NAMES_SV, TIME_ZONE, isoWeekOfDay, type LocalTime } from './wallClock';

export type { LocalTime };
/** A calendar date, an ISO instant ('...Z' or with offset) or a Date; always read as Stockholm time. */
export type DateInput = IsoDate | string | Date;

export { localTimeSchema };

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

// ---------------------------------------------------------------- working days

export type HolidayKind = 'helgdag' | 'afton';

export interface SwedishHoliday {
  date: IsoDate;
  name: string;
  /** 'helgdag' = allmän helgdag (röd dag); 'afton' = an eve that is a de-facto day off. */
  kind: HolidayKind;
}

/** The holidays and free eves of one year, sorted by date. `./holidays` gives the Swedish ones. */
export type HolidaySource = (year: number) => readonly SwedishHoliday[];

export interface WorkingDayOptions {
  excludeKlamdagar?: boolean;
}

/** Working-day rules over one holiday source; kept apart from date-holidays so the tab can import the calendar. */
export interface WorkingDayCalendar {
  holidayOn(date: DateInput): SwedishHoliday | undefined;
  /** True for allmänna helgdagar (röda dagar) only; the free eves are not public holidays by law. */
  isSwedishPublicHoliday(date: DateInput): boolean;
  /** True for allmänna helgdagar and for the eves treated as days off. */
  isHolidayOrFreeEve(date: DateInput): boolean;
  holidayName(date: DateInput): string | undefined;
  /** A working day with a day off on both sides, e.g. the Friday after Kristi himmelsfärdsdag. */
  isKlamdag(date: DateInput): boolean;
  isWorkingDay(date: DateInput, opts?: WorkingDayOptions): boolean;
  /** Number of working days from start to end, both included. */
  workingDaysBetween(startIso: IsoDate, endIso: IsoDate, opts?: WorkingDayOptions): number;
  /** Why a date is not a working day, in Swedish; undefined when it is one. */
  nonWorkingReason(date: DateInput, opts?: WorkingDayOptions): string | undefined;
}

export function isWeekend(date: DateInput): boolean {
  return toStockholm(date).weekday >= 6;
}

export function workingDayCalendar(holidays: HolidaySource): WorkingDayCalendar {
  const holidayOn = (date: DateInput): SwedishHoliday | undefined => {
    const iso = toIsoDate(date);
    return holidays(Number(iso.slice(0, 4))).find((h) => h.date === iso);
  };
  const isBaseWorkingDay = (date: DateInput): boolean => !isWeekend(date) && holidayOn(date) === undefined;
  const isKlamdag = (date: DateInput): boolean => {
    const iso = toIsoDate(date);
    return isBaseWorkingDay(iso) && !isBaseWorkingDay(addDays(iso, -1)) && !isBaseWorkingDay(addDays(iso, 1));
  };
  const isWorkingDay = (date: DateInput, opts: WorkingDayOptions = {}): boolean =>
    isBaseWorkingDay(date) && !(opts.excludeKlamdagar && isKlamdag(date));
  return {
    holidayOn,
    isSwedishPublicHoliday: (date) => holidayOn(date)?.kind === 'helgdag',
    isHolidayOrFreeEve: (date) => holidayOn(date) !== undefined,
    holidayName: (date) => holidayOn(date)?.name,
    isKlamdag,
    isWorkingDay,
    workingDaysBetween: (startIso, endIso, opts = {}) =>
      eachDay(startIso, endIso).filter((day) => isWorkingDay(day, opts)).length,
    nonWorkingReason: (date, opts = {}) => {
      const dt = toStockholm(date);
      const iso = dt.toISODate() as IsoDate;
      const holiday = holidayOn(iso);
      const label = capitalise(formatDt(dt));
      if (holiday) return `${label} är ${holiday.name}.`;
      if (dt.weekday >= 6) return `${label} infaller under en helg.`;
      if (opts.excludeKlamdagar && isKlamdag(iso)) return `${label} är en klämdag.`;
      return undefined;
    },
  };
}

// ---------------------------------------------------------------- weeks

export function isoWeek(date: DateInput): number {
  const day = toStockholm(date);
  return isoWeekOfDay(day.year, day.month, day.day).week;
}

export function isoWeekYear(date: DateInput): number {
  const day = toStockholm(date);
  return isoWeekOfDay(day.year, day.month, day.day).weekYear;
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

/**
 * A period as Swedish text, its one-day form one date: "3 december 2026", "3–4 december 2026",
 * "28 november–3 december 2026", "30 december 2026–2 januari 2027".
 */
export function formatDateRangeSv(start: IsoDate, end: IsoDate): string {
  const a = toStockholm(start).setLocale('sv');
  const b = toStockholm(end).setLocale('sv');
  if (end <= start) return a.toFormat('d LLLL yyyy');
  if (a.year !== b.year) return `${a.toFormat('d LLLL yyyy')}–${b.toFormat('d LLLL yyyy')}`;
  if (a.month !== b.month) return `${a.toFormat('d LLLL')}–${b.toFormat('d LLLL yyyy')}`;
  return `${a.toFormat('d')}–${b.toFormat('d LLLL yyyy')}`;
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

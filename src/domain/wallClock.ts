/**
 * Stockholm wall-clock basics that need no date library: the time zone, `HH:MM` times, today's date and ISO
 * weeks. Apart from calendar.ts so that the tab's first load (the API contract, Översikt) carries no luxon;
 * calendar.ts builds on these.
 */
export const TIME_ZONE = 'Europe/Stockholm';

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

/** A wall-clock time in Stockholm, `HH:MM` (checked by localTime.ts, apart so that this file needs no zod). */
export type LocalTime = string;

// sv-SE writes dates as YYYY-MM-DD.
const stockholmDate = new Intl.DateTimeFormat('sv-SE', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in Stockholm of an instant, YYYY-MM-DD. */
export function stockholmDateOf(instant: Date): string {
  return stockholmDate.format(instant);
}

/** ISO 8601 week and week-year of a calendar day (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeekOfDay(year: number, month: number, day: number): { week: number; weekYear: number } {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7;
  // The Thursday of this week decides the week-year.
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const weekYear = date.getUTCFullYear();
  const firstDay = Date.UTC(weekYear, 0, 1);
  const week = Math.ceil(((date.getTime() - firstDay) / 86_400_000 + 1) / 7);
  return { week, weekYear };
}

/** The ISO week of an instant's calendar day in Stockholm. */
export function stockholmIsoWeek(instant: Date): number {
  const [year, month, day] = stockholmDateOf(instant).split('-').map(Number) as [number, number, number];
  return isoWeekOfDay(year, month, day).week;
}

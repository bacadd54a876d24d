import Holidays from 'date-holidays';
import {
  compareIsoDates,
  parseYear,
  workingDayCalendar,
  type HolidayKind,
  type IsoDate,
  type SwedishHoliday,
} from './calendar';

/**
 * date-holidays marks midsommarafton, julafton and nyårsafton as type 'bank' and påskafton as
 * 'observance'; none of them are allmänna helgdagar by law, but workplaces treat them as days off.
 * The half-day eves (trettondagsafton, valborgsmässoafton, allhelgonaafton) stay working days.
 */
const FREE_EVE_NAMES = new Set(['midsommarafton', 'julafton', 'nyårsafton', 'påskafton']);

let holidayProvider: Holidays | undefined;
const holidayCache = new Map<number, SwedishHoliday[]>();

function cachedSwedishHolidays(year: number): readonly SwedishHoliday[] {
  const y = parseYear(year);
  const cached = holidayCache.get(y);
  if (cached) return cached;
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
  return list;
}

/** Sweden's allmänna helgdagar and the eves treated as days off, in one year; a fresh copy each call. */
export function swedishHolidays(year: number): SwedishHoliday[] {
  return cachedSwedishHolidays(year).map((h) => ({ ...h }));
}

/** The working-day rules over Sweden's holidays. */
export const swedishWorkingDays = workingDayCalendar(cachedSwedishHolidays);

export const {
  isSwedishPublicHoliday,
  isHolidayOrFreeEve,
  holidayName,
  isKlamdag,
  isWorkingDay,
  workingDaysBetween,
  nonWorkingReason,
} = swedishWorkingDays;

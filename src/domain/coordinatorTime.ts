import { z } from 'zod';
import { eachDay, parseYear, type IsoDate } from './calendar';
import { isWorkingDay } from './holidays';
import { DomainValidationError } from './errors';
import { idSchema, isoDateSchema, parseOrThrow } from './validation';

/** Samverkansgruppen has 20 % of the samordnare's time. */
export const COORDINATOR_SHARE = 0.2;
/** Full-time week in the Region (Allmänna bestämmelser): 40 hours, i.e. 8 hours a working day. */
export const HOURS_PER_WORKING_DAY = 8;
/** Statutory minimum is 25 days; older employees in the Region have 31–32, which the caller can pass. */
export const DEFAULT_VACATION_DAYS = 25;

const QUARTERS = 4;

export interface AvailableHoursOptions {
  /** Overrides the computed full-time year, e.g. 1 700 when the Region's budget uses that figure. */
  fullTimeHoursPerYear?: number;
  vacationDays?: number;
  hoursPerWorkingDay?: number;
}

const optionsSchema = z.object({
  fullTimeHoursPerYear: z
    .number({ error: 'Årsarbetstiden måste vara ett tal.' })
    .positive('Årsarbetstiden måste vara större än noll.')
    .max(8784, 'Årsarbetstiden kan inte vara fler timmar än året har.')
    .optional(),
  vacationDays: z
    .number({ error: 'Antalet semesterdagar måste vara ett heltal.' })
    .int('Antalet semesterdagar måste vara ett heltal.')
    .min(0, 'Antalet semesterdagar får inte vara negativt.')
    .max(60, 'Högst 60 semesterdagar.')
    .optional(),
  hoursPerWorkingDay: z
    .number({ error: 'Timmar per dag måste vara ett tal.' })
    .positive('Timmar per dag måste vara större än noll.')
    .max(24, 'Högst 24 timmar per dag.')
    .optional(),
});

const shareSchema = z
  .number({ error: 'Andelen måste vara ett tal mellan 0 och 1.' })
  .gt(0, 'Andelen måste vara större än 0.')
  .max(1, 'Andelen får vara högst 1 (100 %).');

function toQuarters(hours: number): number {
  return Math.round(hours * QUARTERS);
}

function fromQuarters(quarters: number): number {
  return quarters / QUARTERS;
}

// Memoised: the holiday calendar of a year never changes, and reports ask for it repeatedly.
const workingDaysCache = new Map<number, readonly IsoDate[]>();

function workingDaysOfYear(year: number): readonly IsoDate[] {
  let days = workingDaysCache.get(year);
  if (!days) {
    days = eachDay(`${year}-01-01`, `${year}-12-31`).filter((day) => isWorkingDay(day));
    workingDaysCache.set(year, days);
  }
  return days;
}

/**
 * A full-time year: the year's working days (weekdays that are not helgdagar or free eves) less the
 * vacation days, times 8 hours. For 2026 that is (251 − 25) × 8 = 1 808 hours, in line with the
 * 1 700–1 800 hours Swedish employers count as a full-time year after holidays and vacation.
 */
export function fullTimeHours(year: number, options: AvailableHoursOptions = {}): number {
  const y = parseYear(year);
  const opts = parseOrThrow(optionsSchema, options);
  if (opts.fullTimeHoursPerYear !== undefined) return fromQuarters(toQuarters(opts.fullTimeHoursPerYear));
  const days = Math.max(0, workingDaysOfYear(y).length - (opts.vacationDays ?? DEFAULT_VACATION_DAYS));
  return fromQuarters(toQuarters(days * (opts.hoursPerWorkingDay ?? HOURS_PER_WORKING_DAY)));
}

/** The samordnare's hours for samverkansgruppen in a year, rounded to a quarter of an hour. */
export function availableHours(
  year: number,
  options: AvailableHoursOptions = {},
  share: number = COORDINATOR_SHARE,
): number {
  const s = parseOrThrow(shareSchema, share);
  return fromQuarters(toQuarters(fullTimeHours(year, options) * s));
}

export interface TimeEntry {
  id?: string;
  date: IsoDate;
  hours: number;
  assignment: string;
  activityId?: string;
  note?: string;
}

const timeEntrySchema = z.object({
  id: idSchema.optional(),
  date: isoDateSchema,
  hours: z
    .number({ error: 'Antalet timmar måste vara ett tal.' })
    .gt(0, 'Antalet timmar måste vara större än noll.')
    .max(24, 'Högst 24 timmar per dag.')
    .refine((hours) => Number.isInteger(hours * QUARTERS), {
      message: 'Ange tiden i kvartar (t.ex. 1,25 eller 2,5 timmar).',
    }),
  assignment: z.string({ error: 'Uppdraget saknas.' }).trim().min(1, 'Ange vilket uppdrag tiden avser.'),
  activityId: idSchema.optional(),
  note: z.string({ error: 'Anteckningen måste vara text.' }).trim().optional(),
});

export function createTimeEntry(input: unknown): TimeEntry {
  return parseOrThrow(timeEntrySchema, input);
}

export type TimeTrackStatus = 'over' | 'under' | 'i_fas';

export const TIME_TRACK_LABELS: Record<TimeTrackStatus, { sv: string; en: string }> = {
  over: { sv: 'Över plan', en: 'Over plan' },
  under: { sv: 'Under plan', en: 'Under plan' },
  i_fas: { sv: 'I fas', en: 'On track' },
};

export interface AssignmentHours {
  assignment: string;
  hours: number;
  entryCount: number;
}

export interface TimeReport {
  year: number;
  asOf: IsoDate;
  availableHours: number;
  /** All entries of the year. */
  usedHours: number;
  remainingHours: number;
  usedToDateHours: number;
  /** The available hours spread over the year's working days, up to and including asOf. */
  expectedToDateHours: number;
  deviationHours: number;
  status: TimeTrackStatus;
  statusLabel: string;
  message: string;
  perAssignment: AssignmentHours[];
}

const hoursFormat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 });

/** "12,5 h" with a no-break space, as sv-SE writes it. */
export function formatHours(hours: number): string {
  return `${hoursFormat.format(hours)}\u00A0h`;
}

export interface TimeReportOptions extends AvailableHoursOptions {
  share?: number;
}

/**
 * How the samordnare's time is used against the year's share. "I fas" means within 10 % of the
 * pro-rata hours, and never stricter than one working day (8 h), so that a week's delay in booking
 * does not raise an alarm.
 */
export function timeReport(
  entries: readonly TimeEntry[],
  year: number,
  asOf: IsoDate,
  options: TimeReportOptions = {},
): TimeReport {
  const y = parseYear(year);
  const day = parseOrThrow(isoDateSchema, asOf);
  const { share, ...hourOptions } = options;
  const available = availableHours(y, hourOptions, share ?? COORDINATOR_SHARE);
  const issues = entries.flatMap((entry, index) => {
    const result = timeEntrySchema.safeParse(entry);
    return result.success ? [] : [{ path: `entries.${index}`, message: `Ogiltig tidspost (${entry.date}).` }];
  });
  if (issues.length > 0) throw new DomainValidationError(issues);

  const ofYear = entries.filter((entry) => entry.date.startsWith(`${y}-`));
  const usedQ = ofYear.reduce((sum, entry) => sum + toQuarters(entry.hours), 0);
  const toDateQ = ofYear.filter((entry) => entry.date <= day).reduce((sum, e) => sum + toQuarters(e.hours), 0);

  const workingDays = workingDaysOfYear(y);
  const elapsed = workingDays.filter((d) => d <= day).length;
  const expectedQ = Math.round((toQuarters(available) * elapsed) / workingDays.length);
  const deviationQ = toDateQ - expectedQ;
  const toleranceQ = Math.max(toQuarters(HOURS_PER_WORKING_DAY), Math.round(expectedQ / 10));
  const status: TimeTrackStatus = deviationQ > toleranceQ ? 'over' : deviationQ < -toleranceQ ? 'under' : 'i_fas';

  const byAssignment = new Map<string, AssignmentHours>();
  for (const entry of ofYear) {
    const key = entry.assignment.trim();
    const row = byAssignment.get(key) ?? { assignment: key, hours: 0, entryCount: 0 };
    row.hours = fromQuarters(toQuarters(row.hours) + toQuarters(entry.hours));
    row.entryCount += 1;
    byAssignment.set(key, row);
  }
  const perAssignment = [...byAssignment.values()].sort(
    (a, b) => b.hours - a.hours || a.assignment.localeCompare(b.assignment, 'sv'),
  );

  const used = fromQuarters(usedQ);
  const expected = fromQuarters(expectedQ);
  const deviation = fromQuarters(deviationQ);
  const parts = [
    `Samordnaren har lagt ${formatHours(fromQuarters(toDateQ))} av årets ${formatHours(available)} till och med ${day}; enligt plan ${formatHours(expected)}.`,
    status === 'i_fas'
      ? 'Tiden följer planen.'
      : status === 'over'
        ? `Det är ${formatHours(deviation)} mer än planerat.`
        : `Det är ${formatHours(-deviation)} mindre än planerat.`,
  ];
  if (used > available) parts.push(`Årets tid är överskriden med ${formatHours(used - available)}.`);

  return {
    year: y,
    asOf: day,
    availableHours: available,
    usedHours: used,
    remainingHours: fromQuarters(toQuarters(available) - usedQ),
    usedToDateHours: fromQuarters(toDateQ),
    expectedToDateHours: expected,
    deviationHours: deviation,
    status,
    statusLabel: TIME_TRACK_LABELS[status].sv,
    message: parts.join(' '),
    perAssignment,
  };
}

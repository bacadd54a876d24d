import { z } from 'zod';
import {
  MONTH_NAMES_SV,
  isKlamdag,
  isWorkingDay,
  localTimeSchema,
  nonWorkingReason,
  parseRange,
  parseYear,
  stockholmToUtc,
  toStockholm,
  eachDay,
  type DateRange,
  type IsoDate,
  type LocalTime,
  type WorkingDayOptions,
} from './calendar';
import { DomainRuleError } from './errors';
import type { Role } from './roles';
import { idSchema, isoDateSchema, parseOrThrow } from './validation';

export const MEETING_GROUPS = ['samverkansgrupp', 'stodgrupp'] as const;
export type MeetingGroup = (typeof MEETING_GROUPS)[number];

export const MEETING_GROUP_LABELS: Record<MeetingGroup, { sv: string; en: string }> = {
  samverkansgrupp: { sv: 'Samverkansgruppen', en: 'Collaboration group' },
  stodgrupp: { sv: 'Stödgruppen', en: 'Support group' },
};

export const SEASONS = ['var', 'host'] as const;
export type Season = (typeof SEASONS)[number];

export const SEASON_LABELS: Record<Season, { sv: string; en: string }> = {
  var: { sv: 'Vår', en: 'Spring' },
  host: { sv: 'Höst', en: 'Autumn' },
};

/** Samverkansgruppen meets twice a year: once in the spring window, once in the autumn window. */
export const SAMVERKANSGRUPP_MEETINGS_PER_YEAR = 2;
/** Stödgruppen meets "ca 6 ggr/år". */
export const stodgruppTarget = 6;

const seasonSchema = z.enum(SEASONS, {
  error: (issue) => `Okänd säsong: ${String(issue.input)}. Ange var eller host.`,
});
const groupSchema = z.enum(MEETING_GROUPS, { error: (issue) => `Okänd mötesgrupp: ${String(issue.input)}.` });

/** Spring: 1 April–31 May; autumn: 1 September–31 October. */
export function seasonWindow(year: number, season: Season): DateRange {
  const y = parseYear(year);
  const s = parseOrThrow(seasonSchema, season);
  return s === 'var' ? { start: `${y}-04-01`, end: `${y}-05-31` } : { start: `${y}-09-01`, end: `${y}-10-31` };
}

/** The half-year a date belongs to: January–July plan for the spring meeting, August–December for the autumn one. */
export function seasonOf(date: IsoDate | Date): Season {
  return toStockholm(date).month <= 7 ? 'var' : 'host';
}

export function convenerRole(group: MeetingGroup): Role {
  return parseOrThrow(groupSchema, group) === 'samverkansgrupp' ? 'ordforande' : 'samordnare';
}

export interface MeetingDateCheckInput {
  group: MeetingGroup;
  date: IsoDate;
  season?: Season;
  year?: number;
  outsideWindowReason?: string;
}

export interface MeetingDateProblem {
  code: 'NOT_A_WORKING_DAY' | 'OUTSIDE_SEASON_WINDOW';
  message: string;
}

export type MeetingDateCheck =
  | {
      ok: true;
      date: IsoDate;
      group: MeetingGroup;
      season?: Season;
      outsideWindow: boolean;
      outsideWindowReason?: string;
      warnings: string[];
    }
  | { ok: false; date: IsoDate; group: MeetingGroup; problems: MeetingDateProblem[] };

const checkSchema = z.object({
  group: groupSchema,
  date: isoDateSchema,
  season: seasonSchema.optional(),
  year: z.number().int().optional(),
  outsideWindowReason: z.string({ error: 'Motiveringen måste vara text.' }).trim().optional(),
});

/**
 * Checks a proposed meeting date. Samverkansgruppen must meet inside its season window unless a
 * reason is written down; no group meets on a weekend, a public holiday or a free eve.
 */
export function validateMeetingDate(input: MeetingDateCheckInput): MeetingDateCheck {
  const { group, date, season: givenSeason, year: givenYear, outsideWindowReason } = parseOrThrow(checkSchema, input);
  const problems: MeetingDateProblem[] = [];
  const warnings: string[] = [];

  const notWorking = nonWorkingReason(date);
  if (notWorking) problems.push({ code: 'NOT_A_WORKING_DAY', message: `${notWorking} Välj en arbetsdag.` });
  else if (isKlamdag(date)) warnings.push('Datumet är en klämdag; många kan vara lediga.');

  let outsideWindow = false;
  let season: Season | undefined;
  const reason = outsideWindowReason && outsideWindowReason.length > 0 ? outsideWindowReason : undefined;
  if (group === 'samverkansgrupp') {
    season = givenSeason ?? seasonOf(date);
    const window = seasonWindow(givenYear ?? Number(date.slice(0, 4)), season);
    outsideWindow = date < window.start || date > window.end;
    if (outsideWindow && !reason) {
      const period = season === 'var' ? 'april–maj' : 'september–oktober';
      problems.push({
        code: 'OUTSIDE_SEASON_WINDOW',
        message: `Samverkansgruppens ${season === 'var' ? 'vårmöte' : 'höstmöte'} ska hållas under ${period} (${window.start}–${window.end}). Ange en motivering för att välja ett annat datum.`,
      });
    }
  }

  if (problems.length > 0) return { ok: false, date, group, problems };
  return {
    ok: true,
    date,
    group,
    ...(season ? { season } : {}),
    outsideWindow,
    ...(outsideWindow && reason ? { outsideWindowReason: reason } : {}),
    warnings,
  };
}

export interface SuggestedMonth {
  year: number;
  month: number;
  label: string;
}

/**
 * Spreads stödgruppen's meetings evenly over the eleven working months (July is holiday season),
 * so with six meetings: januari, mars, maj, augusti, september, november, which precede both samverkansgrupp meetings.
 */
export function suggestStodgruppMonths(year: number, count: number = stodgruppTarget): SuggestedMonth[] {
  const y = parseYear(year);
  const n = parseOrThrow(
    z
      .number()
      .int('Antalet möten måste vara ett heltal.')
      .min(1, 'Minst ett möte.')
      .max(11, 'Högst 11 möten (juli undantas).'),
    count,
  );
  const months = [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12];
  const picked = new Set<number>();
  for (let i = 0; i < n; i += 1) picked.add(months[Math.round((i * months.length) / n)] as number);
  return [...picked]
    .sort((a, b) => a - b)
    .map((month) => ({ year: y, month, label: MONTH_NAMES_SV[month - 1] as string }));
}

/** The working days in a window, e.g. to offer dates for a Teams poll. */
export function candidateDays(window: DateRange, opts: WorkingDayOptions & { weekdays?: number[] } = {}): IsoDate[] {
  const range = parseRange(window.start, window.end);
  return eachDay(range.start, range.end).filter(
    (day) => isWorkingDay(day, opts) && (!opts.weekdays || opts.weekdays.includes(toStockholm(day).weekday)),
  );
}

// ---------------------------------------------------------------- meetings

export const MEETING_STATUSES = ['planerat', 'genomfort', 'installt'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  planerat: 'Planerat',
  genomfort: 'Genomfört',
  installt: 'Inställt',
};

export interface Meeting {
  id: string;
  group: MeetingGroup;
  title: string;
  date: IsoDate;
  startTime: LocalTime;
  endTime: LocalTime;
  /** UTC instants derived from date + times in Stockholm. */
  startUtc: string;
  endUtc: string;
  season?: Season;
  outsideWindowReason?: string;
  location?: string;
  status: MeetingStatus;
}

const meetingInputSchema = z
  .object({
    id: idSchema,
    group: groupSchema,
    title: z.string({ error: 'Rubrik saknas.' }).trim().min(1, 'Rubriken får inte vara tom.'),
    date: isoDateSchema,
    startTime: localTimeSchema,
    endTime: localTimeSchema,
    season: seasonSchema.optional(),
    outsideWindowReason: z.string({ error: 'Motiveringen måste vara text.' }).trim().optional(),
    location: z.string({ error: 'Platsen måste vara text.' }).trim().optional(),
    status: z
      .enum(MEETING_STATUSES, { error: (issue) => `Okänd mötesstatus: ${String(issue.input)}.` })
      .default('planerat'),
  })
  .refine((m) => m.endTime > m.startTime, { path: ['endTime'], message: 'Sluttiden ligger före eller på starttiden.' });

export type MeetingInput = z.input<typeof meetingInputSchema>;

/** Creates a meeting; a date the rules refuse throws a DomainRuleError with the Swedish reasons. */
export function createMeeting(input: unknown): Meeting {
  const m = parseOrThrow(meetingInputSchema, input);
  const check = validateMeetingDate({
    group: m.group,
    date: m.date,
    season: m.season,
    outsideWindowReason: m.outsideWindowReason,
  });
  if (!check.ok) throw new DomainRuleError('MEETING_DATE_REFUSED', check.problems.map((p) => p.message).join(' '));
  return {
    id: m.id,
    group: m.group,
    title: m.title,
    date: m.date,
    startTime: m.startTime,
    endTime: m.endTime,
    startUtc: stockholmToUtc(m.date, m.startTime),
    endUtc: stockholmToUtc(m.date, m.endTime),
    ...(check.season ? { season: check.season } : {}),
    ...(check.outsideWindowReason ? { outsideWindowReason: check.outsideWindowReason } : {}),
    ...(m.location ? { location: m.location } : {}),
    status: m.status,
  };
}

export function cancelMeeting(meeting: Meeting): Meeting {
  if (meeting.status !== 'planerat') {
    throw new DomainRuleError('MEETING_NOT_PLANNED', 'Endast ett planerat möte kan ställas in.');
  }
  return { ...meeting, status: 'installt' };
}

export function completeMeeting(meeting: Meeting): Meeting {
  if (meeting.status !== 'planerat') {
    throw new DomainRuleError('MEETING_NOT_PLANNED', 'Endast ett planerat möte kan markeras som genomfört.');
  }
  return { ...meeting, status: 'genomfort' };
}

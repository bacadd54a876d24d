import { z } from 'zod';
import {
  eachDay,
  localTimeSchema,
  parseRange,
  stockholmToUtc,
  toStockholm,
  type DateRange,
  type IsoDate,
  type WorkingDayOptions,
} from './calendar';
import { DomainRuleError } from './errors';
import { isKlamdag, isWorkingDay, nonWorkingReason } from './holidays';
import {
  MEETING_STATUSES,
  meetingGroupSchema,
  seasonOf,
  seasonSchema,
  seasonWindow,
  type Meeting,
  type MeetingGroup,
  type Season,
} from './meetings';
import { idSchema, isoDateSchema, parseOrThrow } from './validation';

// The meeting rules that need Sweden's holidays; apart from ./meetings so that the tab can import the lists.

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
  group: meetingGroupSchema,
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

/** The working days in a window, e.g. to offer dates for a Teams poll. */
export function candidateDays(window: DateRange, opts: WorkingDayOptions & { weekdays?: number[] } = {}): IsoDate[] {
  const range = parseRange(window.start, window.end);
  return eachDay(range.start, range.end).filter(
    (day) => isWorkingDay(day, opts) && (!opts.weekdays || opts.weekdays.includes(toStockholm(day).weekday)),
  );
}

const meetingInputSchema = z
  .object({
    id: idSchema,
    group: meetingGroupSchema,
    title: z.string({ error: 'Rubrik saknas.' }).trim().min(1, 'Rubriken får inte vara tom.'),
    date: isoDateSchema,
    startTime: localTimeSchema,
    endTime: localTimeSchema,
    season: seasonSchema.optional(),
    outsideWindowReason: z.string({ error: 'Motiveringen måste vara text.' }).trim().optional(),
    location: z.string({ error: 'Platsen måste vara text.' }).trim().optional(),
    status: z
      .enum(MEETING_STATUSES, {
        error: (issue) => `Okänd mötesstatus: ${issue.input === undefined ? 'saknas' : String(issue.input)}.`,
      })
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

/** A meeting already called, as the register knows it (for the one-kallelse-per-season rule). */
export interface CalledMeeting {
  id?: string;
  group: MeetingGroup;
  date: IsoDate;
  season?: Season;
  status?: string;
  /** Called as an extra meeting (with a recorded reason): it does not take the season's ordinary place. */
  extraMeeting?: boolean;
}

export interface SeasonKallelseInput {
  group: MeetingGroup;
  date: IsoDate;
  season?: Season;
  /** The meetings already called (any group, any season: the rule picks its own). */
  called: readonly CalledMeeting[];
  /** A second meeting in the season: "extra möte", with the reason that is recorded. */
  extraMeeting?: { reason: string };
}

export type SeasonKallelse =
  | { group: 'stodgrupp'; extraMeeting: false }
  | { group: 'samverkansgrupp'; season: Season; year: number; extraMeeting: false }
  | { group: 'samverkansgrupp'; season: Season; year: number; extraMeeting: true; extraReason: string };

const extraSchema = z.object({
  reason: z
    .string({ error: 'Skälet till det extra mötet måste vara text.' })
    .trim()
    .min(1, 'Ange skälet till det extra mötet.')
    .max(500, 'Skälet får vara högst 500 tecken.'),
});

const seasonKallelseSchema = z.object({
  group: meetingGroupSchema,
  date: isoDateSchema,
  season: seasonSchema.optional(),
  extraMeeting: extraSchema.optional(),
});

/**
 * Samverkansgruppen is called once per season (vårmöte, höstmöte): a second kallelse for the same season and year
 * is refused unless it is an "extra möte" with a reason, which the register records. Cancelled meetings do not
 * count, and neither do earlier extra meetings. Stödgruppen meets about six times a year and has no such rule.
 */
export function checkSeasonKallelse(input: SeasonKallelseInput): SeasonKallelse {
  const { group, date, season: given, extraMeeting } = parseOrThrow(seasonKallelseSchema, input);
  if (group === 'stodgrupp') return { group, extraMeeting: false };
  const season = given ?? seasonOf(date);
  const year = Number(date.slice(0, 4));
  const ordinary = input.called.filter(
    (m) =>
      m.group === 'samverkansgrupp' &&
      m.status !== 'installt' &&
      !m.extraMeeting &&
      Number(m.date.slice(0, 4)) === year &&
      (m.season ?? seasonOf(m.date)) === season,
  );
  if (ordinary.length === 0 && !extraMeeting) return { group, season, year, extraMeeting: false };
  if (extraMeeting) return { group, season, year, extraMeeting: true, extraReason: extraMeeting.reason };
  const name = season === 'var' ? 'vårmöte' : 'höstmöte';
  throw new DomainRuleError(
    'SEASON_ALREADY_CALLED',
    `Samverkansgruppens ${name} ${year} är redan kallat (${ordinary[0]!.date}). Ett andra möte samma säsong är ett extra möte: markera det som extra möte och ange skälet.`,
  );
}

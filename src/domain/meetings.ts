import { z } from 'zod';
import { MONTH_NAMES_SV, parseYear, toStockholm, type DateRange, type IsoDate, type LocalTime } from './calendar';
import { DomainRuleError } from './errors';
import type { Role } from './roles';
import { parseOrThrow } from './validation';
import { MEETING_GROUPS, SEASONS, type MeetingGroup, type MeetingStatus, type Season } from './meetingLists';

export {
  MEETING_GROUPS,
  MEETING_GROUP_LABELS,
  MEETING_STATUSES,
  SEASONS,
  type MeetingGroup,
  type MeetingStatus,
  type Season,
} from './meetingLists';

export const SEASON_LABELS: Record<Season, { sv: string; en: string }> = {
  var: { sv: 'Vår', en: 'Spring' },
  host: { sv: 'Höst', en: 'Autumn' },
};

/** Samverkansgruppen meets twice a year: once in the spring window, once in the autumn window. */
export const SAMVERKANSGRUPP_MEETINGS_PER_YEAR = 2;
/** Stödgruppen meets "ca 6 ggr/år". */
export const stodgruppTarget = 6;

export const seasonSchema = z.enum(SEASONS, {
  error: (issue) => `Okänd säsong: ${issue.input === undefined ? 'saknas' : String(issue.input)}. Ange var eller host.`,
});
export const meetingGroupSchema = z.enum(MEETING_GROUPS, {
  error: (issue) => `Okänd mötesgrupp: ${issue.input === undefined ? 'saknas' : String(issue.input)}.`,
});

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
  return parseOrThrow(meetingGroupSchema, group) === 'samverkansgrupp' ? 'ordforande' : 'samordnare';
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

// ---------------------------------------------------------------- meetings

export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  planerat: 'Planerat',
  genomfort: 'Genomfört',
  installt: 'Inställt',
  skickas: 'Kallelsen skickas',
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

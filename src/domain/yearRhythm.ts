import type { IsoDate } from './calendar';
import {
  SAMVERKANSGRUPP_MEETINGS_PER_YEAR,
  SEASONS,
  seasonOf,
  seasonWindow,
  stodgruppTarget,
  suggestStodgruppMonths,
  type MeetingGroup,
  type Season,
} from './meetings';

/**
 * The year's rhythm as the agreement sets it: samverkansgruppen "träffas två gånger per år, en gång under
 * april/maj och en gång under september/oktober"; stödgruppen "träffas ca 6 ggr/år". Counted from the meeting
 * register on a Stockholm day: what has been held, what is called, and whether the year is behind.
 */

export interface RhythmMeeting {
  group: MeetingGroup;
  /** The meeting's day (Stockholm). */
  date: IsoDate;
  status?: string;
  season?: Season;
}

export interface RhythmCount {
  /** Held: marked genomfört, or a planned meeting whose day has passed. */
  held: number;
  /** Called and still to come (today included). */
  called: number;
  target: number;
}

export interface SamverkansgruppRhythm extends RhythmCount {
  /** Whether the season has a meeting held or called. */
  seasons: Record<Season, boolean>;
  /** Seasons whose window has ended without a meeting: the agreement's spring or autumn meeting is missing. */
  missingSeasons: Season[];
}

export interface StodgruppRhythm extends RhythmCount {
  /** How many of the suggested months (suggestStodgruppMonths) have passed by `today`. */
  expectedByNow: number;
}

export interface YearRhythm {
  year: number;
  samverkansgrupp: SamverkansgruppRhythm;
  stodgrupp: StodgruppRhythm;
}

type Counted = 'held' | 'called' | undefined;

function countedAs(meeting: RhythmMeeting, today: IsoDate): Counted {
  if (meeting.status === 'installt') return undefined;
  if (meeting.status === 'genomfort') return 'held';
  if (meeting.date >= today) return 'called';
  // A kallelse still being sent ("skickas") whose day has passed was never sent: not a meeting.
  return meeting.status === 'skickas' ? undefined : 'held';
}

function count(meetings: readonly RhythmMeeting[], today: IsoDate): { held: number; called: number } {
  let held = 0;
  let called = 0;
  for (const meeting of meetings) {
    const as = countedAs(meeting, today);
    if (as === 'held') held += 1;
    if (as === 'called') called += 1;
  }
  return { held, called };
}

/** The suggested stödgrupp months of `year` wholly past on `today`. */
function stodgruppExpected(year: number, today: IsoDate): number {
  const month = today.slice(0, 7);
  return suggestStodgruppMonths(year).filter((m) => `${year}-${String(m.month).padStart(2, '0')}` < month).length;
}

/** The year's meetings of both groups counted against the agreement on `today`. */
export function yearRhythm(year: number, meetings: readonly RhythmMeeting[], today: IsoDate): YearRhythm {
  const ofYear = meetings.filter((m) => Number(m.date.slice(0, 4)) === year && countedAs(m, today) !== undefined);
  const samverkan = ofYear.filter((m) => m.group === 'samverkansgrupp');
  const stod = ofYear.filter((m) => m.group === 'stodgrupp');
  const seasons = Object.fromEntries(
    SEASONS.map((season) => [season, samverkan.some((m) => (m.season ?? seasonOf(m.date)) === season)]),
  ) as Record<Season, boolean>;
  const missingSeasons = SEASONS.filter((season) => !seasons[season] && seasonWindow(year, season).end < today);
  return {
    year,
    samverkansgrupp: {
      ...count(samverkan, today),
      target: SAMVERKANSGRUPP_MEETINGS_PER_YEAR,
      seasons,
      missingSeasons,
    },
    stodgrupp: { ...count(stod, today), target: stodgruppTarget, expectedByNow: stodgruppExpected(year, today) },
  };
}

/** Behind: a season's window has ended without its meeting. */
export function samverkansgruppBehind(rhythm: YearRhythm): boolean {
  return rhythm.samverkansgrupp.missingSeasons.length > 0;
}

/** Behind: fewer meetings held or called than the suggested months that have passed. */
export function stodgruppBehind(rhythm: YearRhythm): boolean {
  const { held, called, expectedByNow } = rhythm.stodgrupp;
  return held + called < expectedByNow;
}

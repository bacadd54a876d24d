import { DateTime } from 'luxon';
import { z } from 'zod';
import { TIME_ZONE, formatDateSv, type IsoDate, type LocalTime } from './calendar';
import { DomainRuleError, DomainValidationError, type ValidationIssue } from './errors';
import { MEETING_GROUPS, type MeetingGroup } from './meetings';
import { validateMeetingDate } from './meetingRules';
import type { Organisation } from './organisations';
import { VOTE_VALUES, type VoteValue } from './pollLists';
import { idSchema, isValidIsoDate, parseOrThrow } from './validation';

export { POLL_STATUSES, VOTE_LABELS, VOTE_VALUES, type PollStatus, type VoteValue } from './pollLists';

export const POLL_MIN_CANDIDATES = 2;
export const POLL_MAX_CANDIDATES = 8;

export interface PollCandidate {
  id: string;
  /** UTC instants. */
  start: string;
  end: string;
  /** Stockholm wall-clock values, for display. */
  date: IsoDate;
  startTime: LocalTime;
  endTime: LocalTime;
  label: string;
  warnings: string[];
}

export interface PollVote {
  personId: string;
  organisationId: string;
  choices: Record<string, VoteValue>;
  castAt: string;
}

export interface Poll {
  id: string;
  meetingGroup: MeetingGroup;
  candidates: PollCandidate[];
  /** UTC instant; votes cast after it are refused. */
  deadline: string;
  outsideWindowReason?: string;
  votes: PollVote[];
}

const ZONED_INSTANT_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const LOCAL_DATETIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

/**
 * Reads an instant: with an offset it is taken as is; without one ("2026-10-26T09:00") as Stockholm time.
 * A bare date is the end of that day in Stockholm (used for deadlines).
 */
function readInstant(value: string, endOfDayForDate: boolean): DateTime | undefined {
  if (ZONED_INSTANT_RE.test(value)) {
    const dt = DateTime.fromISO(value, { setZone: true });
    return dt.isValid ? dt.toUTC() : undefined;
  }
  if (LOCAL_DATETIME_RE.test(value)) {
    const dt = DateTime.fromISO(value, { zone: TIME_ZONE });
    // A time skipped at the spring change does not round-trip.
    if (!dt.isValid || dt.toFormat("yyyy-MM-dd'T'HH:mm") !== value.slice(0, 16)) return undefined;
    return dt.toUTC();
  }
  if (endOfDayForDate && isValidIsoDate(value)) {
    return DateTime.fromISO(value, { zone: TIME_ZONE }).endOf('day').set({ millisecond: 0 }).toUTC();
  }
  return undefined;
}

const instantText = z.string({ error: 'Tidpunkten måste anges som text (ÅÅÅÅ-MM-DDTTT:MM).' }).trim();

const pollInputSchema = z.object({
  id: idSchema,
  meetingGroup: z.enum(MEETING_GROUPS, {
    error: (issue) => `Okänd mötesgrupp: ${issue.input === undefined ? 'saknas' : String(issue.input)}.`,
  }),
  candidates: z
    .array(z.object({ start: instantText, end: instantText }), { error: 'Förslagen måste anges som en lista.' })
    .min(POLL_MIN_CANDIDATES, `Ange minst ${POLL_MIN_CANDIDATES} förslag på mötestider.`)
    .max(POLL_MAX_CANDIDATES, `Ange högst ${POLL_MAX_CANDIDATES} förslag på mötestider.`),
  deadline: instantText,
  outsideWindowReason: z.string({ error: 'Motiveringen måste vara text.' }).trim().optional(),
});

export type CreatePollInput = z.input<typeof pollInputSchema>;

function utcIso(dt: DateTime): string {
  return dt.toUTC().toISO({ suppressMilliseconds: true }) as string;
}

/**
 * A date poll, the fallback when free/busy cannot be read across tenants. Every candidate must be a
 * time the meeting rules accept for the group (a working day; samverkansgruppen inside its season window
 * unless a reason is given), on one day, and after the deadline. Candidates are numbered in time order.
 */
export function createPoll(input: unknown): Poll {
  const poll = parseOrThrow(pollInputSchema, input);
  const issues: ValidationIssue[] = [];
  const deadline = readInstant(poll.deadline, true);
  if (!deadline)
    issues.push({ path: 'deadline', message: 'Ogiltig svarstid; ange ÅÅÅÅ-MM-DD eller ÅÅÅÅ-MM-DDTTT:MM.' });

  const parsed: { start: DateTime; end: DateTime; index: number }[] = [];
  poll.candidates.forEach((candidate, index) => {
    const start = readInstant(candidate.start, false);
    const end = readInstant(candidate.end, false);
    if (!start) issues.push({ path: `candidates.${index}.start`, message: 'Ogiltig starttid.' });
    if (!end) issues.push({ path: `candidates.${index}.end`, message: 'Ogiltig sluttid.' });
    if (!start || !end) return;
    if (end <= start) {
      issues.push({ path: `candidates.${index}.end`, message: 'Sluttiden ligger före eller på starttiden.' });
      return;
    }
    const localStart = start.setZone(TIME_ZONE);
    if (localStart.toISODate() !== end.setZone(TIME_ZONE).toISODate()) {
      issues.push({ path: `candidates.${index}.end`, message: 'Mötet måste börja och sluta samma dag.' });
      return;
    }
    parsed.push({ start, end, index });
  });
  if (issues.length > 0) throw new DomainValidationError(issues);

  const seen = new Set<string>();
  const candidates: PollCandidate[] = [];
  const refusals: string[] = [];
  for (const { start, end, index } of [...parsed].sort((a, b) => a.start.toMillis() - b.start.toMillis())) {
    const key = `${start.toMillis()}-${end.toMillis()}`;
    if (seen.has(key)) {
      issues.push({ path: `candidates.${index}`, message: 'Samma mötestid förekommer flera gånger.' });
      continue;
    }
    seen.add(key);
    const localStart = start.setZone(TIME_ZONE);
    const date = localStart.toISODate() as IsoDate;
    const check = validateMeetingDate({
      group: poll.meetingGroup,
      date,
      ...(poll.outsideWindowReason ? { outsideWindowReason: poll.outsideWindowReason } : {}),
    });
    if (!check.ok) {
      refusals.push(...check.problems.map((problem) => problem.message));
      continue;
    }
    if (deadline && start < deadline) {
      refusals.push(`Svarstiden måste ligga före förslaget ${formatDateSv(date)}.`);
      continue;
    }
    const startTime = localStart.toFormat('HH:mm');
    const endTime = end.setZone(TIME_ZONE).toFormat('HH:mm');
    candidates.push({
      id: `k${candidates.length + 1}`,
      start: utcIso(start),
      end: utcIso(end),
      date,
      startTime,
      endTime,
      label: `${formatDateSv(date)} kl. ${startTime}–${endTime}`,
      warnings: check.warnings,
    });
  }
  if (issues.length > 0) throw new DomainValidationError(issues);
  if (refusals.length > 0) throw new DomainRuleError('POLL_CANDIDATE_REFUSED', [...new Set(refusals)].join(' '));
  return {
    id: poll.id,
    meetingGroup: poll.meetingGroup,
    candidates,
    deadline: utcIso(deadline as DateTime),
    ...(poll.outsideWindowReason ? { outsideWindowReason: poll.outsideWindowReason } : {}),
    votes: [],
  };
}

export interface CastVoteContext {
  organisationId: string;
  /** When the vote is cast (an ISO instant); the caller's clock, so that this stays pure. */
  at: string;
}

const voteSchema = z.object({
  personId: idSchema,
  organisationId: idSchema,
  at: instantText.refine((value) => ZONED_INSTANT_RE.test(value) && DateTime.fromISO(value).isValid, {
    message: 'Tidpunkten för rösten måste vara en tidpunkt med tidszon.',
  }),
  choices: z.record(
    z.string(),
    z.enum(VOTE_VALUES, {
      error: (issue) =>
        `Okänt svar: ${issue.input === undefined ? 'saknas' : String(issue.input)}. Ange ja, om-det-behövs eller nej.`,
    }),
    { error: 'Svaren måste anges per förslag.' },
  ),
});

/**
 * Records a person's answers. Voting again replaces the earlier vote in full. Votes after the deadline,
 * answers for unknown candidates and empty votes are refused.
 */
export function castVote(
  poll: Poll,
  personId: string,
  choices: Readonly<Record<string, VoteValue>>,
  context: CastVoteContext,
): Poll {
  const vote = parseOrThrow(voteSchema, { personId, choices, ...context });
  const candidateIds = new Set(poll.candidates.map((candidate) => candidate.id));
  const unknown = Object.keys(vote.choices).filter((id) => !candidateIds.has(id));
  if (unknown.length > 0) {
    throw new DomainValidationError(unknown.map((id) => ({ path: `choices.${id}`, message: `Okänt förslag: ${id}.` })));
  }
  if (Object.keys(vote.choices).length === 0) {
    throw new DomainValidationError([{ path: 'choices', message: 'Svara på minst ett förslag.' }]);
  }
  const castAt = DateTime.fromISO(vote.at, { setZone: true }).toUTC();
  if (castAt > DateTime.fromISO(poll.deadline, { setZone: true })) {
    throw new DomainRuleError('POLL_CLOSED', 'Svarstiden har gått ut; rösten kan inte tas emot.');
  }
  const next: PollVote = {
    personId: vote.personId,
    organisationId: vote.organisationId,
    choices: { ...vote.choices },
    castAt: utcIso(castAt),
  };
  return {
    ...poll,
    candidates: poll.candidates.map((candidate) => ({ ...candidate, warnings: [...candidate.warnings] })),
    votes: [...poll.votes.filter((existing) => existing.personId !== vote.personId), next],
  };
}

export interface CandidateTally {
  candidate: PollCandidate;
  ja: number;
  omDetBehovs: number;
  nej: number;
  /** Voters who left this candidate unanswered. */
  noAnswer: number;
  /** Kommuner (by id, in list order) with at least one ja. */
  kommunerWithJa: string[];
  kommunerCovered: number;
  kommunerTotal: number;
}

/** Counts per candidate; coverage counts only organisations of kind kommun. */
export function tally(poll: Poll, organisations: readonly Organisation[]): CandidateTally[] {
  const kommunIds = organisations.filter((org) => org.kind === 'kommun').map((org) => org.id);
  return poll.candidates.map((candidate) => {
    const counts = { ja: 0, omDetBehovs: 0, nej: 0, noAnswer: 0 };
    const withJa = new Set<string>();
    for (const vote of poll.votes) {
      const choice = vote.choices[candidate.id];
      if (choice === 'ja') {
        counts.ja += 1;
        withJa.add(vote.organisationId);
      } else if (choice === 'om-det-behövs') counts.omDetBehovs += 1;
      else if (choice === 'nej') counts.nej += 1;
      else counts.noAnswer += 1;
    }
    const kommunerWithJa = kommunIds.filter((id) => withJa.has(id));
    return {
      candidate: { ...candidate, warnings: [...candidate.warnings] },
      ...counts,
      kommunerWithJa,
      kommunerCovered: kommunerWithJa.length,
      kommunerTotal: kommunIds.length,
    };
  });
}

/** Candidates best first: most kommuner with a ja, then most ja, then the earliest. */
export function rankCandidates(poll: Poll, organisations: readonly Organisation[]): CandidateTally[] {
  return tally(poll, organisations).sort(
    (a, b) =>
      b.kommunerCovered - a.kommunerCovered ||
      b.ja - a.ja ||
      (a.candidate.start < b.candidate.start ? -1 : a.candidate.start > b.candidate.start ? 1 : 0),
  );
}

export function bestCandidate(poll: Poll, organisations: readonly Organisation[]): CandidateTally {
  return rankCandidates(poll, organisations)[0] as CandidateTally;
}

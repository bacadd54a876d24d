import { SEED_PEOPLE } from '../../infra/graph-emulator/src/index';
import { candidateDays, seasonWindow, toIsoDate } from '../../src/domain';

/** What the reliability suites share: the season their meetings fall in, the guests, the status tally. */

export const today = toIsoDate(new Date());
const thisYear = Number(today.slice(0, 4));
/** The next spring whose window has not passed: the suites' meetings lie ahead. */
export const springYear = today.slice(5, 7) > '04' ? thisYear + 1 : thisYear;
export const meetingDays = candidateDays(seasonWindow(springYear, 'var'));
/** Stödgruppen's people without a mailbox in the tenant: they get e-mail invitations, counted in the outbox. */
export const STODGRUPP_GUESTS = SEED_PEOPLE.filter((p) => p.xRoles.includes('stodgrupp') && !p.xHasMailbox).map((p) =>
  p.mail.toLowerCase(),
);

/** "10×200 2×503": how often each status came, for the printed tables. */
export function statusSummary(statuses: readonly number[]): string {
  return [...new Set(statuses)]
    .sort()
    .map((s) => `${statuses.filter((x) => x === s).length}×${s}`)
    .join(' ');
}

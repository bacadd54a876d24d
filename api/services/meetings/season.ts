import { DomainRuleError, checkSeasonKallelse, type CalledMeeting, type SeasonKallelse } from '../../../src/domain';
import { StateConflictError } from '../errors';
import type { SendRequest } from '../../../src/contract';
import type { MeetingRecord } from './register';

/** The register's meetings as the one-kallelse-per-season rule sees them (extra meetings by their reason). */
export function calledMeetings(records: readonly MeetingRecord[]): CalledMeeting[] {
  return records.map((record) => ({
    id: record.id,
    group: record.group,
    date: record.date,
    ...(record.season ? { season: record.season } : {}),
    status: record.status,
    extraMeeting: record.extraMeetingReason !== undefined,
  }));
}

/**
 * The season rule for a kallelse (src/domain checkSeasonKallelse): refuses a second ordinary samverkansgrupp
 * meeting in the season before anything is written. `ownKey`'s items (this kallelse, half done or cancelled) are
 * not "another meeting": a repeat of the same send is no second kallelse.
 */
export function seasonKallelse(
  request: Pick<SendRequest, 'group' | 'date' | 'season' | 'extraMeeting'>,
  records: readonly MeetingRecord[],
  ownKey: string,
): SeasonKallelse {
  const others = records.filter((record) => record.operationKey !== ownKey);
  try {
    return checkSeasonKallelse({
      group: request.group,
      date: request.date,
      ...(request.season ? { season: request.season } : {}),
      called: calledMeetings(others),
      ...(request.extraMeeting ? { extraMeeting: request.extraMeeting } : {}),
    });
  } catch (error) {
    // The register already holds the season's meeting: a conflict with its state (409), not a malformed request.
    if (error instanceof DomainRuleError && error.code === 'SEASON_ALREADY_CALLED') {
      throw new StateConflictError(error.code, error.message);
    }
    throw error;
  }
}

/** Whether the season already has an ordinary meeting (the tab then asks for the extra-möte reason). */
export function seasonAlreadyCalled(
  request: Pick<SendRequest, 'group' | 'date' | 'season'>,
  records: readonly MeetingRecord[],
  ownKey: string,
): boolean {
  try {
    seasonKallelse({ ...request, extraMeeting: undefined }, records, ownKey);
    return false;
  } catch (error) {
    if (error instanceof StateConflictError) return true;
    throw error;
  }
}

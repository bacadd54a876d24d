import { describe, expect, it } from '@jest/globals';
import { DomainRuleError, checkSeasonKallelse, type CalledMeeting } from '../../../src/domain';
import { messages } from './fixtures';

const spring: CalledMeeting = { id: '1', group: 'samverkansgrupp', date: '2027-04-15', status: 'planerat' };

describe('one samverkansgrupp kallelse per season', () => {
  it('lets the first kallelse of a season through', () => {
    expect(checkSeasonKallelse({ group: 'samverkansgrupp', date: '2027-04-15', called: [] })).toEqual({
      group: 'samverkansgrupp',
      season: 'var',
      year: 2027,
      extraMeeting: false,
    });
  });

  it('refuses a second one for the same season and year, in Swedish', () => {
    expect(() => checkSeasonKallelse({ group: 'samverkansgrupp', date: '2027-05-20', called: [spring] })).toThrow(
      new DomainRuleError(
        'SEASON_ALREADY_CALLED',
        'Samverkansgruppens vårmöte 2027 är redan kallat (2027-04-15). Ett andra möte samma säsong är ett extra möte: markera det som extra möte och ange skälet.',
      ),
    );
  });

  it('lets an extra möte with a reason through, and records the reason', () => {
    expect(
      checkSeasonKallelse({
        group: 'samverkansgrupp',
        date: '2027-05-20',
        called: [spring],
        extraMeeting: { reason: '  Remissvar om ny PBL före sommaren ' },
      }),
    ).toMatchObject({ extraMeeting: true, extraReason: 'Remissvar om ny PBL före sommaren', season: 'var' });
    expect(
      messages(() =>
        checkSeasonKallelse({
          group: 'samverkansgrupp',
          date: '2027-05-20',
          called: [spring],
          extraMeeting: { reason: ' ' },
        }),
      ),
    ).toEqual(['Ange skälet till det extra mötet.']);
  });

  it('does not count cancelled meetings, extra meetings, other seasons, other years or stödgruppen', () => {
    const called: CalledMeeting[] = [
      { ...spring, status: 'installt' },
      { group: 'samverkansgrupp', date: '2027-04-02', extraMeeting: true },
      { group: 'samverkansgrupp', date: '2026-04-15' },
      { group: 'samverkansgrupp', date: '2027-10-01' },
      { group: 'stodgrupp', date: '2027-04-10' },
    ];
    expect(checkSeasonKallelse({ group: 'samverkansgrupp', date: '2027-04-20', called }).extraMeeting).toBe(false);
    expect(() => checkSeasonKallelse({ group: 'samverkansgrupp', date: '2027-09-20', called })).toThrow(
      /höstmöte 2027 är redan kallat \(2027-10-01\)/,
    );
    expect(checkSeasonKallelse({ group: 'stodgrupp', date: '2027-04-20', called: [spring, spring] })).toEqual({
      group: 'stodgrupp',
      extraMeeting: false,
    });
  });

  it('counts a meeting by its recorded season when it has one (a spring meeting held outside the window)', () => {
    const early: CalledMeeting = { group: 'samverkansgrupp', date: '2027-03-10', season: 'var' };
    expect(() => checkSeasonKallelse({ group: 'samverkansgrupp', date: '2027-04-20', called: [early] })).toThrow(
      DomainRuleError,
    );
  });
});

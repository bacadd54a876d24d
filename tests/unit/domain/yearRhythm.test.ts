import { describe, expect, it } from '@jest/globals';
import {
  rhythmTodos,
  samverkansgruppBehind,
  stodgruppBehind,
  yearRhythm,
  yearRhythmTodos,
  type RhythmMeeting,
} from '../../../src/domain';

const sg = (date: string, status = 'genomfort', extra: Partial<RhythmMeeting> = {}): RhythmMeeting => ({
  group: 'samverkansgrupp',
  date,
  status,
  ...extra,
});
const st = (date: string, status = 'genomfort'): RhythmMeeting => ({ group: 'stodgrupp', date, status });

describe("the year's rhythm: samverkansgruppen twice (spring, autumn), stödgruppen about six times", () => {
  it('counts held and called meetings of the year; cancelled ones, other years and unsent ones do not count', () => {
    const rhythm = yearRhythm(
      2027,
      [
        sg('2027-04-20'),
        sg('2027-10-05', 'planerat'),
        sg('2027-05-10', 'installt'),
        sg('2026-10-06'),
        st('2027-01-12'),
        st('2027-03-09', 'planerat'), // its day has passed: held, the protokoll not yet justerat
        st('2027-09-14', 'skickas'), // the kallelse never went out
        st('2027-11-09', 'planerat'),
      ],
      '2027-09-20',
    );
    expect(rhythm.samverkansgrupp).toMatchObject({ held: 1, called: 1, target: 2, missingSeasons: [] });
    expect(rhythm.samverkansgrupp.seasons).toEqual({ var: true, host: true });
    expect(rhythm.stodgrupp).toMatchObject({ held: 2, called: 1, target: 6 });
  });

  it("samverkansgruppen is behind once a season's window has ended without its meeting", () => {
    expect(samverkansgruppBehind(yearRhythm(2027, [], '2027-05-31'))).toBe(false);
    const june = yearRhythm(2027, [], '2027-06-01');
    expect(june.samverkansgrupp.missingSeasons).toEqual(['var']);
    expect(samverkansgruppBehind(june)).toBe(true);
    // A meeting outside the window, recorded as the spring's meeting, is the spring's meeting.
    const late = yearRhythm(2027, [sg('2027-06-10', 'genomfort', { season: 'var' })], '2027-06-20');
    expect(late.samverkansgrupp.missingSeasons).toEqual([]);
    const november = yearRhythm(2027, [sg('2027-04-20')], '2027-11-01');
    expect(november.samverkansgrupp.missingSeasons).toEqual(['host']);
    // A past year: both windows have ended.
    expect(yearRhythm(2026, [], '2027-02-01').samverkansgrupp.missingSeasons).toEqual(['var', 'host']);
  });

  it('stödgruppen is behind when fewer meetings are held or called than the suggested months that have passed', () => {
    // Suggested: januari, mars, maj, augusti, september, november.
    expect(yearRhythm(2027, [], '2027-01-31').stodgrupp.expectedByNow).toBe(0);
    expect(yearRhythm(2027, [], '2027-02-01').stodgrupp.expectedByNow).toBe(1);
    expect(yearRhythm(2027, [], '2027-12-03').stodgrupp.expectedByNow).toBe(6);
    const onTrack = yearRhythm(2027, [st('2027-01-12'), st('2027-03-09'), st('2027-06-08', 'planerat')], '2027-06-01');
    expect(onTrack.stodgrupp.expectedByNow).toBe(3);
    expect(stodgruppBehind(onTrack)).toBe(false);
    const behind = yearRhythm(2027, [st('2027-01-12'), st('2027-03-09')], '2027-12-03');
    expect(stodgruppBehind(behind)).toBe(true);
  });

  it('"Att göra" for the chair and the samordnare: what is behind, with the counts the sentence needs', () => {
    const meetings = [st('2027-01-12'), st('2027-03-09'), st('2027-12-14', 'planerat'), sg('2027-04-20')];
    const today = '2027-12-03';
    const items = rhythmTodos(yearRhythm(2027, meetings, today));
    expect(items).toEqual([
      {
        kind: 'yearRhythm',
        page: 'moten',
        group: 'samverkansgrupp',
        year: 2027,
        held: 1,
        called: 0,
        target: 2,
        missingSeasons: ['host'],
      },
      {
        kind: 'yearRhythm',
        page: 'moten',
        group: 'stodgrupp',
        year: 2027,
        held: 2,
        called: 1,
        target: 6,
        missingSeasons: [],
      },
    ]);
    const person = (roles: ('ordforande' | 'samordnare' | 'samverkansgrupp')[]) => ({ email: 'x@umea.se', roles });
    expect(yearRhythmTodos({ today, meetings, person: person(['ordforande']) })).toEqual(items);
    expect(yearRhythmTodos({ today, meetings, person: person(['samordnare']) })).toEqual(items);
    expect(yearRhythmTodos({ today, meetings, person: person(['samverkansgrupp']) })).toEqual([]);
    // On track: nothing.
    expect(yearRhythmTodos({ today: '2027-02-15', meetings, person: person(['samordnare']) })).toEqual([]);
  });
});

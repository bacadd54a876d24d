import { describe, expect, it } from '@jest/globals';
import { comingSeason, deriveTodos, type TodoInput } from '../../../src/domain';

const chair = { email: 'maria.bergstrom@regionvasterbotten.se', roles: ['ordforande', 'samverkansgrupp'] as const };
const coordinator = { email: 'karin.nordstrom@regionvasterbotten.se', roles: ['samordnare'] as const };
const member = { email: 'erik.lundqvist@umea.se', roles: ['samverkansgrupp'] as const };

function input(over: Partial<TodoInput> & Pick<TodoInput, 'person'>): TodoInput {
  return { today: '2026-12-03', meetings: [], protocols: [], invitations: [], ...over };
}

const draft = {
  meetingId: '7',
  meetingTitle: 'Samverkansgruppen – höstmöte 2026',
  date: '2026-10-06',
  status: 'utkast',
  secretaryEmail: 'Karin.Nordstrom@regionvasterbotten.se',
  chairEmail: 'maria.bergstrom@regionvasterbotten.se',
  adjusterEmails: ['Erik.Lundqvist@umea.se', 'anna.holm@vannas.se'],
  approvedByEmails: ['karin.nordstrom@regionvasterbotten.se', 'maria.bergstrom@regionvasterbotten.se'] as string[],
};

describe('"Att göra" derived from the data', () => {
  it('the coming season is the current one until its window has ended, then the next', () => {
    expect(comingSeason('2026-03-01')).toEqual({ season: 'var', year: 2026 });
    expect(comingSeason('2026-05-31')).toEqual({ season: 'var', year: 2026 });
    expect(comingSeason('2026-06-01')).toEqual({ season: 'host', year: 2026 });
    expect(comingSeason('2026-11-01')).toEqual({ season: 'var', year: 2027 });
  });

  it("the chair's call item is there until the season's meeting is called, and back when it is cancelled", () => {
    expect(deriveTodos(input({ person: chair }))).toEqual([
      { kind: 'callSeasonMeeting', page: 'moten', season: 'var', year: 2027 },
    ]);
    const called = { id: '1', group: 'samverkansgrupp' as const, date: '2027-04-20', status: 'planerat' };
    expect(deriveTodos(input({ person: chair, meetings: [called] }))).toEqual([]);
    expect(deriveTodos(input({ person: chair, meetings: [{ ...called, status: 'installt' }] }))).toHaveLength(1);
    // A stödgrupp meeting, an extra meeting or last spring's meeting does not call this season's.
    const others = [
      { ...called, group: 'stodgrupp' as const },
      { ...called, extraMeeting: true },
      { ...called, date: '2026-04-20' },
    ];
    expect(deriveTodos(input({ person: chair, meetings: others }))).toHaveLength(1);
    // Only the chair is asked to call it.
    expect(deriveTodos(input({ person: member }))).toEqual([]);
  });

  it('a protokoll waits for a justerare until they have approved it (e-mail compared without case)', () => {
    const waiting = deriveTodos(input({ person: member, protocols: [draft] }));
    expect(waiting).toEqual([
      {
        kind: 'approveProtocol',
        page: 'moten',
        meetingId: '7',
        meetingTitle: draft.meetingTitle,
        date: '2026-10-06',
        step: 'justerare',
      },
    ]);
    const approved = { ...draft, approvedByEmails: [...draft.approvedByEmails, 'erik.lundqvist@umea.se'] };
    expect(deriveTodos(input({ person: member, protocols: [approved] }))).toEqual([]);
    expect(deriveTodos(input({ person: member, protocols: [{ ...draft, status: 'justerat' }] }))).toEqual([]);
    // Not a signer: nothing; before the meeting: nothing yet.
    const outsider = { email: 'lena.lansstyrelsen@lansstyrelsen.se', roles: ['samverkansgrupp'] as const };
    expect(deriveTodos(input({ person: outsider, protocols: [draft] }))).toEqual([]);
    expect(deriveTodos(input({ person: member, protocols: [{ ...draft, date: '2026-12-10' }] }))).toEqual([]);
  });

  it('a protokoll waits only for the signer whose turn it is: the secretary, the chair, then the justerare', () => {
    const waitsFor = (protocol: typeof draft, person: TodoInput['person']) =>
      deriveTodos(input({ person, protocols: [protocol] })).filter((item) => item.kind === 'approveProtocol');
    const fresh = { ...draft, approvedByEmails: [] as string[] };
    expect(waitsFor(fresh, coordinator)).toHaveLength(1);
    expect(waitsFor(fresh, chair)).toEqual([]);
    expect(waitsFor(fresh, member)).toEqual([]);
    const bySecretary = { ...fresh, approvedByEmails: ['karin.nordstrom@regionvasterbotten.se'] };
    expect(waitsFor(bySecretary, coordinator)).toEqual([]);
    expect(waitsFor(bySecretary, chair)).toHaveLength(1);
    // The secretary and the chair godkänner, the justerare justerar: the item says which.
    expect(waitsFor(fresh, coordinator).map((item) => item.kind === 'approveProtocol' && item.step)).toEqual([
      'sekreterare',
    ]);
    expect(waitsFor(bySecretary, chair).map((item) => item.kind === 'approveProtocol' && item.step)).toEqual([
      'ordforande',
    ]);
    expect(waitsFor(bySecretary, member)).toEqual([]);
    expect(waitsFor(draft, chair)).toEqual([]);
    expect(waitsFor(draft, member)).toHaveLength(1);
  });

  it('a justerat protokoll not yet archived waits for the samordnare only, and is gone once filed', () => {
    const signed = { ...draft, status: 'justerat', approvedByEmails: draft.adjusterEmails, archived: false };
    expect(deriveTodos(input({ person: coordinator, protocols: [signed] }))).toEqual([
      { kind: 'archiveProtocol', page: 'moten', meetingId: '7', meetingTitle: draft.meetingTitle, date: '2026-10-06' },
    ]);
    expect(deriveTodos(input({ person: member, protocols: [signed] }))).toEqual([]);
    expect(deriveTodos(input({ person: coordinator, protocols: [{ ...signed, archived: true }] }))).toEqual([]);
    const unsigned = deriveTodos(input({ person: coordinator, protocols: [{ ...signed, status: 'utkast' }] }));
    expect(unsigned.filter((item) => item.kind === 'archiveProtocol')).toEqual([]);
  });

  it('a missing answer to a kallelse is listed, soonest first, and gone once answered', () => {
    const invitations = [
      { meetingId: '9', meetingTitle: 'Stödgruppen – mars', date: '2027-03-10', notAnsweredEmails: [member.email] },
      { meetingId: '8', meetingTitle: 'Vårmöte', date: '2027-04-20', notAnsweredEmails: [] },
      { meetingId: '5', meetingTitle: 'Stödgruppen – januari', date: '2027-01-12', notAnsweredEmails: [member.email] },
    ];
    expect(
      deriveTodos(input({ person: member, invitations })).map(
        (item) => item.kind === 'answerKallelse' && item.meetingId,
      ),
    ).toEqual(['5', '9']);
    expect(deriveTodos(input({ person: chair, invitations }))).toHaveLength(1); // only the chair's own call item
  });

  it("the samordnare's proposals and co-financing gaps, with their counts; nothing when there are none", () => {
    expect(deriveTodos(input({ person: coordinator, openProposals: 3, coFinancing: { year: 2026, gaps: 2 } }))).toEqual(
      [
        { kind: 'decideProposals', page: 'beslut', count: 3 },
        { kind: 'coFinancingGaps', page: 'budget', year: 2026, count: 2 },
      ],
    );
    expect(deriveTodos(input({ person: coordinator, openProposals: 0, coFinancing: { year: 2026, gaps: 0 } }))).toEqual(
      [],
    );
    // Someone else sees neither, whatever the data.
    expect(deriveTodos(input({ person: member, openProposals: 3, coFinancing: { year: 2026, gaps: 2 } }))).toEqual([]);
  });
});

import { describe, expect, it } from '@jest/globals';
import {
  DomainRuleError,
  bestCandidate,
  castVote,
  createPoll,
  rankCandidates,
  tally,
  type Poll,
} from '../../../src/domain';
import { messages, validationIssues, vasterbotten } from './fixtures';

const orgs = vasterbotten();

function autumnPoll(): Poll {
  return createPoll({
    id: 'poll-host-2026',
    meetingGroup: 'samverkansgrupp',
    candidates: [
      { start: '2026-10-27T09:00', end: '2026-10-27T12:00' },
      { start: '2026-10-13T07:00:00Z', end: '2026-10-13T10:00:00Z' },
      { start: '2026-10-20T09:00+02:00', end: '2026-10-20T12:00+02:00' },
    ],
    deadline: '2026-09-30',
  });
}

describe('createPoll', () => {
  it('reads local and zoned times, sorts and numbers the candidates, and stores UTC', () => {
    const poll = autumnPoll();
    expect(poll.candidates.map((c) => [c.id, c.start, c.end, c.startTime, c.label])).toEqual([
      ['k1', '2026-10-13T07:00:00Z', '2026-10-13T10:00:00Z', '09:00', 'tisdag 13 oktober 2026 kl. 09:00–12:00'],
      ['k2', '2026-10-20T07:00:00Z', '2026-10-20T10:00:00Z', '09:00', 'tisdag 20 oktober 2026 kl. 09:00–12:00'],
      // 27 October is after the change to winter time: 09:00 in Stockholm is 08:00 UTC.
      ['k3', '2026-10-27T08:00:00Z', '2026-10-27T11:00:00Z', '09:00', 'tisdag 27 oktober 2026 kl. 09:00–12:00'],
    ]);
    expect(poll.deadline).toBe('2026-09-30T21:59:59Z');
    expect(poll.votes).toEqual([]);
  });

  it('refuses fewer than two or more than eight candidates', () => {
    const one = { start: '2026-10-13T09:00', end: '2026-10-13T12:00' };
    expect(
      messages(() => createPoll({ id: 'p', meetingGroup: 'stodgrupp', candidates: [one], deadline: '2026-10-01' })),
    ).toEqual(['Ange minst 2 förslag på mötestider.']);
    expect(
      messages(() =>
        createPoll({ id: 'p', meetingGroup: 'stodgrupp', candidates: Array(9).fill(one), deadline: '2026-10-01' }),
      ),
    ).toEqual(['Ange högst 8 förslag på mötestider.']);
  });

  it('refuses candidates the meeting rules refuse', () => {
    const refuse = (start: string, end: string) => () =>
      createPoll({
        id: 'p',
        meetingGroup: 'samverkansgrupp',
        candidates: [
          { start: '2026-10-13T09:00', end: '2026-10-13T12:00' },
          { start, end },
        ],
        deadline: '2026-09-30',
      });
    expect(refuse('2026-10-24T09:00', '2026-10-24T12:00')).toThrow(
      new DomainRuleError(
        'POLL_CANDIDATE_REFUSED',
        'Lördag 24 oktober 2026 infaller under en helg. Välj en arbetsdag.',
      ),
    );
    expect(refuse('2026-11-10T09:00', '2026-11-10T12:00')).toThrow(/ska hållas under september–oktober/);
    expect(validationIssues(refuse('2026-10-20T12:00', '2026-10-20T09:00'))).toEqual([
      { path: 'candidates.1.end', message: 'Sluttiden ligger före eller på starttiden.' },
    ]);
    expect(validationIssues(refuse('2026-10-20T22:00', '2026-10-21T01:00'))).toEqual([
      { path: 'candidates.1.end', message: 'Mötet måste börja och sluta samma dag.' },
    ]);
    expect(validationIssues(refuse('2026-03-29T02:30', '2026-03-29T04:00'))).toEqual([
      { path: 'candidates.1.start', message: 'Ogiltig starttid.' },
    ]);
    expect(validationIssues(refuse('i morgon', '2026-10-20T12:00'))).toEqual([
      { path: 'candidates.1.start', message: 'Ogiltig starttid.' },
    ]);
    expect(validationIssues(refuse('2026-10-13T07:00Z', '2026-10-13T10:00Z'))).toEqual([
      { path: 'candidates.1', message: 'Samma mötestid förekommer flera gånger.' },
    ]);
  });

  it('accepts a date outside the window with a reason, and warns for a klämdag', () => {
    const poll = createPoll({
      id: 'p',
      meetingGroup: 'samverkansgrupp',
      candidates: [
        { start: '2026-05-15T09:00', end: '2026-05-15T12:00' },
        { start: '2026-06-10T09:00', end: '2026-06-10T12:00' },
      ],
      deadline: '2026-05-01T12:00:00+02:00',
      outsideWindowReason: 'Ny PBL-ändring kräver beslut före sommaren.',
    });
    expect(poll.candidates[0]?.warnings).toEqual(['Datumet är en klämdag; många kan vara lediga.']);
    expect(poll.outsideWindowReason).toBe('Ny PBL-ändring kräver beslut före sommaren.');
    expect(poll.deadline).toBe('2026-05-01T10:00:00Z');
  });

  it('refuses a deadline after a candidate and an unreadable deadline', () => {
    const input = (deadline: string) => ({
      id: 'p',
      meetingGroup: 'stodgrupp',
      candidates: [
        { start: '2026-10-13T09:00', end: '2026-10-13T12:00' },
        { start: '2026-10-20T09:00', end: '2026-10-20T12:00' },
      ],
      deadline,
    });
    expect(() => createPoll(input('2026-10-15'))).toThrow(
      'Svarstiden måste ligga före förslaget tisdag 13 oktober 2026.',
    );
    expect(messages(() => createPoll(input('snart')))).toEqual([
      'Ogiltig svarstid; ange ÅÅÅÅ-MM-DD eller ÅÅÅÅ-MM-DDTTT:MM.',
    ]);
  });
});

describe('votes', () => {
  const at = '2026-09-10T08:00:00Z';

  it('records votes, lets a person change their vote, and does not mutate the poll', () => {
    const poll = autumnPoll();
    const first = castVote(poll, 'p-umea', { k1: 'ja', k2: 'nej' }, { organisationId: 'umea', at });
    const changed = castVote(
      first,
      'p-umea',
      { k2: 'ja' },
      { organisationId: 'umea', at: '2026-09-11T08:00:00+02:00' },
    );
    expect(poll.votes).toEqual([]);
    expect(first.votes).toHaveLength(1);
    expect(changed.votes).toEqual([
      { personId: 'p-umea', organisationId: 'umea', choices: { k2: 'ja' }, castAt: '2026-09-11T06:00:00Z' },
    ]);
  });

  it('refuses votes after the deadline, unknown candidates, empty votes and unknown values', () => {
    const poll = autumnPoll();
    expect(() =>
      castVote(poll, 'p-umea', { k1: 'ja' }, { organisationId: 'umea', at: '2026-10-01T00:00:00+02:00' }),
    ).toThrow(new DomainRuleError('POLL_CLOSED', 'Svarstiden har gått ut; rösten kan inte tas emot.'));
    expect(validationIssues(() => castVote(poll, 'p-umea', { k9: 'ja' }, { organisationId: 'umea', at }))).toEqual([
      { path: 'choices.k9', message: 'Okänt förslag: k9.' },
    ]);
    expect(messages(() => castVote(poll, 'p-umea', {}, { organisationId: 'umea', at }))).toEqual([
      'Svara på minst ett förslag.',
    ]);
    expect(messages(() => castVote(poll, 'p-umea', { k1: 'kanske' as 'ja' }, { organisationId: 'umea', at }))).toEqual([
      'Okänt svar: kanske. Ange ja, om-det-behövs eller nej.',
    ]);
    expect(
      messages(() => castVote(poll, 'p-umea', { k1: 'ja' }, { organisationId: 'umea', at: '2026-09-10' })),
    ).toEqual(['Tidpunkten för rösten måste vara en tidpunkt med tidszon.']);
  });

  it('tallies per candidate and counts kommuner with a ja', () => {
    let poll = autumnPoll();
    const vote = (
      personId: string,
      organisationId: string,
      choices: Record<string, 'ja' | 'om-det-behövs' | 'nej'>,
    ) => {
      poll = castVote(poll, personId, choices, { organisationId, at });
    };
    vote('p-umea', 'umea', { k1: 'ja', k2: 'ja', k3: 'nej' });
    vote('p-umea-2', 'umea', { k1: 'ja', k2: 'om-det-behövs' });
    vote('p-mala', 'mala', { k1: 'nej', k2: 'ja', k3: 'ja' });
    vote('p-samordnare', 'region-vasterbotten', { k1: 'ja', k3: 'ja' });
    const rows = tally(poll, orgs);
    expect(rows.map((r) => [r.candidate.id, r.ja, r.omDetBehovs, r.nej, r.noAnswer, r.kommunerWithJa])).toEqual([
      ['k1', 3, 0, 1, 0, ['umea']],
      ['k2', 2, 1, 0, 1, ['mala', 'umea']],
      ['k3', 2, 0, 1, 1, ['mala']],
    ]);
    expect(rows[0]?.kommunerTotal).toBe(15);
    // k2 reaches two kommuner; k1 has more ja but only one kommun.
    expect(rankCandidates(poll, orgs).map((r) => r.candidate.id)).toEqual(['k2', 'k1', 'k3']);
    expect(bestCandidate(poll, orgs).candidate.id).toBe('k2');
  });

  it('breaks ties on ja, then on the earliest time', () => {
    let poll = autumnPoll();
    expect(bestCandidate(poll, orgs).candidate.id).toBe('k1');
    poll = castVote(poll, 'p-umea', { k2: 'ja', k3: 'ja' }, { organisationId: 'umea', at });
    expect(bestCandidate(poll, orgs).candidate.id).toBe('k2');
    poll = castVote(poll, 'p-samordnare', { k3: 'ja' }, { organisationId: 'region-vasterbotten', at });
    expect(rankCandidates(poll, orgs).map((r) => r.candidate.id)).toEqual(['k3', 'k2', 'k1']);
  });
});

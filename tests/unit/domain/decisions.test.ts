import { describe, expect, it } from '@jest/globals';
import {
  DECISION_KIND_LABELS,
  DomainRuleError,
  cancelMeeting,
  createMeeting,
  createProposal,
  decide,
  openFollowUps,
  overdueFollowUps,
  recordDecision,
  setFollowUp,
  type Decision,
} from '../../../src/domain';
import { validationIssues } from './fixtures';

const samverkan = createMeeting({
  id: 'sg-2026-host',
  group: 'samverkansgrupp',
  title: 'Höstmöte',
  date: '2026-10-26',
  startTime: '09:00',
  endTime: '15:00',
});
const stod = createMeeting({
  id: 'st-2026-09',
  group: 'stodgrupp',
  title: 'Stödgruppen',
  date: '2026-09-15',
  startTime: '13:00',
  endTime: '15:00',
});
const proposal = createProposal({
  id: 'p1',
  kind: 'budget',
  title: 'Budget 2027',
  text: 'Stödgruppen föreslår budget 2027 enligt bilaga.',
  preparedAtMeetingId: stod.id,
  date: '2026-09-15',
});

describe('proposals and decisions', () => {
  it('labels the decision kinds in Swedish', () => {
    expect(Object.values(DECISION_KIND_LABELS).map((l) => l.sv)).toEqual([
      'Budget',
      'Ekonomiska prioriteringar',
      'Verksamhetsplan',
      'Aktiviteter och kalendarium',
      'Utvärdering och uppföljning',
      'Arbetsgrupp',
      'Delegering av uppdrag',
      'Utseende av sammankallande',
      'Undantag för egna kostnader',
    ]);
  });

  it('refuses a bad proposal', () => {
    const input = { id: 'p', kind: 'fest', title: '', text: 'x', date: '2026-09-15' };
    const before = structuredClone(input);
    expect(validationIssues(() => createProposal(input))).toEqual([
      { path: 'kind', message: 'Okänd beslutstyp: fest.' },
      { path: 'title', message: 'Rubriken får inte vara tom.' },
    ]);
    expect(input).toEqual(before);
  });

  it('samverkansgruppen decides a proposal', () => {
    const decision = decide(proposal, samverkan, {
      id: 'd1',
      ownerPersonId: 'p-samordnare',
      followUpDue: '2027-03-31',
    });
    expect(decision).toEqual({
      id: 'd1',
      meetingId: 'sg-2026-host',
      proposalId: 'p1',
      kind: 'budget',
      text: 'Stödgruppen föreslår budget 2027 enligt bilaga.',
      decidedOn: '2026-10-26',
      ownerPersonId: 'p-samordnare',
      followUp: 'ej_paborjad',
      followUpDue: '2027-03-31',
    });
    expect(decide(proposal, samverkan, { id: 'd2', text: 'Budget 2027 fastställs med ändringen …' }).text).toBe(
      'Budget 2027 fastställs med ändringen …',
    );
  });

  it('stödgruppen and cancelled meetings cannot decide', () => {
    expect(() => decide(proposal, stod, { id: 'd' })).toThrow(
      new DomainRuleError(
        'ONLY_SAMVERKANSGRUPP_DECIDES',
        'Endast samverkansgruppen kan fatta beslut; stödgruppen lämnar förslag.',
      ),
    );
    expect(() => decide(proposal, cancelMeeting(samverkan), { id: 'd' })).toThrow(
      'Ett inställt möte kan inte fatta beslut.',
    );
    expect(() => recordDecision({ id: 'd', kind: 'delegering', text: 'x' }, stod)).toThrow(DomainRuleError);
  });

  it('refuses a follow-up date before the decision and bad options', () => {
    expect(() => decide(proposal, samverkan, { id: 'd', followUpDue: '2026-01-01' })).toThrow(
      'Uppföljningsdatum ligger före beslutsdatum.',
    );
    expect(validationIssues(() => decide(proposal, samverkan, { id: '', text: ' ' }))).toEqual([
      { path: 'id', message: 'Id får inte vara tomt.' },
      { path: 'text', message: 'Beslutstexten får inte vara tom.' },
    ]);
  });

  it('records a decision without a proposal', () => {
    const d = recordDecision(
      {
        id: 'd3',
        kind: 'arbetsgrupp',
        text: 'Arbetsgrupp för tillsyn tillsätts.',
        ownerPersonId: 'p-umea',
        followUpDue: '2026-12-01',
      },
      samverkan,
    );
    expect(d).toMatchObject({
      meetingId: samverkan.id,
      kind: 'arbetsgrupp',
      followUp: 'ej_paborjad',
      ownerPersonId: 'p-umea',
    });
    expect(d.proposalId).toBeUndefined();
    expect(validationIssues(() => recordDecision({ id: 'd', kind: 'arbetsgrupp' }, samverkan))).toEqual([
      { path: 'text', message: 'Beslutstext saknas.' },
    ]);
  });
});

describe('follow-up', () => {
  const base = (id: string, followUpDue?: string, decidedOn = '2026-04-20'): Decision => ({
    id,
    meetingId: 'm',
    kind: 'utvardering',
    text: id,
    decidedOn,
    followUp: 'ej_paborjad',
    ...(followUpDue ? { followUpDue } : {}),
  });

  it('lists open follow-ups for the next agenda, earliest due first', () => {
    const decisions = [
      base('none-late', undefined, '2026-05-01'),
      base('none-early', undefined, '2026-04-01'),
      setFollowUp(base('done', '2026-05-01'), 'klar'),
      setFollowUp(base('running', '2026-09-01'), 'pagar'),
      base('soon', '2026-06-01'),
    ];
    expect(openFollowUps(decisions).map((d) => d.id)).toEqual(['soon', 'running', 'none-early', 'none-late']);
    expect(overdueFollowUps(decisions, '2026-07-01').map((d) => d.id)).toEqual(['soon']);
  });

  it('changes status without mutating and refuses unknown statuses', () => {
    const d = base('x');
    expect(setFollowUp(d, 'pagar').followUp).toBe('pagar');
    expect(d.followUp).toBe('ej_paborjad');
    expect(validationIssues(() => setFollowUp(d, 'typ klar' as 'klar'))).toEqual([
      { path: '', message: 'Okänd uppföljningsstatus: typ klar.' },
    ]);
  });
});

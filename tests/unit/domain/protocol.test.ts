import { describe, expect, it } from '@jest/globals';
import {
  DomainRuleError,
  approveProtocol,
  approvalTurn,
  buildAgenda,
  cancelMeeting,
  createMeeting,
  createProposal,
  decide,
  draftProtocol,
  isLocked,
  protocolSections,
  recordDecision,
  reviseProtocol,
  signerStep,
  type DraftProtocolInput,
  type Person,
} from '../../../src/domain';
import { fullContactList, validationIssues, vasterbotten } from './fixtures';

const orgs = vasterbotten();
const people: Person[] = fullContactList(orgs);

const meeting = createMeeting({
  id: 'm-host',
  group: 'samverkansgrupp',
  title: 'Höstmöte 2026',
  date: '2026-10-26',
  startTime: '09:00',
  endTime: '12:00',
  location: 'Regionens hus, Umeå',
});
const budget = createProposal({
  id: 'p-budget',
  kind: 'budget',
  title: 'Budget 2027',
  text: 'Budget 2027 fastställs.',
  date: '2026-09-15',
});
const plan = createProposal({
  id: 'p-vp',
  kind: 'verksamhetsplan',
  title: 'Verksamhetsplan 2027',
  text: 'Verksamhetsplan 2027 fastställs.',
  date: '2026-05-20',
});
const agenda = buildAgenda({ meeting, openProposals: [budget, plan] });
const direct = recordDecision({ id: 'd-ag', kind: 'arbetsgrupp', text: 'Arbetsgrupp för tillsyn tillsätts.' }, meeting);
const onBudget = decide(budget, meeting, { id: 'd-budget', ownerPersonId: 'p-samordnare', followUpDue: '2027-03-31' });
const onPlan = decide(plan, meeting, { id: 'd-vp' });

const present = (...ids: string[]) => ids.map((personId) => ({ personId, present: true }));

function input(overrides: Partial<DraftProtocolInput> = {}): DraftProtocolInput {
  return {
    id: 'prot-host-2026',
    meeting,
    attendance: [
      ...present('p-umea', 'p-samordnare', 'p-skelleftea', 'p-lycksele', 'p-vannas', 'p-lst'),
      { personId: 'p-mala', present: false },
    ],
    decisions: [direct, onBudget, onPlan],
    agenda,
    secretaryId: 'p-samordnare',
    chairId: 'p-umea',
    adjusters: ['p-skelleftea', 'p-lycksele'],
    ...overrides,
  };
}

describe('draftProtocol', () => {
  it('drafts an unapproved protocol', () => {
    const protocol = draftProtocol(input());
    expect(protocol).toMatchObject({ status: 'utkast', approvals: [], adjusters: ['p-skelleftea', 'p-lycksele'] });
    expect(protocol.lockedAt).toBeUndefined();
    expect(isLocked(protocol)).toBe(false);
  });

  it('refuses justerare who are the same, absent, the secretary or the chair', () => {
    expect(validationIssues(() => draftProtocol(input({ adjusters: ['p-skelleftea', 'p-skelleftea'] })))).toEqual([
      { path: 'adjusters', message: 'Justerarna måste vara två olika personer.' },
    ]);
    expect(validationIssues(() => draftProtocol(input({ adjusters: ['p-skelleftea', 'p-mala'] })))).toEqual([
      { path: 'adjusters.1', message: 'Justeraren måste vara närvarande vid mötet.' },
    ]);
    expect(validationIssues(() => draftProtocol(input({ adjusters: ['p-samordnare', 'p-umea'] })))).toEqual([
      { path: 'adjusters.0', message: 'Sekreteraren kan inte vara justerare.' },
      {
        path: 'adjusters.1',
        message: 'Mötesordföranden kan inte vara justerare; justerarna granskar protokollet jämte ordföranden.',
      },
    ]);
    expect(validationIssues(() => draftProtocol(input({ adjusters: ['p-skelleftea'] })))).toEqual([
      { path: 'adjusters', message: 'Protokollet ska justeras av exakt två justerare.' },
    ]);
  });

  it('refuses an absent secretary or chair, duplicate attendance and foreign decisions or agenda', () => {
    expect(
      validationIssues(() =>
        draftProtocol(
          input({
            attendance: [
              ...present('p-skelleftea', 'p-lycksele', 'p-lycksele'),
              { personId: 'p-umea', present: false },
            ],
          }),
        ),
      ),
    ).toEqual([
      { path: 'attendance.2.personId', message: 'En person står flera gånger i närvaron.' },
      { path: 'secretaryId', message: 'Sekreteraren måste vara närvarande vid mötet.' },
      { path: 'chairId', message: 'Mötesordföranden måste vara närvarande vid mötet.' },
    ]);
    const other = { ...onPlan, id: 'd-annat', meetingId: 'm-var' };
    expect(
      validationIssues(() =>
        draftProtocol(input({ decisions: [onPlan, onPlan, other], agenda: { ...agenda, meetingId: 'm-var' } })),
      ),
    ).toEqual([
      { path: 'decisions.2', message: `Beslutet ”${other.text.slice(0, 60)}” fattades inte vid det här mötet.` },
      { path: 'decisions', message: 'Samma beslut förekommer flera gånger.' },
      { path: 'agenda', message: 'Dagordningen hör till ett annat möte.' },
    ]);
    expect(() => draftProtocol(input({ meeting: cancelMeeting(meeting) }))).toThrow(
      new DomainRuleError('MEETING_CANCELLED', 'Mötet är inställt; det finns inget protokoll att föra.'),
    );
  });
});

/** The secretary and the chair approve, in that order, before the justerare. */
function signedBySecretaryAndChair(protocol = draftProtocol(input())) {
  const bySecretary = approveProtocol(protocol, 'p-samordnare', '2026-10-26T13:00:00Z');
  return approveProtocol(bySecretary, 'p-umea', '2026-10-26T14:00:00Z');
}

describe('justering', () => {
  it('is approved in order: the secretary, the chair, then both justerare; the fourth approval locks it', () => {
    const draft = draftProtocol(input());
    expect(approvalTurn(draft)).toEqual({ step: 'sekreterare', waitingFor: ['p-samordnare'] });
    const bySecretary = approveProtocol(draft, 'p-samordnare', '2026-10-26T14:00:00+01:00');
    expect(bySecretary).toMatchObject({
      status: 'utkast',
      approvals: [{ personId: 'p-samordnare', at: '2026-10-26T13:00:00Z' }],
    });
    expect(draft.approvals).toEqual([]);
    expect(approvalTurn(bySecretary)).toEqual({ step: 'ordforande', waitingFor: ['p-umea'] });
    const byChair = approveProtocol(bySecretary, 'p-umea', '2026-10-26T15:00:00Z');
    expect(approvalTurn(byChair)).toEqual({ step: 'justerare', waitingFor: ['p-skelleftea', 'p-lycksele'] });
    // The justerare in either order: the second named first.
    const once = approveProtocol(byChair, 'p-lycksele', '2026-10-27T10:00:00Z');
    expect(once.status).toBe('utkast');
    expect(approvalTurn(once)).toEqual({ step: 'justerare', waitingFor: ['p-skelleftea'] });
    const all = approveProtocol(once, 'p-skelleftea', '2026-10-28T08:30:00Z');
    expect(all).toMatchObject({ status: 'justerat', lockedAt: '2026-10-28T08:30:00Z' });
    expect(all.approvals.map((a) => a.personId)).toEqual(['p-samordnare', 'p-umea', 'p-lycksele', 'p-skelleftea']);
    expect(isLocked(all)).toBe(true);
    expect(approvalTurn(all)).toEqual({ step: 'klart', waitingFor: [] });
  });

  it('refuses an approval out of turn with the step that comes first', () => {
    const draft = draftProtocol(input());
    expect(() => approveProtocol(draft, 'p-umea', '2026-10-27T10:00:00Z')).toThrow(
      new DomainRuleError('NOT_YOUR_TURN', 'Sekreteraren godkänner protokollet först.'),
    );
    expect(() => approveProtocol(draft, 'p-skelleftea', '2026-10-27T10:00:00Z')).toThrow(
      new DomainRuleError(
        'NOT_YOUR_TURN',
        'Sekreteraren och ordföranden godkänner protokollet innan justerarna justerar.',
      ),
    );
    const bySecretary = approveProtocol(draft, 'p-samordnare', '2026-10-27T10:00:00Z');
    expect(() => approveProtocol(bySecretary, 'p-lycksele', '2026-10-27T11:00:00Z')).toThrow(
      new DomainRuleError('NOT_YOUR_TURN', 'Ordföranden godkänner protokollet innan justerarna justerar.'),
    );
    expect(approvalTurn(bySecretary).step).toBe('ordforande');
  });

  it('answers a repeat approval with the protokoll as it is, even after the lock (#15)', () => {
    const bySecretary = approveProtocol(draftProtocol(input()), 'p-samordnare', '2026-10-27T10:00:00Z');
    const again = approveProtocol(bySecretary, 'p-samordnare', '2026-10-27T10:05:00Z');
    expect(again).toBe(bySecretary);
    expect(again.approvals).toEqual([{ personId: 'p-samordnare', at: '2026-10-27T10:00:00Z' }]);
    const locked = approveProtocol(
      approveProtocol(signedBySecretaryAndChair(), 'p-skelleftea', '2026-10-27T10:00:00Z'),
      'p-lycksele',
      '2026-10-27T11:00:00Z',
    );
    expect(approveProtocol(locked, 'p-lycksele', '2026-10-27T12:00:00Z')).toBe(locked);
    expect(approveProtocol(locked, 'p-samordnare', '2026-10-27T12:00:00Z')).toBe(locked);
  });

  it('refuses anyone but the four signers and an approval before the meeting', () => {
    const draft = draftProtocol(input());
    expect(() => approveProtocol(draft, 'p-vannas', '2026-10-27T10:00:00Z')).toThrow(
      new DomainRuleError(
        'NOT_A_SIGNER',
        'Endast sekreteraren, mötesordföranden och de två justerarna godkänner protokollet.',
      ),
    );
    expect(() => approveProtocol(draft, 'p-samordnare', '2026-10-25T10:00:00Z')).toThrow(
      new DomainRuleError('APPROVAL_BEFORE_MEETING', 'Protokollet kan inte justeras innan mötet har hållits.'),
    );
    expect(validationIssues(() => approveProtocol(draft, 'p-samordnare', '2026-10-27'))).toEqual([
      { path: '', message: 'Tidpunkten måste vara en tidpunkt med tidszon.' },
    ]);
  });

  it('withdraws approvals when a draft is revised, and refuses any edit once justerat', () => {
    const once = approveProtocol(signedBySecretaryAndChair(), 'p-skelleftea', '2026-10-27T10:00:00Z');
    const revised = reviseProtocol(once, { decisions: [onBudget, onPlan] });
    expect(revised.approvals).toEqual([]);
    expect(approvalTurn(revised).step).toBe('sekreterare');
    expect(revised.decisions.map((d) => d.id)).toEqual(['d-budget', 'd-vp']);
    const swapped = reviseProtocol(once, { adjusters: ['p-vannas', 'p-lycksele'] });
    expect(swapped.adjusters).toEqual(['p-vannas', 'p-lycksele']);
    expect(() => reviseProtocol(once, { adjusters: ['p-mala', 'p-lycksele'] })).toThrow(
      'adjusters.0: Justeraren måste vara närvarande vid mötet.',
    );

    const locked = approveProtocol(once, 'p-lycksele', '2026-10-27T11:00:00Z');
    const lockedError = new DomainRuleError('PROTOCOL_LOCKED', 'Protokollet är justerat och kan inte ändras.');
    expect(() => reviseProtocol(locked, { decisions: [] })).toThrow(lockedError);
    expect(() => approveProtocol(locked, 'p-vannas', '2026-10-27T12:00:00Z')).toThrow(lockedError);
  });

  it("names each signer's part", () => {
    const draft = draftProtocol(input());
    expect(signerStep(draft, 'p-samordnare')).toBe('sekreterare');
    expect(signerStep(draft, 'p-umea')).toBe('ordforande');
    expect(signerStep(draft, 'p-lycksele')).toBe('justerare');
    expect(signerStep(draft, 'p-vannas')).toBeUndefined();
  });
});

describe('protocolSections', () => {
  it('gives the PDF everything in print order', () => {
    let protocol = draftProtocol({
      ...input(),
      attendance: [...input().attendance, { personId: 'p-okand', present: true }],
    });
    protocol = approveProtocol(signedBySecretaryAndChair(protocol), 'p-lycksele', '2026-10-27T10:00:00Z');
    const sections = protocolSections(protocol, people, orgs);
    expect(sections.title).toBe('Protokoll – Samverkansgruppen måndag 26 oktober 2026');
    expect(sections.status).toBe('Utkast, ej justerat');
    expect(sections.kallelse).toEqual([
      { label: 'Grupp', value: 'Samverkansgruppen' },
      { label: 'Möte', value: 'Höstmöte 2026' },
      { label: 'Tid', value: 'måndag 26 oktober 2026 kl. 09:00–12:00' },
      { label: 'Plats', value: 'Regionens hus, Umeå' },
      { label: 'Kallade av', value: 'Ordförande' },
      { label: 'Ordförande', value: 'Representant Umeå' },
      { label: 'Sekreterare', value: 'Sara Samordnare' },
    ]);
    expect(sections.dagordning.slice(0, 2)).toEqual(['1. Mötets öppnande', '2. Val av två justerare']);
    expect(sections.narvaro).toEqual([
      { organisationId: 'lycksele', organisation: 'Lycksele', present: ['Representant Lycksele'], absent: [] },
      { organisationId: 'mala', organisation: 'Malå', present: [], absent: ['Representant Malå'] },
      { organisationId: 'skelleftea', organisation: 'Skellefteå', present: ['Representant Skellefteå'], absent: [] },
      { organisationId: 'umea', organisation: 'Umeå', present: ['Representant Umeå'], absent: [] },
      { organisationId: 'vannas', organisation: 'Vännäs', present: ['Representant Vännäs'], absent: [] },
      {
        organisationId: 'region-vasterbotten',
        organisation: 'Region Västerbotten',
        present: ['Sara Samordnare'],
        absent: [],
      },
      {
        organisationId: 'lansstyrelsen-vasterbotten',
        organisation: 'Länsstyrelsen Västerbotten',
        present: ['Lena Länsstyrelsen'],
        absent: [],
      },
      { organisation: 'Okänd organisation', present: ['Okänd person'], absent: [] },
    ]);
    // Agenda order: the plan (proposed in May) precedes the budget; the direct decision comes last.
    expect(sections.beslut).toEqual([
      { paragraph: '§1', kind: 'Verksamhetsplan', text: 'Verksamhetsplan 2027 fastställs.' },
      {
        paragraph: '§2',
        kind: 'Budget',
        text: 'Budget 2027 fastställs.',
        followUp: 'Ansvarig: Sara Samordnare. Följs upp senast 2027-03-31. Status: Ej påbörjad.',
      },
      { paragraph: '§3', kind: 'Arbetsgrupp', text: 'Arbetsgrupp för tillsyn tillsätts.' },
    ]);
    expect(sections.justering).toEqual([
      // 13:00 and 14:00 UTC are 14:00 and 15:00 in Stockholm.
      { role: 'Sekreterare', name: 'Sara Samordnare', approved: 'måndag 26 oktober 2026 kl. 14:00' },
      { role: 'Ordförande', name: 'Representant Umeå', approved: 'måndag 26 oktober 2026 kl. 15:00' },
      { role: 'Justerare', name: 'Representant Skellefteå', signed: 'Ej justerat' },
      {
        role: 'Justerare',
        name: 'Representant Lycksele',
        signed: 'Justerat 2026-10-27',
        // 10:00 UTC is 11:00 in Stockholm (CET in late October).
        approved: 'tisdag 27 oktober 2026 kl. 11:00',
      },
    ]);
    const locked = approveProtocol(protocol, 'p-skelleftea', '2026-10-28T23:30:00Z');
    expect(protocolSections(locked, people, orgs).status).toBe('Justerat 2026-10-29');
  });
});

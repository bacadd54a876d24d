import { describe, expect, it } from '@jest/globals';
import {
  DomainRuleError,
  approveProtocol,
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

describe('justering', () => {
  it('locks the protocol when both justerare have approved', () => {
    const draft = draftProtocol(input());
    const once = approveProtocol(draft, 'p-skelleftea', '2026-10-27T10:00:00+01:00');
    expect(once).toMatchObject({
      status: 'utkast',
      approvals: [{ personId: 'p-skelleftea', at: '2026-10-27T09:00:00Z' }],
    });
    expect(draft.approvals).toEqual([]);
    const both = approveProtocol(once, 'p-lycksele', '2026-10-28T08:30:00Z');
    expect(both).toMatchObject({ status: 'justerat', lockedAt: '2026-10-28T08:30:00Z' });
    expect(isLocked(both)).toBe(true);
  });

  it('refuses anyone but an appointed justerare, a second approval, an approval before the meeting', () => {
    const draft = draftProtocol(input());
    expect(() => approveProtocol(draft, 'p-umea', '2026-10-27T10:00:00Z')).toThrow(
      new DomainRuleError('NOT_AN_ADJUSTER', 'Endast en utsedd justerare kan justera protokollet.'),
    );
    const once = approveProtocol(draft, 'p-skelleftea', '2026-10-27T10:00:00Z');
    expect(() => approveProtocol(once, 'p-skelleftea', '2026-10-27T11:00:00Z')).toThrow(
      new DomainRuleError('ALREADY_APPROVED', 'Du har redan justerat protokollet.'),
    );
    expect(() => approveProtocol(draft, 'p-lycksele', '2026-10-25T10:00:00Z')).toThrow(
      new DomainRuleError('APPROVAL_BEFORE_MEETING', 'Protokollet kan inte justeras innan mötet har hållits.'),
    );
    expect(validationIssues(() => approveProtocol(draft, 'p-lycksele', '2026-10-27'))).toEqual([
      { path: '', message: 'Tidpunkten måste vara en tidpunkt med tidszon.' },
    ]);
  });

  it('withdraws approvals when a draft is revised, and refuses any edit once justerat', () => {
    const once = approveProtocol(draftProtocol(input()), 'p-skelleftea', '2026-10-27T10:00:00Z');
    const revised = reviseProtocol(once, { decisions: [onBudget, onPlan] });
    expect(revised.approvals).toEqual([]);
    expect(revised.decisions.map((d) => d.id)).toEqual(['d-budget', 'd-vp']);
    const swapped = reviseProtocol(once, { adjusters: ['p-vannas', 'p-lycksele'] });
    expect(swapped.adjusters).toEqual(['p-vannas', 'p-lycksele']);
    expect(() => reviseProtocol(once, { adjusters: ['p-mala', 'p-lycksele'] })).toThrow(
      'adjusters.0: Justeraren måste vara närvarande vid mötet.',
    );

    const locked = approveProtocol(once, 'p-lycksele', '2026-10-27T11:00:00Z');
    const lockedError = new DomainRuleError('PROTOCOL_LOCKED', 'Protokollet är justerat och kan inte ändras.');
    expect(() => reviseProtocol(locked, { decisions: [] })).toThrow(lockedError);
    expect(() => approveProtocol(locked, 'p-lycksele', '2026-10-27T12:00:00Z')).toThrow(lockedError);
  });
});

describe('protocolSections', () => {
  it('gives the PDF everything in print order', () => {
    let protocol = draftProtocol({
      ...input(),
      attendance: [...input().attendance, { personId: 'p-okand', present: true }],
    });
    protocol = approveProtocol(protocol, 'p-lycksele', '2026-10-27T10:00:00Z');
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
      { role: 'Sekreterare', name: 'Sara Samordnare' },
      { role: 'Ordförande', name: 'Representant Umeå' },
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

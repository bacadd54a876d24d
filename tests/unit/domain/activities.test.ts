import { describe, expect, it } from '@jest/globals';
import {
  ACTIVITY_STATUS_LABELS,
  DomainRuleError,
  SAMVERKANSOMRADEN,
  TARGET_GROUP_LABELS,
  canTransition,
  createActivity,
  isSamverkansomrade,
  kalendarium,
  samverkansomradeLabel,
  transitionActivity,
  type Activity,
  type ActivityStatus,
} from '../../../src/domain';
import { validationIssues, vasterbotten } from './fixtures';

const orgs = vasterbotten();
const input = {
  id: 'a1',
  title: 'Utbildning i energikrav',
  area: 'kompetensutveckling',
  targetGroups: ['kommuner', 'naringsliv', 'kommuner'],
  startDate: '2026-04-27',
  endDate: '2026-04-28',
  responsibleOrganisationId: 'umea',
  budgetedCostOre: 4500000,
  participantFeeOre: 150000,
};

function ruleError(fn: () => unknown): DomainRuleError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainRuleError) return error;
    throw error;
  }
  throw new Error('expected a DomainRuleError');
}

describe('samverkansområden', () => {
  it('has the five areas of the agreement with Swedish labels', () => {
    expect(SAMVERKANSOMRADEN.map((a) => samverkansomradeLabel(a))).toEqual([
      'Kompetensutveckling',
      'Erfarenhetsutbyte',
      'Tillsynsprojekt',
      'Omvärldsbevakning',
      'Information och informationsinsatser',
    ]);
    expect(samverkansomradeLabel('information', 'en')).toBe('Information and information campaigns');
    expect(isSamverkansomrade('tillsynsprojekt')).toBe(true);
    expect(isSamverkansomrade('fika')).toBe(false);
    expect(TARGET_GROUP_LABELS.naringsliv.sv).toBe('Näringsliv');
  });
});

describe('createActivity', () => {
  it('creates a proposal with deduplicated target groups', () => {
    const before = structuredClone(input);
    const activity = createActivity(input, orgs);
    expect(activity).toEqual({ ...input, targetGroups: ['kommuner', 'naringsliv'], status: 'forslag' });
    expect(input).toEqual(before);
  });

  it.each([
    [{ endDate: '2026-04-26' }, 'endDate', 'Slutdatum ligger före startdatum.'],
    [{ area: 'fika' }, 'area', 'Okänt samverkansområde: fika.'],
    [{ responsibleOrganisationId: 'pitea' }, 'responsibleOrganisationId', 'Okänd organisation: pitea.'],
    [{ budgetedCostOre: -1 }, 'budgetedCostOre', 'Beloppet får inte vara negativt.'],
    [{ participantFeeOre: 10.5 }, 'participantFeeOre', 'Beloppet måste vara ett heltal i öre.'],
    [{ budgetedCostOre: '100' }, 'budgetedCostOre', 'Beloppet måste vara ett heltal i öre.'],
    [{ title: '' }, 'title', 'Titeln får inte vara tom.'],
    [{ targetGroups: [] }, 'targetGroups', 'Ange minst en målgrupp.'],
    [{ targetGroups: ['turister'] }, 'targetGroups.0', 'Okänd målgrupp: turister.'],
    [{ startDate: '2026-02-29' }, 'startDate', 'Ogiltigt datum; ange ÅÅÅÅ-MM-DD.'],
    [{ status: 'beslutad' }, 'decisionId', 'En beslutad aktivitet måste hänvisa till ett beslut.'],
    [{ status: 'utvarderad', decisionId: 'd1' }, 'evaluation', 'En utvärderad aktivitet måste ha en utvärdering.'],
    [{ status: 'klar' }, 'status', 'Okänd status: klar.'],
  ])('refuses %j', (patch, path, message) => {
    const bad = { ...input, ...patch };
    const before = structuredClone(bad);
    expect(validationIssues(() => createActivity(bad, orgs))).toContainEqual({ path, message });
    expect(bad).toEqual(before);
  });
});

describe('activity lifecycle', () => {
  const proposal = createActivity(input, orgs);
  const evaluation = { date: '2026-05-15', summary: 'Bra utbildning, 40 deltagare.', participantCount: 40 };

  it('runs förslag → beslutad → genomförd → utvärderad without mutating', () => {
    const decided = transitionActivity(proposal, 'beslutad', { decisionId: 'd-2026-1' });
    expect(decided).toMatchObject({ status: 'beslutad', decisionId: 'd-2026-1' });
    expect(proposal.status).toBe('forslag');
    const done = transitionActivity(decided, 'genomford');
    const evaluated = transitionActivity(done, 'utvarderad', { evaluation });
    expect(evaluated).toMatchObject({ status: 'utvarderad', evaluation });
    expect(done.status).toBe('genomford');
  });

  it('uses an existing decisionId', () => {
    expect(transitionActivity({ ...proposal, decisionId: 'd9' }, 'beslutad').decisionId).toBe('d9');
  });

  it.each<[ActivityStatus, ActivityStatus, string, string]>([
    [
      'forslag',
      'utvarderad',
      'ACTIVITY_TRANSITION_NOT_ALLOWED',
      'En aktivitet kan inte utvärderas innan den är genomförd.',
    ],
    [
      'beslutad',
      'utvarderad',
      'ACTIVITY_TRANSITION_NOT_ALLOWED',
      'En aktivitet kan inte utvärderas innan den är genomförd.',
    ],
    [
      'forslag',
      'genomford',
      'ACTIVITY_TRANSITION_NOT_ALLOWED',
      'En aktivitet kan inte genomföras innan den är beslutad.',
    ],
    [
      'genomford',
      'struken',
      'ACTIVITY_TRANSITION_NOT_ALLOWED',
      'En genomförd aktivitet kan inte strykas; den ska utvärderas.',
    ],
    [
      'genomford',
      'forslag',
      'ACTIVITY_TRANSITION_NOT_ALLOWED',
      'Statusen kan inte ändras från genomförd till förslag.',
    ],
    ['struken', 'beslutad', 'ACTIVITY_FINAL', 'Aktiviteten är struken och kan inte ändra status.'],
    ['utvarderad', 'struken', 'ACTIVITY_FINAL', 'Aktiviteten är utvärderad och kan inte ändra status.'],
    ['beslutad', 'beslutad', 'ACTIVITY_ALREADY_IN_STATUS', 'Aktiviteten har redan status beslutad.'],
  ])('%s → %s is refused', (from, to, code, message) => {
    const activity: Activity = { ...proposal, status: from, decisionId: 'd1', evaluation };
    const error = ruleError(() => transitionActivity(activity, to, { decisionId: 'd1', evaluation }));
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });

  it('requires a decision for beslutad and an evaluation for utvärderad', () => {
    expect(ruleError(() => transitionActivity(proposal, 'beslutad')).message).toBe(
      'En aktivitet kan bara bli beslutad genom ett beslut i samverkansgruppen.',
    );
    const done: Activity = { ...proposal, status: 'genomford', decisionId: 'd1' };
    expect(ruleError(() => transitionActivity(done, 'utvarderad')).code).toBe('ACTIVITY_EVALUATION_REQUIRED');
    expect(
      ruleError(() => transitionActivity(done, 'utvarderad', { evaluation: { ...evaluation, date: '2026-01-01' } }))
        .code,
    ).toBe('ACTIVITY_EVALUATION_TOO_EARLY');
    expect(
      validationIssues(() => transitionActivity(done, 'utvarderad', { evaluation: { ...evaluation, summary: ' ' } })),
    ).toEqual([{ path: 'summary', message: 'Utvärderingen får inte vara tom.' }]);
    expect(validationIssues(() => transitionActivity(done, 'okand' as ActivityStatus))).toEqual([
      { path: '', message: 'Okänd status: okand.' },
    ]);
  });

  it('strikes proposals and decided activities', () => {
    expect(transitionActivity(proposal, 'struken').status).toBe('struken');
    expect(canTransition('beslutad', 'struken')).toBe(true);
    expect(canTransition('utvarderad', 'struken')).toBe(false);
    expect(ACTIVITY_STATUS_LABELS.genomford.sv).toBe('Genomförd');
  });
});

describe('kalendarium', () => {
  const make = (id: string, title: string, startDate: string, status: ActivityStatus = 'forslag'): Activity => ({
    ...createActivity({ ...input, id, title, startDate, endDate: startDate }, orgs),
    status,
  });
  const activities = [
    make('a', 'Seminarium klimatanpassning', '2026-10-06'),
    make('b', 'Utbildning i energikrav', '2026-04-27'),
    make('c', 'Brandsäkerhet', '2026-04-29'),
    make('d', 'Struken kampanj', '2026-04-28', 'struken'),
    make('e', 'Nyårsträff', '2026-12-31'),
    make('f', 'Förra året', '2025-11-01'),
    make('g', 'Arbetsmöte', '2026-04-27'),
  ];

  it('groups by Swedish month and ISO week', () => {
    const k = kalendarium(activities, 2026);
    expect(k.months).toHaveLength(12);
    expect(k.months[3]).toMatchObject({ month: 4, label: 'april' });
    expect(k.months[3]?.activities.map((a) => a.id)).toEqual(['g', 'b', 'c']);
    expect(k.months[9]?.activities.map((a) => a.title)).toEqual(['Seminarium klimatanpassning']);
    expect(k.months[6]?.activities).toEqual([]);
    expect(k.weeks.map((w) => [w.label, w.activities.map((a) => a.id)])).toEqual([
      ['v. 18', ['g', 'b', 'c']],
      ['v. 41', ['a']],
      ['v. 53', ['e']],
    ]);
  });
});

import { describe, expect, it } from '@jest/globals';
import {
  DomainRuleError,
  createActivity,
  createOperatingPlan,
  decidePlan,
  linkActivity,
  planCoverage,
  unlinkActivity,
  type Activity,
  type Decision,
} from '../../../src/domain';
import { validationIssues, vasterbotten } from './fixtures';

const orgs = vasterbotten();

const plan = createOperatingPlan({
  year: 2027,
  priorities: [' Klimatanpassning ', 'Tillsyn av ovårdade tomter'],
  goals: [
    { id: 'g1', text: 'Alla kommuner har gått utbildningen i klimatanpassning', activityIds: ['a1', 'a1'] },
    { id: 'g2', text: 'Ett gemensamt tillsynsprojekt genomförs' },
    { id: 'g3', text: 'Näringslivet känner till energikraven', activityIds: ['a-struken', 'a-saknas'] },
  ],
});

const activity = (id: string, startDate: string, status: Activity['status'] = 'forslag'): Activity =>
  createActivity(
    {
      id,
      title: `Aktivitet ${id}`,
      area: 'kompetensutveckling',
      targetGroups: ['kommuner'],
      startDate,
      endDate: startDate,
      responsibleOrganisationId: 'umea',
      status,
      ...(status === 'forslag' || status === 'struken' ? {} : { decisionId: 'd-akt' }),
    },
    orgs,
  );

describe('createOperatingPlan', () => {
  it('defaults to förslag, trims and de-duplicates', () => {
    expect(plan).toEqual({
      year: 2027,
      status: 'forslag',
      priorities: ['Klimatanpassning', 'Tillsyn av ovårdade tomter'],
      goals: [
        { id: 'g1', text: 'Alla kommuner har gått utbildningen i klimatanpassning', activityIds: ['a1'] },
        { id: 'g2', text: 'Ett gemensamt tillsynsprojekt genomförs', activityIds: [] },
        { id: 'g3', text: 'Näringslivet känner till energikraven', activityIds: ['a-struken', 'a-saknas'] },
      ],
    });
  });

  it('refuses duplicate goal ids, a decided plan without a decision, empty texts and bad years', () => {
    expect(
      validationIssues(() =>
        createOperatingPlan({
          year: 2027,
          status: 'beslutad',
          priorities: [''],
          goals: [
            { id: 'g1', text: 'A' },
            { id: 'g1', text: ' ' },
          ],
        }),
      ),
    ).toEqual([
      { path: 'priorities.0', message: 'En prioritering får inte vara tom.' },
      { path: 'goals.1.text', message: 'Målet får inte vara tomt.' },
      { path: 'goals.1.id', message: 'Mål-id förekommer flera gånger: g1.' },
      { path: 'decisionId', message: 'En beslutad verksamhetsplan måste hänvisa till ett beslut.' },
    ]);
    expect(createOperatingPlan({ year: 2027, status: 'beslutad', decisionId: 'd-vp' }).decisionId).toBe('d-vp');
    expect(validationIssues(() => createOperatingPlan({ year: 27 }))).toEqual([
      { path: 'year', message: 'Året måste vara mellan 1900 och 2199.' },
    ]);
  });
});

describe('decidePlan', () => {
  const decision: Decision = {
    id: 'd-vp-2027',
    meetingId: 'm-host-2026',
    kind: 'verksamhetsplan',
    text: 'Verksamhetsplan 2027 fastställs.',
    decidedOn: '2026-10-26',
    followUp: 'ej_paborjad',
  };

  it('decides a förslag by id or by decision, without mutating it', () => {
    expect(decidePlan(plan, 'd-vp-2027')).toMatchObject({ status: 'beslutad', decisionId: 'd-vp-2027' });
    expect(decidePlan(plan, decision).decisionId).toBe('d-vp-2027');
    expect(plan.status).toBe('forslag');
  });

  it('refuses deciding twice and a decision about something else', () => {
    expect(() => decidePlan(decidePlan(plan, 'd1'), 'd2')).toThrow(
      new DomainRuleError('PLAN_ALREADY_DECIDED', 'Verksamhetsplanen för 2027 är redan beslutad.'),
    );
    expect(() => decidePlan(plan, { ...decision, kind: 'budget' })).toThrow(
      new DomainRuleError('WRONG_DECISION_KIND', 'Beslutet gäller inte verksamhetsplanen.'),
    );
    expect(validationIssues(() => decidePlan(plan, ' '))).toEqual([{ path: '', message: 'Id får inte vara tomt.' }]);
  });
});

describe('linking activities and coverage', () => {
  it('links once, unlinks, and refuses unknown goals', () => {
    const linked = linkActivity(plan, 'g2', 'a2');
    expect(linked.goals[1]?.activityIds).toEqual(['a2']);
    expect(linkActivity(linked, 'g2', 'a2').goals[1]?.activityIds).toEqual(['a2']);
    expect(plan.goals[1]?.activityIds).toEqual([]);
    expect(unlinkActivity(linked, 'g2', 'a2').goals[1]?.activityIds).toEqual([]);
    const unknownGoal = new DomainRuleError('GOAL_NOT_FOUND', 'Verksamhetsplanen har inget mål med id g9.');
    expect(() => linkActivity(plan, 'g9', 'a2')).toThrow(unknownGoal);
    expect(() => unlinkActivity(plan, 'g9', 'a2')).toThrow(unknownGoal);
  });

  it('flags goals without activities and lists activities outside the plan', () => {
    const activities = [
      activity('a1', '2027-03-10', 'beslutad'),
      activity('a-struken', '2027-04-10', 'struken'),
      activity('a-utanfor', '2027-05-10'),
      activity('a-2026', '2026-11-10'),
    ];
    const coverage = planCoverage(plan, activities);
    expect(
      coverage.goals.map((g) => [g.goalId, g.covered, g.activities.map((a) => a.id), g.unknownActivityIds]),
    ).toEqual([
      ['g1', true, ['a1'], []],
      ['g2', false, [], []],
      ['g3', false, [], ['a-saknas']],
    ]);
    expect(coverage.goalsWithoutActivities.map((g) => g.message)).toEqual([
      'Målet ”Ett gemensamt tillsynsprojekt genomförs” saknar aktiviteter.',
      'Målet ”Näringslivet känner till energikraven” saknar aktiviteter som genomförs (de kopplade är strukna eller okända).',
    ]);
    expect(coverage.activitiesOutsidePlan.map((a) => a.id)).toEqual(['a-utanfor']);
    expect(coverage).toMatchObject({ year: 2027, coveredGoals: 1, totalGoals: 3 });
  });
});

import { describe, expect, it } from '@jest/globals';
import {
  DomainRuleError,
  SEED_TOPIC_TAGS,
  assertCanReport,
  checkActivityTags,
  checkTagName,
  funderReport,
  isHeld,
  participantCountsSchema,
  reportingStatus,
  type FunderActivity,
  type TopicTag,
} from '../../../src/domain';

const tags: TopicTag[] = [
  { id: '1', name: 'Energikrav' },
  { id: '2', name: 'Brandsäkerhet', retiredOn: '2026-06-30' },
  { id: '3', name: 'Jämställdhet' },
];
const counts = (kvinnor: number, man: number, annat: number, byOrganisation: Record<string, number>) => ({
  byOrganisation,
  byGender: { kvinnor, man, annat },
  reportedOn: '2026-05-01',
});
const activity = (over: Partial<FunderActivity> = {}): FunderActivity => ({
  startDate: '2026-04-22',
  endDate: '2026-04-22',
  area: 'kompetensutveckling',
  targetGroups: ['kommuner'],
  status: 'genomford',
  tagIds: ['1'],
  ...over,
});
const may = new Date('2026-05-01T10:00:00Z');

describe('participant counts', () => {
  it('accepts counts whose totals agree (12 from Umeå and Skellefteå, 7 women, 4 men, 1 other)', () => {
    const parsed = participantCountsSchema.parse({
      byOrganisation: { umea: 8, skelleftea: 4 },
      byGender: { kvinnor: 7, man: 4, annat: 1 },
    });
    expect(parsed.byGender.kvinnor).toBe(7);
  });

  it('refuses totals that disagree, with both sums in Swedish', () => {
    const result = participantCountsSchema.safeParse({
      byOrganisation: { umea: 8, skelleftea: 4 },
      byGender: { kvinnor: 7, man: 4, annat: 0 },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(
      'Summan per kön (11) måste vara lika med summan per organisation (12).',
    );
  });

  it('refuses negative and fractional counts', () => {
    const negative = participantCountsSchema.safeParse({
      byOrganisation: { umea: -1 },
      byGender: { kvinnor: 0, man: 0, annat: 0 },
    });
    const fraction = participantCountsSchema.safeParse({
      byOrganisation: { umea: 1.5 },
      byGender: { kvinnor: 1.5, man: 0, annat: 0 },
    });
    expect(negative.error?.issues.map((i) => i.message)).toContain('Antalet deltagare får inte vara negativt.');
    expect(fraction.error?.issues.map((i) => i.message)).toContain('Antalet deltagare måste vara ett heltal.');
  });

  it('lets counts in from the activity’s last day, not before, and never for a proposal', () => {
    const held = activity({ status: 'beslutad', endDate: '2026-05-01' });
    expect(isHeld(held, may)).toBe(true);
    expect(isHeld({ ...held, endDate: '2026-05-02' }, may)).toBe(false);
    expect(() => assertCanReport({ ...held, endDate: '2026-05-02' }, may)).toThrow(DomainRuleError);
    expect(() => assertCanReport({ ...held, status: 'forslag' }, may)).toThrow(
      'Deltagare kan bara rapporteras för en beslutad aktivitet som har genomförts.',
    );
  });

  it('takes the day in Europe/Stockholm: 23.30 UTC on New Year’s Eve is already 1 January', () => {
    const newYear = activity({ status: 'beslutad', startDate: '2027-01-01', endDate: '2027-01-01' });
    expect(isHeld(newYear, new Date('2026-12-31T23:30:00Z'))).toBe(true);
    expect(isHeld(newYear, new Date('2026-12-31T22:30:00Z'))).toBe(false);
  });
});

describe('reporting status', () => {
  it('is "ej rapporterad" for a held activity without counts, "ej genomförd" before it is held', () => {
    expect(reportingStatus(activity(), may)).toBe('ej_rapporterad');
    expect(reportingStatus(activity({ startDate: '2026-09-15', endDate: '2026-09-15', status: 'beslutad' }), may)).toBe(
      'ej_genomford',
    );
    expect(reportingStatus(activity({ participants: counts(1, 1, 0, { umea: 2 }) }), may)).toBe('rapporterad');
  });
});

describe('the yearly report', () => {
  const activities = [
    activity({
      participants: counts(7, 4, 1, { umea: 8, skelleftea: 4 }),
      tagIds: ['1', '3'],
      targetGroups: ['kommuner', 'naringsliv'],
    }),
    activity({
      startDate: '2026-03-10',
      endDate: '2026-03-10',
      tagIds: ['2'],
      participants: counts(2, 3, 0, { lycksele: 5 }),
    }),
    activity({ startDate: '2026-04-01', endDate: '2026-04-01', area: 'information', tagIds: [] }),
    activity({ status: 'struken', participants: undefined }),
    activity({ status: 'forslag' }),
    activity({ startDate: '2025-12-31', endDate: '2026-01-01', participants: counts(1, 0, 0, { umea: 1 }) }),
  ];
  const report = funderReport(activities, tags, 2026, may);

  it('totals the decided and held activities of the year with the gender split', () => {
    expect(report.total).toMatchObject({
      activities: 3,
      reported: 2,
      notReported: 1,
      participants: 17,
      kvinnor: 9,
      man: 7,
      annat: 1,
    });
  });

  it('counts an activity in each of its målgrupper and tags', () => {
    expect(report.byTargetGroup.find((r) => r.key === 'naringsliv')).toMatchObject({ activities: 1, participants: 12 });
    expect(report.byTargetGroup.find((r) => r.key === 'kommuner')).toMatchObject({ activities: 3, participants: 17 });
    expect(report.byTag.find((r) => r.key === '3')).toMatchObject({ label: 'Jämställdhet', activities: 1, kvinnor: 7 });
    expect(report.byArea.find((r) => r.key === 'information')).toMatchObject({ activities: 1, notReported: 1 });
  });

  it('still counts a retired tag in the year its activities carry it, marked as retired', () => {
    expect(report.byTag.find((r) => r.key === '2')).toMatchObject({
      label: 'Brandsäkerhet',
      retired: true,
      participants: 5,
    });
    const next = funderReport(activities, tags, 2027, may);
    expect(next.byTag.map((r) => r.key)).toEqual(['1', '3']);
  });

  it('puts an activity from 31 December to 1 January in the year it starts', () => {
    expect(funderReport(activities, tags, 2025, may).total).toMatchObject({ activities: 1, participants: 1 });
  });
});

describe('tags', () => {
  it('seeds the agreement’s themes and jämställdhet and innovation, not näringsliv (a målgrupp)', () => {
    expect(SEED_TOPIC_TAGS).toEqual(
      expect.arrayContaining(['Energikrav', 'Klimatanpassning', 'Jämställdhet', 'Innovation']),
    );
    expect(SEED_TOPIC_TAGS).not.toContain('Näringsliv');
  });

  it('refuses a duplicate name regardless of case and a too short one', () => {
    expect(() => checkTagName(' energikrav ', tags)).toThrow('Taggen Energikrav finns redan.');
    expect(() => checkTagName('x', tags)).toThrow('Taggens namn ska vara 2–60 tecken.');
    expect(checkTagName('  Farligt   gods ', tags)).toBe('Farligt gods');
  });

  it('keeps a retired tag on an old activity but refuses to add it anew', () => {
    expect(checkActivityTags(['1', '2'], tags, ['2'])).toEqual(['1', '2']);
    expect(() => checkActivityTags(['2'], tags, [])).toThrow(
      'Ämnestaggen Brandsäkerhet används inte längre och kan inte väljas.',
    );
    expect(() => checkActivityTags(['9'], tags)).toThrow(DomainRuleError);
  });
});

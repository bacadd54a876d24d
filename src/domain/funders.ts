import { z } from 'zod';
import type { ActivityStatus, TargetGroup } from './activities';
import { TARGET_GROUPS, TARGET_GROUP_LABELS } from './activities';
import { SAMVERKANSOMRADEN, SAMVERKANSOMRADE_LABELS, type Samverkansomrade } from './areas';
import { DomainRuleError } from './errors';
import { stockholmDateOf } from './wallClock';

/**
 * Funders' figures (#17): topic tags on activities, participant counts after the event (per organisation and
 * by gender, counts only) and the yearly report per samverkansområde, målgrupp and tag. Pure: no I/O, no luxon.
 */

/**
 * The seed's themes ("kunskapshöjande aktiviteter om exempelvis energikrav, brandsäkerhet, …") and two of the
 * project's goals that describe what an activity is about (jämställdhet, innovation). Näringsliv is a
 * målgrupp already, so it is not a tag as well: the report's målgrupp rows answer the funders' question.
 */
export const SEED_TOPIC_TAGS = [
  'Energikrav',
  'Brandsäkerhet',
  'Miljökvalitetsnormer',
  'Tillgänglighet',
  'Farligt gods',
  'Klimatanpassning',
  'Ändring av detaljplaner',
  'Jämställdhet',
  'Innovation',
] as const;

export interface TopicTag {
  id: string;
  name: string;
  /** The day the samordnare retired it: no longer offered, still on the activities that carry it. */
  retiredOn?: string;
}

export const GENDERS = ['kvinnor', 'man', 'annat'] as const;
export type Gender = (typeof GENDERS)[number];
export const GENDER_LABELS: Record<Gender, { sv: string; en: string }> = {
  kvinnor: { sv: 'Kvinnor', en: 'Women' },
  man: { sv: 'Män', en: 'Men' },
  annat: { sv: 'Annat/vill ej ange', en: 'Other/prefer not to say' },
};

const count = z
  .number({ error: 'Antalet deltagare måste vara ett heltal.' })
  .int('Antalet deltagare måste vara ett heltal.')
  .min(0, 'Antalet deltagare får inte vara negativt.')
  .max(100_000, 'Högst 100 000 deltagare.');

const sum = (values: Record<string, number>) => Object.values(values).reduce((total, n) => total + n, 0);

/** The counts the samordnare enters: per organisation, and the same people by gender; the two totals agree. */
export const participantCountsSchema = z
  .object({
    byOrganisation: z.record(z.string().regex(/^[a-z0-9-]{1,64}$/, 'Ogiltig organisation.'), count),
    byGender: z.object({ kvinnor: count, man: count, annat: count }).strict(),
  })
  .strict()
  .superRefine((value, ctx) => {
    const organisations = sum(value.byOrganisation);
    const genders = sum(value.byGender);
    if (organisations !== genders) {
      ctx.addIssue({
        code: 'custom',
        path: ['byGender'],
        message: `Summan per kön (${genders}) måste vara lika med summan per organisation (${organisations}).`,
      });
    }
  });
export type ParticipantCounts = z.output<typeof participantCountsSchema>;

/** As stored: the counts and the day they were reported. */
export interface ParticipantReport extends ParticipantCounts {
  reportedOn: string;
}

export function participantTotal(counts: Pick<ParticipantCounts, 'byGender'>): number {
  return sum(counts.byGender);
}

/** The activity as the funders' figures see it. */
export interface FunderActivity {
  startDate: string;
  endDate: string;
  area: Samverkansomrade;
  targetGroups: readonly TargetGroup[];
  status: ActivityStatus;
  tagIds: readonly string[];
  participants?: ParticipantReport;
}

/** Decided or done: the activities the funders hear about (a proposal or a struck one did not take place). */
const COUNTED: readonly ActivityStatus[] = ['beslutad', 'genomford', 'utvarderad'];

/** Held: decided or done, and its last day has come in Stockholm (counts can be entered that evening). */
export function isHeld(activity: Pick<FunderActivity, 'status' | 'endDate'>, now: Date): boolean {
  return COUNTED.includes(activity.status) && activity.endDate <= stockholmDateOf(now);
}

export type ReportingStatus = 'rapporterad' | 'ej_rapporterad' | 'ej_genomford';
export const REPORTING_STATUS_LABELS: Record<ReportingStatus, { sv: string; en: string }> = {
  rapporterad: { sv: 'Rapporterad', en: 'Reported' },
  ej_rapporterad: { sv: 'Ej rapporterad', en: 'Not reported' },
  ej_genomford: { sv: 'Ej genomförd', en: 'Not held yet' },
};

export function reportingStatus(activity: FunderActivity, now: Date): ReportingStatus {
  if (activity.participants) return 'rapporterad';
  return isHeld(activity, now) ? 'ej_rapporterad' : 'ej_genomford';
}

/** Refuses counts for an activity that has not been held; the Swedish message says why. */
export function assertCanReport(activity: Pick<FunderActivity, 'status' | 'endDate'>, now: Date): void {
  if (!COUNTED.includes(activity.status)) {
    throw new DomainRuleError(
      'ACTIVITY_NOT_HELD',
      'Deltagare kan bara rapporteras för en beslutad aktivitet som har genomförts.',
    );
  }
  if (!isHeld(activity, now)) {
    throw new DomainRuleError(
      'ACTIVITY_NOT_HELD',
      'Deltagare kan rapporteras först när aktiviteten har ägt rum (från dess sista dag).',
    );
  }
}

export interface FunderRow {
  /** 'total', an area, a målgrupp or a tag id. */
  key: string;
  label: string;
  retired?: boolean;
  activities: number;
  reported: number;
  notReported: number;
  participants: number;
  kvinnor: number;
  man: number;
  annat: number;
}

export interface FunderReport {
  year: number;
  total: FunderRow;
  byArea: FunderRow[];
  byTargetGroup: FunderRow[];
  byTag: FunderRow[];
}

function row(key: string, label: string, activities: readonly FunderActivity[], now: Date): FunderRow {
  const result: FunderRow = {
    key,
    label,
    activities: 0,
    reported: 0,
    notReported: 0,
    participants: 0,
    kvinnor: 0,
    man: 0,
    annat: 0,
  };
  for (const activity of activities) {
    result.activities += 1;
    const status = reportingStatus(activity, now);
    if (status === 'ej_rapporterad') result.notReported += 1;
    if (!activity.participants) continue;
    result.reported += 1;
    for (const gender of GENDERS) result[gender] += activity.participants.byGender[gender];
    result.participants += participantTotal(activity.participants);
  }
  return result;
}

/**
 * The year's figures: activities starting in the year (a calendar date, so an activity from 31 December to
 * 1 January is the old year's), decided or done. An activity with two målgrupper or tags counts in each of
 * their rows, so those rows may add up to more than the total. A retired tag is still counted in the years
 * its activities carry it; a tag no activity of the year carries is shown only while it is in use.
 */
export function funderReport(
  activities: readonly FunderActivity[],
  tags: readonly TopicTag[],
  year: number,
  now: Date,
): FunderReport {
  const ofYear = activities.filter((a) => COUNTED.includes(a.status) && a.startDate.startsWith(`${year}-`));
  const byTag = tags
    .map((tag) => ({
      ...row(
        tag.id,
        tag.name,
        ofYear.filter((a) => a.tagIds.includes(tag.id)),
        now,
      ),
      ...(tag.retiredOn ? { retired: true } : {}),
    }))
    .filter((r) => r.activities > 0 || !r.retired)
    .sort((a, b) => a.label.localeCompare(b.label, 'sv'));
  return {
    year,
    total: row('total', 'Totalt', ofYear, now),
    byArea: SAMVERKANSOMRADEN.map((area) =>
      row(
        area,
        SAMVERKANSOMRADE_LABELS[area].sv,
        ofYear.filter((a) => a.area === area),
        now,
      ),
    ),
    byTargetGroup: TARGET_GROUPS.map((group) =>
      row(
        group,
        TARGET_GROUP_LABELS[group].sv,
        ofYear.filter((a) => a.targetGroups.includes(group)),
        now,
      ),
    ),
    byTag,
  };
}

/** A tag's name: trimmed, 2–60 characters, unique among the tags regardless of case. */
export function checkTagName(name: string, existing: readonly TopicTag[], exceptId?: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (trimmed.length < 2 || trimmed.length > 60) {
    throw new DomainRuleError('TAG_NAME_LENGTH', 'Taggens namn ska vara 2–60 tecken.');
  }
  const same = existing.find(
    (t) => t.id !== exceptId && t.name.toLocaleLowerCase('sv') === trimmed.toLocaleLowerCase('sv'),
  );
  if (same) throw new DomainRuleError('TAG_EXISTS', `Taggen ${same.name} finns redan.`);
  return trimmed;
}

/**
 * The tags an activity may carry after a change: known ones, and no retired tag added anew (one it already
 * carries may stay, so an old activity keeps its tags).
 */
export function checkActivityTags(
  tagIds: readonly string[],
  tags: readonly TopicTag[],
  current: readonly string[] = [],
): string[] {
  const unique = [...new Set(tagIds)];
  for (const id of unique) {
    const tag = tags.find((t) => t.id === id);
    if (!tag) throw new DomainRuleError('TAG_UNKNOWN', 'En vald ämnestagg finns inte längre. Ladda om sidan.');
    if (tag.retiredOn && !current.includes(id)) {
      throw new DomainRuleError('TAG_RETIRED', `Ämnestaggen ${tag.name} används inte längre och kan inte väljas.`);
    }
  }
  return unique;
}

import type { Activity } from './activities';
import type { BudgetKind, BudgetLine } from './budget';
import { latestVersion, type BudgetVersion } from './budgetVersions';

/**
 * "A decided activity creates or updates its budget line" (#17). Samverkansgruppen's decision of an activity
 * puts its cost on a line of category Aktiviteter and its participant fees on a line of category
 * Deltagaravgifter (income), both linked to the activity. The activity has no expected number of participants:
 * its participant fee is the total the activity expects to take in, so the income line is that amount.
 * A struck activity keeps its lines at 0 kr, marked "(struken)", so the history of the budget shows what was
 * decided and taken back. A proposal (not decided) never reaches the budget.
 */

export const STRUCK_MARK = '(struken)';

/** The activity as its lines need it. */
export type BudgetedActivity = Pick<
  Activity,
  'id' | 'title' | 'area' | 'startDate' | 'status' | 'budgetedCostOre' | 'participantFeeOre'
>;

/** A line the plan writes: without an id when it is new. */
export type PlannedLine = Omit<BudgetLine, 'id'>;

export interface ActivityBudgetChange {
  create: PlannedLine[];
  update: { id: string; line: PlannedLine }[];
}

const NAME_PREFIX: Record<BudgetKind, string> = { kostnad: 'Aktivitet', intakt: 'Deltagaravgifter' };

function lineName(activity: BudgetedActivity, kind: BudgetKind): string {
  const struck = activity.status === 'struken' ? ` ${STRUCK_MARK}` : '';
  const room = 255 - NAME_PREFIX[kind].length - 2 - struck.length;
  return `${NAME_PREFIX[kind]}: ${activity.title.slice(0, room)}${struck}`;
}

function wantedLine(activity: BudgetedActivity, kind: BudgetKind): PlannedLine {
  const amount = kind === 'kostnad' ? activity.budgetedCostOre : activity.participantFeeOre;
  return {
    year: Number(activity.startDate.slice(0, 4)),
    kind,
    category: kind === 'kostnad' ? 'aktivitet' : 'deltagaravgifter',
    area: activity.area,
    name: lineName(activity, kind),
    amountOre: activity.status === 'struken' ? 0 : amount,
    activityId: activity.id,
  };
}

function sameLine(a: PlannedLine, b: PlannedLine): boolean {
  return (
    a.year === b.year &&
    a.kind === b.kind &&
    a.category === b.category &&
    a.area === b.area &&
    a.name === b.name &&
    a.amountOre === b.amountOre &&
    a.activityId === b.activityId
  );
}

/**
 * What the budget needs so that it says what the activity is: a line per kind (cost, participant fees) that is
 * created when the decided amount is above 0 and updated when it differs. Running it again on its own result
 * changes nothing, so a repeated decision does not double a line.
 */
export function planActivityBudget(activity: BudgetedActivity, existing: readonly BudgetLine[]): ActivityBudgetChange {
  const change: ActivityBudgetChange = { create: [], update: [] };
  if (activity.status === 'forslag') return change;
  for (const kind of ['kostnad', 'intakt'] as const) {
    const wanted = wantedLine(activity, kind);
    const current = existing.find((line) => line.activityId === activity.id && line.kind === kind);
    if (current) {
      const { id, ...rest } = current;
      if (!sameLine(rest, wanted)) change.update.push({ id, line: wanted });
    } else if (wanted.amountOre > 0) {
      change.create.push(wanted);
    }
  }
  return change;
}

/** The years whose budget the change touches: those of the lines written and those they move from. */
export function changedYears(change: ActivityBudgetChange, existing: readonly BudgetLine[]): number[] {
  const years = new Set<number>();
  for (const line of change.create) years.add(line.year);
  for (const { id, line } of change.update) {
    years.add(line.year);
    const before = existing.find((l) => l.id === id);
    if (before) years.add(before.year);
  }
  return [...years].sort((a, b) => a - b);
}

/**
 * Whether the year's budget is decided (locked) so that the change must go through a revision: the decided
 * version is kept as it was, and a proposal for revision is opened, once. When a revision is already open,
 * the change goes into it.
 */
export function needsRevision(versions: readonly BudgetVersion[], year: number): boolean {
  return latestVersion(versions, year)?.status === 'beslutad';
}

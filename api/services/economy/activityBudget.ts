import {
  changedYears,
  createBudgetLine,
  needsRevision,
  planActivityBudget,
  proposeBudget,
  type BudgetedActivity,
  type Organisation,
} from '../../../src/domain';
import { eq } from '../../graph/odata';
import type { ListItemsApi, ListStores } from '../lists';
import { lineToFields, lineToRecord } from './budget';
import { isDuplicate, readVersions, yearVersion, type BudgetVersionFields } from './budgetVersions';

/** What the budget link did: the lines it wrote and the revision it opened, if it had to. */
export interface ActivityBudgetResult {
  created: number;
  updated: number;
  /** The years whose decided budget was locked: a revision (förslag) was opened for each. */
  revisionsOpened: number[];
}

/**
 * A decided activity's cost and participant fees on the budget (#17): the domain's plan
 * (src/domain/activityBudget.ts) written to the Budget list, lines linked by their ActivityId. A year whose
 * budget is decided gets a proposal for revision first (once: under a natural key, and only while the latest
 * version is decided), so the decided version stays as it was. Each line is created under the natural key of
 * its activity and kind, so a repeated decision, or one whose answer was lost, finds the line and does not
 * double it.
 */
export class ActivityBudgetLink {
  constructor(
    private readonly lists: Pick<ListStores, 'budget' | 'budgetVersions'>,
    private readonly organisations: readonly Organisation[],
  ) {}

  async sync(gateway: ListItemsApi, activity: BudgetedActivity): Promise<ActivityBudgetResult> {
    const items = await this.lists.budget.find(gateway, eq('ActivityId', activity.id));
    const existing = items.map(lineToRecord);
    const change = planActivityBudget(activity, existing);
    const result: ActivityBudgetResult = { created: 0, updated: 0, revisionsOpened: [] };
    if (change.create.length === 0 && change.update.length === 0) return result;
    // Checked before anything is written: a line the domain refuses leaves no revision behind.
    const checked = [...change.create, ...change.update.map((u) => u.line)];
    for (const line of checked) createBudgetLine({ id: 'new', ...line }, this.organisations);
    for (const year of changedYears(change, existing)) {
      if (await this.openRevision(gateway, year)) result.revisionsOpened.push(year);
    }
    for (const line of change.create) {
      await this.lists.budget.createOnce(gateway, lineToFields(line), `activityBudget:${activity.id}:${line.kind}`);
      result.created += 1;
    }
    for (const { id, line } of change.update) {
      const current = existing.find((l) => l.id === id);
      await this.lists.budget.update(gateway, id, current?.etag ?? '*', lineToFields(line));
      result.updated += 1;
    }
    return result;
  }

  /** Opens a proposal for revision of the year's decided budget; false when the lines are open already. */
  private async openRevision(gateway: ListItemsApi, year: number): Promise<boolean> {
    const versions = await readVersions(this.lists.budgetVersions, gateway, year);
    if (!needsRevision(versions, year)) return false;
    const next = proposeBudget(versions, year);
    const fields: BudgetVersionFields = {
      Title: `Budget ${year}, version ${next.version}`,
      Year: year,
      Version: next.version,
      Status: next.status,
      YearVersion: yearVersion(year, next.version),
    };
    try {
      await this.lists.budgetVersions.createOnce(gateway, fields, `budgetRevision:${year}:${next.version}`);
    } catch (error) {
      // A samordnare proposed the same revision at the same moment: the lines are open all the same.
      if (!isDuplicate(error)) throw error;
    }
    return true;
  }
}

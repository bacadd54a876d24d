import type { PlannerTask } from '@microsoft/microsoft-graph-types';
import { ASSIGNMENT_STATUSES, type AssignmentStatus } from '../../../src/domain';
import { ConflictError, GraphRequestError } from '../../graph/errors';
import type { GraphGateway } from '../../graph/gateway';
import type { ListItemWithFields } from '../../graph/lists';
import type { Versioned } from '../../graph/planner';
import { userIdOfMember } from '../../graph/teams';
import type { OperationJournal } from '../../state/store';
import type { ListStore } from '../lists';
import type { Clock, Logger } from '../ports';
import type { AssignmentFields } from './assignments';
import { dateValue, oneOfValue, textValue } from './listFields';

/** The team's plan the uppdrag go to, found by this title (made once, by the first mirror). */
export const PLANNER_PLAN_TITLE = 'Plan- och byggsamverkan – uppdrag';

/** Planner has progress, not statuses: ej påbörjat 0, pågår 50, klart 100 (an avbrutet uppdrag is no longer open). */
export const PLANNER_PERCENT: Record<AssignmentStatus, number> = {
  ej_paborjat: 0,
  pagar: 50,
  klart: 100,
  avbrutet: 100,
};

/** What the task shows: its title (from the decision and the uppdrag), and to whom it goes. */
export interface MirrorSubject {
  title: string;
  /** The owner's e-mail (the person, or the arbetsgrupp's sammankallande); assigned if they are in the team. */
  ownerEmail?: string;
}

/** Planner's titles hold 255 characters. */
export function plannerTitle(decision: { title: string; paragraph?: number }, description: string): string {
  const head = decision.paragraph ? `§ ${decision.paragraph} ${decision.title}` : decision.title;
  return `${head}: ${description}`.slice(0, 255);
}

/** The due day in Planner: a moment on that day wherever in Europe it is read. */
function dueDateTimeOf(due: string): string {
  return `${due}T10:00:00Z`;
}

function isPreconditionFailed(error: unknown): boolean {
  return error instanceof GraphRequestError && error.status === 412;
}

/**
 * Mirrors uppdrag as tasks in the team's Planner plan (#17, PLANNER_MIRROR=on, delegated as the signed-in
 * user). Exactly once: the task id is kept on the uppdrag (PlannerTaskId); before a task is made the plan is
 * searched for one with the same title and due date, so a retry after a lost answer finds it instead of making
 * another. A failure never fails the uppdrag: it is journalled (`planner:<id>`), marked on the item
 * (PlannerFailedAt, "Inte speglad i Planner") and retried by the next change or by the samordnare.
 */
export class PlannerMirror {
  private teamId?: string;
  private planId?: string;

  constructor(
    private readonly assignments: ListStore<AssignmentFields>,
    private readonly journal: OperationJournal,
    private readonly options: { teamId?: string; logger: Logger; clock: Clock },
  ) {
    this.teamId = options.teamId;
  }

  /** Brings the uppdrag's task to the uppdrag's status; answers the item as it is after (never throws). */
  async mirror(
    graph: GraphGateway,
    item: ListItemWithFields<AssignmentFields>,
    subject: MirrorSubject,
  ): Promise<ListItemWithFields<AssignmentFields>> {
    const key = `planner:${item.id}`;
    try {
      const taskId = await this.sync(graph, item, subject);
      await this.journal.recordOperation(key, 'succeeded', { taskId });
      if (textValue(item.fields.PlannerTaskId) === taskId && !textValue(item.fields.PlannerFailedAt)) return item;
      return await this.mark(graph, item, { PlannerTaskId: taskId, PlannerFailedAt: '' });
    } catch (error) {
      const status = error instanceof GraphRequestError ? error.status : undefined;
      // A plan deleted in Teams: the next mirror looks for (or makes) the plan again.
      if (status === 404) this.planId = undefined;
      this.options.logger.warn({ err: error, assignmentId: item.id }, 'Uppdraget kunde inte speglas i Planner');
      await this.journal
        .recordOperation(key, 'failed', { ...(status ? { status } : {}), at: this.options.clock.now().toISOString() })
        .catch(() => undefined);
      return this.mark(graph, item, { PlannerFailedAt: this.options.clock.now().toISOString() }).catch(() => item);
    }
  }

  /**
   * A change made as the app (a card in the bot): no Planner call (the app holds no Planner permission), the
   * uppdrag marked "Inte speglad i Planner" and journalled, mirrored by the next change in the tab or a retry.
   */
  async markBehind(
    graph: GraphGateway,
    item: ListItemWithFields<AssignmentFields>,
  ): Promise<ListItemWithFields<AssignmentFields>> {
    const at = this.options.clock.now().toISOString();
    await this.journal
      .recordOperation(`planner:${item.id}`, 'failed', { reason: 'changedAsApp', at })
      .catch(() => undefined);
    return this.mark(graph, item, { PlannerFailedAt: at }).catch(() => item);
  }

  private async mark(
    graph: GraphGateway,
    item: ListItemWithFields<AssignmentFields>,
    fields: Partial<AssignmentFields>,
  ): Promise<ListItemWithFields<AssignmentFields>> {
    try {
      return await this.assignments.update(graph, item.id, item.eTag, fields);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const latest = error.current as ListItemWithFields<AssignmentFields>;
      return this.assignments.update(graph, item.id, latest.eTag, fields);
    }
  }

  private async sync(graph: GraphGateway, item: ListItemWithFields<AssignmentFields>, subject: MirrorSubject) {
    const status = oneOfValue(ASSIGNMENT_STATUSES, item.fields.Status) ?? 'ej_paborjat';
    const percent = PLANNER_PERCENT[status];
    const known = textValue(item.fields.PlannerTaskId);
    const task = known ? await graph.getPlannerTask(known) : await this.findOrCreate(graph, item, subject, percent);
    if (task.percentComplete !== percent) await this.setPercent(graph, task, percent);
    return task.id;
  }

  /** percentComplete with If-Match on the task's ETag; a stale one (412) is read again and sent once more. */
  private async setPercent(graph: GraphGateway, task: Versioned<PlannerTask>, percent: number): Promise<void> {
    try {
      await graph.setPlannerTaskPercent(task.id, task['@odata.etag'], percent);
    } catch (error) {
      if (!isPreconditionFailed(error)) throw error;
      const latest = await graph.getPlannerTask(task.id);
      if (latest.percentComplete !== percent)
        await graph.setPlannerTaskPercent(latest.id, latest['@odata.etag'], percent);
    }
  }

  private async findOrCreate(
    graph: GraphGateway,
    item: ListItemWithFields<AssignmentFields>,
    subject: MirrorSubject,
    percent: number,
  ): Promise<Versioned<PlannerTask>> {
    const teamId = await this.team(graph);
    const planId = await this.plan(graph, teamId);
    const dueDateTime = dueDateTimeOf(dateValue(item.fields.DueDate) ?? '');
    const sameDay = (at: string | null | undefined) => (at ?? '').slice(0, 10) === dueDateTime.slice(0, 10);
    const existing = (await graph.listPlanTasks(planId)).find(
      (t) => t.title === subject.title && sameDay(t.dueDateTime),
    );
    if (existing) return existing;
    const assigneeUserId = await this.memberId(graph, teamId, subject.ownerEmail);
    return graph.createPlannerTask({
      planId,
      title: subject.title,
      dueDateTime,
      percentComplete: percent,
      ...(assigneeUserId ? { assigneeUserId } : {}),
    });
  }

  /** The owner's user id when they are in the team: Planner tasks of a group's plan go to its members. */
  private async memberId(graph: GraphGateway, teamId: string, email: string | undefined): Promise<string | undefined> {
    if (!email) return undefined;
    const wanted = email.toLowerCase();
    const members = await graph.listTeamMembers(teamId);
    const member = members.find((m) => ((m as { email?: string | null }).email ?? '').toLowerCase() === wanted);
    return member ? userIdOfMember(member) || undefined : undefined;
  }

  private async team(graph: GraphGateway): Promise<string> {
    if (this.teamId) return this.teamId;
    const teams = await graph.joinedTeams();
    if (teams.length !== 1 || !teams[0]?.id) throw new Error('Planner: the team is not known (TEAM_ID).');
    this.teamId = teams[0].id;
    return this.teamId;
  }

  /** The team's plan by its title, made once when there is none. */
  private async plan(graph: GraphGateway, teamId: string): Promise<string> {
    if (this.planId) return this.planId;
    const found = (await graph.listGroupPlans(teamId)).find((p) => p.title === PLANNER_PLAN_TITLE);
    this.planId = found?.id ?? (await graph.createGroupPlan(teamId, PLANNER_PLAN_TITLE)).id;
    return this.planId;
  }
}

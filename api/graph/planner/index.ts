import type { PlannerAssignments, PlannerPlan, PlannerTask } from '@microsoft/microsoft-graph-types';
import { segment, type GraphConnection } from '../connection';

/** A Planner resource as Graph answers it: with the ETag its PATCH needs as If-Match. */
export type Versioned<T> = T & { id: string; '@odata.etag': string };

/** What a task is created with: its plan, title, due moment, and at most one assignee (a user id). */
export interface NewPlannerTask {
  planId: string;
  title: string;
  /** ISO 8601 with offset; Planner shows the date. */
  dueDateTime: string;
  percentComplete: number;
  assigneeUserId?: string;
}

/**
 * plannerAssignments: an open type keyed by user id, each value a plannerAssignment with its `@odata.type`
 * (Graph answers 400 without it) and an orderHint (" !": place it first, Planner computes the rest).
 */
function assignmentsFor(userId: string | undefined): PlannerAssignments {
  if (!userId) return {};
  return { [userId]: { '@odata.type': '#microsoft.graph.plannerAssignment', orderHint: ' !' } } as PlannerAssignments;
}

/**
 * Planner (delegated, Tasks.ReadWrite): the plans a team's Microsoft 365 group contains and their tasks. Every
 * change of a task carries If-Match with the task's `@odata.etag`, as Planner requires.
 */
export function plannerApi(graph: GraphConnection) {
  return {
    /** The plans the group contains (a team's group has the team's id). */
    listGroupPlans(groupId: string): Promise<Versioned<PlannerPlan>[]> {
      return graph.getAll<Versioned<PlannerPlan>>(graph.api(`/groups/${segment(groupId)}/planner/plans`));
    },

    /** A plan in the group; the signed-in user must be a member of the group. Sent once (not re-sent on 5xx). */
    createGroupPlan(groupId: string, title: string): Promise<Versioned<PlannerPlan>> {
      const body: PlannerPlan = { title, container: { containerId: groupId, type: 'group' } };
      return graph.call(() => graph.throttledRetryOnly('/planner/plans').post(body) as Promise<Versioned<PlannerPlan>>);
    },

    listPlanTasks(planId: string): Promise<Versioned<PlannerTask>[]> {
      return graph.getAll<Versioned<PlannerTask>>(graph.api(`/planner/plans/${segment(planId)}/tasks`));
    },

    /** One task; sent once (a lost answer is found again by the caller, not re-sent blindly). */
    createPlannerTask(task: NewPlannerTask): Promise<Versioned<PlannerTask>> {
      const body: PlannerTask = {
        planId: task.planId,
        title: task.title,
        dueDateTime: task.dueDateTime,
        percentComplete: task.percentComplete,
        assignments: assignmentsFor(task.assigneeUserId),
      };
      return graph.call(() => graph.throttledRetryOnly('/planner/tasks').post(body) as Promise<Versioned<PlannerTask>>);
    },

    getPlannerTask(taskId: string): Promise<Versioned<PlannerTask>> {
      return graph.call(() => graph.api(`/planner/tasks/${segment(taskId)}`).get() as Promise<Versioned<PlannerTask>>);
    },

    /** Sets percentComplete with If-Match on `etag`; answers the task as it is after (Prefer: return=representation). */
    setPlannerTaskPercent(taskId: string, etag: string, percentComplete: number): Promise<Versioned<PlannerTask>> {
      const change: PlannerTask = { percentComplete };
      return graph.call(
        () =>
          graph
            .api(`/planner/tasks/${segment(taskId)}`)
            .header('If-Match', etag)
            .header('Prefer', 'return=representation')
            .patch(change) as Promise<Versioned<PlannerTask>>,
      );
    },
  };
}

export type PlannerApi = ReturnType<typeof plannerApi>;

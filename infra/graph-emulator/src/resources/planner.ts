import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import type { PlannerAssignment, PlannerPlan, PlannerTask } from '@microsoft/microsoft-graph-types';
import { z } from 'zod';
import type { EmulatorContext, ResourceModule } from '../context';
import { graphErrors } from '../errors';
import { TENANT_SCOPE } from '../model';
import { assertQueryOptions, odataContext } from '../odata';
import { principalOf, type Principal } from '../permissions';
import { param, type MountTable } from '../routing';
import { KIND, teamMembership, type StoredTeam } from './teams/model';

/**
 * Planner as Graph serves it for plans contained by a Microsoft 365 group (a team's group has the team's id):
 * plans of a group, tasks of a plan, a task read and changed with If-Match on its `@odata.etag`. Kinds:
 * plannerPlan (scope group id), plannerTask (scope plan id). Evidence in the README ("Planner").
 */
const PLAN_KIND = 'plannerPlan';
const TASK_KIND = 'plannerTask';
const GROUP_URL = /^https:\/\/graph\.microsoft\.com\/v1\.0\/groups\/([0-9a-f-]{36})$/i;
const ASSIGNMENT_TYPE = /^#?microsoft\.graph\.plannerAssignment$/;

interface Stored {
  /** The emulator's version counter, the `@odata.etag` Graph sends. */
  xVersion: number;
}
type StoredPlan = PlannerPlan & Stored & { id: string; xGroupId: string };
type StoredTask = PlannerTask & Stored & { id: string; planId: string; percentComplete: number };

function etagOf(doc: Stored): string {
  return `W/"${Buffer.from(`'${doc.xVersion}-Planner'`).toString('base64')}"`;
}

function shape<T extends Stored>(doc: T): Record<string, unknown> {
  const out: Record<string, unknown> = { '@odata.etag': etagOf(doc) };
  for (const [k, v] of Object.entries(doc)) if (!/^x[A-Z]/.test(k)) out[k] = v;
  return out;
}

function identity(principal: Principal, ctx: EmulatorContext) {
  const user = principal.kind === 'delegated' ? { id: principal.userId, displayName: null } : null;
  return { user, application: { id: principal.appId, displayName: null }, tenantId: ctx.tenantId };
}

function groupOf(ctx: EmulatorContext, groupId: string): StoredTeam {
  const team = ctx.store.get<StoredTeam>(KIND.team, TENANT_SCOPE, groupId);
  if (!team)
    throw graphErrors.notFound(
      `Resource '${groupId}' does not exist or one of its queried reference-property objects are not present.`,
    );
  return team;
}

/**
 * "The containing resource determines the authorization rules of the plan and all the tasks in it": a user
 * works with a group's plans as a member of the group (owners who are not members do not, as Planner has it).
 * An app with Tasks.ReadWrite.All reaches every plan.
 */
function assertMember(ctx: EmulatorContext, req: Request, groupId: string): Principal {
  const principal = principalOf(req);
  if (principal.kind === 'delegated' && !teamMembership(ctx, groupId, principal.userId))
    throw graphErrors.forbidden('You do not have the required permissions to access this item.');
  return principal;
}

function planOf(ctx: EmulatorContext, planId: string): StoredPlan {
  const hit = ctx.store.listAll<StoredPlan>(PLAN_KIND).find((p) => p.id === planId);
  if (!hit) throw graphErrors.notFound('The requested item is not found.');
  return hit.doc;
}

function taskOf(ctx: EmulatorContext, req: Request): StoredTask {
  const id = param(req, 'taskId');
  const hit = ctx.store.listAll<StoredTask>(TASK_KIND).find((t) => t.id === id);
  if (!hit) throw graphErrors.notFound('The requested item is not found.');
  assertMember(ctx, req, planOf(ctx, hit.doc.planId).xGroupId);
  return hit.doc;
}

/** A Planner id: 28 URL-safe characters, as Graph's look. */
function plannerId(): string {
  return Buffer.from(randomUUID().replace(/-/g, ''), 'hex').toString('base64url').slice(0, 22) + 'ZAAA' + 'Bk3b';
}

const planBody = z.object({
  title: z.string().min(1),
  container: z.object({ url: z.string().optional(), containerId: z.string().optional(), type: z.string().optional() }),
});

function containerGroup(container: z.infer<typeof planBody>['container']): string {
  if (container.url) {
    const m = GROUP_URL.exec(container.url);
    if (!m) throw graphErrors.badRequest(`The container url '${container.url}' is not a supported container.`);
    return m[1]!.toLowerCase();
  }
  if (container.containerId && container.type === 'group') return container.containerId;
  throw graphErrors.badRequest('Specify the container by its url, or by its containerId and type.');
}

function createPlan(ctx: EmulatorContext, req: Request, res: Response): void {
  const parsed = planBody.safeParse(req.body);
  if (!parsed.success) throw graphErrors.badRequest('The plan needs a title and a container.');
  const groupId = containerGroup(parsed.data.container);
  groupOf(ctx, groupId);
  // planner-post-plans: "the user who creates the plan must be a member of the group that contains the plan".
  const principal = assertMember(ctx, req, groupId);
  const id = plannerId();
  const plan: StoredPlan = {
    id,
    title: parsed.data.title,
    owner: groupId,
    createdDateTime: ctx.now().toISOString(),
    createdBy: identity(principal, ctx),
    container: { containerId: groupId, type: 'group', url: `https://graph.microsoft.com/v1.0/groups/${groupId}` },
    xGroupId: groupId,
    xVersion: 1,
  };
  ctx.store.insert(PLAN_KIND, groupId, id, plan);
  res.status(201).json({ '@odata.context': odataContext(ctx.baseUrl(), 'planner/plans/$entity'), ...shape(plan) });
}

function listGroupPlans(ctx: EmulatorContext, req: Request, res: Response): void {
  assertQueryOptions(req, []);
  const groupId = param(req, 'groupId');
  groupOf(ctx, groupId);
  assertMember(ctx, req, groupId);
  const value = ctx.store.list<StoredPlan>(PLAN_KIND, groupId).map(shape);
  res.json({ '@odata.context': odataContext(ctx.baseUrl(), 'Collection(microsoft.graph.plannerPlan)'), value });
}

function listPlanTasks(ctx: EmulatorContext, req: Request, res: Response): void {
  assertQueryOptions(req, []);
  const plan = planOf(ctx, param(req, 'planId'));
  assertMember(ctx, req, plan.xGroupId);
  const value = ctx.store.list<StoredTask>(TASK_KIND, plan.id).map(shape);
  res.json({ '@odata.context': odataContext(ctx.baseUrl(), 'Collection(microsoft.graph.plannerTask)'), value });
}

const isoDateTime = z.string().datetime({ offset: true });
const assignmentsBody = z.record(
  z.string(),
  z.union([z.null(), z.object({ '@odata.type': z.string().optional(), orderHint: z.string().optional() })]),
);
const taskBody = z.object({
  planId: z.string().min(1),
  title: z.string().min(1).max(255),
  dueDateTime: isoDateTime.nullable().optional(),
  startDateTime: isoDateTime.nullable().optional(),
  percentComplete: z.number().int().min(0).max(100).optional(),
  assignments: assignmentsBody.optional(),
});
const taskPatch = taskBody.omit({ planId: true }).partial();

/**
 * plannerAssignments: each property a user id, its value a plannerAssignment with `@odata.type` and an
 * orderHint ("properties with complex values need to declare @odata.type", else 400); null removes one.
 */
function assignmentsOf(
  ctx: EmulatorContext,
  principal: Principal,
  raw: z.infer<typeof assignmentsBody>,
  current: Record<string, PlannerAssignment> = {},
): Record<string, PlannerAssignment> {
  const next: Record<string, PlannerAssignment> = { ...current };
  for (const [userId, value] of Object.entries(raw)) {
    if (value === null) {
      delete next[userId];
      continue;
    }
    if (!value['@odata.type'] || !ASSIGNMENT_TYPE.test(value['@odata.type']))
      throw graphErrors.badRequest(
        "The plannerAssignment value needs '@odata.type': '#microsoft.graph.plannerAssignment'.",
      );
    if (!value.orderHint) throw graphErrors.badRequest('The plannerAssignment value needs an orderHint.');
    next[userId] = {
      '@odata.type': '#microsoft.graph.plannerAssignment',
      assignedDateTime: current[userId]?.assignedDateTime ?? ctx.now().toISOString(),
      orderHint: `${ctx.store.nextNumber('plannerOrderHint')}!`,
      assignedBy: identity(principal, ctx),
    } as PlannerAssignment;
  }
  return next;
}

/** The data must be consistent: "start date of task is later than due date of the task" is a 400. */
function assertDates(task: Pick<StoredTask, 'startDateTime' | 'dueDateTime'>): void {
  if (task.startDateTime && task.dueDateTime && Date.parse(task.startDateTime) > Date.parse(task.dueDateTime))
    throw graphErrors.badRequest('The start date of the task is later than its due date.');
}

function completion(ctx: EmulatorContext, principal: Principal, percent: number) {
  return percent === 100
    ? { completedDateTime: ctx.now().toISOString(), completedBy: identity(principal, ctx) }
    : { completedDateTime: null, completedBy: null };
}

function createTask(ctx: EmulatorContext, req: Request, res: Response): void {
  const parsed = taskBody.safeParse(req.body);
  if (!parsed.success) throw graphErrors.badRequest(`Invalid plannerTask: ${parsed.error.issues[0]?.message ?? ''}`);
  const body = parsed.data;
  const plan = planOf(ctx, body.planId);
  const principal = assertMember(ctx, req, plan.xGroupId);
  const percent = body.percentComplete ?? 0;
  const task: StoredTask = {
    id: plannerId(),
    planId: plan.id,
    bucketId: null,
    title: body.title,
    orderHint: `${ctx.store.nextNumber('plannerOrderHint')}!`,
    assigneePriority: '',
    percentComplete: percent,
    priority: 5,
    startDateTime: body.startDateTime ?? null,
    dueDateTime: body.dueDateTime ?? null,
    createdDateTime: ctx.now().toISOString(),
    createdBy: identity(principal, ctx),
    hasDescription: false,
    previewType: 'automatic',
    referenceCount: 0,
    checklistItemCount: 0,
    activeChecklistItemCount: 0,
    conversationThreadId: null,
    appliedCategories: {},
    assignments: assignmentsOf(ctx, principal, body.assignments ?? {}),
    ...completion(ctx, principal, percent),
    xVersion: 1,
  };
  assertDates(task);
  ctx.store.insert(TASK_KIND, plan.id, task.id, task);
  res.status(201).json({ '@odata.context': odataContext(ctx.baseUrl(), 'planner/tasks/$entity'), ...shape(task) });
}

/**
 * plannertask-update: If-Match is required (without it Planner answers 400 "The If-Match header must be
 * specified for this kind of request."); an ETag the task no longer has is 412. 204 unless the caller asks
 * `Prefer: return=representation` (200 with the task).
 */
function updateTask(ctx: EmulatorContext, req: Request, res: Response): void {
  const task = taskOf(ctx, req);
  const principal = principalOf(req);
  const ifMatch = req.header('if-match');
  if (!ifMatch) throw graphErrors.badRequest('The If-Match header must be specified for this kind of request.');
  if (ifMatch !== '*' && ifMatch !== etagOf(task))
    throw graphErrors.preconditionFailed(
      'The specified ETag value does not match the current ETag value of the resource.',
    );
  const parsed = taskPatch.safeParse(req.body);
  if (!parsed.success) throw graphErrors.badRequest(`Invalid plannerTask: ${parsed.error.issues[0]?.message ?? ''}`);
  const { assignments, percentComplete, ...rest } = parsed.data;
  const next: StoredTask = {
    ...task,
    ...rest,
    ...(assignments ? { assignments: assignmentsOf(ctx, principal, assignments, task.assignments as never) } : {}),
    ...(percentComplete !== undefined ? { percentComplete, ...completion(ctx, principal, percentComplete) } : {}),
    xVersion: task.xVersion + 1,
  };
  assertDates(next);
  ctx.store.put(TASK_KIND, task.planId, task.id, next);
  if (/return=representation/i.test(req.header('prefer') ?? '')) res.json(shape(next));
  else res.status(204).end();
}

export const PLANNER_ROUTES: MountTable = [
  {
    method: 'GET',
    path: '/groups/:groupId/planner/plans',
    operation: 'GET /groups/{group-id}/planner/plans',
    handler: listGroupPlans,
  },
  { method: 'POST', path: '/planner/plans', operation: 'POST /planner/plans', handler: createPlan },
  {
    method: 'GET',
    path: '/planner/plans/:planId/tasks',
    operation: 'GET /planner/plans/{plan-id}/tasks',
    handler: listPlanTasks,
  },
  { method: 'POST', path: '/planner/tasks', operation: 'POST /planner/tasks', handler: createTask },
  {
    method: 'GET',
    path: '/planner/tasks/:taskId',
    operation: 'GET /planner/tasks/{task-id}',
    handler: (ctx, req, res) => {
      assertQueryOptions(req, []);
      res.json({ '@odata.context': odataContext(ctx.baseUrl(), 'planner/tasks/$entity'), ...shape(taskOf(ctx, req)) });
    },
  },
  { method: 'PATCH', path: '/planner/tasks/:taskId', operation: 'PATCH /planner/tasks/{task-id}', handler: updateTask },
];

export const plannerModule: ResourceModule = { name: 'planner', routes: PLANNER_ROUTES };

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { PlannerPlan, PlannerTask, User } from '@microsoft/microsoft-graph-types';
import type { RunningTenant } from '../src/index';
import { SEED_TEAM_ID } from '../src/resources/teams/ids';
import { CHAIR, COORDINATOR, startTestTenant, userClient } from './support';

type Collection<T> = { value: T[] };
type Tagged<T> = T & { '@odata.etag': string };

/** A seeded person with no role in the samverkan: not a member of the team's group. */
const OUTSIDER = 'olof.persson@storuman.se';

describe('local tenant: Planner plans and tasks of a group (#17)', () => {
  let tenant: RunningTenant;
  let chair: Client;
  let coordinator: Client;
  let outsider: Client;
  let plan: PlannerPlan;
  let coordinatorId: string;

  beforeAll(async () => {
    tenant = await startTestTenant({
      app: { delegatedPermissions: ['User.Read', 'User.ReadBasic.All', 'Tasks.ReadWrite'] },
    });
    [chair, coordinator, outsider] = await Promise.all([
      userClient(tenant, CHAIR),
      userClient(tenant, COORDINATOR),
      userClient(tenant, OUTSIDER),
    ]);
    coordinatorId = ((await coordinator.api('/me').get()) as User).id!;
  });
  afterAll(async () => tenant.close());

  const newTask = (client: Client, body: Record<string, unknown> = {}) =>
    client.api('/planner/tasks').post({
      planId: plan.id,
      title: 'Ta fram underlag om handläggningstider',
      dueDateTime: '2027-02-01T10:00:00Z',
      assignments: { [coordinatorId]: { '@odata.type': '#microsoft.graph.plannerAssignment', orderHint: ' !' } },
      ...body,
    }) as Promise<Tagged<PlannerTask>>;

  it('creates a plan in a group for a member and lists the group’s plans; refuses one who is not a member', async () => {
    const container = { url: `https://graph.microsoft.com/v1.0/groups/${SEED_TEAM_ID}` };
    await expect(outsider.api('/planner/plans').post({ title: 'Egen plan', container })).rejects.toMatchObject({
      statusCode: 403,
    });
    plan = (await chair.api('/planner/plans').post({ title: 'Uppdrag', container })) as PlannerPlan;
    expect(plan.container).toMatchObject({ containerId: SEED_TEAM_ID, type: 'group' });
    const plans = (await coordinator.api(`/groups/${SEED_TEAM_ID}/planner/plans`).get()) as Collection<PlannerPlan>;
    expect(plans.value.map((p) => p.title)).toEqual(['Uppdrag']);
    await expect(outsider.api(`/groups/${SEED_TEAM_ID}/planner/plans`).get()).rejects.toMatchObject({
      statusCode: 403,
    });
  });

  it('creates a task with an assignment keyed by user id; refuses an assignment without its @odata.type', async () => {
    const task = await newTask(chair);
    expect(task).toMatchObject({ planId: plan.id, percentComplete: 0, dueDateTime: '2027-02-01T10:00:00Z' });
    expect((task.assignments as Record<string, unknown>)[coordinatorId]).toMatchObject({
      '@odata.type': '#microsoft.graph.plannerAssignment',
    });
    expect(task['@odata.etag']).toMatch(/^W\/"/);
    await expect(newTask(chair, { assignments: { [coordinatorId]: { orderHint: ' !' } } })).rejects.toMatchObject({
      statusCode: 400,
    });
    await expect(newTask(outsider)).rejects.toMatchObject({ statusCode: 403 });
    await expect(newTask(chair, { planId: 'saknas' })).rejects.toMatchObject({ statusCode: 404 });
    const tasks = (await chair.api(`/planner/plans/${plan.id}/tasks`).get()) as Collection<PlannerTask>;
    expect(tasks.value).toHaveLength(1);
  });

  it('changes a task only with If-Match on its current @odata.etag: none is 400, a stale one 412', async () => {
    const task = await newTask(chair, { title: 'Följ upp' });
    const path = `/planner/tasks/${task.id}`;
    await expect(chair.api(path).patch({ percentComplete: 50 })).rejects.toMatchObject({ statusCode: 400 });
    await chair.api(path).header('If-Match', task['@odata.etag']).patch({ percentComplete: 50 });
    const now = (await chair.api(path).get()) as Tagged<PlannerTask>;
    expect(now.percentComplete).toBe(50);
    expect(now['@odata.etag']).not.toBe(task['@odata.etag']);
    await expect(
      chair.api(path).header('If-Match', task['@odata.etag']).patch({ percentComplete: 100 }),
    ).rejects.toMatchObject({ statusCode: 412 });
    const done = (await coordinator
      .api(path)
      .header('If-Match', now['@odata.etag'])
      .header('Prefer', 'return=representation')
      .patch({ percentComplete: 100 })) as Tagged<PlannerTask>;
    expect(done).toMatchObject({ percentComplete: 100 });
    expect(done.completedDateTime).toEqual(expect.any(String));
    await expect(outsider.api(path).get()).rejects.toMatchObject({ statusCode: 403 });
    await expect(
      chair.api(path).header('If-Match', done['@odata.etag']).patch({ percentComplete: 101 }),
    ).rejects.toMatchObject({ statusCode: 400 });
  });

  it('refuses a token without a Tasks permission', async () => {
    const weak = await startTestTenant({ app: { delegatedPermissions: ['User.Read'] } });
    try {
      const client = await userClient(weak, CHAIR);
      await expect(client.api(`/groups/${SEED_TEAM_ID}/planner/plans`).get()).rejects.toMatchObject({
        statusCode: 403,
      });
    } finally {
      await weak.close();
    }
  });
});

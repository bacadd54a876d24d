import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { User } from '@microsoft/microsoft-graph-types';
import { CHAIR, COORDINATOR } from '../../infra/graph-emulator/tests/support';
import type { AssignmentView } from '../../src/contract';
import { PLANNER_PLAN_TITLE } from '../../api/services/economy';
import { delegationDecision } from './support/meetingJourney';
import { control, requestLogSeq, requestsSince, SEED_TEAM_ID, startStack } from './support/stack';

jest.setTimeout(180_000);

type One = { assignment: AssignmentView };
type Many = { assignments: AssignmentView[] };

async function startWith(env: Record<string, string>) {
  // A fixed day (Stockholm 2026-12-03), as the uppdrag suite.
  const stack = await startStack({ env, deps: { clock: { now: () => new Date('2026-12-03T09:00:00Z') } } });
  await stack.prepare();
  const [coordinator, chair] = await Promise.all([stack.token(COORDINATOR), stack.token(CHAIR)]);
  const decisionId = await delegationDecision(stack, coordinator, 'Samverkansgruppen delegerar uppdrag om planbesked.');
  const people = await stack.server.services.contacts.list(stack.server.services.graph.forApp());
  const chairPerson = people.find((p) => p.email === CHAIR)!;
  let n = 0;
  const delegate = async (description: string, due = '2027-02-01') => {
    const sent = await stack.call(`/api/decisions/${decisionId}/assignments`, {
      token: coordinator,
      method: 'POST',
      body: { assignments: [{ assigneeKind: 'person', assigneeId: chairPerson.id, description, due }] },
      headers: { 'idempotency-key': `delegate-${++n}` },
    });
    expect(sent.status).toBe(201);
    return ((await sent.json()) as Many).assignments[0]!;
  };
  const setStatus = async (a: AssignmentView, status: string) => {
    const sent = await stack.call(`/api/assignments/${a.id}`, {
      token: chair,
      method: 'PATCH',
      body: { status },
      headers: { 'if-match': a.etag, 'idempotency-key': `status-${a.id}-${++n}` },
    });
    expect(sent.status).toBe(200);
    return ((await sent.json()) as One).assignment;
  };
  return { stack, coordinator, chair, delegate, setStatus };
}

describe('uppdrag mirrored as Planner tasks, PLANNER_MIRROR=on (#17)', () => {
  let s: Awaited<ReturnType<typeof startWith>>;
  let chairUserId: string;
  const planner = () => s.stack.server.services.graph.forUser(s.chair);
  const tasks = async () => {
    const plans = await planner().listGroupPlans(SEED_TEAM_ID);
    const plan = plans.find((p) => p.title === PLANNER_PLAN_TITLE);
    return plan ? planner().listPlanTasks(plan.id) : [];
  };
  const retry = async (a: AssignmentView) => {
    const sent = await s.stack.call(`/api/assignments/${a.id}/planner`, {
      token: s.coordinator,
      method: 'POST',
      headers: { 'idempotency-key': `retry-${a.id}-${Date.now()}` },
    });
    expect(sent.status).toBe(200);
    return ((await sent.json()) as One).assignment;
  };

  beforeAll(async () => {
    s = await startWith({ PLANNER_MIRROR: 'on' });
    chairUserId = ((await planner().me()) as User).id!;
  });
  afterAll(async () => s.stack.close());

  it('makes the team’s plan once and one task per uppdrag: its title, due date and owner', async () => {
    const a = await s.delegate('Ta fram underlag om planbesked');
    expect(a.planner).toBe('speglad');
    const plans = await planner().listGroupPlans(SEED_TEAM_ID);
    expect(plans.filter((p) => p.title === PLANNER_PLAN_TITLE)).toHaveLength(1);
    const [task, ...more] = await tasks();
    expect(more).toEqual([]);
    expect(task!.title).toMatch(/: Ta fram underlag om planbesked$/);
    expect(task!.dueDateTime?.slice(0, 10)).toBe('2027-02-01');
    expect(Object.keys(task!.assignments ?? {})).toEqual([chairUserId]);
    expect(task!.percentComplete).toBe(0);
    // A second uppdrag goes into the same plan.
    await s.delegate('Sammanställ remissvar', '2027-03-01');
    expect((await planner().listGroupPlans(SEED_TEAM_ID)).filter((p) => p.title === PLANNER_PLAN_TITLE)).toHaveLength(
      1,
    );
    expect(await tasks()).toHaveLength(2);
  });

  it('a status change sets percentComplete: pågår 50, klart 100', async () => {
    const a = await s.delegate('Följ upp handläggningstider', '2027-04-01');
    const find = async () => (await tasks()).find((t) => t.title?.endsWith('Följ upp handläggningstider'))!;
    const going = await s.setStatus(a, 'pagar');
    expect(going.planner).toBe('speglad');
    expect((await find()).percentComplete).toBe(50);
    await s.setStatus(going, 'klart');
    expect((await find()).percentComplete).toBe(100);
  });

  it('a repeat finds the task instead of making another, also after its create’s answer was lost', async () => {
    const before = (await tasks()).length;
    const [first] = ((await (await s.stack.call('/api/assignments', { token: s.coordinator })).json()) as Many)
      .assignments;
    await retry(first!);
    await retry(first!);
    expect(await tasks()).toHaveLength(before);

    // Planner makes the task, its answer is lost: the uppdrag is saved and flagged; the retry finds that task.
    await control(s.stack.tenant, 'POST', '/faults', {
      when: 'after',
      drop: true,
      method: 'POST',
      path: '^/v1\\.0/planner/tasks$',
      count: 1,
    });
    const lost = await s.delegate('Uppdatera checklistan', '2027-05-01');
    await control(s.stack.tenant, 'DELETE', '/faults');
    expect(lost.planner).toBe('inte_speglad');
    expect(await tasks()).toHaveLength(before + 1);
    expect((await retry(lost)).planner).toBe('speglad');
    expect(await tasks()).toHaveLength(before + 1);
  });

  it('Planner failing never fails the uppdrag: saved, journalled, shown as not mirrored, mirrored by the next change', async () => {
    const before = (await tasks()).length;
    await control(s.stack.tenant, 'POST', '/faults', { status: 503, method: 'POST', path: '^/v1\\.0/planner/' });
    const a = await s.delegate('Planera höstens utbildning', '2027-06-01');
    await control(s.stack.tenant, 'DELETE', '/faults');
    expect(a.status).toBe('ej_paborjat');
    expect(a.planner).toBe('inte_speglad');
    const listed = ((await (await s.stack.call('/api/assignments', { token: s.coordinator })).json()) as Many)
      .assignments;
    expect(listed.find((x) => x.id === a.id)?.planner).toBe('inte_speglad');
    expect((await s.stack.server.services.state.getOperation(`planner:${a.id}`))?.status).toBe('failed');
    expect(await tasks()).toHaveLength(before);

    const going = await s.setStatus(a, 'pagar');
    expect(going.planner).toBe('speglad');
    const task = (await tasks()).find((t) => t.title?.endsWith('Planera höstens utbildning'));
    expect(task?.percentComplete).toBe(50);
    expect((await s.stack.server.services.state.getOperation(`planner:${a.id}`))?.status).toBe('succeeded');
  });
});

describe('a change made as the app (a card in the bot), PLANNER_MIRROR=on (#17)', () => {
  let s: Awaited<ReturnType<typeof startWith>>;

  beforeAll(async () => {
    s = await startWith({ PLANNER_MIRROR: 'on' });
  });
  afterAll(async () => s.stack.close());

  it('calls no Planner as the app: the uppdrag is saved, flagged, and mirrored by the next change in the tab', async () => {
    const a = await s.delegate('Ta fram underlag om planbesked');
    expect(a.planner).toBe('speglad');
    const app = s.stack.server.services.graph.forApp();
    const chairPerson = (await s.stack.server.services.contacts.list(app)).find((p) => p.email === CHAIR)!;
    const seq = await requestLogSeq(s.stack.tenant);
    const saved = await s.stack.server.services.assignments.update(
      app,
      a.id,
      { person: chairPerson, followsUpAll: false },
      { status: 'pagar' },
      () => a.etag,
      { asApp: true },
    );
    expect(saved.status).toBe('pagar');
    expect(saved.planner).toBe('inte_speglad');
    expect((await requestsSince(s.stack.tenant, seq)).filter((r) => /\/planner\//.test(r.path))).toEqual([]);
    const done = await s.setStatus(saved, 'klart');
    expect(done.planner).toBe('speglad');
    const tasks = await s.stack.server.services.graph.forUser(s.chair).listGroupPlans(SEED_TEAM_ID);
    const plan = tasks.find((p) => p.title === PLANNER_PLAN_TITLE)!;
    const [task] = await s.stack.server.services.graph.forUser(s.chair).listPlanTasks(plan.id);
    expect(task?.percentComplete).toBe(100);
  });
});

describe('uppdrag without the setting: no Planner call at all (#17)', () => {
  let s: Awaited<ReturnType<typeof startWith>>;

  beforeAll(async () => {
    s = await startWith({});
  });
  afterAll(async () => s.stack.close());

  it('delegates and moves an uppdrag on without one request to Planner', async () => {
    const seq = await requestLogSeq(s.stack.tenant);
    const a = await s.delegate('Ta fram underlag om planbesked');
    expect(a.planner).toBeUndefined();
    await s.setStatus(a, 'pagar');
    const log = await requestsSince(s.stack.tenant, seq);
    expect(log.length).toBeGreaterThan(0);
    expect(log.filter((r) => /\/planner\//.test(r.path))).toEqual([]);
  });
});

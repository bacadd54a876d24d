import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { COORDINATOR, MEMBER_GUEST } from '../../infra/graph-emulator/tests/support';
import type { DecisionRecord } from '../../api/services/economy';
import { startStack, type Stack } from './support/stack';

jest.setTimeout(120_000);

async function seedMeeting(
  stack: Stack,
  group: 'samverkansgrupp' | 'stodgrupp',
  date: string,
  status: 'planerat' | 'installt' = 'planerat',
): Promise<string> {
  const gateway = stack.server.services.graph.forApp();
  const { siteId, listId } = await stack.server.services.site.list(gateway, 'meetings');
  const item = await gateway.createItem(siteId, listId, {
    Title: `${group} ${date}`,
    MeetingGroup: group,
    StartDateTime: `${date}T07:00:00Z`,
    EndDateTime: `${date}T10:00:00Z`,
    Status: status,
  });
  return item.id;
}

describe('the decision register and follow-up until closed', () => {
  let stack: Stack;
  let coordinator: string;
  let member: string;
  let spring: string;
  let autumn: string;

  const call = (path: string, token: string, method = 'GET', body?: unknown, etag?: string) =>
    stack.call(path, { token, method, body, ...(etag ? { headers: { 'if-match': etag } } : {}) });

  beforeAll(async () => {
    stack = await startStack();
    await stack.prepare();
    [coordinator, member] = await Promise.all([stack.token(COORDINATOR), stack.token(MEMBER_GUEST)]);
    spring = await seedMeeting(stack, 'samverkansgrupp', '2026-04-22');
    autumn = await seedMeeting(stack, 'samverkansgrupp', '2026-09-30');
  });
  afterAll(async () => stack.close());

  it('records decisions only by the coordinator, at a samverkansgrupp meeting that was held', async () => {
    const body = {
      meetingId: spring,
      kind: 'budget',
      text: 'Budgeten för 2027 fastställs.',
      followUpDue: '2026-09-30',
    };
    expect((await call('/api/decisions', member, 'POST', body)).status).toBe(403);
    const cancelled = await seedMeeting(stack, 'samverkansgrupp', '2026-05-20', 'installt');
    const atCancelled = await call('/api/decisions', coordinator, 'POST', { ...body, meetingId: cancelled });
    expect(atCancelled.status).toBe(422);
    const tooEarly = await call('/api/decisions', coordinator, 'POST', { ...body, followUpDue: '2026-01-01' });
    expect(tooEarly.status).toBe(422);
    const unknownMeeting = await call('/api/decisions', coordinator, 'POST', { ...body, meetingId: '999' });
    expect(unknownMeeting.status).toBe(422);
    const created = await call('/api/decisions', coordinator, 'POST', body);
    expect(created.status).toBe(201);
    const { decision } = (await created.json()) as { decision: DecisionRecord };
    expect(decision).toMatchObject({
      kind: 'budget',
      decidedOn: '2026-04-22',
      followUp: 'ej_paborjad',
      meetingId: spring,
    });
    const other = await call('/api/decisions', coordinator, 'POST', {
      meetingId: autumn,
      kind: 'arbetsgrupp',
      text: 'En arbetsgrupp för klimatanpassning tillsätts.',
    });
    expect(other.status).toBe(201);
  });

  it('filters the register by meeting, kind and follow-up status', async () => {
    const ids = async (query: string) =>
      ((await (await call(`/api/decisions?${query}`, member)).json()) as { decisions: DecisionRecord[] }).decisions.map(
        (d) => d.kind,
      );
    expect(await ids(`meetingId=${spring}`)).toEqual(['budget']);
    expect(await ids('kind=arbetsgrupp')).toEqual(['arbetsgrupp']);
    expect((await ids('followUp=open')).sort()).toEqual(['arbetsgrupp', 'budget']);
    expect(await ids('followUp=klar')).toEqual([]);
    expect((await call('/api/decisions?kind=nej', member)).status).toBe(400);
  });

  it('keeps a follow-up open, due date first, until it is closed; a stale ETag is a conflict', async () => {
    const open = async () =>
      ((await (await call('/api/decisions/open-follow-ups', member)).json()) as { decisions: DecisionRecord[] })
        .decisions;
    const before = await open();
    expect(before.map((d) => d.kind)).toEqual(['budget', 'arbetsgrupp']);
    const budget = before[0]!;

    expect(
      (await call(`/api/decisions/${budget.id}/follow-up`, member, 'PATCH', { followUp: 'klar' }, budget.etag)).status,
    ).toBe(403);
    const started = await call(
      `/api/decisions/${budget.id}/follow-up`,
      coordinator,
      'PATCH',
      { followUp: 'pagar', note: 'Kommunerna har fått underlaget.' },
      budget.etag,
    );
    expect(started.status).toBe(200);
    const stale = await call(
      `/api/decisions/${budget.id}/follow-up`,
      coordinator,
      'PATCH',
      { followUp: 'klar' },
      budget.etag,
    );
    expect(stale.status).toBe(409);
    const conflict = (await stale.json()) as { error: { current: DecisionRecord } };
    expect(conflict.error.current).toMatchObject({
      followUp: 'pagar',
      followUpNote: 'Kommunerna har fått underlaget.',
    });
    expect((await open()).map((d) => d.kind)).toEqual(['budget', 'arbetsgrupp']);

    const closed = await call(
      `/api/decisions/${budget.id}/follow-up`,
      coordinator,
      'PATCH',
      { followUp: 'klar' },
      conflict.error.current.etag,
    );
    expect(closed.status).toBe(200);
    expect((await open()).map((d) => d.kind)).toEqual(['arbetsgrupp']);
  });

  it('offers openFollowUps to the meetings feature as a service call', async () => {
    const gateway = stack.server.services.graph.forApp();
    const open = await stack.server.services.economy.decisions.openFollowUps(gateway);
    expect(open.map((d) => d.kind)).toEqual(['arbetsgrupp']);
  });
});

import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { CHAIR, COORDINATOR } from '../../infra/graph-emulator/tests/support';
import type { ActivityRecord, DecisionRecord } from '../../api/services/economy';
import { toIsoDate } from '../../src/domain';
import { peopleIds } from './workingGroupsSupport';
import { startStack, type Stack } from './support/stack';

jest.setTimeout(120_000);

interface ErrorBody {
  error: { code: string; message: string; issues?: { path: string; message: string }[] };
}

/** A meeting in Möten as the meetings feature writes it; `start` an instant. */
async function seedMeeting(stack: Stack, start: Date, status = 'planerat'): Promise<string> {
  const gateway = stack.server.services.graph.forApp();
  const { siteId, listId } = await stack.server.services.site.list(gateway, 'meetings');
  const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const item = await gateway.createItem(siteId, listId, {
    Title: `Samverkansgruppen ${iso(start)}`,
    MeetingGroup: 'samverkansgrupp',
    StartDateTime: iso(start),
    EndDateTime: iso(new Date(start.getTime() + 3 * 3600_000)),
    Status: status,
  });
  return item.id;
}

describe('true decisions (#17): held meetings, per capsulam, § numbering, kinds', () => {
  let stack: Stack;
  let coordinator: string;
  let future: string;
  let held: string;
  const today = toIsoDate(new Date());

  const call = (path: string, method = 'GET', body?: unknown, etag?: string) =>
    stack.call(path, { token: coordinator, method, body, ...(etag ? { headers: { 'if-match': etag } } : {}) });
  const register = async (query = '') =>
    ((await (await call(`/api/decisions${query}`)).json()) as { decisions: DecisionRecord[] }).decisions;

  beforeAll(async () => {
    stack = await startStack();
    await stack.prepare();
    coordinator = await stack.token(COORDINATOR);
    future = await seedMeeting(stack, new Date('2030-04-24T07:00:00Z'));
    held = await seedMeeting(stack, new Date(Date.now() - 60_000));
  });
  afterAll(async () => stack.close());

  it('refuses a decision at a meeting still planned for 2030, in Swedish, and writes nothing', async () => {
    const body = { meetingId: future, kind: 'budget', text: 'Budgeten för 2031 fastställs.' };
    const refused = await call('/api/decisions', 'POST', body);
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as ErrorBody).error.message).toBe(
      'Mötet onsdag 24 april 2030 har inte hållits ännu. Ett beslut kan bara föras in för ett möte som har ' +
        'börjat, eller som ett beslut per capsulam.',
    );
    // The meetings feature's route goes through the same rule.
    const viaMeeting = await call(`/api/meetings/${future}/decisions`, 'POST', { kind: 'budget', text: 'X' });
    expect(viaMeeting.status).toBe(422);
    expect(((await viaMeeting.json()) as ErrorBody).error.message).toMatch(/har inte hållits ännu/);
    expect(await register(`?meetingId=${future}`)).toEqual([]);
  });

  it('numbers the decisions of the year § 1, § 2, … and gives them the meeting’s date', async () => {
    const first = await call('/api/decisions', 'POST', { meetingId: held, kind: 'budget', text: 'Budget.' });
    expect(first.status).toBe(201);
    const second = await call('/api/decisions', 'POST', {
      meetingId: held,
      kind: 'ekonomiska_prioriteringar',
      text: 'Prioriteringar.',
    });
    const a = ((await first.json()) as { decision: DecisionRecord }).decision;
    const b = ((await second.json()) as { decision: DecisionRecord }).decision;
    expect([a.paragraph, b.paragraph]).toEqual([1, 2]);
    expect(a.decidedOn).toBe(today);
    // A decision at a meeting gets that meeting's date, never one of its own.
    const dated = await call('/api/decisions', 'POST', {
      meetingId: held,
      kind: 'budget',
      text: 'Bakåtdaterat.',
      decidedOn: '2026-01-01',
    });
    expect(dated.status).toBe(400);
  });

  it('records a decision per capsulam with its own date, numbered in its year, never in the future', async () => {
    const missing = await call('/api/decisions', 'POST', { meetingId: 'per-capsulam', kind: 'budget', text: 'B.' });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(await missing.json())).toContain('Ange datum för beslutet per capsulam.');
    const ahead = await call('/api/decisions', 'POST', {
      meetingId: 'per-capsulam',
      kind: 'budget',
      text: 'B.',
      decidedOn: `${Number(today.slice(0, 4)) + 1}-01-15`,
    });
    expect(ahead.status).toBe(422);
    const earlier = await call('/api/decisions', 'POST', {
      meetingId: 'per-capsulam',
      kind: 'utvardering',
      text: 'Utvärderingen av 2025 godkänns.',
      decidedOn: '2025-11-20',
    });
    expect(earlier.status).toBe(201);
    expect(((await earlier.json()) as { decision: DecisionRecord }).decision).toMatchObject({
      meetingId: 'per-capsulam',
      decidedOn: '2025-11-20',
      paragraph: 1,
    });
  });

  it('refuses to decide an activity with a reused decision of another kind', async () => {
    const proposed = await call('/api/activities', 'POST', {
      title: 'Energikrav i nybyggnad',
      area: 'kompetensutveckling',
      targetGroups: ['kommuner'],
      startDate: '2027-03-10',
      endDate: '2027-03-10',
      responsibleOrganisationId: 'umea',
      budgetedCostOre: 10_000_00,
    });
    expect(proposed.status).toBe(201);
    const activity = ((await proposed.json()) as { activity: ActivityRecord }).activity;
    const budget = (await register('?kind=budget'))[0]!;
    const wrong = await call(
      `/api/activities/${activity.id}/decision`,
      'POST',
      { decisionId: budget.id },
      activity.etag,
    );
    expect(wrong.status).toBe(422);
    expect(((await wrong.json()) as ErrorBody).error.message).toBe(
      `Beslut ${budget.id} är av typen ”Budget”; för att besluta en aktivitet krävs ett beslut av typen ` +
        '”Aktiviteter och kalendarium”.',
    );
    const kalendarium = await call('/api/decisions', 'POST', {
      meetingId: held,
      kind: 'aktiviteter_kalendarium',
      text: 'Kalendariet för 2027 fastställs.',
    });
    const decision = ((await kalendarium.json()) as { decision: DecisionRecord }).decision;
    const right = await call(
      `/api/activities/${activity.id}/decision`,
      'POST',
      { decisionId: decision.id },
      activity.etag,
    );
    expect(right.status).toBe(200);
    expect(((await right.json()) as { activity: ActivityRecord }).activity).toMatchObject({
      status: 'beslutad',
      decisionId: decision.id,
    });
  });

  it('refuses to appoint an arbetsgrupp on a decision that is not of kind arbetsgrupp, before any Graph write', async () => {
    const ids = await peopleIds(stack, coordinator);
    const budget = (await register('?kind=budget'))[0]!;
    const refused = await call('/api/working-groups', 'POST', {
      name: 'Strandskydd',
      syfte: 'Samordna strandskyddsdispenser.',
      uppdrag: 'Ta fram en gemensam checklista.',
      memberIds: [ids.get(CHAIR)!],
      convenerId: ids.get(CHAIR)!,
      period: { start: '2027-01-01', end: '2027-06-30' },
      membershipType: 'standard',
      decisionId: budget.id,
    });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as ErrorBody).error.message).toMatch(
      /för att tillsätta en arbetsgrupp krävs ett beslut av typen ”Arbetsgrupp”/,
    );
    const groups = (await (await call('/api/working-groups')).json()) as { groups: { name: string }[] };
    expect(groups.groups.map((g) => g.name)).not.toContain('Strandskydd');
  });
});

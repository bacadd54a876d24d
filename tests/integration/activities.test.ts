import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { COORDINATOR, MEMBER_GUEST } from '../../infra/graph-emulator/tests/support';
import type { ActivityRecord, DecisionRecord, OpenProposal, OperatingPlanRecord } from '../../api/services/economy';
import { toIsoDate } from '../../src/domain';
import { startStack, type Stack } from './support/stack';

jest.setTimeout(120_000);

const STODGRUPP = 'anna.sjoberg@skelleftea.se';

interface ErrorBody {
  error: { code: string; message: string; current?: { title?: string; etag?: string } };
}

/** A meeting in Möten as the meetings feature writes it (only what deciding needs); `date` or a start instant. */
async function seedMeeting(stack: Stack, group: 'samverkansgrupp' | 'stodgrupp', date: string): Promise<string> {
  const gateway = stack.server.services.graph.forApp();
  const { siteId, listId } = await stack.server.services.site.list(gateway, 'meetings');
  const start = date.includes('T') ? new Date(date) : new Date(`${date}T07:00:00Z`);
  const item = await gateway.createItem(siteId, listId, {
    Title: `${group} ${date}`,
    MeetingGroup: group,
    StartDateTime: start.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    EndDateTime: new Date(start.getTime() + 3 * 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    Status: 'planerat',
  });
  return item.id;
}

const proposal = {
  title: 'Brandskydd i detaljplan',
  area: 'kompetensutveckling',
  targetGroups: ['kommuner', 'naringsliv'],
  startDate: '2026-10-06',
  endDate: '2026-10-06',
  responsibleOrganisationId: 'skelleftea',
  budgetedCostOre: 25_000_00,
  description: 'Halvdagsseminarium med Räddningstjänsten.',
};

describe('activities: proposed by stödgruppen, decided, evaluated; the verksamhetsplan', () => {
  let stack: Stack;
  let coordinator: string;
  let member: string;
  let stodgrupp: string;
  let samverkansMeeting: string;
  /** Held in April, before anything in this suite was proposed. */
  let aprilMeeting: string;
  let stodMeeting: string;
  const today = toIsoDate(new Date());
  let activity: ActivityRecord;

  const call = async (path: string, token: string, method: string, body?: unknown, etag?: string) =>
    stack.call(path, { token, method, body, ...(etag ? { headers: { 'if-match': etag } } : {}) });

  beforeAll(async () => {
    stack = await startStack();
    await stack.prepare();
    [coordinator, member, stodgrupp] = await Promise.all([
      stack.token(COORDINATOR),
      stack.token(MEMBER_GUEST),
      stack.token(STODGRUPP),
    ]);
    // Under way since a moment ago: a decision on what is proposed below can be taken at it.
    samverkansMeeting = await seedMeeting(stack, 'samverkansgrupp', new Date(Date.now() - 5_000).toISOString());
    aprilMeeting = await seedMeeting(stack, 'samverkansgrupp', '2026-04-22');
    stodMeeting = await seedMeeting(stack, 'stodgrupp', '2026-03-10');
  });
  afterAll(async () => stack.close());

  it('lets a stödgrupp member propose, and refuses a samverkansgrupp-only member', async () => {
    const refused = await call('/api/activities', member, 'POST', proposal);
    expect(refused.status).toBe(403);
    const response = await call('/api/activities', stodgrupp, 'POST', proposal);
    expect(response.status).toBe(201);
    activity = ((await response.json()) as { activity: ActivityRecord }).activity;
    expect(activity).toMatchObject({
      status: 'forslag',
      year: 2026,
      proposedByEmail: STODGRUPP,
      budgetedCostOre: 2_500_000,
      targetGroups: ['kommuner', 'naringsliv'],
      startDate: '2026-10-06',
    });
    const bad = await call('/api/activities', stodgrupp, 'POST', { ...proposal, endDate: '2026-10-01' });
    expect(bad.status).toBe(400);
  });

  it('lists the proposal among the open proposals for the next dagordning', async () => {
    const response = await call('/api/decisions/open-proposals', member, 'GET');
    const { proposals } = (await response.json()) as { proposals: OpenProposal[] };
    expect(proposals).toContainEqual(
      expect.objectContaining({ subjectRef: `activity:${activity.id}`, kind: 'aktiviteter_kalendarium' }),
    );
  });

  it('gives the second of two editors of a proposal a conflict with the newer value', async () => {
    const first = await call(
      `/api/activities/${activity.id}`,
      stodgrupp,
      'PATCH',
      { title: 'Brandskydd' },
      activity.etag,
    );
    expect(first.status).toBe(200);
    const second = await call(
      `/api/activities/${activity.id}`,
      coordinator,
      'PATCH',
      { title: 'Annat' },
      activity.etag,
    );
    expect(second.status).toBe(409);
    const body = (await second.json()) as ErrorBody;
    expect(body.error.current?.title).toBe('Brandskydd');
    activity = ((await first.json()) as { activity: ActivityRecord }).activity;
    expect(activity.title).toBe('Brandskydd');
  });

  it('refuses illegal status changes and deciders other than the coordinator', async () => {
    const early = await call(
      `/api/activities/${activity.id}/status`,
      coordinator,
      'POST',
      { to: 'genomford' },
      activity.etag,
    );
    expect(early.status).toBe(422);
    expect(((await early.json()) as ErrorBody).error.message).toMatch(/innan den är beslutad/);
    const evaluation = await call(
      `/api/activities/${activity.id}/evaluation`,
      coordinator,
      'POST',
      { date: '2026-10-07', summary: 'Bra' },
      activity.etag,
    );
    expect(evaluation.status).toBe(422);
    const byStodgrupp = await call(
      `/api/activities/${activity.id}/decision`,
      stodgrupp,
      'POST',
      { meetingId: samverkansMeeting },
      activity.etag,
    );
    expect(byStodgrupp.status).toBe(403);
    const atStodgruppMeeting = await call(
      `/api/activities/${activity.id}/decision`,
      coordinator,
      'POST',
      { meetingId: stodMeeting },
      activity.etag,
    );
    expect(atStodgruppMeeting.status).toBe(422);
    expect(((await atStodgruppMeeting.json()) as ErrorBody).error.message).toMatch(/samverkansgruppen/);
  });

  it('refuses a decision dated before the activity was proposed, and writes none', async () => {
    const early = await call(
      `/api/activities/${activity.id}/decision`,
      coordinator,
      'POST',
      { meetingId: aprilMeeting },
      activity.etag,
    );
    expect(early.status).toBe(422);
    expect(((await early.json()) as ErrorBody).error.message).toMatch(
      /^Beslutet kan inte vara fattat onsdag 22 april 2026, före förslaget som lades /,
    );
    const atApril = (await (await call(`/api/decisions?meetingId=${aprilMeeting}`, member, 'GET')).json()) as {
      decisions: DecisionRecord[];
    };
    expect(atApril.decisions).toEqual([]);
  });

  it('records the decision in Beslut and links the activity to it', async () => {
    const response = await call(
      `/api/activities/${activity.id}/decision`,
      coordinator,
      'POST',
      { meetingId: samverkansMeeting },
      activity.etag,
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { activity: ActivityRecord; decisionId: string };
    activity = body.activity;
    expect(activity).toMatchObject({ status: 'beslutad', decisionId: body.decisionId });
    const decisions = (await (await call(`/api/decisions?meetingId=${samverkansMeeting}`, member, 'GET')).json()) as {
      decisions: DecisionRecord[];
    };
    expect(decisions.decisions).toEqual([
      expect.objectContaining({
        id: body.decisionId,
        kind: 'aktiviteter_kalendarium',
        decidedOn: today,
        subjectRef: `activity:${activity.id}`,
      }),
    ]);
    const again = await call(
      `/api/activities/${activity.id}/decision`,
      coordinator,
      'POST',
      { meetingId: samverkansMeeting },
      activity.etag,
    );
    expect(again.status).toBe(422);
    const proposals = (await (await call('/api/decisions/open-proposals', member, 'GET')).json()) as {
      proposals: OpenProposal[];
    };
    expect(proposals.proposals.map((p) => p.subjectRef)).not.toContain(`activity:${activity.id}`);
    // A stödgrupp member may no longer change a decided activity.
    const edit = await call(`/api/activities/${activity.id}`, stodgrupp, 'PATCH', { title: 'X' }, activity.etag);
    expect(edit.status).toBe(403);
  });

  it('filters by samverkansområde, target group and status', async () => {
    const other = await call('/api/activities', stodgrupp, 'POST', {
      ...proposal,
      title: 'Tillsyn av OVK',
      area: 'tillsynsprojekt',
      targetGroups: ['medborgare'],
      startDate: '2026-05-05',
      endDate: '2026-05-06',
    });
    expect(other.status).toBe(201);
    const titles = async (query: string) =>
      (
        (await (await call(`/api/activities?${query}`, member, 'GET')).json()) as { activities: ActivityRecord[] }
      ).activities.map((a) => a.title);
    expect(await titles('year=2026')).toEqual(['Tillsyn av OVK', 'Brandskydd']);
    expect(await titles('year=2026&area=tillsynsprojekt')).toEqual(['Tillsyn av OVK']);
    expect(await titles('targetGroup=naringsliv')).toEqual(['Brandskydd']);
    expect(await titles('status=beslutad')).toEqual(['Brandskydd']);
    expect(await titles('year=2027')).toEqual([]);
    expect((await call('/api/activities?area=okänt', member, 'GET')).status).toBe(400);
  });

  it('takes the evaluation after the activity: participants per organisation, lessons, utvärderad', async () => {
    const tooEarly = await call(
      `/api/activities/${activity.id}/evaluation`,
      coordinator,
      'POST',
      { date: '2026-10-01', summary: 'Bra' },
      activity.etag,
    );
    expect(tooEarly.status).toBe(422);
    const unknownOrg = await call(
      `/api/activities/${activity.id}/evaluation`,
      coordinator,
      'POST',
      { date: '2026-10-08', summary: 'Bra', participantsByOrganisation: { atlantis: 3 } },
      activity.etag,
    );
    expect(unknownOrg.status).toBe(422);
    const byStodgrupp = await call(
      `/api/activities/${activity.id}/evaluation`,
      stodgrupp,
      'POST',
      { date: '2026-10-08', summary: 'Bra' },
      activity.etag,
    );
    expect(byStodgrupp.status).toBe(403);
    const response = await call(
      `/api/activities/${activity.id}/evaluation`,
      coordinator,
      'POST',
      {
        date: '2026-10-08',
        summary: 'Fullsatt; bra diskussioner.',
        lessons: 'Boka större lokal.',
        participantsByOrganisation: { umea: 12, skelleftea: 8, 'lansstyrelsen-vasterbotten': 2 },
      },
      activity.etag,
    );
    expect(response.status).toBe(200);
    activity = ((await response.json()) as { activity: ActivityRecord }).activity;
    expect(activity.status).toBe('utvarderad');
    expect(activity.evaluation).toEqual({
      date: '2026-10-08',
      summary: 'Fullsatt; bra diskussioner.',
      lessons: 'Boka större lokal.',
      participantCount: 22,
      participantsByOrganisation: { umea: 12, skelleftea: 8, 'lansstyrelsen-vasterbotten': 2 },
    });
    const struck = await call(
      `/api/activities/${activity.id}/status`,
      coordinator,
      'POST',
      { to: 'struken' },
      activity.etag,
    );
    expect(struck.status).toBe(422);
  });

  it('keeps the verksamhetsplan: proposed, guarded by ETag, decided, then closed to edits', async () => {
    const plan = {
      priorities: ['Enhetlig tillsyn i länet'],
      goals: [{ id: 'g1', text: 'Alla kommuner deltar i minst en utbildning', activityIds: [activity.id] }],
    };
    expect((await call('/api/operating-plan/2026', member, 'PUT', plan)).status).toBe(403);
    const created = await call('/api/operating-plan/2026', stodgrupp, 'PUT', plan);
    expect(created.status).toBe(200);
    const saved = ((await created.json()) as { plan: OperatingPlanRecord }).plan;
    expect(saved).toMatchObject({ year: 2026, status: 'forslag', priorities: plan.priorities });
    // A different plan without the ETag is a conflict; the same plan again (a retry whose answer was lost, #15)
    // answers the stored one and writes nothing.
    const otherPlan = { ...plan, priorities: ['Digital bygglovsprocess'] };
    const withoutEtag = await call('/api/operating-plan/2026', stodgrupp, 'PUT', otherPlan);
    expect(withoutEtag.status).toBe(409);
    const sameAgain = await call('/api/operating-plan/2026', stodgrupp, 'PUT', plan);
    expect(sameAgain.status).toBe(200);
    expect(((await sameAgain.json()) as { plan: OperatingPlanRecord }).plan.etag).toBe(saved.etag);

    const read = (await (await call('/api/operating-plan/2026', member, 'GET')).json()) as {
      plan: OperatingPlanRecord;
      coverage: { coveredGoals: number; totalGoals: number; activitiesOutsidePlan: { title: string }[] };
    };
    expect(read.coverage).toMatchObject({ coveredGoals: 1, totalGoals: 1 });
    expect(read.coverage.activitiesOutsidePlan.map((a) => a.title)).toEqual(['Tillsyn av OVK']);

    const proposals = (await (await call('/api/decisions/open-proposals', member, 'GET')).json()) as {
      proposals: OpenProposal[];
    };
    expect(proposals.proposals.map((p) => p.subjectRef)).toContain('operatingPlan:2026');

    const decided = await call(
      '/api/operating-plan/2026/decision',
      coordinator,
      'POST',
      { meetingId: samverkansMeeting },
      saved.etag,
    );
    expect(decided.status).toBe(200);
    const decidedPlan = ((await decided.json()) as { plan: OperatingPlanRecord }).plan;
    expect(decidedPlan.status).toBe('beslutad');
    expect(decidedPlan.decisionId).toMatch(/^\d+$/);
    const edit = await call('/api/operating-plan/2026', stodgrupp, 'PUT', plan, decidedPlan.etag);
    expect(edit.status).toBe(422);
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { COORDINATOR, MEMBER_GUEST } from '../../infra/graph-emulator/tests/support';
import type {
  ActivityRecord,
  BudgetLineRecord,
  BudgetReport,
  BudgetVersionRecord,
  DecisionRecord,
} from '../../api/services/economy';
import { inOperation } from '../../api/state/operation';
import { toIsoDate } from '../../src/domain';
import { startStack, type Stack } from './support/stack';

jest.setTimeout(180_000);

const STODGRUPP = 'anna.sjoberg@skelleftea.se';

/** A samverkansgrupp meeting in Möten, under way since a moment ago: decisions can be recorded at it. */
async function seedHeldMeeting(stack: Stack): Promise<string> {
  const gateway = stack.server.services.graph.forApp();
  const { siteId, listId } = await stack.server.services.site.list(gateway, 'meetings');
  const start = new Date(Date.now() - 5_000);
  const iso = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const item = await gateway.createItem(siteId, listId, {
    Title: 'Samverkansgruppen',
    MeetingGroup: 'samverkansgrupp',
    StartDateTime: iso(start),
    EndDateTime: iso(new Date(start.getTime() + 3 * 3600_000)),
    Status: 'planerat',
  });
  return item.id;
}

const course = {
  title: 'Brandsäkerhetsdag för handläggare',
  area: 'kompetensutveckling',
  targetGroups: ['kommuner'],
  startDate: '2027-03-18',
  endDate: '2027-03-18',
  responsibleOrganisationId: 'skelleftea',
  budgetedCostOre: 40_000_00,
  participantFeeOre: 12_500_00,
};

describe('a decided activity on the budget; exceptions for a kommun’s own costs', () => {
  let stack: Stack;
  let coordinator: string;
  let member: string;
  let stodgrupp: string;
  let meetingId: string;

  const call = async (path: string, token: string, method = 'GET', body?: unknown, headers?: Record<string, string>) =>
    stack.call(path, { token, method, body, ...(headers ? { headers } : {}) });
  const json = async <T>(response: Response, status: number): Promise<T> => {
    expect(response.status).toBe(status);
    return (await response.json()) as T;
  };
  const linesOf = async (year: number, activityId: string) =>
    (await json<{ lines: BudgetLineRecord[] }>(await call(`/api/budget?year=${year}`, member), 200)).lines.filter(
      (line) => line.activityId === activityId,
    );
  const versionsOf = async (year: number) =>
    (await json<{ versions: BudgetVersionRecord[] }>(await call(`/api/budget/versions?year=${year}`, member), 200))
      .versions;
  const propose = async (overrides: object = {}) =>
    (
      await json<{ activity: ActivityRecord }>(
        await call('/api/activities', stodgrupp, 'POST', { ...course, ...overrides }),
        201,
      )
    ).activity;
  const decide = (activity: ActivityRecord, key = randomUUID()) =>
    call(
      `/api/activities/${activity.id}/decision`,
      coordinator,
      'POST',
      { meetingId },
      {
        'if-match': activity.etag,
        'Idempotency-Key': key,
      },
    );

  beforeAll(async () => {
    stack = await startStack();
    await stack.prepare();
    [coordinator, member, stodgrupp] = await Promise.all([
      stack.token(COORDINATOR),
      stack.token(MEMBER_GUEST),
      stack.token(STODGRUPP),
    ]);
    meetingId = await seedHeldMeeting(stack);
  });
  afterAll(async () => stack.close());

  it('puts a decided activity’s cost and participant fees on the budget once, however often the decision is sent', async () => {
    const activity = await propose();
    expect(await linesOf(2027, activity.id)).toEqual([]);
    const key = randomUUID();
    const first = await json<{ activity: ActivityRecord; decisionId: string }>(await decide(activity, key), 200);
    const lines = await linesOf(2027, activity.id);
    expect(lines.map((l) => [l.kind, l.category, l.name, l.amountOre, l.area])).toEqual([
      [
        'intakt',
        'deltagaravgifter',
        'Deltagaravgifter: Brandsäkerhetsdag för handläggare',
        12_500_00,
        'kompetensutveckling',
      ],
      ['kostnad', 'aktivitet', 'Aktivitet: Brandsäkerhetsdag för handläggare', 40_000_00, 'kompetensutveckling'],
    ]);
    // The tab sends the same key again (a lost answer): the first answer, no second line.
    const again = await json<{ decisionId: string }>(await decide(activity, key), 200);
    expect(again.decisionId).toBe(first.decisionId);
    // The operation repeated after its journal was lost (a crash before the answer was kept): the service finds
    // the decision the operation wrote and the lines the link wrote, and adds none.
    const gateway = stack.server.services.graph.forApp();
    const operation = `op:test-${randomUUID()}`;
    const second = await propose({ title: 'Tillgänglighet i praktiken' });
    const { activities } = stack.server.services.economy;
    const once = await inOperation(operation, () => activities.decide(gateway, second.id, { meetingId }, second.etag));
    const twice = await inOperation(operation, () => activities.decide(gateway, second.id, { meetingId }, second.etag));
    expect(twice.decisionId).toBe(once.decisionId);
    expect(await linesOf(2027, activity.id)).toHaveLength(2);
    expect((await linesOf(2027, second.id)).map((l) => l.amountOre).sort()).toEqual([12_500_00, 40_000_00]);
  });

  it('follows a change of the decided cost, and keeps a struck activity’s lines at 0 kr marked (struken)', async () => {
    let activity = await propose({ title: 'Klimatanpassning i detaljplan', participantFeeOre: 0 });
    activity = (await json<{ activity: ActivityRecord }>(await decide(activity), 200)).activity;
    expect((await linesOf(2027, activity.id)).map((l) => [l.kind, l.amountOre])).toEqual([['kostnad', 40_000_00]]);
    activity = (
      await json<{ activity: ActivityRecord }>(
        await call(
          `/api/activities/${activity.id}`,
          coordinator,
          'PATCH',
          { budgetedCostOre: 55_000_00 },
          {
            'if-match': activity.etag,
          },
        ),
        200,
      )
    ).activity;
    expect((await linesOf(2027, activity.id)).map((l) => l.amountOre)).toEqual([55_000_00]);
    await json(
      await call(
        `/api/activities/${activity.id}/status`,
        coordinator,
        'POST',
        { to: 'struken' },
        {
          'if-match': activity.etag,
        },
      ),
      200,
    );
    expect((await linesOf(2027, activity.id)).map((l) => [l.name, l.amountOre])).toEqual([
      ['Aktivitet: Klimatanpassning i detaljplan (struken)', 0],
    ]);
  });

  it('leaves a decided budget as decided and opens one revision for the activity’s lines', async () => {
    const year = 2028;
    await json(
      await call('/api/budget/lines', coordinator, 'POST', {
        year,
        category: 'samordnare_lon',
        name: 'Samordnarens lön',
        amountOre: 450_000_00,
      }),
      201,
    );
    const proposal = (
      await json<{ version: BudgetVersionRecord }>(
        await call('/api/budget/versions', coordinator, 'POST', { year }),
        201,
      )
    ).version;
    await json(
      await call(
        `/api/budget/versions/${year}/decision`,
        coordinator,
        'POST',
        { meetingId },
        { 'if-match': proposal.etag },
      ),
      200,
    );
    let first = await propose({ title: 'Miljökvalitetsnormer', startDate: '2028-02-10', endDate: '2028-02-10' });
    first = (await json<{ activity: ActivityRecord }>(await decide(first), 200)).activity;
    const versions = await versionsOf(year);
    expect(versions.map((v) => [v.version, v.status])).toEqual([
      [1, 'beslutad'],
      [2, 'forslag'],
    ]);
    expect(versions[0]?.lines?.map((l) => l.name)).toEqual(['Samordnarens lön']);
    expect(await linesOf(year, first.id)).toHaveLength(2);
    // The lägesrapport still measures against version 1, as decided.
    const report = await json<BudgetReport>(await call(`/api/budget/report?year=${year}&asOf=2028-06-30`, member), 200);
    expect(report.measuredAgainst?.version).toBe(1);
    expect(report.status.lines.map((l) => l.line.name)).toEqual(['Samordnarens lön']);
    // Another decided activity and a struck one go into the open revision: no third version.
    const other = await propose({ title: 'Energikrav', startDate: '2028-04-10', endDate: '2028-04-10' });
    await json(await decide(other), 200);
    await json(
      await call(
        `/api/activities/${first.id}/status`,
        coordinator,
        'POST',
        { to: 'struken' },
        { 'if-match': first.etag },
      ),
      200,
    );
    expect((await versionsOf(year)).map((v) => v.version)).toEqual([1, 2]);
    expect((await linesOf(year, first.id)).every((l) => l.amountOre === 0 && l.name.endsWith('(struken)'))).toBe(true);
  });

  it('records an exception for kommuner’s own costs, refuses one for the Region, and shows it in the lägesrapport', async () => {
    const body = {
      meetingId,
      kind: 'kostnadsundantag',
      title: 'Resor för inlandskommunerna',
      text: 'Region Västerbotten står för Malås och Åseles resekostnader till seminarierna.',
      organisationIds: ['mala', 'asele'],
      ceilingOre: 25_000_00,
    };
    const region = await call('/api/decisions', coordinator, 'POST', {
      ...body,
      organisationIds: ['region-vasterbotten'],
    });
    expect(region.status).toBe(422);
    expect(((await region.json()) as { error: { message: string } }).error.message).toBe(
      'Ett undantag för egna kostnader gäller en kommun, inte Region Västerbotten.',
    );
    const none = await call('/api/decisions', coordinator, 'POST', { ...body, organisationIds: [] });
    expect(none.status).toBe(400);
    expect(JSON.stringify(await none.json())).toContain('Ange vilka kommuner undantaget gäller.');
    const { decision } = await json<{ decision: DecisionRecord }>(
      await call('/api/decisions', coordinator, 'POST', body),
      201,
    );
    expect(decision).toMatchObject({
      kind: 'kostnadsundantag',
      organisationIds: ['mala', 'asele'],
      ceilingOre: 25_000_00,
    });
    const year = Number(toIsoDate(new Date()).slice(0, 4));
    await json(
      await call('/api/budget/lines', coordinator, 'POST', {
        year,
        category: 'oh_lokal',
        name: 'Lokal',
        amountOre: 1_000_00,
      }),
      201,
    );
    const report = await json<BudgetReport>(await call(`/api/budget/report?year=${year}`, member), 200);
    expect(report.exceptions).toEqual([
      expect.objectContaining({
        decisionId: decision.id,
        title: 'Resor för inlandskommunerna',
        organisations: ['Malå', 'Åsele'],
        ceilingOre: 25_000_00,
        decidedOn: decision.decidedOn,
      }),
    ]);
    const nextYear = await json<BudgetReport>(await call(`/api/budget/report?year=${year + 1}`, member), 200);
    expect(nextYear.exceptions).toEqual([]);
  });
});

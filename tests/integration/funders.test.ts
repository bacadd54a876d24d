import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { COORDINATOR } from '../../infra/graph-emulator/tests/support';
import type { ActivityRecord, TopicTagRecord } from '../../api/services/economy';
import type { FunderReport } from '../../src/domain';
import { toIsoDate } from '../../src/domain';
import { startStack, type Stack } from './support/stack';

jest.setTimeout(120_000);

const STODGRUPP = 'anna.sjoberg@skelleftea.se';

interface ErrorBody {
  error: { code: string; message: string; current?: ActivityRecord };
}

/** Funders' figures over HTTP on the local tenant (#17): tags, an activity tagged, counts, the report and CSV. */
describe("funders' figures: topic tags, participant counts after the event, the yearly report", () => {
  let stack: Stack;
  let coordinator: string;
  let stodgrupp: string;
  let meetingId: string;
  let tags: TopicTagRecord[];
  let buller: TopicTagRecord;
  let activity: ActivityRecord;
  // Yesterday in Stockholm: the activity has been held.
  const heldOn = toIsoDate(new Date(Date.now() - 86_400_000));
  const year = Number(heldOn.slice(0, 4));

  const call = async (
    path: string,
    token: string,
    method: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => stack.call(path, { token, method, body, headers });

  beforeAll(async () => {
    stack = await startStack();
    const report = await stack.prepare();
    expect(report.topicTagsSeeded).toBe(9);
    [coordinator, stodgrupp] = await Promise.all([stack.token(COORDINATOR), stack.token(STODGRUPP)]);
    const gateway = stack.server.services.graph.forApp();
    const { siteId, listId } = await stack.server.services.site.list(gateway, 'meetings');
    const start = new Date(Date.now() - 5_000);
    const item = await gateway.createItem(siteId, listId, {
      Title: 'Samverkansgruppen',
      MeetingGroup: 'samverkansgrupp',
      StartDateTime: start.toISOString().replace(/\.\d{3}Z$/, 'Z'),
      EndDateTime: new Date(start.getTime() + 3 * 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      Status: 'planerat',
    });
    meetingId = item.id;
  });
  afterAll(async () => stack.close());

  it('seeds Ämnestaggar with the agreement’s themes and lets only the samordnare add one', async () => {
    tags = ((await (await call('/api/topic-tags', stodgrupp, 'GET')).json()) as { tags: TopicTagRecord[] }).tags;
    expect(tags.map((t) => t.name)).toEqual(expect.arrayContaining(['Energikrav', 'Klimatanpassning', 'Jämställdhet']));
    expect((await call('/api/topic-tags', stodgrupp, 'POST', { name: 'Buller' })).status).toBe(403);
    const created = await call('/api/topic-tags', coordinator, 'POST', { name: 'Buller' });
    expect(created.status).toBe(201);
    buller = ((await created.json()) as { tag: TopicTagRecord }).tag;
    const twice = await call('/api/topic-tags', coordinator, 'POST', { name: 'buller' });
    expect(twice.status).toBe(422);
    expect(((await twice.json()) as ErrorBody).error.message).toBe('Taggen Buller finns redan.');
  });

  it('tags a proposal and refuses counts before the activity is decided', async () => {
    const energikrav = tags.find((t) => t.name === 'Energikrav')!;
    const response = await call('/api/activities', stodgrupp, 'POST', {
      title: 'Energikrav i nybyggnad',
      area: 'kompetensutveckling',
      targetGroups: ['kommuner', 'naringsliv'],
      startDate: heldOn,
      endDate: heldOn,
      responsibleOrganisationId: 'skelleftea',
      tagIds: [energikrav.id, buller.id],
    });
    expect(response.status).toBe(201);
    activity = ((await response.json()) as { activity: ActivityRecord }).activity;
    expect(activity.tagIds).toEqual([energikrav.id, buller.id]);
    const early = await call(
      `/api/activities/${activity.id}/participants`,
      coordinator,
      'POST',
      { byOrganisation: { skelleftea: 2 }, byGender: { kvinnor: 1, man: 1, annat: 0 } },
      { 'if-match': activity.etag },
    );
    expect(early.status).toBe(422);
    const decided = await call(
      `/api/activities/${activity.id}/decision`,
      coordinator,
      'POST',
      { meetingId },
      { 'if-match': activity.etag },
    );
    expect(decided.status).toBe(200);
    activity = ((await decided.json()) as { activity: ActivityRecord }).activity;
  });

  it('takes the counts once under If-Match and an Idempotency-Key; a stale ETag gets 409 with the counts', async () => {
    const path = `/api/activities/${activity.id}/participants`;
    const body = { byOrganisation: { skelleftea: 8, umea: 4 }, byGender: { kvinnor: 7, man: 4, annat: 1 } };
    const inconsistent = await call(
      path,
      coordinator,
      'POST',
      { ...body, byGender: { kvinnor: 7, man: 4, annat: 0 } },
      {
        'if-match': activity.etag,
      },
    );
    expect(inconsistent.status).toBe(400);
    expect(JSON.stringify(await inconsistent.json())).toContain('Summan per kön (11)');
    const stale = activity.etag;
    const headers = { 'if-match': stale, 'Idempotency-Key': 'funders-counts-0001' };
    const first = await call(path, coordinator, 'POST', body, headers);
    expect(first.status).toBe(200);
    const reported = ((await first.json()) as { activity: ActivityRecord }).activity;
    expect(reported.participants).toMatchObject(body);
    const repeat = await call(path, coordinator, 'POST', body, headers);
    expect(repeat.status).toBe(200);
    expect(((await repeat.json()) as { activity: ActivityRecord }).activity.etag).toBe(reported.etag);
    const second = await call(
      path,
      coordinator,
      'POST',
      { ...body, byOrganisation: { skelleftea: 12 } },
      {
        'if-match': stale,
        'Idempotency-Key': 'funders-counts-0002',
      },
    );
    expect(second.status).toBe(409);
    expect(((await second.json()) as ErrorBody).error.current?.participants?.byGender).toEqual(body.byGender);
    activity = reported;
  });

  it('retires a tag: no longer given to a new activity, still counted on the old one', async () => {
    const retired = await call(
      `/api/topic-tags/${buller.id}`,
      coordinator,
      'PATCH',
      { retired: true },
      {
        'if-match': buller.etag,
      },
    );
    expect(retired.status).toBe(200);
    expect(((await retired.json()) as { tag: TopicTagRecord }).tag.retiredOn).toBeDefined();
    const refused = await call('/api/activities', stodgrupp, 'POST', {
      title: 'Buller vid skolor',
      area: 'kompetensutveckling',
      targetGroups: ['kommuner'],
      startDate: heldOn,
      endDate: heldOn,
      responsibleOrganisationId: 'skelleftea',
      tagIds: [buller.id],
    });
    expect(refused.status).toBe(422);
    const report = (await (await call(`/api/funders/report/${year}`, stodgrupp, 'GET')).json()) as FunderReport;
    expect(report.total).toMatchObject({ activities: 1, reported: 1, participants: 12, kvinnor: 7, man: 4, annat: 1 });
    expect(report.byTag.find((r) => r.key === buller.id)).toMatchObject({ retired: true, participants: 12 });
    expect(report.byTargetGroup.find((r) => r.key === 'naringsliv')).toMatchObject({ activities: 1, participants: 12 });
    expect(report.byArea.find((r) => r.key === 'kompetensutveckling')).toMatchObject({ kvinnor: 7 });
  });

  it('gives the report as CSV with a BOM and semicolons', async () => {
    const response = await call(`/api/funders/report/${year}/csv`, stodgrupp, 'GET');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(text.startsWith('\uFEFFIndelning;Namn;Aktiviteter;')).toBe(true);
    expect(text).toContain('Ämnestagg;Buller (används inte längre);1;1;0;12;7;4;1\r\n');
    expect(text).toContain('Totalt;Totalt;1;1;0;12;7;4;1\r\n');
  });
});

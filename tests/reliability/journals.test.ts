/**
 * Multi-step writes cut short between their steps (issue #15): the kallelse (Möten item `skickas`, event,
 * final state) and the decision of an activity (Beslut, then the activity with If-Match). A step fails or its
 * answer is lost; the user sees what is half done as such; a retry with the kept key finishes it, answers the
 * first result (not "someone else changed it") and leaves exactly one of everything in the tenant (counted
 * with raw Graph as the emulator's inspection principal).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { Channel, Event, List, ListItem, Site } from '@microsoft/microsoft-graph-types';
import { CHAIR, COORDINATOR, adminClient } from '../../infra/graph-emulator/tests/support';
import { transactionIdFor } from '../../api/graph/calendar/operationKey';
import { candidateDays, seasonWindow, toIsoDate } from '../../src/domain';
import { control, startStack, type Stack } from '../integration/support/stack';
import { peopleIds, TEAM } from '../integration/workingGroupsSupport';

jest.setTimeout(120_000);

const STODGRUPP = 'anna.sjoberg@skelleftea.se';
const PER = 'per.holmberg@regionvasterbotten.se';
const today = toIsoDate(new Date());
const springYear = today.slice(5, 7) > '04' ? Number(today.slice(0, 4)) + 1 : Number(today.slice(0, 4));
const meetingDays = candidateDays(seasonWindow(springYear, 'var'));
const EVENTS = '^/v1\\.0/users/[^/]+/events$';
const ITEM_FIELDS = '^/v1\\.0/sites/[^/]+/lists/[^/]+/items/[^/]+/fields$';

describe('journals: a kallelse and an activity decision cut between their steps are finished by a retry', () => {
  let stack: Stack;
  let app: Client;
  let siteId: string;
  const lists = new Map<string, string>();
  const tokens = new Map<string, string>();

  const items = async (list: string): Promise<Record<string, unknown>[]> => {
    const page = (await app.api(`/sites/${siteId}/lists/${lists.get(list)}/items?$expand=fields&$top=5000`).get()) as {
      value: ListItem[];
    };
    return page.value.map((i) => ({ id: i.id, ...((i.fields ?? {}) as Record<string, unknown>) }));
  };
  const post = (user: string, path: string, body: unknown, key: string, headers: Record<string, string> = {}) =>
    stack.call(path, {
      token: tokens.get(user),
      method: 'POST',
      body,
      headers: { 'Idempotency-Key': key, ...headers },
    });
  const kallelse = (n: number) => ({
    group: 'stodgrupp',
    date: meetingDays[10 + n] as string,
    startTime: '09:00',
    endTime: '11:00',
    online: true,
    idempotencyKey: randomUUID(),
  });
  const counted = async (body: { idempotencyKey: string }) => {
    const operationKey = `meeting:stodgrupp:${body.idempotencyKey}`;
    const events = (await app
      .api(`/users/${COORDINATOR}/events`)
      .filter(`transactionId eq '${transactionIdFor(operationKey)}'`)
      .get()) as { value: Event[] };
    const meetings = (await items('Möten')).filter((f) => f.OperationKey === operationKey);
    return { events: events.value.length, meetings: meetings.length, status: meetings.map((m) => m.Status).join() };
  };

  beforeAll(async () => {
    stack = await startStack({ env: { TEAM_ID: '', GRAPH_TIMEOUT_MS: '2000', GRAPH_MAX_RETRIES: '2' } });
    await stack.prepare();
    app = await adminClient(stack.tenant);
    const site = (await app.api(`/sites/${stack.config.site.hostname}:${stack.config.site.path}`).get()) as Site;
    siteId = site.id!;
    for (const list of ((await app.api(`/sites/${siteId}/lists`).get()) as { value: List[] }).value)
      lists.set(list.displayName!, list.id!);
    for (const user of [COORDINATOR, STODGRUPP, CHAIR]) tokens.set(user, await stack.token(user));
  });
  afterAll(async () => stack?.close());

  it('kallelse: the event is refused, the register shows it as "skickas", the retry sends it once', async () => {
    const body = kallelse(0);
    const key = randomUUID();
    await control(stack.tenant, 'POST', '/faults', { status: 500, method: 'POST', path: EVENTS, count: 1 });
    const failed = await post(COORDINATOR, '/api/meetings', body, key);
    expect(failed.status).toBeGreaterThanOrEqual(500);
    expect(await counted(body)).toEqual({ events: 0, meetings: 1, status: 'skickas' });
    // The user sees it as not finished in the tab's register.
    const records = (await (await stack.call('/api/meetings/records', { token: tokens.get(COORDINATOR) })).json()) as {
      meetings: { date: string; status: string }[];
    };
    expect(records.meetings.filter((m) => m.date === body.date).map((m) => m.status)).toEqual(['skickas']);

    const retried = await post(COORDINATOR, '/api/meetings', body, key);
    expect(retried.status).toBe(201);
    expect(((await retried.json()) as { meeting: { status: string } }).meeting.status).toBe('planerat');
    expect(await counted(body)).toEqual({ events: 1, meetings: 1, status: 'planerat' });
  });

  it('kallelse: the final register write is done but its answer lost; the retry answers the kallelse', async () => {
    const body = kallelse(1);
    const key = randomUUID();
    await control(stack.tenant, 'POST', '/faults', {
      when: 'after',
      drop: true,
      method: 'PATCH',
      path: ITEM_FIELDS,
      count: 1,
    });
    const failed = await post(COORDINATOR, '/api/meetings', body, key);
    await control(stack.tenant, 'DELETE', '/faults');
    expect(failed.status).toBeGreaterThanOrEqual(500);
    const retried = await post(COORDINATOR, '/api/meetings', body, key);
    expect(retried.status).toBeLessThan(300);
    expect(((await retried.json()) as { meeting: { status: string } }).meeting.status).toBe('planerat');
    expect(await counted(body)).toEqual({ events: 1, meetings: 1, status: 'planerat' });
  });

  it('activity decision: the activity write is done but its answer lost; the retry answers the decision, one Beslut', async () => {
    // Samverkansgruppen decides per capsulam (a decision needs a meeting that has started; this suite's lie ahead).
    const title = `Beslutad ${randomUUID().slice(0, 8)}`;
    const proposed = await post(
      STODGRUPP,
      '/api/activities',
      {
        title,
        area: 'kompetensutveckling',
        targetGroups: ['kommuner'],
        startDate: `${springYear}-10-06`,
        endDate: `${springYear}-10-06`,
        responsibleOrganisationId: 'skelleftea',
      },
      randomUUID(),
    );
    expect(proposed.status).toBe(201);
    const activity = ((await proposed.json()) as { activity: { id: string; etag: string } }).activity;
    await control(stack.tenant, 'POST', '/faults', {
      when: 'after',
      drop: true,
      method: 'PATCH',
      path: ITEM_FIELDS,
      count: 1,
    });
    const key = randomUUID();
    const decide = () =>
      post(
        COORDINATOR,
        `/api/activities/${activity.id}/decision`,
        { meetingId: 'per-capsulam', decidedOn: toIsoDate(new Date()) },
        key,
        { 'If-Match': activity.etag },
      );
    const failed = await decide();
    await control(stack.tenant, 'DELETE', '/faults');
    expect(failed.status).toBeGreaterThanOrEqual(500);
    const retried = await decide();
    const answer = (await retried.json()) as { activity: { status: string }; decisionId: string; error?: unknown };
    expect(retried.status).toBe(200);
    expect(answer.activity.status).toBe('beslutad');
    const decisions = (await items('Beslut')).filter((f) => f.SubjectRef === `activity:${activity.id}`);
    expect(decisions.map((d) => d.id)).toEqual([answer.decisionId]);
  });

  it.each([
    ['the register write is refused after the archive', { status: 500 }],
    ['the register write is done but its answer lost', { when: 'after', drop: true }],
  ] as const)('ending a group: %s; the retry ends it, once, and answers the ended group', async (_name, fault) => {
    const ids = await peopleIds(stack, tokens.get(COORDINATOR)!);
    const name = `Avslutas ${randomUUID().slice(0, 8)}`;
    const appointed = await post(
      COORDINATOR,
      '/api/working-groups',
      {
        name,
        syfte: 'Samordna tolkningen av nya PBL-regler.',
        uppdrag: 'Ta fram gemensamma rutiner.',
        memberIds: [CHAIR, PER].map((m) => ids.get(m)),
        convenerId: ids.get(CHAIR),
        period: { start: '2026-09-01', end: '2027-06-30' },
        membershipType: 'standard',
      },
      randomUUID(),
    );
    expect(appointed.status).toBe(201);
    const group = ((await appointed.json()) as { group: { id: string } }).group;
    await control(stack.tenant, 'POST', '/faults', { ...fault, method: 'PATCH', path: ITEM_FIELDS, count: 1 });
    const key = randomUUID();
    const end = () => post(COORDINATOR, `/api/working-groups/${group.id}/end`, { finalReport: 'Klart.' }, key);
    const failed = await end();
    await control(stack.tenant, 'DELETE', '/faults');
    expect(failed.status).toBeGreaterThanOrEqual(500);
    const retried = await end();
    const answer = (await retried.json()) as { group: { status: string } };
    expect([retried.status, answer.group.status]).toEqual([200, 'avslutad']);
    const registered = (await items('Arbetsgrupper')).filter((f) => f.Title === name);
    expect(registered.map((f) => [f.Status, f.FinalReport])).toEqual([['avslutad', 'Klart.']]);
    const channels = ((await app.api(`${TEAM}/channels`).get()) as { value: Channel[] }).value.filter(
      (c) => c.displayName === name,
    );
    expect(channels.map((c) => c.isArchived)).toEqual([true]);
  });

  it('two moves of one meeting at once: one wins, the other is told the newer time; never last-wins', async () => {
    const sent = await post(COORDINATOR, '/api/meetings', kallelse(3), randomUUID());
    const meeting = ((await sent.json()) as { meeting: { id: string; etag: string; eventId: string } }).meeting;
    const move = (startTime: string, endTime: string) =>
      post(
        COORDINATOR,
        `/api/meetings/${meeting.id}/reschedule`,
        { date: meetingDays[14], startTime, endTime },
        randomUUID(),
        {
          'If-Match': meeting.etag,
        },
      );
    const answers = await Promise.all([move('13:00', '14:00'), move('15:00', '16:00')]);
    const bodies = (await Promise.all(answers.map((a) => a.json()))) as {
      meeting?: { startTime: string };
      error?: { code: string; current?: { startTime: string } };
    }[];
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const winner = bodies.find((b) => b.meeting)!.meeting!.startTime;
    expect(bodies.find((b) => b.error)!.error!.current!.startTime).toBe(winner);
    const event = (await app.api(`/users/${COORDINATOR}/events/${meeting.eventId}`).get()) as Event;
    const register = (await items('Möten')).find((f) => f.id === meeting.id)!;
    const stockholm = (iso: string) =>
      new Date(iso).toLocaleTimeString('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit' });
    expect(stockholm(`${event.start!.dateTime!.slice(0, 19)}Z`)).toBe(winner);
    expect(stockholm(String(register.StartDateTime))).toBe(winner);
  });
});

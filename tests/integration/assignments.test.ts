import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { CHAIR, COORDINATOR, MEMBER_GUEST } from '../../infra/graph-emulator/tests/support';
import type { AssignmentView } from '../../src/contract';
import type { ContactRecord } from '../../api/services/contacts';
import { LISTS } from '../../api/services/lists';
import { delegationDecision } from './support/meetingJourney';
import { startStack, type Stack } from './support/stack';

jest.setTimeout(120_000);

type Listed = { assignments: AssignmentView[] };

describe('uppdrag delegated by a decision, followed up by their owner and the samordnare (#17)', () => {
  let stack: Stack;
  let coordinator: string;
  let chair: string;
  let member: string;
  let decisionId: string;
  let people: ContactRecord[];
  let memberPerson: ContactRecord;
  let groupId: string;
  let firstKey = '';

  const call = (path: string, token: string, method = 'GET', body?: unknown, headers: Record<string, string> = {}) =>
    stack.call(path, { token, method, body, headers });
  const delegate = (token: string, body: unknown, key: string) =>
    call(`/api/decisions/${decisionId}/assignments`, token, 'POST', body, { 'idempotency-key': key });

  beforeAll(async () => {
    // A fixed day (Stockholm 2026-12-03): what is due within a week does not hang on the wall clock.
    stack = await startStack({ deps: { clock: { now: () => new Date('2026-12-03T09:00:00Z') } } });
    await stack.prepare();
    [coordinator, chair, member] = await Promise.all([
      stack.token(COORDINATOR),
      stack.token(CHAIR),
      stack.token(MEMBER_GUEST),
    ]);
    decisionId = await delegationDecision(
      stack,
      coordinator,
      'Samverkansgruppen delegerar uppdrag om handläggningstider.',
    );
    const app = stack.server.services.graph.forApp();
    people = await stack.server.services.contacts.list(app);
    memberPerson = people.find((p) => p.email === MEMBER_GUEST)!;
    const groups = await stack.server.services.site.list(app, 'workingGroups');
    const group = await app.createItem(groups.siteId, groups.listId, {
      Title: 'Arbetsgruppen för klimatanpassning',
      Status: 'aktiv',
      MemberEmails: `${MEMBER_GUEST};${CHAIR}`,
    });
    groupId = group.id;
  });
  afterAll(async () => stack.close());

  it('provisions the Uppdrag list with an indexed OperationKey', async () => {
    const app = stack.server.services.graph.forApp();
    const lists = await app.listLists(await stack.server.services.site.resolveSite(app));
    expect(lists.map((l) => l.displayName)).toContain(LISTS.assignments.displayName);
    expect(LISTS.assignments.columns.find((c) => c.name === 'OperationKey')).toMatchObject({ indexed: true });
  });

  it('lets only the samordnare or ordförande delegate, checks the assignee before any write', async () => {
    const one = {
      assigneeKind: 'person',
      assigneeId: memberPerson.id,
      description: 'Ta fram underlag',
      due: '2026-12-10',
    };
    expect((await delegate(member, { assignments: [one] }, 'uppdrag-member-1')).status).toBe(403);
    // Refused before the body is read: an invalid body from a refused role is still 403.
    expect((await delegate(member, { nej: true }, 'uppdrag-member-2')).status).toBe(403);
    expect((await delegate(coordinator, { assignments: [] }, 'uppdrag-empty-1')).status).toBe(400);
    const unknown = await delegate(
      coordinator,
      { assignments: [one, { ...one, assigneeId: '99999' }] },
      'uppdrag-unknown-1',
    );
    expect(unknown.status).toBe(422);
    const early = await delegate(coordinator, { assignments: [{ ...one, due: '2026-03-01' }] }, 'uppdrag-early-1');
    expect(early.status).toBe(422);
    // Nothing was written by the refused requests.
    expect(((await (await call('/api/assignments', coordinator)).json()) as Listed).assignments).toEqual([]);

    firstKey = 'uppdrag-first-1';
    const body = {
      assignments: [
        one,
        { assigneeKind: 'arbetsgrupp', assigneeId: groupId, description: 'Kartlägg risker', due: '2027-02-01' },
      ],
    };
    const created = await delegate(chair, body, firstKey);
    expect(created.status).toBe(201);
    const { assignments } = (await created.json()) as Listed;
    expect(assignments.map((a) => [a.assigneeName, a.status])).toEqual([
      [memberPerson.displayName, 'ej_paborjat'],
      ['Arbetsgruppen för klimatanpassning', 'ej_paborjat'],
    ]);
    // The same request again (a lost answer) writes nothing more.
    expect((await delegate(chair, body, firstKey)).status).toBe(201);
    expect(((await (await call('/api/assignments', coordinator)).json()) as Listed).assignments).toHaveLength(2);
  });

  it('refuses a deactivated person', async () => {
    const app = stack.server.services.graph.forApp();
    const other = people.find((p) => ![COORDINATOR, CHAIR, MEMBER_GUEST].includes(p.email))!;
    const contacts = await stack.server.services.site.list(app, 'contacts');
    await app.patchItemFields(contacts.siteId, contacts.listId, other.id, { DeactivatedOn: '2026-06-01' }, other.etag);
    const refused = await delegate(
      coordinator,
      { assignments: [{ assigneeKind: 'person', assigneeId: other.id, description: 'Något', due: '2026-12-10' }] },
      'uppdrag-inactive-1',
    );
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/avaktiverad/);
  });

  it('lists mine for the owner (their own and their arbetsgrupp’s) and all only for the samordnare', async () => {
    const mine = ((await (await call('/api/assignments?mine=1', member)).json()) as Listed).assignments;
    expect(mine.map((a) => a.description)).toEqual(['Ta fram underlag', 'Kartlägg risker']);
    const coordinatorsOwn = ((await (await call('/api/assignments?mine=1', coordinator)).json()) as Listed).assignments;
    expect(coordinatorsOwn).toEqual([]);
    expect((await call('/api/assignments', member)).status).toBe(403);
    const ofDecision = (await (await call(`/api/decisions/${decisionId}/assignments`, member)).json()) as Listed;
    expect(ofDecision.assignments).toHaveLength(2);
  });

  it('puts my uppdrag due within a week into Att göra, linking to Mina uppdrag', async () => {
    const todo = (await (await call('/api/todo', member)).json()) as { items: { kind: string }[] };
    const due = todo.items.filter((item) => item.kind === 'assignmentDue');
    expect(due).toEqual([
      expect.objectContaining({ description: 'Ta fram underlag', due: '2026-12-10', overdue: false }),
    ]);
  });

  it('lets the owner report; a stale ETag is a conflict with the newer value; others are refused', async () => {
    const [own] = ((await (await call('/api/assignments?mine=1', member)).json()) as Listed).assignments;
    const path = `/api/assignments/${own!.id}`;
    expect((await call(path, chair, 'PATCH', { status: 'pagar' }, { 'if-match': own!.etag })).status).toBe(403);
    expect((await call(path, member, 'PATCH', { status: 'pagar' })).status).toBe(400);
    const tooLong = await call(
      path,
      member,
      'PATCH',
      { status: 'pagar', report: 'x'.repeat(2001) },
      {
        'if-match': own!.etag,
      },
    );
    expect(tooLong.status).toBe(400);
    const started = await call(
      path,
      member,
      'PATCH',
      { status: 'pagar', report: 'Påbörjat.' },
      {
        'if-match': own!.etag,
        'idempotency-key': 'uppdrag-report-1',
      },
    );
    expect(started.status).toBe(200);
    const stale = await call(path, coordinator, 'PATCH', { status: 'klart' }, { 'if-match': own!.etag });
    expect(stale.status).toBe(409);
    const current = ((await stale.json()) as { error: { current: AssignmentView } }).error.current;
    expect(current).toMatchObject({ status: 'pagar', report: 'Påbörjat.' });
    const back = await call(path, member, 'PATCH', { status: 'ej_paborjat' }, { 'if-match': current.etag });
    expect(back.status).toBe(422);
    const done = await call(path, coordinator, 'PATCH', { status: 'klart' }, { 'if-match': current.etag });
    expect(done.status).toBe(200);
    expect(((await done.json()) as { assignment: AssignmentView }).assignment.status).toBe('klart');
  });

  it('puts the open uppdrag due by the meeting on its dagordning, by name, date and decision number', async () => {
    const preview = await call('/api/meetings/kallelse/preview', coordinator, 'POST', {
      group: 'stodgrupp',
      date: '2027-02-10',
      startTime: '13:00',
      endTime: '15:00',
      online: true,
      idempotencyKey: 'uppdrag-agenda-1',
    });
    expect(preview.status).toBe(200);
    const { agenda } = (await preview.json()) as { agenda: { title: string; details?: string }[] };
    const item = agenda.find((i) => i.title === 'Uppföljning av uppdrag');
    // The person's uppdrag is klart (above); the arbetsgrupp's is due 1 February, before the meeting.
    expect(item?.details).toMatch(
      /^- Kartlägg risker – Arbetsgruppen för klimatanpassning, klart senast måndag 1 februari 2027 \(ej påbörjat(; beslut (§ \d+\/2026|”Samverkansgruppen delegerar uppdrag om handläggningstider\.”))?\)$/,
    );
    expect(item?.details).not.toContain('Ta fram underlag');
    // Never a list item id: not the service's fallback names, not a bare decision id.
    expect(item?.details).not.toMatch(/Arbetsgrupp \d|Person \d|beslut \d/);
  });
});

import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';

jest.setTimeout(60_000);
import { CHAIR, COORDINATOR, MEMBER_GUEST } from '../../infra/graph-emulator/tests/support';
import { LISTS, LIST_KEYS, SiteDirectory } from '../../api/services/lists';
import { control, requestLogSeq, requestsSince, startStack, type Stack } from './support/stack';

describe('server: with 30 % of Graph calls failing (429 with Retry-After, 503)', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
    const faults = await control(stack.tenant, 'POST', '/faults', [
      { status: 429, retryAfter: 0.01, probability: 0.1 },
      { status: 429, retryAfter: 0.05, probability: 0.1 },
      { status: 503, retryAfter: 0.02, probability: 0.12 },
    ]);
    expect(faults.status).toBe(201);
  });
  afterAll(async () => stack.close());

  it('provisions without duplicate lists or columns, twice', async () => {
    const before = await requestLogSeq(stack.tenant);
    await stack.prepare();
    await stack.prepare();
    const log = await requestsSince(stack.tenant, before);
    expect(log.filter((r) => r.faultInjected).length).toBeGreaterThan(5);

    await control(stack.tenant, 'DELETE', '/faults');
    const gateway = stack.server.services.graph.forApp();
    const siteId = await new SiteDirectory(stack.config.site).resolveSite(gateway);
    const lists = await gateway.listLists(siteId);
    const ours = LIST_KEYS.map((k) => LISTS[k].displayName as string);
    for (const name of ours) expect(lists.filter((l) => l.displayName === name)).toHaveLength(1);
    for (const list of lists.filter((l) => ours.includes(String(l.displayName)))) {
      const names = (await gateway.listColumns(siteId, String(list.id))).map((c) => c.name);
      expect(new Set(names).size).toBe(names.length);
    }
    const people = await stack.server.services.contacts.list(gateway);
    expect(new Set(people.map((p) => p.email)).size).toBe(people.length);
    await control(stack.tenant, 'POST', '/faults', [
      { status: 429, retryAfter: 0.01, probability: 0.1 },
      { status: 429, retryAfter: 0.05, probability: 0.1 },
      { status: 503, retryAfter: 0.02, probability: 0.12 },
    ]);
  });

  it('answers every API call', async () => {
    const before = await requestLogSeq(stack.tenant);
    for (const user of [CHAIR, COORDINATOR, MEMBER_GUEST]) {
      const token = await stack.token(user);
      for (const path of [
        '/api/me',
        '/api/organisations',
        '/api/people',
        '/api/commitments',
        '/api/meetings?upcoming=true',
      ]) {
        const response = await stack.call(path, { token });
        expect({ user, path, status: response.status }).toEqual({ user, path, status: 200 });
      }
    }
    const coordinator = await stack.token(COORDINATOR);
    const people = (
      (await (await stack.call('/api/people', { token: coordinator })).json()) as {
        people: { id: string; etag: string; email: string }[];
      }
    ).people;
    const target = people.find((p) => p.email === 'anders.strand@dorotea.se')!;
    const patched = await stack.call(`/api/people/${target.id}`, {
      token: coordinator,
      method: 'PATCH',
      body: { phone: '090-123 45' },
      headers: { 'if-match': target.etag },
    });
    expect(patched.status).toBe(200);
    const log = await requestsSince(stack.tenant, before);
    expect(log.some((r) => r.faultInjected)).toBe(true);
  });
});

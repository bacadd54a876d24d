import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { GraphRequestError } from '../../api/graph/errors';
import type { GraphGateway } from '../../api/graph/gateway';
import type { ContactFields } from '../../api/services/contacts';
import {
  control,
  requestLogSeq,
  requestsSince,
  SEED_TEAM_ID,
  startStack,
  type LoggedRequest,
  type Stack,
} from './support/stack';

jest.setTimeout(60_000);

const outer = (log: LoggedRequest[]) => log.filter((r) => !r.batchInner && r.path.startsWith('/v1.0/'));
const inner = (log: LoggedRequest[]) => log.filter((r) => r.batchInner);

describe('Gateway readMany: several collections in one $batch round trip', () => {
  let stack: Stack;
  let gateway: GraphGateway;
  let contacts: { siteId: string; listId: string };

  beforeAll(async () => {
    stack = await startStack();
    await stack.prepare();
    gateway = stack.server.services.graph.forApp();
    contacts = await stack.server.services.site.list(gateway, 'contacts');
  });
  afterAll(async () => {
    await control(stack.tenant, 'DELETE', '/faults');
    await stack.close();
  });

  const reads = () => ({
    // Pages of 10, so the contacts answer carries an @odata.nextLink to follow.
    contacts: gateway.listItemsRead<ContactFields>(contacts.siteId, contacts.listId, { top: 10 }),
    teamMembers: gateway.teamMembersRead(SEED_TEAM_ID),
    channels: gateway.channelsRead(SEED_TEAM_ID),
  });

  const separately = async () => ({
    contacts: await gateway.listItems<ContactFields>(contacts.siteId, contacts.listId),
    teamMembers: await gateway.listTeamMembers(SEED_TEAM_ID),
    channels: await gateway.listChannels(SEED_TEAM_ID),
  });

  it('answers as the separate reads do, in one $batch plus the further pages of the one answer that has them', async () => {
    const expected = await separately();
    expect(expected.contacts.length).toBeGreaterThan(30);
    expect(expected.teamMembers.length).toBeGreaterThan(0);
    expect(expected.channels.length).toBeGreaterThan(0);

    const seq = await requestLogSeq(stack.tenant);
    const read = await gateway.readMany(reads());
    const log = await requestsSince(stack.tenant, seq);

    expect(read.contacts).toEqual(expected.contacts);
    expect(read.contacts[0]?.fields.Email).toEqual(expect.any(String));
    expect(read.teamMembers).toEqual(expected.teamMembers);
    expect(read.channels).toEqual(expected.channels);

    const calls = outer(log);
    const pages = Math.ceil(expected.contacts.length / 10) - 1;
    expect(calls.filter((r) => r.path === '/v1.0/$batch')).toHaveLength(1);
    expect(calls).toHaveLength(1 + pages);
    for (const follow of calls.filter((r) => r.path !== '/v1.0/$batch')) {
      expect(follow.method).toBe('GET');
      expect(follow.path).toContain(`/lists/${contacts.listId}/items`);
      expect(follow.path).toContain('$skiptoken=');
    }
    expect(inner(log)).toHaveLength(3);
  });

  it('re-sends an inner answer throttled with 429 after its Retry-After and still answers with the same data', async () => {
    const expected = await separately();
    await control(stack.tenant, 'POST', '/faults', {
      status: 429,
      retryAfter: 0.01,
      path: `^/v1\\.0/teams/${SEED_TEAM_ID}/members$`,
      method: 'GET',
      count: 1,
    });

    const seq = await requestLogSeq(stack.tenant);
    const read = await gateway.readMany(reads());
    const log = await requestsSince(stack.tenant, seq);
    await control(stack.tenant, 'DELETE', '/faults');

    expect(read.teamMembers).toEqual(expected.teamMembers);
    expect(read.contacts).toEqual(expected.contacts);
    expect(read.channels).toEqual(expected.channels);

    const memberReads = inner(log).filter((r) => r.path === `/v1.0/teams/${SEED_TEAM_ID}/members`);
    expect(memberReads.map((r) => [r.status, r.faultInjected])).toEqual([
      [429, true],
      [200, false],
    ]);
    // Only the throttled request went again: a second batch of one.
    expect(outer(log).filter((r) => r.path === '/v1.0/$batch')).toHaveLength(2);
    expect(inner(log).filter((r) => r.path.includes('/channels'))).toHaveLength(1);
  });

  it('turns a failed inner answer into the usual GraphRequestError', async () => {
    const failing = gateway.readMany({
      channels: gateway.channelsRead('00000000-0000-0000-0000-000000000000'),
      teamMembers: gateway.teamMembersRead(SEED_TEAM_ID),
    });
    await expect(failing).rejects.toBeInstanceOf(GraphRequestError);
    // App-only, the app's channel reads rest on RSC, which holds only in a team it is installed in: an unknown
    // team is refused (403) before it is looked up, as Graph authorises before it reads.
    await expect(failing).rejects.toMatchObject({ status: 403 });
  });
});

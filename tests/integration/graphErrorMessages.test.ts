import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { GraphRequestError } from '../../api/graph/errors';
import { graphErrorToApiError } from '../../api/http/errors';
import { COORDINATOR, MEMBER_GUEST } from '../../infra/graph-emulator/tests/support';
import { SEED_PEOPLE } from '../../infra/graph-emulator/src/index';
import { SEED_TEAM_ID, startStack, type Stack } from './support/stack';

jest.setTimeout(60_000);

/**
 * Refusals from the strict local tenant, through the app's gateway, become Swedish messages that say what is
 * wrong and what to do; a refusal is never "Microsoft 365 svarar inte".
 */
describe('Graph refusals as the user reads them', () => {
  let stack: Stack;
  const guest = SEED_PEOPLE.find((p) => p.mail === MEMBER_GUEST)!;
  const coordinator = SEED_PEOPLE.find((p) => p.mail === COORDINATOR)!;

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => stack.close());

  async function refusal(work: () => Promise<unknown>): Promise<GraphRequestError> {
    try {
      await work();
    } catch (error) {
      if (error instanceof GraphRequestError) return error;
      throw error;
    }
    throw new Error('Graph accepted what it should refuse');
  }

  it('a guest named as channel owner: Teams refuses (400), the user reads that guests cannot own, not "svarar inte"', async () => {
    const user = stack.server.services.graph.forUser(await stack.token(COORDINATOR));
    const error = await refusal(() =>
      user.createChannel(SEED_TEAM_ID, {
        displayName: 'Gäst som ägare',
        description: '',
        membershipType: 'private',
        members: [
          { userId: coordinator.id, role: 'member' },
          { userId: guest.id, role: 'owner' },
        ],
      }),
    );
    expect(error.status).toBe(400);
    const answer = graphErrorToApiError(error);
    expect(answer.status).toBe(422);
    expect(answer.message).toContain('gäst');
    expect(answer.message).toContain('kan inte vara ägare');
    expect(answer.message).not.toContain('svarar inte');
  });

  it('a person addressed by e-mail is not found (404), said as such', async () => {
    const user = stack.server.services.graph.forUser(await stack.token(COORDINATOR));
    const error = await refusal(() => user.getUser(guest.mail));
    expect(error.status).toBe(404);
    expect(graphErrorToApiError(error)).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect((await user.findUserByMail(guest.mail))?.id).toBe(guest.id);
  });

  it('maps what Graph says to what to do: permission → the administrator, throttling → try again', () => {
    const forbidden = graphErrorToApiError(
      new GraphRequestError(
        403,
        'Authorization_RequestDenied',
        'r',
        'Insufficient privileges to complete the operation.',
      ),
    );
    expect(forbidden).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect(forbidden.message).toContain('Be administratören');
    const named = graphErrorToApiError(
      new GraphRequestError(
        403,
        'Authorization_RequestDenied',
        'r',
        "Missing scope permissions on the request. API requires one of 'Channel.Create, Group.ReadWrite.All'. Scopes on the request 'User.Read'",
      ),
    );
    expect(named).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect(named.message).toContain('Appen saknar behörighet');
    expect(named.message).toContain('Channel.Create eller Group.ReadWrite.All');
    expect(named.message).not.toContain('User.Read');
    const throttled = graphErrorToApiError(new GraphRequestError(429, 'TooManyRequests', 'r', 'Too many requests.'));
    expect(throttled.message).toContain('Försök igen');
    for (const status of [503, 504]) {
      const unavailable = graphErrorToApiError(new GraphRequestError(status, 'serviceNotAvailable', 'r', 'Down.'));
      expect(unavailable).toMatchObject({ status: 503, code: 'GRAPH_UNAVAILABLE' });
      expect(unavailable.message).toContain('Försök igen');
    }
    const stale = graphErrorToApiError(new GraphRequestError(412, 'preconditionFailed', 'r', 'Etag mismatch.'));
    expect(stale).toMatchObject({ status: 409, code: 'CONFLICT' });
    const conflict = graphErrorToApiError(new GraphRequestError(409, 'NameAlreadyExists', 'r', 'exists'));
    expect(conflict).toMatchObject({ status: 409, code: 'CONFLICT' });
    const other = graphErrorToApiError(new GraphRequestError(400, 'BadRequest', 'r', 'Invalid value.'));
    expect(other.message).not.toContain('svarar inte');
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { User } from '@microsoft/microsoft-graph-types';
import type { GraphError } from '@microsoft/microsoft-graph-client';
import type { RunningTenant } from '../src/index';
import { appClient, CHAIR, control, graphClient, msalFor, ssoToken, startTestTenant, userClient } from './support';

describe('local tenant: identity and users', () => {
  let tenant: RunningTenant;
  beforeAll(async () => {
    tenant = await startTestTenant();
  });
  afterAll(async () => tenant.close());

  it('issues client-credentials tokens through real msal-node, accepted by Graph routes', async () => {
    const client = await appClient(tenant);
    const users = (await client.api('/users').top(5).get()) as { value: User[]; '@odata.nextLink'?: string };
    expect(users.value).toHaveLength(5);
    expect(users['@odata.nextLink']).toContain('$skiptoken');
  });

  it('exchanges an SSO token on-behalf-of the person, and /me is that person', async () => {
    const client = await userClient(tenant, CHAIR);
    const me = (await client.api('/me').get()) as User;
    expect(me.mail).toBe(CHAIR);
    expect(me).not.toHaveProperty('xRoles');
  });

  it('refuses an on-behalf-of assertion that is not for the app', async () => {
    const foreign = (await (
      await control(tenant, 'POST', '/tokens', { claims: { aud: 'someone-else', tid: tenant.tenantId } })
    ).json()) as { access_token: string };
    await expect(
      msalFor(tenant).acquireTokenOnBehalfOf({
        oboAssertion: foreign.access_token,
        scopes: ['https://graph.microsoft.com/.default'],
      }),
    ).rejects.toThrow(/AADSTS50013/);
  });

  it('answers 401 in Graph error format without a token, with an SSO token (wrong audience) or an unknown signature', async () => {
    const noToken = await fetch(`${tenant.graphUrl}/users`);
    expect(noToken.status).toBe(401);
    const body = (await noToken.json()) as { error: { code: string; innerError: { 'request-id': string } } };
    expect(body.error.code).toBe('InvalidAuthenticationToken');
    expect(body.error.innerError['request-id']).toMatch(/^[0-9a-f-]{36}$/);

    const sso = await ssoToken(tenant, CHAIR);
    const wrongAudience = graphClient(tenant, async () => sso);
    await expect(wrongAudience.api('/me').get()).rejects.toMatchObject({ statusCode: 401 } as Partial<GraphError>);
  });

  it('answers 403 when the app lacks the permission', async () => {
    const weak = await startTestTenant({ app: { applicationPermissions: ['Calendars.ReadBasic'] } });
    try {
      const client = await appClient(weak);
      await expect(client.api('/users').get()).rejects.toMatchObject({
        statusCode: 403,
        code: 'Authorization_RequestDenied',
      });
    } finally {
      await weak.close();
    }
  });

  it('gets a user by UPN, and 404 for an unknown one', async () => {
    const client = await appClient(tenant);
    const chair = (await client.api(`/users/${CHAIR}`).select('displayName,mail').get()) as User;
    // Graph answers exactly what $select names (user-get example 3 has no id either).
    expect(chair).toEqual({
      '@odata.context': expect.stringContaining('users(displayName,mail)/$entity'),
      displayName: 'Maria Bergström',
      mail: CHAIR,
    });
    await expect(client.api('/users/nobody@example.com').get()).rejects.toMatchObject({
      statusCode: 404,
      code: 'Request_ResourceNotFound',
    });
  });

  it('refuses a query option it does not implement instead of ignoring it', async () => {
    const client = await appClient(tenant);
    await expect(client.api('/users').query({ $search: '"displayName:Maria"' }).get()).rejects.toMatchObject({
      statusCode: 400,
    });
  });

  it('honours an injected 429 through the client RetryHandler', async () => {
    const client = await appClient(tenant);
    await control(tenant, 'POST', '/faults', { status: 429, retryAfter: 0.01, path: '^/v1\\.0/users$', count: 2 });
    const before = ((await (await control(tenant, 'GET', '/requests')).json()) as { lastSeq: number }).lastSeq;
    const users = (await client.api('/users').get()) as { value: User[] };
    expect(users.value.length).toBeGreaterThan(40);
    const log = (await (await control(tenant, 'GET', `/requests?since=${before}`)).json()) as {
      requests: { status: number; path: string }[];
    };
    expect(log.requests.filter((r) => r.path.startsWith('/v1.0/')).map((r) => r.status)).toEqual([429, 429, 200]);
  });

  it('answers $batch with per-request status', async () => {
    const client = await appClient(tenant);
    const answer = (await client.api('/$batch').post({
      requests: [
        { id: '1', method: 'GET', url: `/users/${CHAIR}` },
        { id: '2', method: 'GET', url: '/users/nobody@example.com' },
        { id: '3', method: 'GET', url: `/users/${CHAIR}`, dependsOn: ['2'] },
      ],
    })) as { responses: { id: string; status: number }[] };
    const byId = Object.fromEntries(answer.responses.map((r) => [r.id, r.status]));
    expect(byId).toEqual({ '1': 200, '2': 404, '3': 424 });
  });
});

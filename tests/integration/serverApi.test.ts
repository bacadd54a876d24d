import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';

jest.setTimeout(60_000);
import { CHAIR, COORDINATOR, MEMBER_GUEST } from '../../infra/graph-emulator/tests/support';
import { mintToken, startStack, type Stack } from './support/stack';

interface PersonView {
  id: string;
  displayName: string;
  email: string;
  organisationId: string;
  roles: string[];
  etag: string;
  title?: string;
}

describe('server: REST API for the tab against the local tenant', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
    await stack.prepare();
  });
  afterAll(async () => stack.close());

  it.each([
    [CHAIR, ['ordforande', 'samverkansgrupp'], 'umea', 'samverkansgrupp.kalla'],
    [COORDINATOR, ['samordnare', 'stodgrupp'], 'region-vasterbotten', 'contacts.edit'],
    [MEMBER_GUEST, ['samverkansgrupp'], 'umea', 'report.read'],
  ])('GET /api/me for %s gives the roles from Kontakter', async (user, roles, organisationId, action) => {
    const response = await stack.call('/api/me', { token: await stack.token(user) });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      person: { email: string; roles: string[]; organisationId: string; organisationName: string };
      allowedActions: string[];
    };
    expect(body.person.email).toBe(user);
    expect(body.person.roles.sort()).toEqual([...roles].sort());
    expect(body.person.organisationId).toBe(organisationId);
    expect(body.person.organisationName.length).toBeGreaterThan(0);
    expect(body.allowedActions).toContain(action);
    if (user === MEMBER_GUEST) expect(body.allowedActions).not.toContain('contacts.edit');
  });

  it('lists organisations, people with etags, commitments and (empty) upcoming meetings', async () => {
    const token = await stack.token(MEMBER_GUEST);
    const orgs = (await (await stack.call('/api/organisations', { token })).json()) as {
      organisations: { id: string }[];
    };
    expect(orgs.organisations).toHaveLength(17);
    const people = (await (await stack.call('/api/people', { token })).json()) as { people: PersonView[] };
    expect(people.people.length).toBeGreaterThanOrEqual(45);
    expect(people.people.every((p) => p.etag.length > 0)).toBe(true);
    expect(people.people[0]).not.toHaveProperty('entraObjectId');
    const commitments = await stack.call('/api/commitments', { token });
    expect(commitments.status).toBe(200);
    expect(Array.isArray(((await commitments.json()) as { breaches: unknown[] }).breaches)).toBe(true);
    const meetings = await stack.call('/api/meetings?upcoming=true', { token });
    expect(await meetings.json()).toEqual({ meetings: [] });
    const bad = await stack.call('/api/meetings?upcoming=maybe', { token });
    expect(bad.status).toBe(400);
  });

  it('lets only the coordinator change a person; a stale ETag gets 409 with the current value', async () => {
    const member = await stack.token(MEMBER_GUEST);
    const coordinator = await stack.token(COORDINATOR);
    const people = (
      (await (await stack.call('/api/people', { token: coordinator })).json()) as { people: PersonView[] }
    ).people;
    const target = people.find((p) => p.email === 'lars.wikstrom@skelleftea.se')!;

    const refused = await stack.call(`/api/people/${target.id}`, {
      token: member,
      method: 'PATCH',
      body: { title: 'Chef' },
      headers: { 'if-match': target.etag },
    });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');

    const noEtag = await stack.call(`/api/people/${target.id}`, {
      token: coordinator,
      method: 'PATCH',
      body: { title: 'Chef' },
    });
    expect(noEtag.status).toBe(400);

    const ok = await stack.call(`/api/people/${target.id}`, {
      token: coordinator,
      method: 'PATCH',
      body: { title: 'Planchef' },
      headers: { 'if-match': target.etag },
    });
    expect(ok.status).toBe(200);
    const updated = ((await ok.json()) as { person: PersonView }).person;
    expect(updated.title).toBe('Planchef');
    expect(updated.etag).not.toBe(target.etag);

    const stale = await stack.call(`/api/people/${target.id}`, {
      token: coordinator,
      method: 'PATCH',
      body: { title: 'Arkitekt' },
      headers: { 'if-match': target.etag },
    });
    expect(stale.status).toBe(409);
    const conflict = (await stale.json()) as { error: { code: string; current: PersonView } };
    expect(conflict.error.code).toBe('CONFLICT');
    expect(conflict.error.current.title).toBe('Planchef');
    expect(conflict.error.current.etag).toBe(updated.etag);

    const invalid = await stack.call(`/api/people/${target.id}`, {
      token: coordinator,
      method: 'PATCH',
      body: { roles: ['kung'] },
      headers: { 'if-match': updated.etag },
    });
    expect(invalid.status).toBe(400);
    const issues = ((await invalid.json()) as { error: { issues: { path: string; message: string }[] } }).error.issues;
    expect(issues[0]?.message).toMatch(/Okänd roll/);
  });

  it("finds a person named O'Brien by e-mail: the quote neither breaks nor widens the filter", async () => {
    const gateway = stack.server.services.graph.forApp();
    await stack.server.services.contacts.create(gateway, {
      displayName: "Siobhán O'Brien",
      email: "siobhan.o'brien@umea.se",
      organisationId: 'umea',
      roles: ['arbetsgrupp'],
    });
    const valid = {
      aud: stack.tenant.clientId,
      iss: `https://login.microsoftonline.com/${stack.tenant.tenantId}/v2.0`,
      tid: stack.tenant.tenantId,
      scp: 'access_as_user',
      ver: '2.0',
    };
    const obrien = await mintToken(stack.tenant, {
      ...valid,
      oid: '0b0b0b0b-0000-4000-8000-000000000001',
      // First sign-in of an unbound contact: found by the UPN (never preferred_username), then bound.
      upn: "siobhan.o'brien@umea.se",
    });
    const me = await stack.call('/api/me', { token: obrien });
    expect(me.status).toBe(200);
    const body = (await me.json()) as { person: { displayName: string; roles: string[] } };
    expect(body.person.displayName).toBe("Siobhán O'Brien");
    expect(body.person.roles).toEqual(['arbetsgrupp']);

    // An injection attempt must match nobody, not everybody.
    const sneaky = await mintToken(stack.tenant, {
      ...valid,
      oid: '0b0b0b0b-0000-4000-8000-000000000002',
      upn: "x@y.se' or fields/Email ne 'z",
    });
    const refused = await stack.call('/api/me', { token: sneaky });
    expect(refused.status).toBe(403);
  });

  it('is ready once Graph answers and the lists exist', async () => {
    const ready = await stack.call('/readyz');
    expect(ready.status).toBe(200);
  });
});

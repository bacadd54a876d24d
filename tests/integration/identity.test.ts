import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { COORDINATOR, MEMBER_GUEST } from '../../infra/graph-emulator/tests/support';
import { SEED_PEOPLE } from '../../infra/graph-emulator/src/index';
import { TENANT_ID } from '../../infra/graph-emulator/src/tenantConfig';
import { addressOfUpn } from '../../api/services/identity';
import { mintToken, startStack, type Stack } from './support/stack';

interface PersonDto {
  id: string;
  email: string;
  etag: string;
}

const OTHER_TENANT = '11111111-2222-4333-8444-555555555555';
const guest = SEED_PEOPLE.find((p) => p.mail === MEMBER_GUEST)!;

describe('identity: a contact is bound to one (tenant id, object id)', () => {
  let stack: Stack;
  let claims: Record<string, unknown>;

  const contact = () => stack.server.services.contacts.findByEmail(stack.server.services.graph.forApp(), MEMBER_GUEST);
  const status = async (token: string) => (await stack.call('/api/me', { token })).status;
  async function unbind(token: string): Promise<Response> {
    const people = (await (await stack.call('/api/people', { token })).json()) as { people: PersonDto[] };
    const person = people.people.find((p) => p.email === MEMBER_GUEST)!;
    return stack.call(`/api/people/${person.id}/unbind`, {
      token,
      method: 'POST',
      headers: { 'if-match': person.etag },
    });
  }

  beforeAll(async () => {
    // Another kommun's tenant is allowed too: its tokens are valid, and still nobody of ours.
    stack = await startStack({
      env: { ROLE_CACHE_TTL_SECONDS: '0', ALLOWED_TENANT_IDS: `${TENANT_ID},${OTHER_TENANT}` },
    });
    await stack.prepare();
    const [, payload] = (await stack.token(MEMBER_GUEST)).split('.');
    claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    for (const claim of ['iat', 'nbf', 'exp', 'uti']) delete claims[claim];
  }, 60_000);
  afterAll(async () => stack?.close());

  it('reads the address of a member UPN and of a guest UPN of the Region', () => {
    expect(addressOfUpn('karin.nordstrom@regionvasterbotten.se')).toBe('karin.nordstrom@regionvasterbotten.se');
    expect(addressOfUpn(String(claims.upn))).toBe(MEMBER_GUEST);
    expect(addressOfUpn('Erik.Lundqvist_umea.se#EXT#@region.onmicrosoft.com')).toBe('erik.lundqvist@umea.se');
    expect(addressOfUpn('not an address')).toBeUndefined();
  });

  it('finds a bound contact only by its object id: a new oid with the samordnare’s addresses gets nothing', async () => {
    const karin = SEED_PEOPLE.find((p) => p.mail === COORDINATOR)!;
    const forged = await mintToken(stack.tenant, {
      ...claims,
      oid: '0f0f0f0f-1111-4222-8333-444444444444',
      sub: 'x',
      upn: karin.userPrincipalName,
      email: karin.mail,
      preferred_username: karin.mail,
      name: karin.displayName,
    });
    const response = await stack.call('/api/me', { token: forged });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/annan inloggning/);
  });

  it('lets only the samordnare unbind a contact', async () => {
    expect((await unbind(await stack.token(MEMBER_GUEST))).status).toBe(403);
    expect((await contact())?.entraObjectId).toBe(guest.id);
    const response = await unbind(await stack.token(COORDINATOR));
    expect(response.status).toBe(200);
    const unbound = await contact();
    expect(unbound?.entraObjectId).toBeUndefined();
    expect(unbound?.entraTenantId).toBeUndefined();
  });

  it('does not bind by email or preferred_username', async () => {
    const byMail = await mintToken(stack.tenant, {
      ...claims,
      oid: '1e1e1e1e-1111-4222-8333-444444444444',
      upn: undefined,
    });
    expect(await status(byMail)).toBe(403);
    expect((await contact())?.entraObjectId).toBeUndefined();
  });

  it('binds an unbound contact once, at its first sign-in by UPN, recording tenant, object id and time', async () => {
    const before = Date.now();
    expect(await status(await stack.token(MEMBER_GUEST))).toBe(200);
    const bound = await contact();
    expect(bound?.entraObjectId).toBe(guest.id);
    expect(bound?.entraTenantId).toBe(stack.tenant.tenantId.toLowerCase());
    expect(Date.parse(bound!.boundAt!)).toBeGreaterThanOrEqual(before - 1000);
    // Once bound, the same UPN from another account is refused, and the first account still works.
    const other = await mintToken(stack.tenant, { ...claims, oid: '2d2d2d2d-1111-4222-8333-444444444444' });
    expect(await status(other)).toBe(403);
    expect(await status(await stack.token(MEMBER_GUEST))).toBe(200);
    expect((await contact())?.boundAt).toBe(bound?.boundAt);
  });

  it('refuses the bound object id from another tenant', async () => {
    const elsewhere = await mintToken(stack.tenant, {
      ...claims,
      tid: OTHER_TENANT,
      iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0`,
    });
    expect(await status(elsewhere)).toBe(403);
    // … and an unbound contact of ours cannot be bound from it either.
    expect((await unbind(await stack.token(COORDINATOR))).status).toBe(200);
    expect(await status(elsewhere)).toBe(403);
    expect((await contact())?.entraObjectId).toBeUndefined();
  });
});

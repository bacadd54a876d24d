import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';

jest.setTimeout(60_000);
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { CHAIR } from '../../infra/graph-emulator/tests/support';
import { mintToken, startStack, type Stack } from './support/stack';

interface ErrorBody {
  error: { code: string; message: string; requestId: string; issues?: unknown[] };
}

describe('server: incoming identity and the error shape', () => {
  let stack: Stack;
  let valid: Record<string, unknown>;
  beforeAll(async () => {
    stack = await startStack();
    const [, payload] = (await stack.token(CHAIR)).split('.');
    valid = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    for (const claim of ['iat', 'nbf', 'exp', 'uti']) delete valid[claim];
  });
  afterAll(async () => stack.close());

  it('answers /api/config without a token: Entra as authority, the local tenant endpoints as its metadata', async () => {
    const response = await stack.call('/api/config');
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, string>;
    const endpoints = `${stack.tenant.url}/${stack.tenant.tenantId}`;
    expect(body).toEqual({
      mode: 'local',
      tenantId: stack.tenant.tenantId,
      clientId: stack.tenant.clientId,
      scope: `api://localhost/${stack.tenant.clientId}/access_as_user`,
      authority: `https://login.microsoftonline.com/${stack.tenant.tenantId}`,
      authorityMetadata: expect.any(String),
    });
    const metadata = JSON.parse(body.authorityMetadata ?? '{}') as Record<string, string>;
    expect(metadata).toMatchObject({
      issuer: `https://login.microsoftonline.com/${stack.tenant.tenantId}/v2.0`,
      authorization_endpoint: `${endpoints}/oauth2/v2.0/authorize`,
      token_endpoint: `${endpoints}/oauth2/v2.0/token`,
      jwks_uri: `${endpoints}/discovery/v2.0/keys`,
    });
    // The persona page opens for the tab's own redirect URI (the registration's SPA URI), with PKCE.
    const params = new URLSearchParams({
      client_id: body.clientId ?? '',
      redirect_uri: `${stack.url}/auth-end.html`,
      response_type: 'code',
      response_mode: 'fragment',
      scope: `${body.scope} openid profile offline_access`,
      code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      code_challenge_method: 'S256',
    });
    const authorize = await fetch(`${metadata.authorization_endpoint}?${params.toString()}`);
    expect(authorize.status).toBe(200);
  });

  it('sends security headers: CSP framing for Teams, sign-in origin, no CORS', async () => {
    const response = await stack.call('/healthz', { headers: { origin: 'https://evil.example' } });
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain('frame-ancestors');
    expect(csp).toContain('https://*.teams.microsoft.com');
    expect(csp).toMatch(new RegExp(`connect-src 'self' ${stack.tenant.url.replace(/[.]/g, '\\.')}`));
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  const cases: [string, () => Promise<string>][] = [
    ['no token', async () => ''],
    ['garbage', async () => 'not-a-jwt'],
    ['expired', () => mintToken(stack.tenant, valid, -120)],
    ['another audience', () => mintToken(stack.tenant, { ...valid, aud: 'api://someone-else' })],
    [
      'a tenant outside the allow-list',
      () =>
        mintToken(stack.tenant, {
          ...valid,
          tid: '11111111-2222-4333-8444-555555555555',
          iss: 'https://login.microsoftonline.com/11111111-2222-4333-8444-555555555555/v2.0',
        }),
    ],
    ['a wrong issuer for its tenant', () => mintToken(stack.tenant, { ...valid, iss: 'https://sts.windows.net/x/' })],
    ['no access_as_user scope', () => mintToken(stack.tenant, { ...valid, scp: 'User.Read' })],
    [
      'an unknown signing key',
      async () => {
        const { privateKey, publicKey } = await generateKeyPair('RS256');
        const kid = (await exportJWK(publicKey)).n?.slice(0, 16) ?? 'unknown';
        const now = Math.floor(Date.now() / 1000);
        return new SignJWT({ ...valid, iat: now, nbf: now, exp: now + 600 })
          .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid })
          .sign(privateKey);
      },
    ],
  ];

  it.each(cases)('refuses %s with 401 in the one error shape, leaking nothing', async (_name, make) => {
    const token = await make();
    const response = await stack.call('/api/me', { token: token || undefined });
    expect(response.status).toBe(401);
    const text = await response.text();
    const body = JSON.parse(text) as ErrorBody;
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error.code).toBe('UNAUTHENTICATED');
    expect(body.error.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.error.requestId).toBe(response.headers.get('x-request-id'));
    expect(body.error.message).toMatch(/inloggad/);
    expect(text).not.toMatch(/stack|jwt|JWS|signature|audience|ERR_|at \w+ \(/i);
  });

  it('answers an unknown path and a malformed body in the same shape', async () => {
    const unknown = await stack.call('/api/nothing-here', { token: await stack.token(CHAIR) });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as ErrorBody).error.code).toBe('NOT_FOUND');

    const token = await stack.token(CHAIR);
    const malformed = await stack.call('/api/people/1', {
      token,
      method: 'PATCH',
      body: '{"roles": [',
      headers: { 'if-match': '"x"' },
    });
    expect(malformed.status).toBe(400);
    const body = (await malformed.json()) as ErrorBody;
    expect(body.error.code).toBe('VALIDATION');
    expect(body.error.issues).toEqual([]);
  });

  it('refuses a body over the size limit', async () => {
    const token = await stack.token(CHAIR);
    const response = await stack.call('/api/people/1', {
      token,
      method: 'PATCH',
      body: { displayName: 'x'.repeat(200_000) },
      headers: { 'if-match': '"x"' },
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as ErrorBody).error.code).toBe('VALIDATION');
  });

  it('reserves /api/messages for the bot', async () => {
    const response = await stack.call('/api/messages', { method: 'POST', body: {} });
    expect(response.status).not.toBe(404);
  });

  it('reports liveness always', async () => {
    expect((await stack.call('/healthz')).status).toBe(200);
  });
});

import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { jwtVerify, createRemoteJWKSet } from 'jose';
import type { RunningTenant } from '../src/index';
import { readSpaPlatform, redirectUriRegistered, spaOriginAllowed } from '../src/identity/spa';
import { CHAIR, startTestTenant } from './support';

/**
 * The tab's sign-in outside Teams: the authorization code flow with PKCE, as Entra serves a single-page
 * application, over real HTTP. Every refusal is one Entra documents (codes in the emulator README).
 */
let tenant: RunningTenant;
const APP_ORIGIN = 'http://127.0.0.1:39781';
const REDIRECT = `${APP_ORIGIN}/auth-end.html`;

beforeAll(async () => {
  tenant = await startTestTenant();
});
afterAll(async () => {
  await tenant?.close();
});

const authorizeUrl = () => `${tenant.url}/${tenant.tenantId}/oauth2/v2.0/authorize`;
const tokenUrl = () => `${tenant.url}/${tenant.tenantId}/oauth2/v2.0/token`;
const apiScope = () => `api://localhost/${tenant.clientId}/access_as_user`;

function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

function authorizeParams(overrides: Record<string, string | undefined> = {}): Record<string, string> {
  const params: Record<string, string | undefined> = {
    client_id: tenant.clientId,
    redirect_uri: REDIRECT,
    response_type: 'code',
    response_mode: 'fragment',
    scope: `${apiScope()} openid profile offline_access`,
    state: 'state-1',
    nonce: 'nonce-1',
    code_challenge: pkce().challenge,
    code_challenge_method: 'S256',
    ...overrides,
  };
  return Object.fromEntries(
    Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

async function getAuthorize(overrides: Record<string, string | undefined> = {}): Promise<Response> {
  return fetch(`${authorizeUrl()}?${new URLSearchParams(authorizeParams(overrides)).toString()}`, {
    redirect: 'manual',
  });
}

/** The persona page's form, submitted as the browser would: back to the redirect URI with a code. */
async function signIn(overrides: Record<string, string | undefined> = {}): Promise<URL> {
  const response = await fetch(authorizeUrl(), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...authorizeParams(overrides), login_hint: CHAIR }).toString(),
  });
  expect(response.status).toBe(303);
  return new URL(response.headers.get('location') ?? '');
}

const answerOf = (location: URL) =>
  new URLSearchParams(location.hash ? location.hash.slice(1) : location.search.slice(1));

async function redeem(form: Record<string, string>, origin: string | null = APP_ORIGIN): Promise<Response> {
  return fetch(tokenUrl(), {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded;charset=utf-8',
      ...(origin ? { origin } : {}),
    },
    body: new URLSearchParams(form).toString(),
  });
}

async function codeFor(challenge: string): Promise<string> {
  const location = await signIn({ code_challenge: challenge });
  return answerOf(location).get('code') ?? '';
}

function codeForm(code: string, verifier: string, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    client_id: tenant.clientId,
    grant_type: 'authorization_code',
    code,
    redirect_uri: REDIRECT,
    code_verifier: verifier,
    scope: `${apiScope()} openid profile offline_access`,
    ...overrides,
  };
}

async function errorOf(response: Response): Promise<{ status: number; error: string; code: number }> {
  const body = (await response.json()) as { error: string; error_codes: number[] };
  return { status: response.status, error: body.error, code: body.error_codes[0] ?? 0 };
}

describe('the registration the local tenant reads', () => {
  it('takes the SPA redirect URIs and the disabled implicit grant from infra/entra/aad.manifest.json', () => {
    const platform = readSpaPlatform();
    expect(platform.redirectUris).toEqual(
      expect.arrayContaining(['http://127.0.0.1/auth-end.html', 'https://${{TAB_DOMAIN}}/auth-end.html']),
    );
    expect(platform.implicitAccessTokens).toBe(false);
    expect(platform.implicitIdTokens).toBe(false);
  });

  it('matches loopback redirect URIs on any port, everything else exactly', () => {
    const registered = ['http://127.0.0.1/auth-end.html', 'https://tab.example.se/auth-end.html'];
    expect(redirectUriRegistered('http://127.0.0.1:3978/auth-end.html', registered)).toBe(true);
    expect(redirectUriRegistered('http://127.0.0.1:3978/Auth-End.html', registered)).toBe(false);
    expect(redirectUriRegistered('http://localhost:3978/auth-end.html', registered)).toBe(false);
    expect(redirectUriRegistered('https://tab.example.se/auth-end.html', registered)).toBe(true);
    expect(redirectUriRegistered('https://tab.example.se:8443/auth-end.html', registered)).toBe(false);
    expect(redirectUriRegistered('https://evil.example/auth-end.html', registered)).toBe(false);
    expect(spaOriginAllowed('http://127.0.0.1:5173', registered)).toBe(true);
    expect(spaOriginAllowed('https://evil.example', registered)).toBe(false);
  });
});

describe('authorize: code flow with PKCE for the SPA', () => {
  it('shows the persona page for a valid request and sends a single-use code back in the fragment', async () => {
    const page = await getAuthorize();
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Logga in i den lokala testmiljön');
    const location = await signIn();
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(location.search).toBe('');
    const answer = answerOf(location);
    expect(answer.get('state')).toBe('state-1');
    expect(answer.get('code')).toMatch(/^1\.code\./);
    expect(answer.has('access_token')).toBe(false);
  });

  it('answers in the query when response_mode=query', async () => {
    const location = await signIn({ response_mode: 'query' });
    expect(location.hash).toBe('');
    expect(location.searchParams.get('code')).toBeTruthy();
  });

  it('refuses a redirect URI the registration does not list on its own page, sending nothing to it', async () => {
    for (const redirect_uri of ['https://evil.example/auth-end.html', `${APP_ORIGIN}/tab/auth-end`]) {
      const response = await getAuthorize({ redirect_uri });
      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
      expect(await response.text()).toContain('AADSTS50011');
    }
    const unknownApp = await getAuthorize({ client_id: '00000000-0000-4000-8000-000000000000' });
    expect(unknownApp.status).toBe(400);
    expect(await unknownApp.text()).toContain('AADSTS700016');
  });

  it('refuses the implicit grant as Entra does when the registration does not enable it', async () => {
    for (const [response_type, code] of [
      ['token', 'AADSTS700051'],
      ['id_token token', 'AADSTS700051'],
      ['id_token', 'AADSTS700054'],
    ] as const) {
      const response = await getAuthorize({ response_type, response_mode: undefined });
      expect(response.status).toBe(303);
      const location = new URL(response.headers.get('location') ?? '');
      const answer = answerOf(location);
      expect(answer.get('error')).toBe('unsupported_response_type');
      expect(answer.get('error_description')).toContain(code);
      expect(answer.get('state')).toBe('state-1');
    }
    const post = await fetch(authorizeUrl(), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...authorizeParams({ response_type: 'token' }), login_hint: CHAIR }).toString(),
    });
    expect(answerOf(new URL(post.headers.get('location') ?? '')).get('error')).toBe('unsupported_response_type');
    expect(answerOf(new URL(post.headers.get('location') ?? '')).has('access_token')).toBe(false);
  });

  it('requires an S256 code_challenge, and answers prompt=none with login_required', async () => {
    const cases: [Record<string, string | undefined>, string, string][] = [
      [{ code_challenge: undefined }, 'invalid_request', 'AADSTS9002325'],
      [{ code_challenge_method: 'plain' }, 'invalid_request', 'S256'],
      [{ code_challenge: 'too-short' }, 'invalid_request', 'AADSTS501491'],
      [{ scope: 'https://graph.microsoft.com/User.Read openid' }, 'invalid_scope', 'AADSTS70011'],
      [{ prompt: 'none' }, 'login_required', 'AADSTS50058'],
    ];
    for (const [overrides, error, text] of cases) {
      const response = await getAuthorize(overrides);
      expect(response.status).toBe(303);
      const answer = answerOf(new URL(response.headers.get('location') ?? ''));
      expect({ error: answer.get('error'), has: answer.get('error_description')?.includes(text) }).toEqual({
        error,
        has: true,
      });
      expect(answer.has('code')).toBe(false);
    }
  });
});

describe('token: redeeming the code from the browser', () => {
  it('gives the API token, an ID token with the nonce and a 24-hour refresh token, with CORS for the tab', async () => {
    const { verifier, challenge } = pkce();
    const response = await redeem(codeForm(await codeFor(challenge), verifier));
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ token_type: 'Bearer', scope: apiScope(), refresh_token_expires_in: 86400 });
    const jwks = createRemoteJWKSet(new URL(`${tenant.url}/${tenant.tenantId}/discovery/v2.0/keys`));
    const access = await jwtVerify(String(body.access_token), jwks, { audience: tenant.clientId });
    expect(access.payload).toMatchObject({ scp: 'access_as_user', tid: tenant.tenantId, azp: tenant.clientId });
    const id = await jwtVerify(String(body.id_token), jwks, { audience: tenant.clientId });
    expect(id.payload).toMatchObject({ nonce: 'nonce-1', preferred_username: expect.any(String), ver: '2.0' });
    expect(id.payload.oid).toBe(access.payload.oid);
    const clientInfo = JSON.parse(Buffer.from(String(body.client_info), 'base64url').toString()) as { uid: string };
    expect(clientInfo.uid).toBe(access.payload.oid);
  });

  it('answers the CORS preflight for a registered SPA origin only', async () => {
    const preflight = (origin: string) =>
      fetch(tokenUrl(), {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    const ours = await preflight(APP_ORIGIN);
    expect(ours.status).toBe(204);
    expect(ours.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(ours.headers.get('access-control-allow-methods')).toContain('POST');
    const theirs = await preflight('https://evil.example');
    expect(theirs.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a verifier that does not match the challenge (AADSTS50148), and the code is spent', async () => {
    const { verifier, challenge } = pkce();
    const code = await codeFor(challenge);
    expect(await errorOf(await redeem(codeForm(code, pkce().verifier)))).toEqual({
      status: 400,
      error: 'invalid_grant',
      code: 50148,
    });
    expect((await errorOf(await redeem(codeForm(code, verifier)))).code).toBe(54005);
  });

  it('refuses a code presented twice (AADSTS54005) and revokes the refresh token it gave', async () => {
    const { verifier, challenge } = pkce();
    const code = await codeFor(challenge);
    const first = (await (await redeem(codeForm(code, verifier))).json()) as { refresh_token: string };
    expect(await errorOf(await redeem(codeForm(code, verifier)))).toEqual({
      status: 400,
      error: 'invalid_grant',
      code: 54005,
    });
    const refresh = await redeem({
      client_id: tenant.clientId,
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token,
      scope: `${apiScope()} openid offline_access`,
    });
    expect((await errorOf(refresh)).code).toBe(70000);
  });

  it('refuses another redirect URI than the code was issued for (AADSTS500112)', async () => {
    const { verifier, challenge } = pkce();
    const code = await codeFor(challenge);
    const response = await redeem(codeForm(code, verifier, { redirect_uri: `${APP_ORIGIN}/other.html` }));
    expect(await errorOf(response)).toEqual({ status: 400, error: 'invalid_grant', code: 500112 });
  });

  it('refuses a redemption without an Origin header: SPA codes are redeemed cross-origin only (AADSTS9002327)', async () => {
    const { verifier, challenge } = pkce();
    const code = await codeFor(challenge);
    expect(await errorOf(await redeem(codeForm(code, verifier), null))).toEqual({
      status: 400,
      error: 'invalid_request',
      code: 9002327,
    });
  });

  it('refuses a missing verifier, an unknown code and an expired code', async () => {
    const { verifier, challenge } = pkce();
    const form = codeForm(await codeFor(challenge), verifier);
    const { code_verifier: _dropped, ...withoutVerifier } = form;
    expect((await errorOf(await redeem(withoutVerifier))).code).toBe(900144);
    expect((await errorOf(await redeem(codeForm('1.code.forged', verifier)))).code).toBe(70000);
    const late = pkce();
    const lateCode = await codeFor(late.challenge);
    const now = jest.spyOn(tenant.ctx, 'now').mockReturnValue(new Date(Date.now() + 11 * 60 * 1000));
    try {
      expect((await errorOf(await redeem(codeForm(lateCode, late.verifier)))).code).toBe(70008);
    } finally {
      now.mockRestore();
    }
  });

  it('refreshes from the browser within 24 hours, and refuses after them (AADSTS700084)', async () => {
    const { verifier, challenge } = pkce();
    const first = (await (await redeem(codeForm(await codeFor(challenge), verifier))).json()) as {
      refresh_token: string;
    };
    const form = {
      client_id: tenant.clientId,
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token,
      scope: `${apiScope()} openid offline_access`,
    };
    const again = await redeem(form);
    expect(again.status).toBe(200);
    const renewed = (await again.json()) as { access_token: string; refresh_token_expires_in: number };
    expect(renewed.access_token).toBeTruthy();
    expect(renewed.refresh_token_expires_in).toBeLessThanOrEqual(86400);
    expect((await errorOf(await redeem(form, null))).code).toBe(9002327);
    const now = jest.spyOn(tenant.ctx, 'now').mockReturnValue(new Date(Date.now() + 25 * 60 * 60 * 1000));
    try {
      expect((await errorOf(await redeem(form))).code).toBe(700084);
    } finally {
      now.mockRestore();
    }
  });
});

import { beforeEach, describe, expect, it } from '@jest/globals';
import { completeSignIn, signInUrl, storedToken, signOut, wasSignedOut } from '../../src/tab/session';
import type { TabConfig } from '../../src/tab/api';

const CONFIG: TabConfig = {
  mode: 'local',
  tenantId: '11111111-1111-4111-8111-111111111111',
  clientId: '22222222-2222-4222-8222-222222222222',
  authorizeUrl: 'http://127.0.0.1:4100/11111111-1111-4111-8111-111111111111/oauth2/v2.0/authorize',
  scope: 'api://localhost/22222222-2222-4222-8222-222222222222/access_as_user',
};

function jwt(claims: Record<string, unknown>): string {
  const encode = (value: object) =>
    btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${encode({ alg: 'RS256' })}.${encode(claims)}.signature`;
}

describe('standalone sign-in (implicit grant against the persona page)', () => {
  beforeEach(() => window.sessionStorage.clear());

  it('sends client id, token response type, the auth-end redirect, scope, state and nonce', () => {
    const url = new URL(signInUrl(CONFIG, '/#/kontakter'));
    expect(`${url.origin}${url.pathname}`).toBe(CONFIG.authorizeUrl);
    expect(url.searchParams.get('client_id')).toBe(CONFIG.clientId);
    expect(url.searchParams.get('response_type')).toBe('token');
    expect(url.searchParams.get('redirect_uri')).toBe(`${window.location.origin}/auth-end.html`);
    expect(url.searchParams.get('scope')).toBe(CONFIG.scope);
    expect(url.searchParams.get('state')).toMatch(/^[0-9a-f-]{36}$/);
    expect(url.searchParams.get('nonce')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps the token only when the state matches, and returns to the page the user came from', () => {
    const state = new URL(signInUrl(CONFIG, '/#/kontakter')).searchParams.get('state')!;
    const token = jwt({ exp: Math.floor(Date.now() / 1000) + 3600 });
    const result = completeSignIn(`#access_token=${token}&token_type=Bearer&state=${state}`);
    expect(result).toEqual({ ok: true, token, returnTo: '/#/kontakter' });
    expect(storedToken()).toBe(token);
  });

  it('refuses a token whose state was not issued here (login CSRF)', () => {
    signInUrl(CONFIG, '/');
    const result = completeSignIn(`#access_token=${jwt({ exp: 9_999_999_999 })}&state=forged`);
    expect(result.ok).toBe(false);
    expect(storedToken()).toBeUndefined();
  });

  it('never follows a return address to another site', () => {
    const state = new URL(signInUrl(CONFIG, '//evil.example/phish')).searchParams.get('state')!;
    const result = completeSignIn(`#access_token=${jwt({ exp: 9_999_999_999 })}&state=${state}`);
    expect(result.ok && result.returnTo).toBe('/');
  });

  it('drops an expired token and remembers an explicit sign-out', () => {
    const state = new URL(signInUrl(CONFIG, '/')).searchParams.get('state')!;
    completeSignIn(`#access_token=${jwt({ exp: Math.floor(Date.now() / 1000) - 10 })}&state=${state}`);
    expect(storedToken()).toBeUndefined();
    signOut();
    expect(wasSignedOut()).toBe(true);
  });
});

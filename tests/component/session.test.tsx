import { beforeEach, describe, expect, it } from '@jest/globals';
import { msalConfiguration, redirectUri, rememberSignedOut, signInRequest, wasSignedOut } from '../../src/tab/session';
import type { TabConfig } from '../../src/tab/api';

const TENANT = '11111111-1111-4111-8111-111111111111';
const LOCAL: TabConfig = {
  mode: 'local',
  tenantId: TENANT,
  clientId: '22222222-2222-4222-8222-222222222222',
  scope: 'api://localhost/22222222-2222-4222-8222-222222222222/access_as_user',
  authority: `https://login.microsoftonline.com/${TENANT}`,
  authorityMetadata: JSON.stringify({
    issuer: `https://login.microsoftonline.com/${TENANT}/v2.0`,
    authorization_endpoint: `http://127.0.0.1:4100/${TENANT}/oauth2/v2.0/authorize`,
    token_endpoint: `http://127.0.0.1:4100/${TENANT}/oauth2/v2.0/token`,
  }),
};

describe('standalone sign-in: msal-browser configuration (authorization code flow with PKCE)', () => {
  beforeEach(() => window.sessionStorage.clear());

  it('points msal at Entra, with the local tenant endpoints as authority metadata and the registered redirect URI', () => {
    const configuration = msalConfiguration(LOCAL, 'http://127.0.0.1:3978');
    expect(configuration.auth).toMatchObject({
      clientId: LOCAL.clientId,
      authority: LOCAL.authority,
      authorityMetadata: LOCAL.authorityMetadata,
      redirectUri: 'http://127.0.0.1:3978/auth-end.html',
    });
    expect(configuration.cache?.cacheLocation).toBe('sessionStorage');
    expect(redirectUri('https://tab.example.se')).toBe('https://tab.example.se/auth-end.html');
  });

  it('in tenant mode gives no metadata: msal reads Entra openid-configuration itself', () => {
    const { authorityMetadata: _local, ...tenant } = LOCAL;
    const configuration = msalConfiguration({ ...tenant, mode: 'tenant' }, 'https://tab.example.se');
    expect(configuration.auth.authorityMetadata).toBeUndefined();
    expect(configuration.auth.authority).toBe(LOCAL.authority);
  });

  it('asks for our API scope, with consent and a login hint for the Teams consent fallback', () => {
    expect(signInRequest(LOCAL)).toEqual({ scopes: [LOCAL.scope] });
    expect(signInRequest(LOCAL, { prompt: 'consent', loginHint: 'karin@regionvasterbotten.se' })).toEqual({
      scopes: [LOCAL.scope],
      prompt: 'consent',
      loginHint: 'karin@regionvasterbotten.se',
    });
  });

  it('remembers an explicit sign-out until the next sign-in', () => {
    expect(wasSignedOut()).toBe(false);
    rememberSignedOut(true);
    expect(wasSignedOut()).toBe(true);
    rememberSignedOut(false);
    expect(wasSignedOut()).toBe(false);
  });
});

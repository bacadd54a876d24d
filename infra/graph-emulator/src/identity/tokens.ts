import { randomUUID } from 'node:crypto';
import { SignJWT, jwtVerify, createLocalJWKSet, type JWTPayload } from 'jose';
import type { SigningKey } from './keys';
import { ENTRA_HOST, GRAPH_APP_ID, GRAPH_AUDIENCE, issuerFor, type AppRegistration } from '../tenantConfig';

export interface UserIdentity {
  id: string;
  userPrincipalName: string;
  displayName: string;
}

export interface TokenIssuer {
  /** A v2 access token for the app's own API, as Teams SSO (getAuthToken) hands the tab. */
  ssoToken(user: UserIdentity, opts?: { clientAppId?: string; ttlSeconds?: number }): Promise<string>;
  /** A Graph token for a user (on-behalf-of), `scp` from the app's delegated permissions. */
  delegatedGraphToken(user: UserIdentity, app: AppRegistration, ttlSeconds?: number): Promise<string>;
  /** A Graph token for the app itself (client credentials), `roles` from its application permissions. */
  appGraphToken(app: AppRegistration, ttlSeconds?: number): Promise<string>;
  /** Any claims, for tests of token validation (expired, other audience, other tenant, no scope). */
  mint(claims: JWTPayload, ttlSeconds?: number): Promise<string>;
  /** Verifies signature and lifetime; audience and issuer are checked by the caller. */
  verify(token: string): Promise<JWTPayload>;
  jwks(): { keys: object[] };
}

export function createTokenIssuer(key: SigningKey, tenantId: string, app: AppRegistration): TokenIssuer {
  const jwkSet = createLocalJWKSet({ keys: [key.publicJwk] });

  async function sign(claims: JWTPayload, ttlSeconds: number): Promise<string> {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ nbf: now, iat: now, exp: now + ttlSeconds, uti: randomUUID(), ...claims })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid })
      .sign(key.privateKey);
  }

  return {
    ssoToken(user, opts = {}) {
      return sign(
        {
          aud: app.clientId,
          iss: issuerFor(tenantId),
          tid: tenantId,
          oid: user.id,
          sub: user.id,
          azp: opts.clientAppId ?? app.clientId,
          azpacr: '0',
          name: user.displayName,
          preferred_username: user.userPrincipalName,
          upn: user.userPrincipalName,
          scp: 'access_as_user',
          ver: '2.0',
        },
        opts.ttlSeconds ?? 3600,
      );
    },
    delegatedGraphToken(user, registration, ttlSeconds = 3600) {
      return sign(
        {
          aud: GRAPH_AUDIENCE,
          iss: `${ENTRA_HOST.replace('login.microsoftonline.com', 'sts.windows.net')}/${tenantId}/`,
          tid: tenantId,
          oid: user.id,
          sub: user.id,
          upn: user.userPrincipalName,
          unique_name: user.userPrincipalName,
          name: user.displayName,
          appid: registration.clientId,
          app_displayname: registration.displayName,
          scp: registration.delegatedPermissions.join(' '),
          idtyp: 'user',
          ver: '1.0',
        },
        ttlSeconds,
      );
    },
    appGraphToken(registration, ttlSeconds = 3600) {
      return sign(
        {
          aud: GRAPH_AUDIENCE,
          iss: `${ENTRA_HOST.replace('login.microsoftonline.com', 'sts.windows.net')}/${tenantId}/`,
          tid: tenantId,
          oid: randomUUIDFor(registration.clientId),
          sub: randomUUIDFor(registration.clientId),
          appid: registration.clientId,
          app_displayname: registration.displayName,
          roles: registration.applicationPermissions,
          idtyp: 'app',
          ver: '1.0',
        },
        ttlSeconds,
      );
    },
    mint(claims, ttlSeconds = 3600) {
      return sign(claims, ttlSeconds);
    },
    async verify(token) {
      const { payload } = await jwtVerify(token, jwkSet, { algorithms: ['RS256'] });
      return payload;
    },
    jwks() {
      return { keys: [key.publicJwk] };
    },
  };
}

/** The service principal's object id: stable per app, not a secret. */
function randomUUIDFor(clientId: string): string {
  return `${clientId.slice(0, 24)}${'5e7a1c0b9d2f'}`;
}

export const GRAPH_AUDIENCES = new Set([GRAPH_AUDIENCE, `${GRAPH_AUDIENCE}/`, GRAPH_APP_ID]);

import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { API_SCOPE_NAME, issuerFor, type AppConfig } from '../config';

/** Who called, as the validated token says. */
export interface CallerIdentity {
  tenantId: string;
  objectId: string;
  /** The `upn` claim only (never `email` or `preferred_username`, which users or admins can change). */
  upn?: string;
  name?: string;
  /** The raw token, for the on-behalf-of exchange. */
  token: string;
}

const MAX_LIFETIME_SECONDS = 28 * 3600;

/** Why a token was refused; logged, never sent to the caller. */
export class TokenRejectedError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'TokenRejectedError';
  }
}

export interface TokenValidator {
  validate(bearer: string): Promise<CallerIdentity>;
}

/**
 * Validates the tab's SSO token as Entra issues it: RS256 signature against the tenant's JWKS, lifetime,
 * audience (the app's client id or Application ID URI), issuer of the token's own tenant, that tenant in
 * the allow-list, and the `access_as_user` scope.
 */
export function createTokenValidator(config: AppConfig, keys?: JWTVerifyGetKey): TokenValidator {
  const jwks = keys ?? createRemoteJWKSet(new URL(config.identity.jwksUri), { cooldownDuration: 30_000 });
  const audiences = [config.identity.clientId, config.identity.apiIdentifierUri];
  const allowed = new Set(config.identity.allowedTenantIds);

  return {
    async validate(bearer) {
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(bearer, jwks, {
          algorithms: ['RS256'],
          audience: audiences,
          // Entra puts all three in every access token; one without them is not Entra's.
          requiredClaims: ['exp', 'nbf', 'iat'],
          // Also refuses an `iat` in the future; 28 h covers Entra's longest (CAE) access token lifetime.
          maxTokenAge: '28h',
          clockTolerance: 60,
        }));
      } catch (error) {
        throw new TokenRejectedError(
          `signature, lifetime or audience: ${(error as { code?: string }).code ?? 'invalid'}`,
        );
      }
      // Entra's longest access token (CAE) lives 28 h; a longer one was not issued by Entra.
      if ((payload.exp ?? 0) - (payload.iat ?? 0) > MAX_LIFETIME_SECONDS) throw new TokenRejectedError('lifetime');
      const tenantId = typeof payload.tid === 'string' ? payload.tid : '';
      if (!allowed.has(tenantId)) throw new TokenRejectedError('tenant not allowed');
      if (payload.iss !== issuerFor(config, tenantId)) throw new TokenRejectedError('issuer');
      const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
      if (!scopes.includes(API_SCOPE_NAME)) throw new TokenRejectedError('scope');
      if (typeof payload.oid !== 'string' || payload.oid === '') throw new TokenRejectedError('oid');
      return {
        tenantId,
        objectId: payload.oid,
        ...(typeof payload.upn === 'string' && payload.upn.includes('@') ? { upn: payload.upn.toLowerCase() } : {}),
        name: typeof payload.name === 'string' ? payload.name : undefined,
        token: bearer,
      };
    },
  };
}

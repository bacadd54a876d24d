import type { NextFunction, Request, Response } from 'express';
import type { EmulatorContext } from '../context';
import { findUser } from '../resources/users';
import { issuerFor } from '../tenantConfig';
import {
  CODE_VERIFIER_PATTERN,
  SPA_REFRESH_LIFETIME_MS,
  findCode,
  findRefreshToken,
  issueRefreshToken,
  revokeRefreshTokens,
  verifierMatches,
} from './grants';
import { oauthError, type OAuthError } from './oauthError';
import { spaOriginAllowed } from './spa';

type TokenForm = Record<string, string | undefined>;
type TokenAnswer = OAuthError | { status: 200; body: object };

const ACCESS_TOKEN_SECONDS = 3599;

const missing = (name: string) =>
  oauthError(
    400,
    'invalid_request',
    'AADSTS900144',
    `The request body must contain the following parameter: '${name}'.`,
  );

/**
 * Entra redeems codes and refresh tokens of the SPA platform only from a browser: cross-origin, with an
 * `Origin` header (AADSTS9002327). The browser sets Origin itself; a server cannot redeem them.
 */
function requireBrowserOrigin(req: Request): OAuthError | undefined {
  if (req.header('origin')) return undefined;
  return oauthError(
    400,
    'invalid_request',
    'AADSTS9002327',
    "Tokens issued for the 'Single-Page Application' client-type may only be redeemed via cross-origin requests.",
  );
}

function requireClient(ctx: EmulatorContext, form: TokenForm): OAuthError | undefined {
  if (form.client_id === ctx.app.clientId) return undefined;
  return oauthError(
    400,
    'unauthorized_client',
    'AADSTS700016',
    `Application with identifier '${form.client_id ?? ''}' was not found in the directory.`,
  );
}

/** The answer to a browser: the API's access token, the ID token, and a 24-hour refresh token if asked for. */
async function tokensFor(
  ctx: EmulatorContext,
  grant: { userId: string; scopes: string[]; nonce?: string; refreshExpiresAt: number },
  now: number,
): Promise<TokenAnswer> {
  const user = findUser(ctx, grant.userId);
  if (!user)
    return oauthError(400, 'invalid_grant', 'AADSTS50034', 'The user account does not exist in this directory.');
  const accessToken = await ctx.tokens.ssoToken(user, { ttlSeconds: ACCESS_TOKEN_SECONDS + 1 });
  const body: Record<string, string | number> = {
    token_type: 'Bearer',
    scope: grant.scopes.filter((scope) => scope.includes('/')).join(' '),
    expires_in: ACCESS_TOKEN_SECONDS,
    ext_expires_in: ACCESS_TOKEN_SECONDS,
    access_token: accessToken,
    client_info: Buffer.from(JSON.stringify({ uid: user.id, utid: ctx.tenantId })).toString('base64url'),
  };
  if (grant.scopes.includes('openid'))
    body.id_token = await ctx.tokens.mint(
      {
        aud: ctx.app.clientId,
        iss: issuerFor(ctx.tenantId),
        tid: ctx.tenantId,
        oid: user.id,
        sub: user.id,
        name: user.displayName,
        preferred_username: user.userPrincipalName,
        ...(grant.nonce ? { nonce: grant.nonce } : {}),
        ver: '2.0',
      },
      ACCESS_TOKEN_SECONDS + 1,
    );
  if (grant.scopes.includes('offline_access')) {
    body.refresh_token = issueRefreshToken(ctx, {
      clientId: ctx.app.clientId,
      userId: user.id,
      scopes: grant.scopes,
      expiresAt: grant.refreshExpiresAt,
    });
    body.refresh_token_expires_in = Math.max(0, Math.floor((grant.refreshExpiresAt - now) / 1000));
  }
  return { status: 200, body };
}

/** `grant_type=authorization_code`: a single-use code, its PKCE verifier and the same redirect URI. */
export async function authorizationCodeGrant(
  ctx: EmulatorContext,
  req: Request,
  form: TokenForm,
): Promise<TokenAnswer> {
  const refused = requireClient(ctx, form) ?? requireBrowserOrigin(req);
  if (refused) return refused;
  if (!form.code) return missing('code');
  if (!form.redirect_uri) return missing('redirect_uri');
  if (!form.code_verifier) return missing('code_verifier');
  const code = findCode(ctx, form.code);
  if (!code || code.clientId !== form.client_id)
    return oauthError(400, 'invalid_grant', 'AADSTS70000', "The provided value for the 'code' parameter is not valid.");
  if (code.redeemed) {
    revokeRefreshTokens(ctx, code.refreshTokens);
    return oauthError(
      400,
      'invalid_grant',
      'AADSTS54005',
      'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.',
    );
  }
  // One attempt per code, whatever its outcome: a guessed verifier gets no second try.
  code.redeemed = true;
  if (code.expiresAt <= ctx.now().getTime())
    return oauthError(
      400,
      'invalid_grant',
      'AADSTS70008',
      'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.',
    );
  if (form.redirect_uri !== code.redirectUri)
    return oauthError(
      400,
      'invalid_grant',
      'AADSTS500112',
      `The reply address '${form.redirect_uri}' does not match the reply address '${code.redirectUri}' provided when requesting Authorization code.`,
    );
  if (!CODE_VERIFIER_PATTERN.test(form.code_verifier) || !verifierMatches(form.code_verifier, code.codeChallenge))
    return oauthError(
      400,
      'invalid_grant',
      'AADSTS50148',
      'The code_verifier does not match the code_challenge supplied in the authorization request for PKCE.',
    );
  const now = ctx.now().getTime();
  const answer = await tokensFor(
    ctx,
    { userId: code.userId, scopes: code.scopes, nonce: code.nonce, refreshExpiresAt: now + SPA_REFRESH_LIFETIME_MS },
    now,
  );
  if (answer.status === 200 && 'refresh_token' in answer.body && typeof answer.body.refresh_token === 'string')
    code.refreshTokens.push(answer.body.refresh_token);
  return answer;
}

/** `grant_type=refresh_token` for the SPA: a new access token; the refresh token's 24 hours are not extended. */
export async function refreshTokenGrant(ctx: EmulatorContext, req: Request, form: TokenForm): Promise<TokenAnswer> {
  const refused = requireClient(ctx, form) ?? requireBrowserOrigin(req);
  if (refused) return refused;
  if (!form.refresh_token) return missing('refresh_token');
  const grant = findRefreshToken(ctx, form.refresh_token);
  if (!grant || grant.revoked || grant.clientId !== form.client_id)
    return oauthError(
      400,
      'invalid_grant',
      'AADSTS70000',
      "The provided value for the 'refresh_token' parameter is not valid.",
    );
  const now = ctx.now().getTime();
  if (grant.expiresAt <= now)
    return oauthError(
      400,
      'invalid_grant',
      'AADSTS700084',
      'The refresh token was issued to a single page app (SPA), and therefore has a fixed, limited lifetime of 1.00:00:00, which cannot be extended. It is now expired and a new sign in request must be sent by the SPA to the sign in page.',
    );
  return tokensFor(ctx, { userId: grant.userId, scopes: grant.scopes, refreshExpiresAt: grant.expiresAt }, now);
}

/**
 * CORS on the token endpoint for the registration's SPA origins (the browser's fetch needs it, its preflight
 * too); other origins get no CORS headers, so their browser refuses to hand them the answer.
 */
export function tokenCors(req: Request, res: Response, next: NextFunction): void {
  const origin = req.header('origin');
  if (origin && spaOriginAllowed(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Vary', 'Origin');
    if (req.method === 'OPTIONS') {
      res.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', req.header('access-control-request-headers') ?? 'content-type');
      res.setHeader('Access-Control-Max-Age', '600');
    }
  }
  if (req.method === 'OPTIONS') {
    res.status(204).end();
    return;
  }
  next();
}

import type { Request, Response } from 'express';
import type { EmulatorContext } from '../context';
import { findUser } from '../resources/users';
import { issuerFor } from '../tenantConfig';
import { oauthError, type OAuthError } from './oauthError';
import { authorizationCodeGrant, refreshTokenGrant } from './spaToken';

type TokenForm = Record<string, string | undefined>;
type TokenAnswer = OAuthError | { status: 200; body: object };

const GRAPH_DEFAULT_SCOPES = new Set([
  'https://graph.microsoft.com/.default',
  '00000003-0000-0000-c000-000000000000/.default',
]);

/** The client's own credentials, from the form or from HTTP Basic, checked against the registration. */
function authenticateClient(ctx: EmulatorContext, req: Request, form: TokenForm): OAuthError | undefined {
  const basic = req.headers.authorization?.startsWith('Basic ')
    ? Buffer.from(req.headers.authorization.slice(6), 'base64').toString().split(':')
    : undefined;
  const clientId = form.client_id ?? basic?.[0];
  const clientSecret = form.client_secret ?? basic?.[1];
  if (clientId !== ctx.app.clientId)
    return oauthError(
      400,
      'unauthorized_client',
      'AADSTS700016',
      `Application with identifier '${clientId ?? ''}' was not found in the directory.`,
    );
  if (clientSecret !== ctx.app.clientSecret)
    return oauthError(401, 'invalid_client', 'AADSTS7000215', 'Invalid client secret provided.');
  return undefined;
}

function requireGraphScope(form: TokenForm): OAuthError | undefined {
  const scope = form.scope ?? '';
  if (scope.split(' ').some((s) => GRAPH_DEFAULT_SCOPES.has(s))) return undefined;
  return oauthError(
    400,
    'invalid_scope',
    'AADSTS70011',
    `The provided value for scope '${scope}' is not valid. The local tenant issues tokens for Microsoft Graph (.default) only.`,
  );
}

/** Client credentials: a Graph token for the app itself, `roles` from its application permissions. */
async function clientCredentialsGrant(ctx: EmulatorContext): Promise<TokenAnswer> {
  const token = await ctx.tokens.appGraphToken(ctx.app);
  return { status: 200, body: { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: token } };
}

/** On-behalf-of: the tab's SSO token for our API exchanged for a delegated Graph token. */
async function onBehalfOfGrant(ctx: EmulatorContext, form: TokenForm): Promise<TokenAnswer> {
  const tenant = ctx.tenantId;
  const app = ctx.app;
  if (form.requested_token_use !== 'on_behalf_of' || !form.assertion)
    return oauthError(
      400,
      'invalid_request',
      'AADSTS900144',
      "The request body must contain the following parameter: 'assertion'.",
    );
  let claims;
  try {
    claims = await ctx.tokens.verify(form.assertion);
  } catch {
    return oauthError(400, 'invalid_grant', 'AADSTS50013', 'Assertion failed signature validation or has expired.');
  }
  const audienceOk = claims.aud === app.clientId || claims.aud === app.identifierUri;
  if (!audienceOk || claims.tid !== tenant || claims.iss !== issuerFor(tenant))
    return oauthError(
      400,
      'invalid_grant',
      'AADSTS50013',
      'Assertion audience does not match the Client app presenting the assertion.',
    );
  const user = typeof claims.oid === 'string' ? findUser(ctx, claims.oid) : undefined;
  if (!user)
    return oauthError(400, 'invalid_grant', 'AADSTS50034', 'The user account does not exist in this directory.');
  const token = await ctx.tokens.delegatedGraphToken(user, app);
  return {
    status: 200,
    body: {
      token_type: 'Bearer',
      scope: app.delegatedPermissions.join(' '),
      expires_in: 3599,
      ext_expires_in: 3599,
      access_token: token,
    },
  };
}

async function answerTokenRequest(ctx: EmulatorContext, req: Request, form: TokenForm): Promise<TokenAnswer> {
  // The browser's grants (public client, no secret): the tab's code flow with PKCE and its refresh.
  if (form.grant_type === 'authorization_code') return authorizationCodeGrant(ctx, req, form);
  if (form.grant_type === 'refresh_token') return refreshTokenGrant(ctx, req, form);
  const refused = authenticateClient(ctx, req, form) ?? requireGraphScope(form);
  if (refused) return refused;
  if (form.grant_type === 'client_credentials') return clientCredentialsGrant(ctx);
  if (form.grant_type === 'urn:ietf:params:oauth:grant-type:jwt-bearer') return onBehalfOfGrant(ctx, form);
  return oauthError(
    400,
    'unsupported_grant_type',
    'AADSTS70003',
    `The app requested an unsupported grant type '${form.grant_type ?? ''}'.`,
  );
}

/** The token endpoint, for the one app registration. */
export async function issueToken(ctx: EmulatorContext, req: Request, res: Response): Promise<void> {
  const answer = await answerTokenRequest(ctx, req, (req.body ?? {}) as TokenForm);
  res.status(answer.status).json(answer.body);
}

import type { Request, Response } from 'express';
import type { EmulatorContext } from '../context';
import { escapeHtml } from '../html';
import { TENANT_SCOPE, type StoredUser } from '../model';
import { findPerson } from '../resources/users';
import { S256_CHALLENGE_PATTERN, issueCode } from './grants';
import { SEED_ROLE_NAMES } from '../seed/people';
import { redirectUriRegistered, spaPlatform } from './spa';

/**
 * The authorize endpoint for the tab outside Teams: OAuth 2.0 authorization code flow with PKCE, as Entra
 * serves a single-page application (msal-browser). The persona page stands in for Entra's sign-in UI.
 */

const OIDC_SCOPES = new Set(['openid', 'profile', 'email', 'offline_access']);
const FORWARDED = [
  'client_id',
  'redirect_uri',
  'response_type',
  'response_mode',
  'scope',
  'state',
  'nonce',
  'code_challenge',
  'code_challenge_method',
] as const;

type Params = Record<string, string | undefined>;

export interface AuthorizeRequest {
  clientId: string;
  redirectUri: string;
  responseMode: 'query' | 'fragment';
  scopes: string[];
  state?: string;
  nonce?: string;
  codeChallenge: string;
  prompt?: string;
  loginHint?: string;
}

type Checked =
  | { kind: 'ok'; request: AuthorizeRequest }
  /** Entra shows these on its own error page: the redirect URI is not trusted, so nothing goes back to it. */
  | { kind: 'page'; status: number; code: string; message: string }
  /** Sent back to the (registered) redirect URI as `error` and `error_description`. */
  | {
      kind: 'redirect';
      redirectUri: string;
      responseMode: 'query' | 'fragment';
      state?: string;
      error: string;
      description: string;
    };

const single = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function paramsOf(source: unknown): Params {
  const params: Params = {};
  if (source && typeof source === 'object')
    for (const [key, value] of Object.entries(source)) params[key] = single(value);
  return params;
}

function checkResponseType(responseType: string | undefined): { error: string; description: string } | undefined {
  if (responseType === 'code') return undefined;
  const parts = (responseType ?? '').split(' ').filter(Boolean);
  const platform = spaPlatform();
  // The registration enables neither implicit access tokens nor implicit ID tokens (aad.manifest.json).
  if (parts.includes('token') && !platform.implicitAccessTokens)
    return {
      error: 'unsupported_response_type',
      description: "AADSTS700051: response_type 'token' is not enabled for the application.",
    };
  if (parts.includes('id_token') && !platform.implicitIdTokens)
    return {
      error: 'unsupported_response_type',
      description: "AADSTS700054: response_type 'id_token' is not enabled for the application.",
    };
  return {
    error: 'invalid_request',
    description: `AADSTS900144: The request body must contain the following parameter: 'response_type'. Expected 'code', got '${responseType ?? ''}'.`,
  };
}

/** Validates an authorize request in Entra's order: client, redirect URI, then the rest (sent back to it). */
export function checkAuthorizeRequest(ctx: EmulatorContext, params: Params): Checked {
  if (params.client_id !== ctx.app.clientId)
    return {
      kind: 'page',
      status: 400,
      code: 'AADSTS700016',
      message: `Application with identifier '${params.client_id ?? ''}' was not found in the directory.`,
    };
  const redirectUri = params.redirect_uri ?? '';
  if (!redirectUriRegistered(redirectUri))
    return {
      kind: 'page',
      status: 400,
      code: 'AADSTS50011',
      message: `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${ctx.app.clientId}'.`,
    };
  const responseMode = params.response_mode ?? (params.response_type === 'code' ? 'query' : 'fragment');
  const back = (error: string, description: string): Checked => ({
    kind: 'redirect',
    redirectUri,
    responseMode: responseMode === 'query' ? 'query' : 'fragment',
    state: params.state,
    error,
    description,
  });
  const typeError = checkResponseType(params.response_type);
  if (typeError) return back(typeError.error, typeError.description);
  if (responseMode !== 'query' && responseMode !== 'fragment')
    return back(
      'invalid_request',
      `AADSTS900144: response_mode '${responseMode}' is not supported by the local tenant for a single-page application (query or fragment).`,
    );
  if (!params.code_challenge)
    return back(
      'invalid_request',
      'AADSTS9002325: Proof Key for Code Exchange is required for cross-origin authorization code redemption.',
    );
  if (params.code_challenge_method !== 'S256')
    return back(
      'invalid_request',
      "The local tenant accepts code_challenge_method 'S256' only (Entra also accepts 'plain'; msal-browser always sends S256).",
    );
  if (!S256_CHALLENGE_PATTERN.test(params.code_challenge))
    return back('invalid_request', 'AADSTS501491: Invalid size of Code_Challenge parameter.');
  const scopes = (params.scope ?? '').split(' ').filter(Boolean);
  const apiScope = `${ctx.app.identifierUri}/access_as_user`;
  const unknown = scopes.filter((scope) => !OIDC_SCOPES.has(scope) && scope !== apiScope);
  if (!scopes.includes(apiScope) || unknown.length > 0)
    return back(
      'invalid_scope',
      `AADSTS70011: The provided value for the input parameter 'scope' is not valid. The local tenant's code flow issues tokens for '${apiScope}' (with openid, profile, email, offline_access) only.`,
    );
  if (params.prompt === 'none')
    return back('login_required', 'AADSTS50058: A silent sign-in request was sent but no user is signed in.');
  return {
    kind: 'ok',
    request: {
      clientId: ctx.app.clientId,
      redirectUri,
      responseMode,
      scopes,
      state: params.state,
      nonce: params.nonce,
      codeChallenge: params.code_challenge,
      prompt: params.prompt,
      loginHint: params.login_hint,
    },
  };
}

function redirectBack(
  res: Response,
  target: { redirectUri: string; responseMode: 'query' | 'fragment' },
  answer: Record<string, string | undefined>,
): void {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(answer)) if (value !== undefined) params.set(key, value);
  const separator = target.responseMode === 'query' ? (target.redirectUri.includes('?') ? '&' : '?') : '#';
  res.redirect(303, `${target.redirectUri}${separator}${params.toString()}`);
}

/** Anything but a usable request: Entra's error page, or the error sent back to the app. */
function answerRefusal(res: Response, checked: Exclude<Checked, { kind: 'ok' }>): void {
  if (checked.kind === 'page') {
    res
      .status(checked.status)
      .type('html')
      .send(
        `<!doctype html><html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Fel – lokal testmiljö</title></head><body><main><h1>Inloggningen kan inte starta</h1><p>Ogiltig begäran: okänd app eller otillåten redirect_uri.</p><p><code>${escapeHtml(checked.code)}: ${escapeHtml(checked.message)}</code></p></main></body></html>`,
      );
    return;
  }
  redirectBack(res, checked, { error: checked.error, error_description: checked.description, state: checked.state });
}

const PAGE_STYLE = `:root{color-scheme:light dark;--fg:#242424;--muted:#424242;--bg:#fff;--line:#d1d1d1;--button:#0f6cbd;--button-fg:#fff}
@media (prefers-color-scheme:dark){:root{--fg:#f0f0f0;--muted:#c8c8c8;--bg:#1f1f1f;--line:#525252;--button:#479ef5;--button-fg:#0a0a0a}}
body{font-family:system-ui,'Segoe UI',sans-serif;margin:0;background:var(--bg);color:var(--fg)}
main{max-width:50rem;margin:0 auto;padding:1.5rem 1rem}h1{font-size:1.5rem;margin:0 0 .75rem}
p{color:var(--muted);line-height:1.4}ul{list-style:none;padding:0;margin:0}
li{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem .75rem;padding:.4rem 0;border-bottom:1px solid var(--line)}
button{font:inherit;padding:.35rem .8rem;border-radius:4px;border:1px solid var(--button);background:var(--button);color:var(--button-fg);cursor:pointer}
button:focus-visible{outline:2px solid var(--fg);outline-offset:2px}span{color:var(--muted)}`;

/** The "login UI": the tenant's people, one button each. */
export function signInPage(ctx: EmulatorContext, req: Request, res: Response): void {
  const params = paramsOf(req.query);
  const checked = checkAuthorizeRequest(ctx, params);
  if (checked.kind !== 'ok') return answerRefusal(res, checked);
  const people = ctx.store.list<StoredUser>('user', TENANT_SCOPE);
  const hidden = FORWARDED.map(
    (key) => `<input type="hidden" name="${key}" value="${escapeHtml(params[key] ?? '')}">`,
  ).join('');
  const options = people
    .map(
      (p) =>
        `<li><button type="submit" name="login_hint" value="${escapeHtml(p.userPrincipalName)}">${escapeHtml(p.displayName)}</button> <span>${escapeHtml(p.companyName ?? '')}${p.xRoles.length ? ' – ' + escapeHtml(p.xRoles.map((r) => SEED_ROLE_NAMES[r] ?? r).join(', ')) : ''}</span></li>`,
    )
    .join('');
  res.type('html')
    .send(`<!doctype html><html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Logga in – lokal testmiljö</title>
<style>${PAGE_STYLE}</style></head>
<body><main><h1>Logga in i den lokala testmiljön</h1><p>Välj vem du vill vara. Detta är en lokal Microsoft 365-miljö för utveckling och test, inte en riktig inloggning. Appen får en engångskod som den löser in mot en token (auktoriseringskod med PKCE).</p>
<form method="post">${hidden}<ul>${options}</ul></form></main></body></html>`);
}

/** The chosen person: back to the app's redirect URI with a single-use authorization code. */
export function completeSignIn(ctx: EmulatorContext, req: Request, res: Response): void {
  const params = paramsOf(req.body);
  const checked = checkAuthorizeRequest(ctx, { ...params, prompt: undefined });
  if (checked.kind !== 'ok') return answerRefusal(res, checked);
  const user = params.login_hint ? findPerson(ctx, params.login_hint) : undefined;
  if (!user) {
    res.status(400).type('text').send('Okänd användare.');
    return;
  }
  const { request } = checked;
  const code = issueCode(ctx, {
    clientId: request.clientId,
    redirectUri: request.redirectUri,
    codeChallenge: request.codeChallenge,
    scopes: request.scopes,
    nonce: request.nonce,
    userId: user.id,
  });
  redirectBack(res, request, {
    code,
    client_info: Buffer.from(JSON.stringify({ uid: user.id, utid: ctx.tenantId })).toString('base64url'),
    state: request.state,
    session_state: user.id,
  });
}

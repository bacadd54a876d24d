import express, { type Router } from 'express';
import type { EmulatorContext } from '../context';
import { TENANT_SCOPE, type StoredUser } from '../model';
import { ENTRA_HOST, issuerFor } from '../tenantConfig';
import { escapeHtml } from '../html';
import { findPerson, findUser } from '../resources/users';

/** Entra's OAuth error shape (not Graph's): `error`, `error_description` starting with an AADSTS code. */
function oauthError(status: number, error: string, aadsts: string, description: string) {
  return {
    status,
    body: {
      error,
      error_description: `${aadsts}: ${description}`,
      error_codes: [Number(aadsts.replace('AADSTS', ''))],
      timestamp: new Date().toISOString().replace('T', ' ').slice(0, 19) + 'Z',
      trace_id: crypto.randomUUID(),
      correlation_id: crypto.randomUUID(),
    },
  };
}

/** The Entra-like endpoints: metadata, keys, token (client credentials and on-behalf-of), persona sign-in. */
export function identityRouter(ctx: EmulatorContext): Router {
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: '64kb' });
  const tenant = ctx.tenantId;

  router.get('/common/discovery/instance', (_req, res) => {
    res.json({
      tenant_discovery_endpoint: `${ENTRA_HOST}/${tenant}/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: [
        {
          preferred_network: 'login.microsoftonline.com',
          preferred_cache: 'login.windows.net',
          aliases: ['login.microsoftonline.com', 'login.windows.net', 'login.microsoft.com', 'sts.windows.net'],
        },
      ],
    });
  });

  const openIdConfiguration = () => ({
    token_endpoint: `${ENTRA_HOST}/${tenant}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${ENTRA_HOST}/${tenant}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: issuerFor(tenant),
    request_uri_parameter_supported: false,
    userinfo_endpoint: 'https://graph.microsoft.com/oidc/userinfo',
    authorization_endpoint: `${ENTRA_HOST}/${tenant}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${ENTRA_HOST}/${tenant}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${ENTRA_HOST}/${tenant}/oauth2/v2.0/logout`,
    claims_supported: [
      'sub',
      'iss',
      'aud',
      'exp',
      'iat',
      'auth_time',
      'nonce',
      'name',
      'tid',
      'oid',
      'preferred_username',
    ],
    kerberos_endpoint: `${ENTRA_HOST}/${tenant}/kerberos`,
    tenant_region_scope: 'EU',
    cloud_instance_name: 'microsoftonline.com',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
    rbac_url: 'https://pas.windows.net',
  });
  router.get(`/${tenant}/v2.0/.well-known/openid-configuration`, (_req, res) => res.json(openIdConfiguration()));
  router.get(`/${tenant}/discovery/v2.0/keys`, (_req, res) => res.json(ctx.tokens.jwks()));

  router.post(`/${tenant}/oauth2/v2.0/token`, form, async (req, res) => {
    const body = req.body as Record<string, string | undefined>;
    const app = ctx.app;
    const basic = req.headers.authorization?.startsWith('Basic ')
      ? Buffer.from(req.headers.authorization.slice(6), 'base64').toString().split(':')
      : undefined;
    const clientId = body.client_id ?? basic?.[0];
    const clientSecret = body.client_secret ?? basic?.[1];
    const send = (e: ReturnType<typeof oauthError>) => res.status(e.status).json(e.body);
    if (clientId !== app.clientId)
      return send(
        oauthError(
          400,
          'unauthorized_client',
          'AADSTS700016',
          `Application with identifier '${clientId ?? ''}' was not found in the directory.`,
        ),
      );
    if (clientSecret !== app.clientSecret)
      return send(oauthError(401, 'invalid_client', 'AADSTS7000215', 'Invalid client secret provided.'));
    const scope = body.scope ?? '';
    const wantsGraph = scope
      .split(' ')
      .some(
        (s) => s === 'https://graph.microsoft.com/.default' || s === '00000003-0000-0000-c000-000000000000/.default',
      );
    if (!wantsGraph)
      return send(
        oauthError(
          400,
          'invalid_scope',
          'AADSTS70011',
          `The provided value for scope '${scope}' is not valid. The local tenant issues tokens for Microsoft Graph (.default) only.`,
        ),
      );

    if (body.grant_type === 'client_credentials') {
      const token = await ctx.tokens.appGraphToken(app);
      return res.json({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: token });
    }
    if (body.grant_type === 'urn:ietf:params:oauth:grant-type:jwt-bearer') {
      if (body.requested_token_use !== 'on_behalf_of' || !body.assertion)
        return send(
          oauthError(
            400,
            'invalid_request',
            'AADSTS900144',
            "The request body must contain the following parameter: 'assertion'.",
          ),
        );
      let claims;
      try {
        claims = await ctx.tokens.verify(body.assertion);
      } catch {
        return send(
          oauthError(400, 'invalid_grant', 'AADSTS50013', 'Assertion failed signature validation or has expired.'),
        );
      }
      const audienceOk = claims.aud === app.clientId || claims.aud === app.identifierUri;
      if (!audienceOk || claims.tid !== tenant || claims.iss !== issuerFor(tenant))
        return send(
          oauthError(
            400,
            'invalid_grant',
            'AADSTS50013',
            'Assertion audience does not match the Client app presenting the assertion.',
          ),
        );
      const user = typeof claims.oid === 'string' ? findUser(ctx, claims.oid) : undefined;
      if (!user)
        return send(
          oauthError(400, 'invalid_grant', 'AADSTS50034', 'The user account does not exist in this directory.'),
        );
      const token = await ctx.tokens.delegatedGraphToken(user, app);
      return res.json({
        token_type: 'Bearer',
        scope: app.delegatedPermissions.join(' '),
        expires_in: 3599,
        ext_expires_in: 3599,
        access_token: token,
      });
    }
    return send(
      oauthError(
        400,
        'unsupported_grant_type',
        'AADSTS70003',
        `The app requested an unsupported grant type '${body.grant_type ?? ''}'.`,
      ),
    );
  });

  // Persona sign-in for the tab outside Teams: an implicit-grant page that hands back an SSO-shaped token.
  const redirectAllowed = (uri: string) => /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(uri);
  router.get(`/${tenant}/oauth2/v2.0/authorize`, (req, res) => {
    const q = req.query as Record<string, string | undefined>;
    if (q.client_id !== ctx.app.clientId || !q.redirect_uri || !redirectAllowed(q.redirect_uri)) {
      res
        .status(400)
        .type('html')
        .send(
          '<!doctype html><html lang="sv"><title>Fel</title><p>Ogiltig begäran: okänd app eller otillåten redirect_uri.</p></html>',
        );
      return;
    }
    const people = ctx.store.list<StoredUser>('user', TENANT_SCOPE);
    const hidden = ['client_id', 'redirect_uri', 'state', 'scope', 'nonce']
      .map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(q[k] ?? '')}">`)
      .join('');
    const options = people
      .map(
        (p) =>
          `<li><button type="submit" name="login_hint" value="${escapeHtml(p.userPrincipalName)}">${escapeHtml(p.displayName)}</button> <span>${escapeHtml(p.companyName ?? '')}${p.xRoles.length ? ' – ' + escapeHtml(p.xRoles.join(', ')) : ''}</span></li>`,
      )
      .join('');
    res.type('html')
      .send(`<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Logga in – lokal testmiljö</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:50rem}button{font:inherit;padding:.3rem .6rem;margin:.2rem 0}span{color:#444}</style></head>
<body><main><h1>Logga in i den lokala testmiljön</h1><p>Välj vem du vill vara. Detta är en lokal Microsoft 365-miljö för utveckling och test, inte en riktig inloggning.</p>
<form method="post">${hidden}<ul>${options}</ul></form></main></body></html>`);
  });
  router.post(`/${tenant}/oauth2/v2.0/authorize`, form, async (req, res) => {
    const body = req.body as Record<string, string | undefined>;
    if (body.client_id !== ctx.app.clientId || !body.redirect_uri || !redirectAllowed(body.redirect_uri)) {
      res.status(400).type('text').send('Ogiltig begäran.');
      return;
    }
    const user = body.login_hint ? findPerson(ctx, body.login_hint) : undefined;
    if (!user) {
      res.status(400).type('text').send('Okänd användare.');
      return;
    }
    const token = await ctx.tokens.ssoToken(user);
    const fragment = new URLSearchParams({
      access_token: token,
      token_type: 'Bearer',
      expires_in: '3599',
      scope: body.scope ?? '',
      state: body.state ?? '',
    });
    res.redirect(303, `${body.redirect_uri}#${fragment.toString()}`);
  });

  return router;
}

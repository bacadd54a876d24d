import type { Request, Response } from 'express';
import type { EmulatorContext } from '../context';
import { escapeHtml } from '../html';
import { TENANT_SCOPE, type StoredUser } from '../model';
import { findPerson } from '../resources/users';

/** Persona sign-in for the tab outside Teams: an implicit-grant page that hands back an SSO-shaped token. */
const redirectAllowed = (uri: string) => /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(uri);

/** The "login UI": the tenant's people, one button each. */
export function signInPage(ctx: EmulatorContext, req: Request, res: Response): void {
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
}

/** The chosen person: back to the app's redirect URI with the token in the fragment. */
export async function completeSignIn(ctx: EmulatorContext, req: Request, res: Response): Promise<void> {
  const body = (req.body ?? {}) as Record<string, string | undefined>;
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
}

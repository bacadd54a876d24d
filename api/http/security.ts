import helmet from 'helmet';
import type { RequestHandler } from 'express';
import type { AppConfig } from '../config';

/** Teams hosts the tab in an iframe: these origins may frame it (teams-js needs them). */
const TEAMS_FRAME_ANCESTORS = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.skype.com',
  'https://*.office.com',
  'https://teams.cloud.microsoft',
];

/** Inside Teams, teams-js fetches the host's list of valid domains (validDomains.json) from this CDN. */
const TEAMS_JS_CDN = 'https://res.cdn.office.net';

/**
 * The public origin as a frame-ancestors source, or nothing when it is not a real address: with PORT=0 (a
 * random port, as in tests) and no PUBLIC_URL, publicUrl says port 0, which no browser ever sees. 'self'
 * already covers the origin the tab is served from.
 */
function publicFrameAncestor(publicUrl: string): string[] {
  const url = new URL(publicUrl);
  return url.port === '0' ? [] : [url.origin];
}

/** Helmet with a content security policy for the tab; CORS stays closed (no Access-Control-* headers). */
export function securityHeaders(config: AppConfig): RequestHandler {
  const localTenantOrigin = config.identity.localTenantUrl ? new URL(config.identity.localTenantUrl).origin : undefined;
  // msal-browser fetches the token endpoint (and in tenant mode Entra's metadata) from the page.
  const signInOrigin = localTenantOrigin ?? new URL(config.identity.authorityHost).origin;
  const connectSrc = ["'self'", signInOrigin, TEAMS_JS_CDN];
  return helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc,
        frameAncestors: ["'self'", ...publicFrameAncestor(config.publicUrl), ...TEAMS_FRAME_ANCESTORS],
        formAction: ["'self'", ...(localTenantOrigin ? [localTenantOrigin] : [])],
        upgradeInsecureRequests: config.mode === 'tenant' ? [] : null,
      },
    },
    // Teams frames the tab: X-Frame-Options would forbid it; frame-ancestors above governs framing instead.
    frameguard: false,
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: config.mode === 'tenant',
  });
}

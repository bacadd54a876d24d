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

/** Helmet with a content security policy for the tab; CORS stays closed (no Access-Control-* headers). */
export function securityHeaders(config: AppConfig): RequestHandler {
  const selfOrigin = new URL(config.publicUrl).origin;
  const localTenantOrigin = config.identity.localTenantUrl ? new URL(config.identity.localTenantUrl).origin : undefined;
  const connectSrc = ["'self'", ...(localTenantOrigin ? [localTenantOrigin] : [])];
  return helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc,
        frameAncestors: ["'self'", selfOrigin, ...TEAMS_FRAME_ANCESTORS],
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

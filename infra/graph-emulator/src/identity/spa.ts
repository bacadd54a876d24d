import { readFileSync } from 'node:fs';

/**
 * The registration's single-page-application platform, read from the app's Entra manifest
 * (`infra/entra/aad.manifest.json`, the Teams Toolkit format): redirect URIs of type `Spa` (in the Graph
 * application object: `spa.redirectUris`) and whether the implicit grant is enabled
 * (`oauth2AllowImplicitFlow` / `oauth2AllowIdTokenImplicitFlow`, in Graph `web.implicitGrantSettings`).
 * The local tenant grants the browser exactly what that file registers, so the two cannot drift.
 */
export interface SpaPlatform {
  /** Registered SPA redirect URIs; entries still holding a `${{…}}` placeholder are kept but can never match. */
  redirectUris: string[];
  implicitAccessTokens: boolean;
  implicitIdTokens: boolean;
}

const MANIFEST_URL = new URL('../../../entra/aad.manifest.json', import.meta.url);

interface ManifestShape {
  replyUrlsWithType?: Array<{ url?: unknown; type?: unknown }>;
  oauth2AllowImplicitFlow?: unknown;
  oauth2AllowIdTokenImplicitFlow?: unknown;
}

export function readSpaPlatform(manifestUrl: URL = MANIFEST_URL): SpaPlatform {
  const manifest = JSON.parse(readFileSync(manifestUrl, 'utf8')) as ManifestShape;
  return {
    redirectUris: (manifest.replyUrlsWithType ?? [])
      .filter((reply) => reply.type === 'Spa' && typeof reply.url === 'string')
      .map((reply) => reply.url as string),
    implicitAccessTokens: manifest.oauth2AllowImplicitFlow === true,
    implicitIdTokens: manifest.oauth2AllowIdTokenImplicitFlow === true,
  };
}

let cached: SpaPlatform | undefined;
export function spaPlatform(): SpaPlatform {
  cached ??= readSpaPlatform();
  return cached;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function parse(uri: string): URL | undefined {
  try {
    return new URL(uri);
  } catch {
    return undefined;
  }
}

/**
 * Entra's matching of a request's redirect_uri against the registered ones: exact (case-sensitive path, no
 * wildcards), except that for loopback `http` addresses the port is ignored
 * (https://learn.microsoft.com/entra/identity-platform/reply-url#localhost-exceptions).
 */
export function redirectUriRegistered(
  uri: string,
  registered: readonly string[] = spaPlatform().redirectUris,
): boolean {
  const requested = parse(uri);
  if (!requested || requested.hash) return false;
  return registered.some((entry) => {
    if (entry.includes('${{')) return false;
    if (entry === uri) return true;
    const candidate = parse(entry);
    if (!candidate || candidate.protocol !== 'http:' || requested.protocol !== 'http:') return false;
    if (!LOOPBACK_HOSTS.has(candidate.hostname) || candidate.hostname !== requested.hostname) return false;
    return candidate.pathname === requested.pathname && candidate.search === requested.search;
  });
}

/** An origin the registration's SPA redirect URIs allow to call the token endpoint cross-origin (CORS). */
export function spaOriginAllowed(origin: string, registered: readonly string[] = spaPlatform().redirectUris): boolean {
  const url = parse(origin);
  if (!url || url.origin !== origin) return false;
  return registered.some((entry) => {
    if (entry.includes('${{')) return false;
    const candidate = parse(entry);
    if (!candidate) return false;
    if (candidate.origin === origin) return true;
    return (
      candidate.protocol === 'http:' &&
      url.protocol === 'http:' &&
      LOOPBACK_HOSTS.has(candidate.hostname) &&
      candidate.hostname === url.hostname
    );
  });
}

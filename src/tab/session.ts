import type { TabConfig } from './api';

/** Standalone (plain browser) sign-in: implicit grant against the configured authorize endpoint. */

const TOKEN_KEY = 'pbs.token';
const PENDING_KEY = 'pbs.pendingSignIn';
const SIGNED_OUT_KEY = 'pbs.signedOut';

interface PendingSignIn {
  state: string;
  nonce: string;
  returnTo: string;
}

function storage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

function randomId(): string {
  return crypto.randomUUID();
}

/** Seconds since epoch at which the token expires, read from the JWT without verifying it (the API verifies). */
function tokenExpiry(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown };
    return typeof json.exp === 'number' ? json.exp : undefined;
  } catch {
    return undefined;
  }
}

export function storedToken(now = Date.now()): string | undefined {
  const token = storage()?.getItem(TOKEN_KEY) ?? undefined;
  if (!token) return undefined;
  const exp = tokenExpiry(token);
  if (exp !== undefined && exp * 1000 <= now + 30_000) {
    storage()?.removeItem(TOKEN_KEY);
    return undefined;
  }
  return token;
}

export function clearToken(): void {
  storage()?.removeItem(TOKEN_KEY);
}

export function wasSignedOut(): boolean {
  return storage()?.getItem(SIGNED_OUT_KEY) === '1';
}

export function signOut(): void {
  clearToken();
  storage()?.setItem(SIGNED_OUT_KEY, '1');
}

export function redirectUri(origin = window.location.origin): string {
  return `${origin}/auth-end.html`;
}

export function signInUrl(config: TabConfig, returnTo: string, extra: Record<string, string> = {}): string {
  const pending: PendingSignIn = { state: randomId(), nonce: randomId(), returnTo };
  storage()?.setItem(PENDING_KEY, JSON.stringify(pending));
  const params = new URLSearchParams({
    client_id: config.clientId,
    response_type: 'token',
    redirect_uri: redirectUri(),
    scope: config.scope,
    state: pending.state,
    nonce: pending.nonce,
    ...extra,
  });
  return `${config.authorizeUrl}?${params.toString()}`;
}

export function startSignIn(config: TabConfig, returnTo = currentLocation()): void {
  window.location.assign(signInUrl(config, returnTo));
}

export function currentLocation(): string {
  return `${window.location.pathname}${window.location.search}${window.location.hash}`;
}

export type SignInResult = { ok: true; token: string; returnTo: string } | { ok: false; reason: string };

/** Reads the `#access_token=…&state=…` fragment the authorize endpoint redirects back with. */
export function completeSignIn(fragment: string): SignInResult {
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  const raw = storage()?.getItem(PENDING_KEY);
  storage()?.removeItem(PENDING_KEY);
  const error = params.get('error');
  if (error) return { ok: false, reason: params.get('error_description') ?? error };
  const token = params.get('access_token');
  if (!token || !raw) return { ok: false, reason: 'missing token' };
  let pending: PendingSignIn;
  try {
    pending = JSON.parse(raw) as PendingSignIn;
  } catch {
    return { ok: false, reason: 'bad state' };
  }
  if (params.get('state') !== pending.state) return { ok: false, reason: 'state mismatch' };
  storage()?.setItem(TOKEN_KEY, token);
  storage()?.removeItem(SIGNED_OUT_KEY);
  // Only same-origin paths are followed after sign-in.
  const returnTo = pending.returnTo.startsWith('/') && !pending.returnTo.startsWith('//') ? pending.returnTo : '/';
  return { ok: true, token, returnTo };
}

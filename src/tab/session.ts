import type { Configuration, RedirectRequest } from '@azure/msal-browser';
import type { TabConfig } from './api';

/**
 * Standalone (plain browser) sign-in: the authorization code flow with PKCE through msal-browser, which is
 * loaded only here, on demand (`loadBrowserSignIn`), so the tab's first JavaScript stays small and the Teams
 * path (teams-js SSO) never loads it. This module holds what needs no msal at run time.
 */

const SIGNED_OUT_KEY = 'pbs.signedOut';

function storage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

export function wasSignedOut(): boolean {
  return storage()?.getItem(SIGNED_OUT_KEY) === '1';
}

export function rememberSignedOut(signedOut: boolean): void {
  if (signedOut) storage()?.setItem(SIGNED_OUT_KEY, '1');
  else storage()?.removeItem(SIGNED_OUT_KEY);
}

/** The SPA redirect URI the registration lists (infra/entra/aad.manifest.json): msal's redirect bridge page. */
export function redirectUri(origin = window.location.origin): string {
  return `${origin}/auth-end.html`;
}

/** msal-browser's configuration for this tab: Entra's authority, the local tenant's endpoints in local mode. */
export function msalConfiguration(config: TabConfig, origin = window.location.origin): Configuration {
  return {
    auth: {
      clientId: config.clientId,
      authority: config.authority,
      ...(config.authorityMetadata ? { authorityMetadata: config.authorityMetadata } : {}),
      redirectUri: redirectUri(origin),
      postLogoutRedirectUri: `${origin}/`,
    },
    cache: { cacheLocation: 'sessionStorage' },
  };
}

export interface SignInOptions {
  prompt?: 'select_account' | 'consent' | 'login';
  loginHint?: string;
}

/** The redirect request: our API's scope (msal adds openid, profile and offline_access). */
export function signInRequest(config: TabConfig, options: SignInOptions = {}): RedirectRequest {
  return {
    scopes: [config.scope],
    ...(options.prompt ? { prompt: options.prompt } : {}),
    ...(options.loginHint ? { loginHint: options.loginHint } : {}),
  };
}

type BrowserSignIn = typeof import('./browserSignIn');
let browserSignIn: Promise<BrowserSignIn> | undefined;

/** msal-browser and our use of it, as a chunk of its own. */
export function loadBrowserSignIn(): Promise<BrowserSignIn> {
  browserSignIn ??= import('./browserSignIn');
  return browserSignIn;
}

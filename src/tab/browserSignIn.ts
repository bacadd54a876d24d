import {
  CacheLookupPolicy,
  InteractionRequiredAuthError,
  PublicClientApplication,
  type AccountInfo,
} from '@azure/msal-browser';
import type { TabConfig } from './api';
import { msalConfiguration, rememberSignedOut, signInRequest, type SignInOptions } from './session';

/** The signed-in browser: a token for our API whenever asked, renewed by msal (refresh token) as needed. */
export interface BrowserSession {
  /** True when this page load completed a sign-in (the redirect back from the authorize endpoint). */
  readonly returnedFromSignIn: boolean;
  readonly account?: AccountInfo;
  /** An access token for our API; `undefined` when the user must sign in again. */
  token(): Promise<string | undefined>;
  signIn(options?: SignInOptions): Promise<void>;
  /** Forgets the session in this browser (msal's cache); the next visit shows the signed-out page. */
  signOut(): Promise<void>;
  /** Forgets the session (an expired one, or before switching persona); the next visit signs in again. */
  forget(): Promise<void>;
}

/** Starts msal, completes a redirect that brought the browser back here, and finds the signed-in account. */
export async function openBrowserSession(config: TabConfig): Promise<BrowserSession> {
  const msal = new PublicClientApplication(msalConfiguration(config));
  await msal.initialize();
  const result = await msal.handleRedirectPromise();
  if (result) rememberSignedOut(false);
  const account = result?.account ?? msal.getActiveAccount() ?? msal.getAllAccounts()[0];
  if (account) msal.setActiveAccount(account);
  const forget = async () => {
    await msal.clearCache();
    msal.setActiveAccount(null);
  };
  return {
    returnedFromSignIn: result !== null,
    account: account ?? undefined,
    async token() {
      const active = msal.getActiveAccount();
      if (!active) return undefined;
      try {
        // Cache, then the refresh token; never a hidden iframe (it needs third-party cookies and a frame-src).
        const silent = await msal.acquireTokenSilent({
          ...signInRequest(config),
          account: active,
          cacheLookupPolicy: CacheLookupPolicy.AccessTokenAndRefreshToken,
        });
        return silent.accessToken;
      } catch (error) {
        if (error instanceof InteractionRequiredAuthError) return undefined;
        throw error;
      }
    },
    async signIn(options) {
      await msal.loginRedirect(signInRequest(config, options));
    },
    async signOut() {
      rememberSignedOut(true);
      await forget();
    },
    forget,
  };
}

import {
  AuthError,
  ConfidentialClientApplication,
  type INetworkModule,
  type NetworkRequestOptions,
} from '@azure/msal-node';
import { createHash } from 'node:crypto';
import type { AppConfig } from '../config';
import { ConsentRequiredError } from '../graph/errors';
import type { Logger } from '../http/logger';

/** Outgoing identity: tokens for Graph, as the user (on-behalf-of) or as the app (client credentials). */
export interface GraphTokenProvider {
  forUser(ssoToken: string): Promise<string>;
  forApp(): Promise<string>;
}

/**
 * msal-node refuses http:// authorities. In local mode it keeps the configured authority host and this
 * network client sends its calls to the local tenant instead, so MSAL's real grant code runs unchanged.
 */
export function rewritingNetworkClient(fromHost: string, toUrl: string): INetworkModule {
  const from = fromHost.replace(/\/+$/, '');
  const rewrite = (url: string) => (url.startsWith(from) ? `${toUrl}${url.slice(from.length)}` : url);
  const send = async <T>(method: 'GET' | 'POST', url: string, options?: NetworkRequestOptions) => {
    const response = await fetch(rewrite(url), { method, headers: options?.headers, body: options?.body });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => (headers[key] = value));
    return { status: response.status, headers, body: (await response.json()) as T };
  };
  return {
    sendGetRequestAsync: (url, options) => send('GET', url, options),
    sendPostRequestAsync: (url, options) => send('POST', url, options),
  };
}

const CONSENT_CODES = new Set(['invalid_grant', 'consent_required', 'interaction_required']);

/** A token is taken from the cache until this long before it expires (msal's own renewal offset). */
const RENEWAL_OFFSET_MS = 300_000;
const MAX_CACHED_USERS = 1_000;

/**
 * On-behalf-of tokens per incoming SSO token. msal-node looks OBO tokens up by the scopes Entra answered with,
 * and Entra answers a `.default` request with the granted scopes (`Calendars.ReadWrite User.Read …`), never
 * `.default`, so msal's lookup misses and every Graph call costs a token exchange (measured: one POST to the
 * token endpoint before each Graph request). This keeps the exchanged token per assertion (by its SHA-256)
 * until five minutes before it expires, and lets concurrent calls for one assertion share one exchange.
 */
export class OnBehalfOfCache {
  private readonly entries = new Map<string, { token: Promise<{ accessToken: string; expiresAt: number }> }>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly maxEntries = MAX_CACHED_USERS,
  ) {}

  async get(assertion: string, exchange: () => Promise<{ accessToken: string; expiresAt: number }>): Promise<string> {
    const key = createHash('sha256').update(assertion).digest('base64url');
    for (let cached = this.entries.get(key); cached; cached = this.entries.get(key)) {
      const settled = await cached.token.catch(() => undefined);
      if (settled && settled.expiresAt - RENEWAL_OFFSET_MS > this.now()) return settled.accessToken;
      // Stale or failed: drop it, unless a concurrent call has already put a newer exchange in its place.
      if (this.entries.get(key) === cached) this.entries.delete(key);
    }
    const token = exchange();
    this.entries.set(key, { token });
    this.evict();
    try {
      return (await token).accessToken;
    } catch (error) {
      if (this.entries.get(key)?.token === token) this.entries.delete(key);
      throw error;
    }
  }

  private evict(): void {
    // Maps iterate in insertion order: the first entries are the oldest exchanges.
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) return;
      this.entries.delete(key);
    }
  }
}

export function createTokenProvider(config: AppConfig, logger: Logger): GraphTokenProvider {
  const { identity } = config;
  const msal = new ConfidentialClientApplication({
    auth: {
      clientId: identity.clientId,
      clientSecret: identity.clientSecret,
      authority: `${identity.authorityHost}/${identity.tenantId}`,
    },
    system: identity.localTenantUrl
      ? { networkClient: rewritingNetworkClient(identity.authorityHost, identity.localTenantUrl) }
      : undefined,
  });
  const scopes = [identity.graphScope];

  const translate = (error: unknown): never => {
    if (error instanceof AuthError && CONSENT_CODES.has(error.errorCode)) {
      logger.warn({ errorCode: error.errorCode, subError: error.subError }, 'token exchange refused');
      throw new ConsentRequiredError(error.errorCode);
    }
    throw error;
  };

  const onBehalfOf = new OnBehalfOfCache();
  return {
    forUser(ssoToken) {
      return onBehalfOf.get(ssoToken, async () => {
        const result = await msal.acquireTokenOnBehalfOf({ oboAssertion: ssoToken, scopes }).catch(translate);
        if (!result) throw new ConsentRequiredError('no token');
        return { accessToken: result.accessToken, expiresAt: result.expiresOn?.getTime() ?? 0 };
      });
    },
    async forApp() {
      const result = await msal.acquireTokenByClientCredential({ scopes }).catch(translate);
      if (!result) throw new Error('client credentials returned no token');
      return result.accessToken;
    },
  };
}

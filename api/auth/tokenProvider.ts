import {
  AuthError,
  ConfidentialClientApplication,
  type INetworkModule,
  type NetworkRequestOptions,
} from '@azure/msal-node';
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

  return {
    async forUser(ssoToken) {
      const result = await msal.acquireTokenOnBehalfOf({ oboAssertion: ssoToken, scopes }).catch(translate);
      if (!result) throw new ConsentRequiredError('no token');
      return result.accessToken;
    },
    async forApp() {
      const result = await msal.acquireTokenByClientCredential({ scopes }).catch(translate);
      if (!result) throw new Error('client credentials returned no token');
      return result.accessToken;
    },
  };
}

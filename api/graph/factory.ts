import { createGraphClient, type AccessTokenSource, type GraphClientOptions } from './client';
import { createGateway, type GraphGateway } from './gateway';

/** Builds gateways for an acting identity: a user (on-behalf-of their SSO token) or the app itself. */
export interface GraphGatewayFactory {
  forUser(ssoToken: string): GraphGateway;
  forApp(): GraphGateway;
}

/** Where the tokens come from; composition/ hands in the auth module's provider. */
export interface GraphTokens {
  forUser(ssoToken: string): ReturnType<AccessTokenSource>;
  forApp(): ReturnType<AccessTokenSource>;
}

export function gatewayFactory(options: GraphClientOptions, tokens: GraphTokens): GraphGatewayFactory {
  const gatewayOptions = {
    baseUrl: options.baseUrl,
    maxRetries: options.maxRetries,
    retryDelaySeconds: options.retryDelaySeconds,
  };
  let app: GraphGateway | undefined;
  return {
    forUser: (ssoToken) =>
      createGateway(
        createGraphClient(options, () => tokens.forUser(ssoToken)),
        gatewayOptions,
      ),
    forApp: () =>
      (app ??= createGateway(
        createGraphClient(options, () => tokens.forApp()),
        gatewayOptions,
      )),
  };
}

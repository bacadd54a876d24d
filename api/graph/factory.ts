import type { AppConfig } from '../config';
import type { GraphTokenProvider } from '../auth/tokenProvider';
import { createGraphClient } from './client';
import { GraphGateway } from './gateway';

/** Builds gateways for an acting identity: a user (on-behalf-of their SSO token) or the app itself. */
export interface GraphGatewayFactory {
  forUser(ssoToken: string): GraphGateway;
  forApp(): GraphGateway;
}

export function createGatewayFactory(config: AppConfig, tokens: GraphTokenProvider): GraphGatewayFactory {
  const options = { ...config.graph };
  const gatewayOptions = { baseUrl: config.graph.baseUrl, maxRetries: config.graph.maxRetries };
  let app: GraphGateway | undefined;
  return {
    forUser: (ssoToken) =>
      new GraphGateway(
        createGraphClient(options, () => tokens.forUser(ssoToken)),
        gatewayOptions,
      ),
    forApp: () =>
      (app ??= new GraphGateway(
        createGraphClient(options, () => tokens.forApp()),
        gatewayOptions,
      )),
  };
}

import type { GraphTokenProvider } from '../auth/tokenProvider';
import type { AppConfig } from '../config';
import { gatewayFactory, type GraphGatewayFactory } from '../graph/factory';

/** Graph for this deployment: the configured base URL, timeouts and retries, with the auth module's tokens. */
export function createGatewayFactory(config: AppConfig, tokens: GraphTokenProvider): GraphGatewayFactory {
  return gatewayFactory({ ...config.graph }, tokens);
}

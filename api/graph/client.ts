import {
  Client,
  HTTPMessageHandler,
  RetryHandler,
  RetryHandlerOptions,
  type Context,
  type Middleware,
} from '@microsoft/microsoft-graph-client';

export type AccessTokenSource = () => Promise<string>;

export interface GraphClientOptions {
  /** Graph's v1.0 base URL from config: Microsoft's cloud, or the local tenant's /v1.0. */
  baseUrl: string;
  timeoutMs: number;
  maxRetries: number;
  retryDelaySeconds: number;
}

/** Attaches the bearer token to every request, whatever the host (the client's own handler skips http://). */
class BearerTokenMiddleware implements Middleware {
  private next?: Middleware;
  constructor(private readonly token: AccessTokenSource) {}
  async execute(context: Context): Promise<void> {
    const headers = new Headers(context.options?.headers as HeadersInit | undefined);
    headers.set('Authorization', `Bearer ${await this.token()}`);
    context.options = { ...context.options, headers };
    await this.next?.execute(context);
  }
  setNext(next: Middleware): void {
    this.next = next;
  }
}

/**
 * Each attempt gets its own deadline. A request that times out is answered as a 504, so the RetryHandler
 * (which sits before this middleware) treats it like Graph's own gateway timeout and tries again.
 */
class TimeoutMiddleware implements Middleware {
  private next?: Middleware;
  constructor(private readonly timeoutMs: number) {}
  async execute(context: Context): Promise<void> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    context.options = { ...context.options, signal: controller.signal };
    try {
      await this.next?.execute(context);
    } catch (error) {
      if (!controller.signal.aborted) throw error;
      context.response = new Response(
        JSON.stringify({ error: { code: 'timeout', message: `No answer within ${this.timeoutMs} ms.` } }),
        { status: 504, headers: { 'content-type': 'application/json' } },
      );
    } finally {
      clearTimeout(timer);
    }
  }
  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** Splits ".../v1.0" into the client's host and version. */
export function splitBaseUrl(baseUrl: string): { host: string; version: string } {
  const trimmed = baseUrl.replace(/\/+$/, '');
  const cut = trimmed.lastIndexOf('/');
  return { host: trimmed.slice(0, cut), version: trimmed.slice(cut + 1) };
}

/**
 * The Graph client's chain, built by hand: our token middleware, then the client's RetryHandler (honours
 * Retry-After on 429/503/504), then the per-attempt timeout, then the HTTP call. The default chain would
 * not send tokens to the http:// local tenant (see docs/toolchain.md).
 */
export function createGraphClient(options: GraphClientOptions, token: AccessTokenSource): Client {
  const auth = new BearerTokenMiddleware(token);
  const retry = new RetryHandler(new RetryHandlerOptions(options.retryDelaySeconds, options.maxRetries));
  const timeout = new TimeoutMiddleware(options.timeoutMs);
  auth.setNext(retry);
  retry.setNext(timeout);
  timeout.setNext(new HTTPMessageHandler());
  const { host, version } = splitBaseUrl(options.baseUrl);
  return Client.initWithMiddleware({ middleware: auth, baseUrl: `${host}/`, defaultVersion: version });
}

import { GraphError, RetryHandlerOptions, type Client, type GraphRequest } from '@microsoft/microsoft-graph-client';
import { GraphRequestError } from './errors';

export interface Collection<T> {
  value: T[];
  '@odata.nextLink'?: string;
}

export interface GatewayOptions {
  /** The configured Graph base URL; @odata.nextLink under it is followed as a relative path. */
  baseUrl: string;
  maxRetries: number;
  /** The client's RetryHandler delay without Retry-After (config GRAPH_RETRY_DELAY_SECONDS); default 3. */
  retryDelaySeconds?: number;
  /** Waits between re-submissions of throttled batch requests and polls of long operations (tests shorten it). */
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One path segment of a URL (an id, a UPN), encoded. */
export function segment(value: string): string {
  return encodeURIComponent(value);
}

/** Every Graph failure leaves the gateway as a GraphRequestError. */
export function toGraphRequestError(error: unknown): GraphRequestError {
  if (error instanceof GraphRequestError) return error;
  if (error instanceof GraphError) {
    const status = error.statusCode > 0 ? error.statusCode : 0;
    return new GraphRequestError(
      status,
      error.code ?? (status ? 'unknownError' : 'networkError'),
      error.requestId ?? undefined,
      error.message,
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new GraphRequestError(0, 'networkError', undefined, message);
}

/** A RAW answer that failed, as the gateway's one error type. */
export async function rawError(response: Response): Promise<GraphRequestError> {
  let code = 'unknownError';
  let message = `Graph answered ${response.status}`;
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    code = body.error?.code ?? code;
    message = body.error?.message ?? message;
  } catch {
    // No JSON body: the status says enough.
  }
  return new GraphRequestError(response.status, code, response.headers.get('request-id') ?? undefined, message);
}

/**
 * The client of one acting identity and what every resource does with it: a request that fails leaves as a
 * GraphRequestError, and a collection is read to its last page.
 */
export class GraphConnection {
  readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly client: Client,
    readonly options: GatewayOptions,
  ) {
    this.sleep = options.sleep ?? defaultSleep;
  }

  async call<T>(build: () => Promise<T>): Promise<T> {
    try {
      return await build();
    } catch (error) {
      throw toGraphRequestError(error);
    }
  }

  api(path: string): GraphRequest {
    return this.client.api(path);
  }

  /**
   * A request the RetryHandler re-sends only when throttled (429: Graph did not run it). A 503, a 504 or the
   * per-attempt timeout may come after Graph did the write, so a create is not re-sent blindly on those: the
   * caller looks its natural key up first (api/services/lists createOnce) and only then sends it again.
   */
  throttledRetryOnly(path: string): GraphRequest {
    const onlyThrottled = (
      _delay: number,
      _attempt: number,
      _request: unknown,
      _options: unknown,
      response: Response,
    ) => response.status === 429;
    return this.client
      .api(path)
      .middlewareOptions([
        new RetryHandlerOptions(this.options.retryDelaySeconds ?? 3, this.options.maxRetries, onlyThrottled),
      ]);
  }

  /** Follows @odata.nextLink to the end; the link is used whole, its skip token never parsed. */
  async getAll<T>(first: GraphRequest): Promise<T[]> {
    const page = await this.call(() => first.get() as Promise<Collection<T>>);
    return this.rest(page);
  }

  /** A first page's values with those of every further page. */
  async rest<T>(page: Collection<T>): Promise<T[]> {
    const values = [...page.value];
    let next = page['@odata.nextLink'];
    while (next) {
      const link = this.relative(next);
      const more = await this.call(() => this.api(link).get() as Promise<Collection<T>>);
      values.push(...more.value);
      next = more['@odata.nextLink'];
    }
    return values;
  }

  /** The client only strips https:// hosts itself; a link under our base URL (http:// locally) is made relative. */
  relative(link: string): string {
    const base = this.options.baseUrl.replace(/\/+$/, '');
    return link.startsWith(`${base}/`) ? link.slice(base.length) : link;
  }

  /** An `@odata.bind` reference to a resource under the base URL. */
  bind(path: string): string {
    return `${this.options.baseUrl}${path}`;
  }
}

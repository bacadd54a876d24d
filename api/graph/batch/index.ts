import { GraphRequestError } from '../errors';
import type { Collection, GraphConnection } from '../connection';

export interface BatchRequest {
  id: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Relative to the version, e.g. /users/{id}. */
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface BatchResponse {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/**
 * One GET of a collection for readMany: the path relative to the version (query included) and how each
 * element becomes what the caller gets. Built by the resources' `*Read` methods, so URLs stay in api/graph.
 */
export interface CollectionRead<T> {
  url: string;
  toValue: (raw: unknown) => T;
}

type ReadAnswers<R extends Record<string, CollectionRead<unknown>>> = {
  [K in keyof R]: R[K] extends CollectionRead<infer T> ? T[] : never;
};

const RETRYABLE = new Set([429, 503, 504]);
/** A keyed batch (its writes carry a natural key the caller looks up): only throttling is sent again blindly. */
const THROTTLED = new Set([429]);

export interface BatchOptions {
  /**
   * The writes carry a natural key: a 503, 504 or timeout of the batch, or of an inner write, may come after
   * Graph wrote, so neither is re-sent here (only 429s are); the caller looks the keys up and sends what is
   * missing (api/services/lists createManyOnce).
   */
  keyed?: boolean;
}
const BATCH_LIMIT = 20;

function header(headers: Record<string, string> | undefined, name: string): string | undefined {
  return Object.entries(headers ?? {}).find(([k]) => k.toLowerCase() === name)?.[1];
}

function retryAfterSeconds(headers: Record<string, string> | undefined, round: number): number {
  const raw = header(headers, 'retry-after');
  const seconds = raw === undefined ? NaN : Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds, 180);
  return Math.min(2 ** round, 30);
}

/** A batch answer holding a collection, with its further pages read by ordinary requests. */
async function collectionOf<T>(graph: GraphConnection, answer: BatchResponse): Promise<T[]> {
  if (answer.status !== 200) {
    const error = (answer.body as { error?: { code?: string; message?: string } } | undefined)?.error;
    throw new GraphRequestError(
      answer.status,
      error?.code ?? 'batchRequestFailed',
      header(answer.headers, 'request-id'),
      error?.message ?? `Batch answer ${answer.status}`,
    );
  }
  return graph.rest(answer.body as Collection<T>);
}

/** JSON $batch: many requests in one round trip, throttled inner answers sent again. */
export function batchApi(graph: GraphConnection) {
  /** One round of chunks; the answers to keep, and the requests to send again after `waitSeconds`. */
  async function sendRound(pending: BatchRequest[], round: number, options: BatchOptions) {
    const retryable = options.keyed ? THROTTLED : RETRYABLE;
    const retry: BatchRequest[] = [];
    const done: BatchResponse[] = [];
    let waitSeconds = 0;
    for (let start = 0; start < pending.length; start += BATCH_LIMIT) {
      const chunk = pending.slice(start, start + BATCH_LIMIT);
      const body = await graph.call(
        () =>
          (options.keyed ? graph.throttledRetryOnly('/$batch') : graph.api('/$batch')).post({
            requests: chunk.map((r) => ({
              ...r,
              headers: r.body !== undefined ? { 'Content-Type': 'application/json', ...r.headers } : r.headers,
            })),
          }) as Promise<{ responses: BatchResponse[] }>,
      );
      for (const answer of body.responses) {
        const request = chunk.find((r) => r.id === answer.id);
        if (retryable.has(answer.status) && round < graph.options.maxRetries && request) {
          retry.push(request);
          waitSeconds = Math.max(waitSeconds, retryAfterSeconds(answer.headers, round));
        } else done.push(answer);
      }
    }
    return { done, retry, waitSeconds };
  }

  /**
   * Sends requests in batches of 20. Inner answers of 429/503/504 are sent again after their Retry-After,
   * which the client's RetryHandler does not do (it sees only the outer 200). `keyed`: see BatchOptions.
   */
  async function batch(requests: BatchRequest[], options: BatchOptions = {}): Promise<BatchResponse[]> {
    const answers = new Map<string, BatchResponse>();
    let pending = requests;
    for (let round = 0; pending.length > 0; round += 1) {
      const { done, retry, waitSeconds } = await sendRound(pending, round, options);
      for (const answer of done) answers.set(answer.id, answer);
      pending = retry;
      if (pending.length > 0) await graph.sleep(waitSeconds * 1000);
    }
    return requests.map((r) => answers.get(r.id) ?? { id: r.id, status: 0 });
  }

  return {
    batch,

    /**
     * Reads several collections in one $batch round trip (inner 429/503/504 re-sent as batch() does; further
     * pages followed with ordinary requests). An inner failure rejects with its GraphRequestError.
     */
    async readMany<R extends Record<string, CollectionRead<unknown>>>(reads: R): Promise<ReadAnswers<R>> {
      const settled = await settledReads(batch, (answer) => collectionOf(graph, answer), reads);
      const values = Object.entries(settled).map(([key, answer]) => {
        if ('error' in answer) throw answer.error;
        return [key, answer.value] as const;
      });
      return Object.fromEntries(values) as ReadAnswers<R>;
    },

    /**
     * As readMany, but an inner failure is that read's answer (`{ error }`) instead of rejecting the whole:
     * for reads that may fail one by one (a mailbox that does not exist) beside reads that must not.
     */
    readManySettled<R extends Record<string, CollectionRead<unknown>>>(reads: R): Promise<SettledAnswers<R>> {
      return settledReads(batch, (answer) => collectionOf(graph, answer), reads);
    },
  };
}

/** The reads as one $batch; each answer's collection (all pages) or its GraphRequestError. */
async function settledReads<R extends Record<string, CollectionRead<unknown>>>(
  batch: (requests: BatchRequest[]) => Promise<BatchResponse[]>,
  collectionOf: (answer: BatchResponse) => Promise<unknown[]>,
  reads: R,
): Promise<SettledAnswers<R>> {
  const keys = Object.keys(reads);
  const answers = await batch(
    keys.map((key, index) => ({ id: String(index + 1), method: 'GET' as const, url: reads[key]!.url })),
  );
  const values = await Promise.all(
    answers.map(async (answer, index) => {
      try {
        return { value: (await collectionOf(answer)).map((raw) => reads[keys[index]!]!.toValue(raw)) };
      } catch (error) {
        if (error instanceof GraphRequestError) return { error };
        throw error;
      }
    }),
  );
  return Object.fromEntries(keys.map((key, index) => [key, values[index]])) as SettledAnswers<R>;
}

type SettledAnswers<R extends Record<string, CollectionRead<unknown>>> = {
  [K in keyof R]: R[K] extends CollectionRead<infer T> ? { value: T[] } | { error: GraphRequestError } : never;
};

export type BatchApi = ReturnType<typeof batchApi>;

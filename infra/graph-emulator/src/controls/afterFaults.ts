import type { Request, Response } from 'express';
import { graphErrorBody, graphErrors } from '../errors';
import type { AfterFault } from './faults';

/** Headers of the handler's answer a replaced answer keeps: the ids of the request. */
const KEPT_HEADERS = new Set(['request-id', 'client-request-id']);

type End = (...args: unknown[]) => Response;

/** The error body a replaced answer carries: Graph's by default, the connector passes Bot Framework's. */
export type ErrorBodyOf = (error: { code: string; message: string }, res: Response) => unknown;

const graphBody: ErrorBodyOf = (error, res) =>
  graphErrorBody(
    error.code,
    error.message,
    String(res.locals.requestId),
    res.getHeader('client-request-id')?.toString(),
  );

/**
 * Lets the handler run (its write happens) and then loses its answer as the fault says: the connection is
 * destroyed (`drop`), the answer is replaced by Graph's 503 or 504, or it is held back `delayMs` first (a
 * client with a shorter timeout gives up while the write is already done). All of it happens at `res.end`,
 * which every express answer (json, send, end) passes through.
 */
export function loseAnswerAfterHandler(
  fault: AfterFault,
  req: Request,
  res: Response,
  bodyOf: ErrorBodyOf = graphBody,
): void {
  res.locals.faultInjected = true;
  const end = res.end.bind(res) as End;
  let intercepted = false;
  const replacement = ((...args: unknown[]) => {
    if (intercepted) return end(...args);
    intercepted = true;
    const answer = () => {
      if (fault.drop || (fault.status !== undefined && res.headersSent)) {
        res.locals.answerDropped = true;
        req.socket.destroy();
        return;
      }
      if (fault.status === undefined) {
        end(...args);
        return;
      }
      for (const name of res.getHeaderNames()) if (!KEPT_HEADERS.has(name)) res.removeHeader(name);
      const error =
        fault.status === 503 ? graphErrors.serviceUnavailable(fault.retryAfter) : graphErrors.gatewayTimeout();
      for (const [k, v] of Object.entries(error.headers)) res.setHeader(k, v);
      const body = bodyOf(error, res);
      res.statusCode = error.status;
      res.setHeader('content-type', 'application/json; charset=utf-8');
      end(JSON.stringify(body));
    };
    if (fault.delayMs) setTimeout(answer, fault.delayMs);
    else answer();
    return res;
  }) as Response['end'];
  res.end = replacement;
}

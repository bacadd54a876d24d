import type { NextFunction, Request, Response } from 'express';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENCY_KEY_PATTERN, IDEMPOTENT_REPLAY_HEADER } from '../../src/contract';
import { claimOnce, fingerprintOf, onceKey, type OnceOutcome } from '../state/once';
import { inOperation, operationKeyOf } from '../state/operation';
import type { IdempotencyStore } from '../state/store';
import { ApiError, apiErrors, requestIdOf } from './errors';
import type { Logger } from './logger';
import { budgetOf } from './timeBudget';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Headers of the first answer a repeat answers with too. */
const KEPT_HEADERS = ['etag', 'location'];

export const idempotencyErrors = {
  invalidKey: () =>
    apiErrors.validation(
      [
        {
          path: IDEMPOTENCY_KEY_HEADER,
          message: 'Idempotency-Key ska vara 8–128 tecken: bokstäver, siffror, - och _.',
        },
      ],
      'Förfrågans nyckel (Idempotency-Key) är ogiltig.',
    ),
  mismatch: () =>
    new ApiError(
      422,
      'VALIDATION',
      'Nyckeln (Idempotency-Key) har redan använts för en annan förfrågan. Ladda om sidan och försök igen.',
      { issues: [] },
    ),
  busy: () =>
    new ApiError(
      409,
      'CONFLICT',
      'Samma åtgärd pågår redan. Vänta en stund och läs in sidan igen: den görs bara en gång.',
      { current: undefined },
    ),
};

/**
 * Exactly once for the writes of the REST API: a write with an `Idempotency-Key` header runs once per caller
 * (tenant id, object id), route and key. The first answer (a 2xx) is kept (api/state/once.ts) and a repeat is
 * answered with it, same status and body, marked `Idempotent-Replayed: true`; a repeat while the first still
 * runs waits for it. A failed first answer (4xx, 5xx) is not kept: the repeat runs again, and the services'
 * own keys (journals, OperationKey columns, transactionId) keep that from doubling an effect. A write without
 * the header runs as sent (the tab always sends one; scripts and tests may not); a key reused with another
 * body is 422. `scopeOf` gives the caller's scope, after authentication.
 */
export function idempotency(
  store: IdempotencyStore,
  scopeOf: (res: Response) => readonly string[],
  logger: Logger,
): (req: Request, res: Response, next: NextFunction) => Promise<void> {
  return async (req, res, next) => {
    const key = req.header(IDEMPOTENCY_KEY_HEADER);
    if (!WRITE_METHODS.has(req.method) || key === undefined) return next();
    if (!IDEMPOTENCY_KEY_PATTERN.test(key)) return next(idempotencyErrors.invalidKey());
    const route = `${req.method} ${req.baseUrl}${req.path}`;
    const budget = budgetOf(res);
    try {
      const scope = [...scopeOf(res), route];
      const claim = await claimOnce(
        store,
        onceKey(scope, key),
        fingerprintOf(route, req.query, req.body ?? null, req.header('if-match') ?? null),
        { waitMs: Math.max(0, budget.deadline - Date.now() - 2000) },
      );
      if (claim.kind === 'mismatch') return next(idempotencyErrors.mismatch());
      if (claim.kind === 'busy') return next(idempotencyErrors.busy());
      if (claim.kind === 'repeat') return replay(res, claim.outcome);
      keepFirstAnswer(res, claim, budget.signal, logger);
      // The route runs as the operation: the list items it creates carry its natural key (api/state/operation).
      inOperation(operationKeyOf(scope, key), next);
    } catch (error) {
      next(error);
    }
  };
}

function replay(res: Response, outcome: OnceOutcome): void {
  for (const [name, value] of Object.entries(outcome.headers ?? {})) res.setHeader(name, value);
  res.setHeader(IDEMPOTENT_REPLAY_HEADER, 'true');
  res.status(outcome.status).json(outcome.body);
}

/** Watches the handler's answer: a 2xx JSON answer is kept for repeats, anything else gives the key back. */
function keepFirstAnswer(
  res: Response,
  claim: { finish(outcome: OnceOutcome): Promise<void>; release(): Promise<void> },
  budget: AbortSignal,
  logger: Logger,
): void {
  let body: unknown;
  let captured = false;
  const json = res.json.bind(res);
  res.json = (value: unknown) => {
    body = value;
    captured = true;
    return json(value);
  };
  // Settled when the handler answers (res.end), not when the connection closes: a client that gave up early
  // must not free the key while the first attempt still works, or its repeat would run beside it.
  const end = res.end.bind(res) as (...args: unknown[]) => Response;
  let settled = false;
  res.end = ((...args: unknown[]) => {
    if (!settled) {
      settled = true;
      settle();
    }
    return end(...args);
  }) as Response['end'];
  const settle = () => {
    // Over its time budget the request may still be working: keep the key pending (it expires) so that a
    // repeat waits or is told it runs, rather than running beside it.
    if (budget.aborted) return;
    const status = res.statusCode;
    const ok = captured && status >= 200 && status < 300;
    const headers: Record<string, string> = {};
    for (const name of KEPT_HEADERS) {
      const value = res.getHeader(name);
      if (typeof value === 'string') headers[name] = value;
    }
    const done = ok ? claim.finish({ status, body, headers }) : claim.release();
    done.catch((error: unknown) =>
      logger.error({ err: error, requestId: requestIdOf(res) }, 'idempotency record not written'),
    );
  };
}

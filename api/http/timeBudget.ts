import type { NextFunction, Request, Response } from 'express';
import { apiErrors, errorBody, requestIdOf } from './errors';
import type { Logger } from './logger';

/** How long one API request may take before the caller is told to try again (Graph retries included). */
export const REQUEST_TIME_BUDGET_MS = 60_000;

export interface RequestBudget {
  /** Epoch milliseconds after which the request's answer is no longer awaited. */
  deadline: number;
  /** Aborted at the deadline: long work checks it (or passes it on) and stops. */
  signal: AbortSignal;
}

export class TimeBudgetExceededError extends Error {
  constructor() {
    super('The request exceeded its time budget.');
    this.name = 'TimeBudgetExceededError';
  }
}

/**
 * A per-request time budget: at the deadline the caller gets 503 TIMEOUT in the one error shape and the
 * request's AbortSignal fires, so a slow request answers instead of holding the connection forever.
 * Keeping the event loop free is the job of bounded work (src/domain/bounds.ts); this is the backstop.
 */
export function timeBudget(logger: Logger, budgetMs = REQUEST_TIME_BUDGET_MS) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const controller = new AbortController();
    const budget: RequestBudget = { deadline: Date.now() + budgetMs, signal: controller.signal };
    res.locals.budget = budget;
    const timer = setTimeout(() => {
      controller.abort(new TimeBudgetExceededError());
      if (res.headersSent) return;
      logger.warn({ requestId: requestIdOf(res), method: req.method, path: req.path }, 'request over time budget');
      res
        .status(503)
        .setHeader('retry-after', '5')
        .json(errorBody(apiErrors.timeout(), requestIdOf(res)));
    }, budgetMs);
    timer.unref();
    res.once('close', () => clearTimeout(timer));
    next();
  };
}

/** The budget of the request being answered (a generous one outside a request, e.g. in jobs). */
export function budgetOf(res: Response): RequestBudget {
  const budget = res.locals.budget as RequestBudget | undefined;
  return budget ?? { deadline: Date.now() + REQUEST_TIME_BUDGET_MS, signal: new AbortController().signal };
}

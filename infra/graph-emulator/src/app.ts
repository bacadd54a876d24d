import express, { type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import type { EmulatorContext } from './context';
import { GraphHttpError, graphErrorBody, graphErrors, newRequestId } from './errors';
import { graphAuthentication } from './auth';
import { identityRouter } from './identity/routes';
import { controlsRouter } from './controls/router';
import { loseAnswerAfterHandler } from './controls/afterFaults';
import { MODULES } from './modules';
import { mount } from './routing';
import { INNER_REQUEST_HEADER } from './resources/batch';
import { dollarOptionalQueryOptions } from './odata';
import type { LoggedRequest } from './controls/requestLog';
import type { Principal } from './permissions';
import { INSPECTION_APP_ID } from './tenantConfig';

/**
 * The request pipeline, in one place. Order matters:
 * 1. request id and the request log wrap everything, so faults and rejections are counted as round trips;
 * 2. controls and identity come before fault injection: tests steer the tenant and get tokens reliably;
 * 3. fault injection comes before token validation, as Graph throttles before it authorises; a fault *after*
 *    the handler lets the request run and then loses its answer (controls/afterFaults.ts);
 * 4. then token validation, then the resource handlers; an unknown Graph path is a 501, never a 200.
 */
export function createApp(ctx: EmulatorContext, reset: () => void): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'extended');

  app.use(requestLog(ctx));
  // Graph answers 400 to a payload with a lone surrogate (not valid UTF-16 text), never 500: the reviver's
  // throw becomes body-parser's parse failure, answered below as Graph's "Unable to read JSON" 400.
  app.use(
    express.json({ limit: '4mb', type: ['application/json', 'application/*+json'], reviver: refuseLoneSurrogates }),
  );

  app.use('/_emulator', controlsRouter(ctx, reset));
  for (const m of MODULES) {
    if (!m.controls) continue;
    const router = express.Router();
    m.controls(router, ctx);
    app.use('/_emulator', router);
  }
  app.use(identityRouter(ctx));
  for (const m of MODULES) {
    if (!m.root) continue;
    const router = express.Router();
    m.root(router, ctx);
    app.use(router);
  }

  const graph = express.Router();
  graph.use(faultInjection(ctx));
  graph.use(dollarOptionalQueryOptions(['/sites']));
  graph.use(graphAuthentication(ctx));
  for (const m of MODULES) {
    if (m.routes) mount(graph, ctx, m.routes);
    m.dispatchedRoutes?.mount(graph, ctx);
  }
  graph.use((req) => {
    throw graphErrors.notImplemented(
      `${req.method} ${req.path} is not supported by the local tenant. See infra/graph-emulator/README.md.`,
    );
  });
  app.use('/v1.0', graph);

  app.use((req: Request, res: Response) => {
    res
      .status(404)
      .json(graphErrorBody('NotFound', `No such endpoint: ${req.method} ${req.path}`, String(res.locals.requestId)));
  });

  app.use(graphErrorHandler);

  return app;
}

function loggedAuthorisation(res: Response): Partial<LoggedRequest> {
  const principal = res.locals.principal as Principal | undefined;
  const operation = res.locals.operation as string | undefined;
  const allowedBy = res.locals.allowedBy as LoggedRequest['allowedBy'];
  return {
    ...(operation ? { operation } : {}),
    ...(principal ? { principal: principal.appId === INSPECTION_APP_ID ? 'inspection' : principal.kind } : {}),
    ...(allowedBy ? { allowedBy } : {}),
  };
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function refuseLoneSurrogates(key: string, value: unknown): unknown {
  if (LONE_SURROGATE.test(key) || (typeof value === 'string' && LONE_SURROGATE.test(value)))
    throw new SyntaxError('A string is not well-formed UTF-16.');
  return value;
}

/** Express refuses a path it cannot decode (e.g. %ED%A0%80, a lone surrogate) with a 400 of its own. */
function isMalformedUrl(error: unknown): boolean {
  return error instanceof URIError || (error as { status?: unknown } | null)?.status === 400;
}

function isBodyParserError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'type' in error &&
    (error as { type: unknown }).type === 'entity.parse.failed'
  );
}

/** Graph's request-id and client-request-id headers, and the request log (the controls' /_emulator/requests). */
function requestLog(ctx: EmulatorContext) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const requestId = newRequestId();
    res.locals.requestId = requestId;
    res.setHeader('request-id', requestId);
    const clientRequestId = req.header('client-request-id');
    res.setHeader('client-request-id', clientRequestId ?? requestId);
    const started = process.hrtime.bigint();
    let logged = false;
    const log = () => {
      if (logged || req.path.startsWith('/_emulator')) return;
      logged = true;
      ctx.requestLog.add({
        at: new Date().toISOString(),
        method: req.method,
        path: req.originalUrl,
        status: res.statusCode,
        durationMs: Number(process.hrtime.bigint() - started) / 1e6,
        batchInner: req.header(INNER_REQUEST_HEADER) === '1',
        faultInjected: res.locals.faultInjected === true,
        answerLost: res.locals.answerDropped === true || !res.writableFinished,
        ...loggedAuthorisation(res),
      });
    };
    res.on('finish', log);
    // A dropped answer (a fault after the handler, or a client that gave up) never finishes: log it on close.
    res.on('close', log);
    next();
  };
}

/** The controls' latency and faults: answered instead of the handler, or the answer lost after it. */
function faultInjection(ctx: EmulatorContext) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const latency = ctx.faults.latency();
    const fault = ctx.faults.match(req.method, req.baseUrl + req.path);
    const delay = latency + (fault?.delayMs ?? 0);
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    if (!fault) {
      // Faults after the handler apply to the request as its client sent it: an inner request of a $batch is
      // the batch's business (match the batch itself), else the batch's own re-send would repeat the write.
      const after =
        req.header(INNER_REQUEST_HEADER) === '1'
          ? undefined
          : ctx.faults.matchAfter(req.method, req.baseUrl + req.path);
      if (after) loseAnswerAfterHandler(after, req, res);
      return next();
    }
    res.locals.faultInjected = true;
    const retry = fault.retryAfter;
    if (fault.status === 429) return next(graphErrors.throttled(retry ?? 1));
    if (fault.status === 503) return next(graphErrors.serviceUnavailable(retry));
    if (fault.status === 504) return next(graphErrors.gatewayTimeout());
    return next(new GraphHttpError(fault.status, 'InternalServerError', 'Injected fault.'));
  };
}

/** Every error as Graph's error body: zod and body-parser failures as 400, anything unexpected as 500. */
const graphErrorHandler = (error: unknown, _req: Request, res: Response, _next: NextFunction) => {
  const requestId = String(res.locals.requestId ?? newRequestId());
  let e: GraphHttpError;
  if (error instanceof GraphHttpError) e = error;
  else if (error instanceof z.ZodError)
    e = graphErrors.badRequest(error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
  else if (isBodyParserError(error) || isMalformedUrl(error))
    e = graphErrors.badRequest('Unable to read JSON request payload.');
  else {
    console.error('[graph-emulator] unexpected error', error);
    e = new GraphHttpError(500, 'InternalServerError', 'An internal server error occurred in the local tenant.');
  }
  for (const [k, v] of Object.entries(e.headers)) res.setHeader(k, v);
  res
    .status(e.status)
    .json(graphErrorBody(e.code, e.message, requestId, res.getHeader('client-request-id')?.toString()));
};

import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import { DomainRuleError, DomainValidationError, ForbiddenError, type ValidationIssue } from '../../src/domain';
import { ConflictError, ConsentRequiredError, GraphRequestError } from '../graph/errors';
import { NotFoundError, StateConflictError } from '../services/errors';
import { labelIssues } from './fieldLabels';
import type { Logger } from './logger';

export const API_ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'VALIDATION',
  'CONFLICT',
  'NOT_FOUND',
  'GRAPH_UNAVAILABLE',
  'CONSENT_REQUIRED',
  'TIMEOUT',
  'INTERNAL',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

/** The one error shape of the REST API. Messages are Swedish and written for users, never internals. */
export interface ApiErrorBody {
  error: {
    code: ApiErrorCode;
    message: string;
    requestId: string;
    issues?: ValidationIssue[];
    current?: unknown;
  };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly extra: { issues?: ValidationIssue[]; current?: unknown } = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const apiErrors = {
  unauthenticated: (message = 'Du är inte inloggad eller inloggningen har gått ut.') =>
    new ApiError(401, 'UNAUTHENTICATED', message),
  forbidden: (message = 'Du har inte behörighet att göra detta.') => new ApiError(403, 'FORBIDDEN', message),
  consentRequired: () =>
    new ApiError(
      403,
      'CONSENT_REQUIRED',
      'Appen behöver ditt eller administratörens medgivande för att nå Microsoft 365.',
    ),
  validation: (issues: ValidationIssue[], message = 'Uppgifterna är ogiltiga.') =>
    new ApiError(400, 'VALIDATION', message, { issues: labelIssues(issues) }),
  notFound: (message = 'Det du söker finns inte.') => new ApiError(404, 'NOT_FOUND', message),
  conflict: (current: unknown, message = 'Någon annan har ändrat uppgifterna. Läs in dem igen och försök på nytt.') =>
    new ApiError(409, 'CONFLICT', message, { current }),
  timeout: () => new ApiError(503, 'TIMEOUT', 'Förfrågan tog för lång tid. Försök igen om en stund.'),
  graphUnavailable: () =>
    new ApiError(503, 'GRAPH_UNAVAILABLE', 'Microsoft 365 svarar inte just nu. Försök igen om en stund.'),
};

export function requestIdOf(res: Response): string {
  return String(res.locals.requestId ?? '');
}

export function requestIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.header('x-request-id');
  const requestId = incoming && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
  res.locals.requestId = requestId;
  res.setHeader('x-request-id', requestId);
  next();
}

/**
 * What Microsoft 365 refused, told as it is: a 400 or 403 from Graph is not an outage. Each message says what is
 * wrong and what to do; only a throttled or unavailable Graph is "try again". Graph's own message stays in the
 * log (errorMiddleware), never in the answer.
 */
export function graphErrorToApiError(error: GraphRequestError): ApiError {
  const said = `${error.code} ${error.message}`.toLowerCase();
  switch (error.status) {
    case 400:
      if (said.includes('guest') && said.includes('owner'))
        return new ApiError(
          422,
          'VALIDATION',
          'Personen är gäst i Region Västerbottens Microsoft 365 och kan inte vara ägare av en kanal eller ett team. ' +
            'Välj en person i Region Västerbotten som ägare; gästen kan vara medlem.',
          { issues: [] },
        );
      if (said.includes('longer than') || said.includes('length'))
        return new ApiError(
          422,
          'VALIDATION',
          'Ett värde är för långt för kolumnen i SharePoint-listan. Korta texten, eller be administratören köra listornas uppdatering (npm run provision).',
          { issues: [] },
        );
      return new ApiError(
        422,
        'VALIDATION',
        'Microsoft 365 godtog inte ändringen. Kontrollera uppgifterna och försök igen; kvarstår felet, kontakta administratören.',
        { issues: [] },
      );
    case 401:
      return apiErrors.consentRequired();
    case 403: {
      const permissions = permissionsNamed(error.message);
      return apiErrors.forbidden(
        permissions
          ? `Appen saknar behörighet i Microsoft 365 för det här: den behöver ${permissions}. Be administratören ge appen behörigheten med administratörsmedgivande (se driftsättningsguiden).`
          : 'Appen saknar behörighet i Microsoft 365 för det här. Be administratören ge appen behörigheten (se driftsättningsguiden).',
      );
    }
    case 404:
      return apiErrors.notFound(
        'Det finns inte i Microsoft 365: personen, kanalen eller posten kan ha tagits bort. Läs in sidan igen.',
      );
    case 409:
      return apiErrors.conflict(
        undefined,
        'Det finns redan i Microsoft 365 (samma namn eller samma person). Läs in sidan igen och kontrollera.',
      );
    case 412:
      return apiErrors.conflict(undefined);
    case 429:
      return new ApiError(
        503,
        'GRAPH_UNAVAILABLE',
        'Microsoft 365 tar emot för många anrop just nu. Försök igen om en stund.',
      );
    case 504:
      return new ApiError(503, 'GRAPH_UNAVAILABLE', 'Microsoft 365 svarade inte i tid. Försök igen om en stund.');
    default:
      return apiErrors.graphUnavailable();
  }
}

/**
 * The permissions Graph's 403 names ("API requires one of 'Channel.Create, Group.ReadWrite.All'"), as
 * "Channel.Create eller Group.ReadWrite.All"; undefined when it names none.
 */
export function permissionsNamed(message: string): string | undefined {
  const listed = /requires one of '([^']+)'/i.exec(message)?.[1];
  const names = (listed ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => /^[A-Z][A-Za-z]*(\.[A-Za-z]+)+$/.test(name));
  if (names.length === 0) return undefined;
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} eller ${names[names.length - 1]}`;
}

/** A converter from a mapped service error (e.g. a translated Graph conflict) to the API error, if known. */
function toApiError(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return error;
  if (error instanceof DomainValidationError) return apiErrors.validation(error.issues);
  if (error instanceof z.ZodError)
    return apiErrors.validation(error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })));
  if (error instanceof ForbiddenError) return apiErrors.forbidden(error.message);
  if (error instanceof NotFoundError) return apiErrors.notFound(error.message);
  if (error instanceof StateConflictError) return new ApiError(409, 'CONFLICT', error.message);
  if (error instanceof DomainRuleError) return new ApiError(422, 'VALIDATION', error.message, { issues: [] });
  if (error instanceof ConflictError) return apiErrors.conflict(error.current, error.userMessage);
  if (error instanceof ConsentRequiredError) return apiErrors.consentRequired();
  // A request's time budget ran out while it awaited something (api/http/timeBudget).
  if (error instanceof Error && error.name === 'TimeBudgetExceededError') return apiErrors.timeout();
  if (error instanceof GraphRequestError) return graphErrorToApiError(error);
  if (isBodyParserError(error)) {
    const tooLarge = (error as { type?: unknown }).type === 'entity.too.large';
    return new ApiError(
      tooLarge ? 413 : 400,
      'VALIDATION',
      tooLarge ? 'Förfrågan är för stor.' : 'Förfrågan är inte giltig JSON.',
      {
        issues: [],
      },
    );
  }
  return undefined;
}

function isBodyParserError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('type' in error)) return false;
  const type = (error as { type: unknown }).type;
  return type === 'entity.parse.failed' || type === 'entity.too.large';
}

export function errorBody(error: ApiError, requestId: string): ApiErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      requestId,
      ...(error.code === 'VALIDATION' ? { issues: error.extra.issues ?? [] } : {}),
      ...(error.code === 'CONFLICT' ? { current: error.extra.current } : {}),
    },
  };
}

/** The last middleware: every error leaves in the one JSON shape; details stay in the log. */
export function errorMiddleware(logger: Logger) {
  return (error: unknown, _req: Request, res: Response, _next: NextFunction): void => {
    const requestId = requestIdOf(res);
    const known = toApiError(error);
    const apiError = known ?? new ApiError(500, 'INTERNAL', 'Ett oväntat fel inträffade. Försök igen senare.');
    if (!known || apiError.status >= 500) logger.error({ err: error, requestId }, 'request failed');
    else logger.debug({ code: apiError.code, requestId }, 'request refused');
    if (res.headersSent) return;
    res.status(apiError.status).json(errorBody(apiError, requestId));
  };
}

export function notFoundMiddleware(_req: Request, res: Response): void {
  res.status(404).json(errorBody(apiErrors.notFound(), requestIdOf(res)));
}

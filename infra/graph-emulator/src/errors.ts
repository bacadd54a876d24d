import { randomUUID } from 'node:crypto';

/** An error as Microsoft Graph (or Entra) would answer it; thrown by handlers, rendered by one middleware. */
export class GraphHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** One method per Graph error the emulator answers, in the casing Graph itself uses for that code. */
export const graphErrors = {
  badRequest: (message: string, code = 'BadRequest') => new GraphHttpError(400, code, message),
  invalidRequest: (message: string) => new GraphHttpError(400, 'invalidRequest', message),
  unsupportedQuery: (option: string) =>
    new GraphHttpError(
      400,
      'BadRequest',
      `Query option '${option}' is not supported by this endpoint in the local tenant.`,
    ),
  unauthenticated: (message = 'Access token is empty.') =>
    new GraphHttpError(401, 'InvalidAuthenticationToken', message),
  forbidden: (message = 'Insufficient privileges to complete the operation.') =>
    new GraphHttpError(403, 'Authorization_RequestDenied', message),
  accessDenied: (message: string) => new GraphHttpError(403, 'accessDenied', message),
  notFound: (message = 'The requested resource does not exist.') => new GraphHttpError(404, 'itemNotFound', message),
  resourceNotFound: (message: string) => new GraphHttpError(404, 'ResourceNotFound', message),
  methodNotAllowed: () =>
    new GraphHttpError(405, 'Request_BadRequest', 'The HTTP method is not allowed for the resource.'),
  conflict: (message: string, code = 'nameAlreadyExists') => new GraphHttpError(409, code, message),
  preconditionFailed: (message = 'The resource has changed since it was last read.') =>
    new GraphHttpError(412, 'preconditionFailed', message),
  notImplemented: (message: string) => new GraphHttpError(501, 'NotImplemented', message),
  throttled: (retryAfterSeconds: number) =>
    new GraphHttpError(429, 'TooManyRequests', 'Too many requests.', { 'Retry-After': String(retryAfterSeconds) }),
  serviceUnavailable: (retryAfterSeconds?: number) =>
    new GraphHttpError(
      503,
      'serviceNotAvailable',
      'The service is temporarily unavailable.',
      retryAfterSeconds === undefined ? {} : { 'Retry-After': String(retryAfterSeconds) },
    ),
  gatewayTimeout: () => new GraphHttpError(504, 'UnknownError', 'The gateway timed out.'),
};

export interface GraphErrorBody {
  error: {
    code: string;
    message: string;
    innerError: { date: string; 'request-id': string; 'client-request-id': string };
  };
}

/** Graph writes `date` without a trailing Z. */
export function graphErrorBody(
  code: string,
  message: string,
  requestId: string,
  clientRequestId?: string,
): GraphErrorBody {
  return {
    error: {
      code,
      message,
      innerError: {
        date: new Date().toISOString().slice(0, 19),
        'request-id': requestId,
        'client-request-id': clientRequestId ?? requestId,
      },
    },
  };
}

export function newRequestId(): string {
  return randomUUID();
}

import { DomainValidationError } from '../../domain/errors';
import { ApiError } from '../api';

const UNEXPECTED = 'Något gick fel. Försök igen om en stund.';

/**
 * Anything a request or an action threw, as the ApiError the tab shows: the server's own error as it is, a value
 * the tab checked itself with the domain's parser (an amount in kronor) as a validation error, anything else as
 * one generic Swedish sentence (never a stack trace).
 */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof DomainValidationError) {
    return new ApiError('VALIDATION', error.issues[0]?.message ?? error.message, 0);
  }
  return new ApiError('INTERNAL', UNEXPECTED, 0);
}

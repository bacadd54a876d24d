/**
 * The errors the use cases throw besides the domain's own (DomainValidationError, DomainRuleError,
 * ForbiddenError): plain classes that know nothing of HTTP. Only api/http turns them into answers.
 */

/** What the request names is not there (a meeting not in the register, a protocol not yet drafted). */
export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** The request conflicts with what the register already holds (e.g. the season's meeting is already called). */
export class StateConflictError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'StateConflictError';
  }
}

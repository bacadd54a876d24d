export interface ValidationIssue {
  path: string;
  message: string;
}

/** Input to a constructor or parser was refused. `issues` carries one Swedish message per problem. */
export class DomainValidationError extends Error {
  readonly issues: ValidationIssue[];

  constructor(issues: ValidationIssue[]) {
    super(issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join(' '));
    this.name = 'DomainValidationError';
    this.issues = issues.map((issue) => ({ ...issue }));
  }
}

/** A well-formed request that breaks a rule of the agreement (e.g. a status transition that is not allowed). */
export class DomainRuleError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'DomainRuleError';
    this.code = code;
  }
}

export class ForbiddenError extends Error {
  readonly code = 'FORBIDDEN';
  readonly action: string;

  constructor(action: string, message: string) {
    super(message);
    this.name = 'ForbiddenError';
    this.action = action;
  }
}

/** The one error callers of the gateway see: HTTP status, Graph's `error.code`, its request id. */
export class GraphRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly requestId: string | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'GraphRequestError';
  }

  /** Transient: worth trying again later (throttling, outage, timeout). */
  get transient(): boolean {
    return this.status === 429 || this.status === 503 || this.status === 504 || this.status === 0;
  }
}

/** An If-Match write lost to someone else's change (Graph answered 412); carries what is there now. */
export class ConflictError<T = unknown> extends Error {
  /** `userMessage`: what the user is told (Swedish), when more is known than "someone else changed it". */
  constructor(
    readonly current: T,
    readonly userMessage?: string,
  ) {
    super('The item has changed since it was read.');
    this.name = 'ConflictError';
  }
}

/** A write refused because the token's user or app lacks consent (msal `invalid_grant`, consent_required). */
export class ConsentRequiredError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'ConsentRequiredError';
  }
}

/**
 * Exactly once for the API's writes: every write the tab sends carries an `Idempotency-Key` header, kept by
 * the tab until the user has seen the answer (a reload sends the same key again). The server answers a
 * repeat of a key with the first answer (same status and body) and marks it `Idempotent-Replayed: true`;
 * a key is the caller's own (tenant, user) and the route's. See docs/server.md.
 */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';
export const IDEMPOTENT_REPLAY_HEADER = 'Idempotent-Replayed';
/** 8–128 characters: letters, digits, `-` and `_` (a UUID fits). */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{8,128}$/;

/** The journal's activity id of a welcome card whose answer was lost: perhaps posted, never posted twice. */
export const UNKNOWN_ACTIVITY = 'okänt';

/** A connection reset or timeout after the request went out: the connector may have done it. A refusal has an answer. */
export function answerMayBeLost(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { response, code } = error as { response?: unknown; code?: unknown };
  return response === undefined && ['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE'].includes(String(code));
}

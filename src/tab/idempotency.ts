/**
 * The tab's half of "exactly once": every write carries an Idempotency-Key, and the key of an action is kept
 * in sessionStorage until the user has seen its answer. A double-click sends the same key twice (the server
 * answers both with the first result), and so does a retry after a reload of the tab while the first answer
 * was lost (network, 5xx). A definitive answer (2xx, 4xx) ends the action: the next one gets a new key.
 */
const PREFIX = 'planochbygg.once.';

export function newIdempotencyKey(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `k-${Date.now()}-${Math.random().toString(16).slice(2)}`;
}

function storage(): Storage | undefined {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined;
  }
}

/** The key of an action not yet confirmed, or a new one kept for it. */
export function actionKey(action: string): string {
  const store = storage();
  const name = PREFIX + action;
  const kept = store?.getItem(name);
  if (kept) return kept;
  const key = newIdempotencyKey();
  try {
    store?.setItem(name, key);
  } catch {
    // Storage full or refused: the key still guards this page's double-clicks.
  }
  return key;
}

/** The user has seen the action's answer: its key is done. */
export function confirmAction(action: string): void {
  try {
    storage()?.removeItem(PREFIX + action);
  } catch {
    // nothing kept
  }
}

/** The action a write is: method, path and body (FNV-1a of the body, enough to tell two forms apart). */
export function writeAction(method: string, path: string, body: string | undefined): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < (body ?? '').length; i++) {
    hash ^= (body ?? '').charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${method} ${path} ${(hash >>> 0).toString(16)}`;
}

/**
 * The operation a request or a bot activity performs, as a natural key its effects in Graph carry: the REST
 * API's idempotency middleware runs the route in the operation of (tenant, object id, route, Idempotency-Key),
 * the bot in that of the activity. A list item created inside it gets an OperationKey derived from it
 * (api/services/lists), so that a repeat of the operation (after a lost answer, a crash, a 5xx the tab
 * retried) finds the item instead of writing a second one.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';

interface OperationScope {
  readonly key: string;
  /** How many items the operation created per list so far: the second in one list gets `…:2`. */
  readonly created: Map<string, number>;
}

const current = new AsyncLocalStorage<OperationScope>();

/** The natural key of an operation: its scope and the client's key, hashed (SharePoint text is ≤ 255). */
export function operationKeyOf(scope: readonly string[], key: string): string {
  return `op:${createHash('sha256')
    .update(JSON.stringify([...scope, key]))
    .digest('hex')
    .slice(0, 40)}`;
}

/** Runs `fn` (and everything it starts) as the operation `key`. */
export function inOperation<T>(key: string, fn: () => T): T {
  return current.run({ key, created: new Map() }, fn);
}

/**
 * The key of the next item the current operation creates in `list`, or undefined outside an operation. The
 * n-th create in a list is numbered, so an operation that writes two items in one list keeps them apart; the
 * numbering repeats on a repeat of the operation because the handler runs the same steps in the same order.
 */
export function nextItemKey(list: string): string | undefined {
  const scope = current.getStore();
  if (!scope) return undefined;
  const n = (scope.created.get(list) ?? 0) + 1;
  scope.created.set(list, n);
  return n === 1 ? `${scope.key}:${list}` : `${scope.key}:${list}:${n}`;
}

/**
 * The key the current operation's first create in `list` carries (without counting a create): a step that
 * finds work already done asks whether it was this operation's.
 */
export function firstItemKey(list: string): string | undefined {
  const scope = current.getStore();
  return scope ? `${scope.key}:${list}` : undefined;
}

/** The current operation's key (journals keyed by the operation), or undefined outside one. */
export function currentOperationKey(): string | undefined {
  return current.getStore()?.key;
}

import { useCallback, useMemo, useState } from 'react';
import type { ApiError } from '../api';
import { asApiError } from './errors';

export type ActionState =
  { status: 'idle' } | { status: 'busy' } | { status: 'done'; message: string } | { status: 'error'; error: ApiError };

export interface Action {
  state: ActionState;
  busy: boolean;
  /** Runs an action whose result is the message to show; true when it succeeded. */
  run(action: () => Promise<string>): Promise<boolean>;
  /** Runs an action and words its result; the result, or undefined when it failed. */
  run<T>(action: () => Promise<T>, doneMessage: (result: T) => string): Promise<T | undefined>;
  reset(): void;
}

/** Runs a user's action against the API and keeps its state for a live status message beside the button. */
export function useAction(): Action {
  const [state, setState] = useState<ActionState>({ status: 'idle' });
  const run = useCallback(
    async <T>(action: () => Promise<T>, doneMessage?: (result: T) => string): Promise<T | boolean | undefined> => {
      setState({ status: 'busy' });
      try {
        const result = await action();
        setState({ status: 'done', message: doneMessage ? doneMessage(result) : String(result) });
        return doneMessage ? result : true;
      } catch (error) {
        setState({ status: 'error', error: asApiError(error) });
        return doneMessage ? undefined : false;
      }
    },
    [],
  ) as Action['run'];
  const reset = useCallback(() => setState({ status: 'idle' }), []);
  return useMemo(() => ({ state, busy: state.status === 'busy', run, reset }), [state, run, reset]);
}

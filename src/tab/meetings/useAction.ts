import { useCallback, useState } from 'react';
import { ApiError } from '../api';

export type ActionState =
  { status: 'idle' } | { status: 'busy' } | { status: 'done'; message: string } | { status: 'error'; error: ApiError };

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError('INTERNAL', 'Något gick fel. Försök igen om en stund.', 0);
}

/** Runs a user's action against the API and keeps its state for a live status message beside the button. */
export function useAction() {
  const [state, setState] = useState<ActionState>({ status: 'idle' });
  const run = useCallback(async <T>(action: () => Promise<T>, doneMessage: (result: T) => string) => {
    setState({ status: 'busy' });
    try {
      const result = await action();
      setState({ status: 'done', message: doneMessage(result) });
      return result;
    } catch (error) {
      setState({ status: 'error', error: asApiError(error) });
      return undefined;
    }
  }, []);
  return { state, run, busy: state.status === 'busy' };
}

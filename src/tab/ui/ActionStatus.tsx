import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { ErrorMessage } from './status';
import type { ActionState } from './useAction';

/** The result of an action, announced politely to screen readers; errors as alerts with the server's words. */
export function ActionStatus({
  state,
  busyLabel,
  doneIntent = 'success',
}: {
  state: ActionState;
  busyLabel?: string;
  /** A result that is advice rather than a success (e.g. who cannot be looked up) is shown as information. */
  doneIntent?: 'success' | 'info' | 'warning';
}) {
  if (state.status === 'error') return <ErrorMessage error={state.error} />;
  return (
    <div role="status" aria-live="polite">
      {state.status === 'busy' && busyLabel && <p>{busyLabel}</p>}
      {state.status === 'done' && (
        <MessageBar intent={doneIntent}>
          <MessageBarBody>{state.message}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

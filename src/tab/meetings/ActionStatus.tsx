import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { ErrorMessage } from '../status';
import type { ActionState } from './useAction';

/** The result of an action, announced politely to screen readers; errors as alerts with the server's words. */
export function ActionStatus({ state, busyLabel }: { state: ActionState; busyLabel?: string }) {
  if (state.status === 'error') return <ErrorMessage error={state.error} />;
  return (
    <div role="status" aria-live="polite">
      {state.status === 'busy' && busyLabel && <p>{busyLabel}</p>}
      {state.status === 'done' && (
        <MessageBar intent="success">
          <MessageBarBody>{state.message}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

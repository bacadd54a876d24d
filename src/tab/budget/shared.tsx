import { MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { DomainValidationError } from '../../domain/errors';
import { ApiError } from '../api';

/** Today's calendar date in Stockholm, as the API's dates are written (YYYY-MM-DD). */
export function todayInStockholm(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

export const useEconomyStyles = makeStyles({
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalL,
  },
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(12rem, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'end',
    maxWidth: '60rem',
    marginBottom: tokens.spacingVerticalM,
  },
  tableWrap: { overflowX: 'auto', marginBottom: tokens.spacingVerticalM },
  number: { textAlign: 'right', whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' },
  sumRow: { fontWeight: tokens.fontWeightSemibold },
  negative: { color: tokens.colorPaletteRedForeground1 },
  caption: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, padding: `${tokens.spacingVerticalXS} 0` },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

export type ActionState =
  { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; message: string } | { kind: 'error'; error: ApiError };

function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  // A value the tab checked itself with the domain's parser (an amount in kronor) before sending.
  if (error instanceof DomainValidationError) {
    return new ApiError('VALIDATION', error.issues[0]?.message ?? error.message, 0);
  }
  return new ApiError('INTERNAL', 'Något gick fel. Försök igen.', 0);
}

/** Calls `reload` when a key (year, date, filter) changes after the first render; useLoad loads on mount itself. */
export function useReloadOn(key: string, reload: () => void): void {
  const first = useRef(key);
  const reloadRef = useRef(reload);
  reloadRef.current = reload;
  useEffect(() => {
    if (first.current === key) return;
    first.current = key;
    reloadRef.current();
  }, [key]);
}

/** Runs a write and keeps its outcome for an aria-live message next to the form. */
export function useAction() {
  const [state, setState] = useState<ActionState>({ kind: 'idle' });
  const run = useCallback(async (action: () => Promise<string>) => {
    setState({ kind: 'busy' });
    try {
      setState({ kind: 'done', message: await action() });
      return true;
    } catch (error) {
      setState({ kind: 'error', error: asApiError(error) });
      return false;
    }
  }, []);
  return { state, run, reset: () => setState({ kind: 'idle' }) };
}

/** The outcome of a write, read out by screen readers as it appears. */
export function ActionMessage({ state }: { state: ActionState }) {
  return (
    <div aria-live="polite" role="status">
      {state.kind === 'done' && (
        <MessageBar intent="success">
          <MessageBarBody>{state.message}</MessageBarBody>
        </MessageBar>
      )}
      {state.kind === 'error' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <span lang="sv">{state.error.message}</span>
            {state.error.issues && state.error.issues.length > 0 && (
              <ul>
                {state.error.issues.map((issue, index) => (
                  <li key={index} lang="sv">
                    {issue.message}
                  </li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}

/** Saves a file the API served (PDF, CSV) under its name, through a temporary link. */
export function saveBlob(blob: Blob, name: string): void {
  if (typeof URL.createObjectURL !== 'function') return;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

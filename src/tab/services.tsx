import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { ApiClient, ApiError } from './api';
import type { MeetingHostContext, TeamsHost } from './teams';
import { asApiError } from './ui/errors';

export interface TabServices {
  api: ApiClient;
  teams?: TeamsHost;
  /** The Teams meeting the tab runs in: the tab shows the meeting view (src/tab/meeting) instead of its pages. */
  meeting?: MeetingHostContext;
  /** Called when the API refuses the token (expired, or signed out elsewhere). */
  onUnauthenticated?(): void;
}

const ServicesContext = createContext<TabServices | undefined>(undefined);

export function ServicesProvider({ value, children }: { value: TabServices; children: ReactNode }) {
  return <ServicesContext.Provider value={value}>{children}</ServicesContext.Provider>;
}

export function useServices(): TabServices {
  const value = useContext(ServicesContext);
  if (!value) throw new Error('useServices outside ServicesProvider');
  return value;
}

export type LoadState<T> = { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; data: T };

/** Loads data from the API; `reload` fetches again. Errors arrive as ApiError with the server's message. */
export function useLoad<T>(load: (api: ApiClient) => Promise<T>): LoadState<T> & { reload(): void } {
  const services = useServices();
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    let active = true;
    // A reload keeps showing the data it replaces, so live announcements next to it survive.
    setState((current) => (current.status === 'ready' ? current : { status: 'loading' }));
    loadRef.current(services.api).then(
      (data) => active && setState({ status: 'ready', data }),
      (error: unknown) => {
        if (!active) return;
        const apiError = asApiError(error);
        if (apiError.code === 'UNAUTHENTICATED') services.onUnauthenticated?.();
        setState({ status: 'error', error: apiError });
      },
    );
    return () => {
      active = false;
    };
  }, [services, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}

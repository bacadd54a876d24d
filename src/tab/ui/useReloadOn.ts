import { useEffect, useRef } from 'react';

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

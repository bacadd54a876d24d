import { useState } from 'react';
import { pageHref, pageTarget, type PageId } from '../routes';

/**
 * A page's selected view, kept in the URL hash (`#/beslut/forslag`) so a reload or a shared link opens it again. A
 * view the person may not see falls back to the first of `available`.
 */
export function usePageView<V extends string>(page: PageId, available: readonly V[]): [V, (view: V) => void] {
  const first = available[0] as V;
  const [view, setView] = useState<V>(() => {
    const named = pageTarget(window.location);
    return available.find((v) => v === named) ?? first;
  });
  const choose = (next: V) => {
    setView(next);
    // replaceState: choosing a view is not a new page in the history, and fires no hashchange.
    window.history.replaceState(window.history.state, '', pageHref(page, next));
  };
  return [available.includes(view) ? view : first, choose];
}

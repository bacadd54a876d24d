import { useState } from 'react';
import { pageHref, pageTarget } from '../routes';

export const BUDGET_VIEWS = ['lagesrapport', 'bokningar', 'budgetposter', 'tid'] as const;
export type BudgetView = (typeof BUDGET_VIEWS)[number];

/**
 * The Budget page's selected view, kept in the URL hash (`#/budget/bokningar`) so a reload or a shared link opens it
 * again. A view the person may not see (Budgetposter for a member) falls back to the lägesrapport.
 */
export function useBudgetView(available: readonly BudgetView[]): [BudgetView, (view: BudgetView) => void] {
  const [view, setView] = useState<BudgetView>(() => {
    const named = pageTarget(window.location);
    return available.find((v) => v === named) ?? 'lagesrapport';
  });
  const choose = (next: BudgetView) => {
    setView(next);
    // replaceState: choosing a view is not a new page in the history, and fires no hashchange.
    window.history.replaceState(window.history.state, '', pageHref('budget', next));
  };
  return [available.includes(view) ? view : 'lagesrapport', choose];
}

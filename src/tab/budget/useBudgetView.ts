import { usePageView } from '../ui/usePageView';

export const BUDGET_VIEWS = ['lagesrapport', 'bokningar', 'budgetposter', 'tid'] as const;
export type BudgetView = (typeof BUDGET_VIEWS)[number];

/**
 * The Budget page's selected view, kept in the URL hash (`#/budget/bokningar`) so a reload or a shared link opens it
 * again. A view the person may not see (Budgetposter for a member) falls back to the lägesrapport (listed first).
 */
export function useBudgetView(available: readonly BudgetView[]): [BudgetView, (view: BudgetView) => void] {
  return usePageView('budget', available);
}

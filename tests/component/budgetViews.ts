/**
 * The Budget page loads its views and the report day's picker on demand (#18). Jest's ESM loader fails when two
 * dynamic imports link the same files at once ("request for 'react/jsx-runtime' is not in cache"), as when the page
 * opens on a view while the picker loads: suites that render the page load them first, one after the other.
 */
export async function preloadBudgetViews(): Promise<void> {
  await import('../../src/tab/ui/DateField');
  await import('../../src/tab/budget/views/TimeSection');
  await import('../../src/tab/budget/views/BookingsView');
  await import('../../src/tab/budget/views/LinesView');
}

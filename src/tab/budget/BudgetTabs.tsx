import { useI18n, type MessageKey } from '../i18n';
import { ViewTabs } from '../ui/ViewTabs';
import type { BudgetView } from './useBudgetView';

const VIEW_LABELS: Record<BudgetView, MessageKey> = {
  lagesrapport: 'budget.view.report',
  bokningar: 'budget.view.bookings',
  budgetposter: 'budget.view.lines',
  tid: 'budget.view.time',
};

/** The Budget page's views as tabs; each tab's id labels its panel (`budget-tab-<view>`). */
export function BudgetTabs({
  views,
  view,
  onView,
}: {
  views: readonly BudgetView[];
  view: BudgetView;
  onView(view: BudgetView): void;
}) {
  const { t } = useI18n();
  return (
    <ViewTabs
      idPrefix="budget"
      label={t('budget.views')}
      views={views}
      view={view}
      labelOf={(v) => t(VIEW_LABELS[v])}
      onView={onView}
    />
  );
}

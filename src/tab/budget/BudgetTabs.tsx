import { makeStyles, mergeClasses, Tab, TabList } from '@fluentui/react-components';
import { useI18n, type MessageKey } from '../i18n';
import { usePageStyles } from '../ui/styles';
import type { BudgetView } from './useBudgetView';

const VIEW_LABELS: Record<BudgetView, MessageKey> = {
  lagesrapport: 'budget.view.report',
  bokningar: 'budget.view.bookings',
  budgetposter: 'budget.view.lines',
  tid: 'budget.view.time',
};

// Four views do not fit in one row at 360 px (Teams mobile): the tabs wrap instead of widening the page.
const useTabStyles = makeStyles({ list: { flexWrap: 'wrap' } });

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
  const page = usePageStyles();
  const tabs = useTabStyles();
  return (
    <TabList
      className={mergeClasses(page.section, tabs.list)}
      aria-label={t('budget.views')}
      selectedValue={view}
      onTabSelect={(_, data) => onView(data.value as BudgetView)}
    >
      {views.map((v) => (
        <Tab key={v} id={`budget-tab-${v}`} value={v}>
          {t(VIEW_LABELS[v])}
        </Tab>
      ))}
    </TabList>
  );
}

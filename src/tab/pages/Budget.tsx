import { lazy, Suspense } from 'react';
import type { Me } from '../api';
import { ReportToolbar } from '../budget/ReportToolbar';
import { formatDay } from '../format';
import { BudgetTabs } from '../budget/BudgetTabs';
import { PageHeading } from '../ui/PageHeading';
import { ViewPanel } from '../ui/ViewTabs';
import { usePageStyles } from '../ui/styles';
import { useI18n } from '../i18n';
import { ErrorMessage, Loading } from '../ui/status';
import { Report } from '../budget/Report';
import { useBudgetData, type BudgetData } from '../budget/useBudgetData';
import { useBudgetView, type BudgetView } from '../budget/useBudgetView';

// The lägesrapport is what the page opens on; the other views (their forms and dialogs, the bookings list and its
// date filters) are loaded when first opened, so the page's own chunk is the report (#18).
const BookingsView = lazy(() =>
  import('../budget/views/BookingsView').then((module) => ({ default: module.BookingsView })),
);
const LinesView = lazy(() => import('../budget/views/LinesView').then((module) => ({ default: module.LinesView })));
const TimeSection = lazy(() =>
  import('../budget/views/TimeSection').then((module) => ({ default: module.TimeSection })),
);

export function BudgetPage({ me }: { me: Me }) {
  const { t } = useI18n();
  const data = useBudgetData();
  const canEdit = me.allowedActions.includes('budget.edit');
  const views: BudgetView[] = ['lagesrapport', 'bokningar', ...(canEdit ? (['budgetposter'] as const) : []), 'tid'];
  const [view, setView] = useBudgetView(views);

  return (
    <>
      <PageHeading>{t('budget.title')}</PageHeading>
      <ReportToolbar
        year={data.year}
        onYear={data.setYear}
        asOf={data.asOf}
        onAsOf={data.setAsOf}
        effectiveAsOf={data.effectiveAsOf}
      />
      <BudgetTabs views={views} view={view} onView={setView} />
      <ViewPanel idPrefix="budget" view={view}>
        {view === 'lagesrapport' && <ReportView data={data} canPropose={canEdit} />}
        <Suspense key={view} fallback={<Loading />}>
          {view === 'bokningar' && <BookingsView data={data} canBook={me.allowedActions.includes('outcome.book')} />}
          {view === 'budgetposter' && <LinesView data={data} />}
          {view === 'tid' && <TimeSection data={data} canLogTime={me.allowedActions.includes('time.log')} />}
        </Suspense>
      </ViewPanel>
    </>
  );
}

/** Lägesrapport: the report as of the chosen date, that date in its heading. */
function ReportView({ data: { report, asOf, reloadAll }, canPropose }: { data: BudgetData; canPropose: boolean }) {
  const { t, language } = useI18n();
  const page = usePageStyles();
  const heading = t('budget.reportPer', {
    date: formatDay(report.status === 'ready' ? report.data.status.asOf : asOf, language),
  });
  return (
    <>
      <h2 id="budget-report" className={page.sectionHeading}>
        {heading}
      </h2>
      {report.status === 'loading' && <Loading />}
      {report.status === 'error' && <ErrorMessage error={report.error} onRetry={report.reload} />}
      {report.status === 'ready' && <Report data={report.data} canPropose={canPropose} onProposed={reloadAll} />}
    </>
  );
}

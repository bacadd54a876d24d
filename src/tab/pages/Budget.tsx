import { makeStyles, mergeClasses, Tab, TabList } from '@fluentui/react-components';
import { useState } from 'react';
import type { Me } from '../api';
import { budgetApi } from '../budget/api';
import { ReportToolbar } from '../budget/ReportToolbar';
import { EditLines } from '../budget/EditLines';
import { formatDay, todayInStockholm } from '../format';
import { Bookings } from '../budget/Bookings';
import { PageHeading } from '../ui/PageHeading';
import { usePageStyles } from '../ui/styles';
import { useReloadOn } from '../ui/useReloadOn';
import { useI18n, type MessageKey } from '../i18n';
import { useLoad } from '../services';
import { ErrorMessage, Loading } from '../ui/status';
import { AddLine, BookOutcome } from '../budget/BudgetForms';
import { Report } from '../budget/Report';
import { TimeView } from '../budget/TimeView';
import { useBudgetView, type BudgetView } from '../budget/useBudgetView';

const VIEW_LABELS: Record<BudgetView, MessageKey> = {
  lagesrapport: 'budget.view.report',
  bokningar: 'budget.view.bookings',
  budgetposter: 'budget.view.lines',
  tid: 'budget.view.time',
};

// Four views do not fit in one row at 360 px (Teams mobile): the tabs wrap instead of widening the page.
const useTabStyles = makeStyles({ list: { flexWrap: 'wrap' } });

export function BudgetPage({ me }: { me: Me }) {
  const { t, language } = useI18n();
  const page = usePageStyles();
  const today = todayInStockholm();
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const [asOf, setAsOf] = useState(today);
  const effectiveAsOf = asOf.startsWith(`${year}-`) ? asOf : undefined;
  const report = useLoad((client) => budgetApi(client).report(year, effectiveAsOf));
  const lines = useLoad((client) => budgetApi(client).lines(year));
  const time = useLoad((client) => budgetApi(client).time(year, effectiveAsOf));
  const canBook = me.allowedActions.includes('outcome.book');
  const canEdit = me.allowedActions.includes('budget.edit');
  const canLogTime = me.allowedActions.includes('time.log');
  const views: BudgetView[] = ['lagesrapport', 'bokningar', ...(canEdit ? (['budgetposter'] as const) : []), 'tid'];
  const [view, setView] = useBudgetView(views);
  // The bookings list loads its own data: a new booking remounts it, so it shows the booking at once.
  const [booked, setBooked] = useState(0);
  const tabs = useTabStyles();

  const reloadAll = () => {
    report.reload();
    lines.reload();
    time.reload();
  };
  useReloadOn(`${year}|${effectiveAsOf ?? ''}`, reloadAll);

  const reportHeading = t('budget.reportPer', {
    date: formatDay(report.status === 'ready' ? report.data.status.asOf : asOf, language),
  });

  return (
    <>
      <PageHeading>{t('budget.title')}</PageHeading>
      <ReportToolbar year={year} onYear={setYear} asOf={asOf} onAsOf={setAsOf} effectiveAsOf={effectiveAsOf} />

      <TabList
        className={mergeClasses(page.section, tabs.list)}
        aria-label={t('budget.views')}
        selectedValue={view}
        onTabSelect={(_, data) => setView(data.value as BudgetView)}
      >
        {views.map((v) => (
          <Tab key={v} id={`budget-tab-${v}`} value={v}>
            {t(VIEW_LABELS[v])}
          </Tab>
        ))}
      </TabList>

      <section role="tabpanel" aria-labelledby={`budget-tab-${view}`} className={page.section}>
        {view === 'lagesrapport' && (
          <>
            <h2 id="budget-report" className={page.sectionHeading}>
              {reportHeading}
            </h2>
            {report.status === 'loading' && <Loading />}
            {report.status === 'error' && <ErrorMessage error={report.error} onRetry={report.reload} />}
            {report.status === 'ready' && <Report data={report.data} canPropose={canEdit} onProposed={reloadAll} />}
          </>
        )}
        {view === 'bokningar' && (
          <>
            {canBook && lines.status === 'ready' && lines.data.length > 0 && (
              <BookOutcome
                lines={lines.data}
                year={year}
                reportAsOf={report.status === 'ready' ? report.data.status.asOf : effectiveAsOf}
                onBooked={() => {
                  reloadAll();
                  setBooked((n) => n + 1);
                }}
              />
            )}
            {lines.status === 'ready' && (
              <Bookings key={booked} year={year} lines={lines.data} canBook={canBook} onChanged={reloadAll} />
            )}
          </>
        )}
        {view === 'budgetposter' && (
          <>
            {lines.status === 'ready' && <EditLines lines={lines.data} year={year} onSaved={reloadAll} />}
            <AddLine year={year} onAdded={reloadAll} />
          </>
        )}
        {view === 'tid' && (
          <>
            <h2 id="budget-time" className={page.sectionHeading}>
              {t('budget.time')}
            </h2>
            <TimeView time={time} canLogTime={canLogTime} />
          </>
        )}
      </section>
    </>
  );
}

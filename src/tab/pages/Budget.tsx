import { useState } from 'react';
import type { Me } from '../api';
import { ReportToolbar } from '../budget/ReportToolbar';
import { EditLines } from '../budget/EditLines';
import { formatDay } from '../format';
import { Bookings } from '../budget/Bookings';
import { BudgetTabs } from '../budget/BudgetTabs';
import { PageHeading } from '../ui/PageHeading';
import { ViewPanel } from '../ui/ViewTabs';
import { usePageStyles } from '../ui/styles';
import { useI18n } from '../i18n';
import { ErrorMessage, Loading } from '../ui/status';
import { AddLine, BookOutcome } from '../budget/BudgetForms';
import { Report } from '../budget/Report';
import { TimeView } from '../budget/TimeView';
import { useBudgetData, type BudgetData } from '../budget/useBudgetData';
import { useBudgetView, type BudgetView } from '../budget/useBudgetView';

export function BudgetPage({ me }: { me: Me }) {
  const { t } = useI18n();
  const page = usePageStyles();
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
        {view === 'bokningar' && <BookingsView data={data} canBook={me.allowedActions.includes('outcome.book')} />}
        {view === 'budgetposter' && (
          <>
            {data.lines.status === 'ready' && (
              <EditLines lines={data.lines.data} year={data.year} onSaved={data.reloadAll} />
            )}
            <AddLine year={data.year} onAdded={data.reloadAll} />
          </>
        )}
        {view === 'tid' && (
          <>
            <h2 id="budget-time" className={page.sectionHeading}>
              {t('budget.time')}
            </h2>
            <TimeView time={data.time} canLogTime={me.allowedActions.includes('time.log')} />
          </>
        )}
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

/** Bokningar: book an outcome (who may), and the year's bookings. */
function BookingsView({ data, canBook }: { data: BudgetData; canBook: boolean }) {
  const { lines, report, year, effectiveAsOf, reloadAll } = data;
  // The bookings list loads its own data: a new booking remounts it, so it shows the booking at once.
  const [booked, setBooked] = useState(0);
  return (
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
  );
}

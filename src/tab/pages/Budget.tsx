import {
  Button,
  Field,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { Me } from '../api';
import { budgetApi, reportQuery } from '../budget/api';
import { EditLines } from '../budget/EditLines';
import { formatDay, todayInStockholm } from '../format';
import { Bookings } from '../budget/Bookings';
import { ActionStatus } from '../ui/ActionStatus';
import { PageHeading } from '../ui/PageHeading';
import { saveBlob } from '../ui/saveBlob';
import { useFormStyles, usePageStyles } from '../ui/styles';
import { useAction } from '../ui/useAction';
import { useReloadOn } from '../ui/useReloadOn';
import { useI18n } from '../i18n';
import { useLoad, useServices } from '../services';
import { ErrorMessage, Loading } from '../ui/status';
import { AddLine, BookOutcome, LogTime } from '../budget/BudgetForms';
import { Report } from '../budget/Report';
import { TableScroll } from '../ui/TableScroll';
import { DateField } from '../ui/DateField';

const hoursFormat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 });
const hours = (value: number) => `${hoursFormat.format(value)} h`;

export function BudgetPage({ me }: { me: Me }) {
  const { t, language } = useI18n();
  const page = usePageStyles();
  const styles = useFormStyles();
  const { api } = useServices();
  const today = todayInStockholm();
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const [asOf, setAsOf] = useState(today);
  const effectiveAsOf = asOf.startsWith(`${year}-`) ? asOf : undefined;
  const report = useLoad((client) => budgetApi(client).report(year, effectiveAsOf));
  const lines = useLoad((client) => budgetApi(client).lines(year));
  const time = useLoad((client) => budgetApi(client).time(year, effectiveAsOf));
  const download = useAction();
  const canBook = me.allowedActions.includes('outcome.book');
  const canEdit = me.allowedActions.includes('budget.edit');
  const canLogTime = me.allowedActions.includes('time.log');

  const reloadAll = () => {
    report.reload();
    lines.reload();
    time.reload();
  };
  useReloadOn(`${year}|${effectiveAsOf ?? ''}`, reloadAll);

  const fetchFile = (kind: 'pdf' | 'csv') =>
    download.run(async () => {
      const name = `lagesrapport-${year}.${kind}`;
      saveBlob(await api.download(`/api/budget/report.${kind}?${reportQuery(year, effectiveAsOf)}`), name);
      return t('budget.downloaded', { name });
    });

  const years = [year - 2, year - 1, year, year + 1].filter((y, i, all) => all.indexOf(y) === i);

  return (
    <>
      <PageHeading>{t('budget.title')}</PageHeading>
      <div className={styles.toolbar}>
        <Field label={t('budget.year')}>
          <Select value={String(year)} onChange={(_, data) => setYear(Number(data.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </Select>
        </Field>
        <DateField label={t('budget.asOf')} value={asOf} onChange={setAsOf} />
        <Button onClick={() => void fetchFile('pdf')} disabled={download.state.status === 'busy'}>
          {t('budget.downloadPdf')}
        </Button>
        <Button onClick={() => void fetchFile('csv')} disabled={download.state.status === 'busy'}>
          {t('budget.downloadCsv')}
        </Button>
      </div>
      <ActionStatus state={download.state} />

      <section className={page.section} aria-labelledby="budget-report">
        <h2 id="budget-report" className={page.sectionHeading}>
          {t('budget.reportPer', {
            date: formatDay(report.status === 'ready' ? report.data.status.asOf : asOf, language),
          })}
        </h2>
        {report.status === 'loading' && <Loading />}
        {report.status === 'error' && <ErrorMessage error={report.error} onRetry={report.reload} />}
        {report.status === 'ready' && <Report data={report.data} />}
      </section>

      {canBook && lines.status === 'ready' && lines.data.length > 0 && (
        <BookOutcome
          lines={lines.data}
          year={year}
          reportAsOf={report.status === 'ready' ? report.data.status.asOf : effectiveAsOf}
          onBooked={reloadAll}
        />
      )}
      {lines.status === 'ready' && <Bookings year={year} lines={lines.data} canBook={canBook} onChanged={reloadAll} />}
      {canEdit && lines.status === 'ready' && <EditLines lines={lines.data} year={year} onSaved={reloadAll} />}
      {canEdit && <AddLine year={year} onAdded={reloadAll} />}

      <section className={page.section} aria-labelledby="budget-time">
        <h2 id="budget-time" className={page.sectionHeading}>
          {t('budget.time')}
        </h2>
        {time.status === 'loading' && <Loading />}
        {time.status === 'error' && <ErrorMessage error={time.error} onRetry={time.reload} />}
        {time.status === 'ready' && (
          <>
            <p>
              {t('budget.time.summary', {
                used: hours(time.data.report.usedHours),
                available: hours(time.data.report.availableHours),
                remaining: hours(time.data.report.remainingHours),
              })}
            </p>
            <p lang="sv">{time.data.report.message}</p>
            {time.data.report.perAssignment.length > 0 && (
              <TableScroll label={t('budget.time')}>
                <Table aria-label={t('budget.time')} size="small">
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell>{t('budget.time.assignment')}</TableHeaderCell>
                      <TableHeaderCell>{t('budget.time.hours')}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {time.data.report.perAssignment.map((row) => (
                      <TableRow key={row.assignment}>
                        <TableCell>{row.assignment}</TableCell>
                        <TableCell className={styles.number}>{hoursFormat.format(row.hours)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </TableScroll>
            )}
            {canLogTime && <LogTime onLogged={time.reload} />}
          </>
        )}
      </section>
    </>
  );
}

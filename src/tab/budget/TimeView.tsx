import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { useI18n } from '../i18n';
import { useLoad } from '../services';
import { ErrorMessage, Loading } from '../ui/status';
import { useFormStyles } from '../ui/styles';
import { TableScroll } from '../ui/TableScroll';
import { LogTime } from './BudgetForms';
import type { budgetApi } from './api';

const hoursFormat = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 });
const hours = (value: number) => `${hoursFormat.format(value)} h`;

type TimeData = Awaited<ReturnType<ReturnType<typeof budgetApi>['time']>>;

/** Samordnarens tid: hours used of those available, per uppdrag, and (for the samordnare) logging time. */
export function TimeView({ time, canLogTime }: { time: ReturnType<typeof useLoad<TimeData>>; canLogTime: boolean }) {
  const { t } = useI18n();
  const styles = useFormStyles();
  if (time.status === 'loading') return <Loading />;
  if (time.status === 'error') return <ErrorMessage error={time.error} onRetry={time.reload} />;
  const { report } = time.data;
  return (
    <>
      <p>
        {t('budget.time.summary', {
          used: hours(report.usedHours),
          available: hours(report.availableHours),
          remaining: hours(report.remainingHours),
        })}
      </p>
      <p lang="sv">{report.message}</p>
      {report.perAssignment.length > 0 && (
        <TableScroll label={t('budget.time')}>
          <Table aria-label={t('budget.time')} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('budget.time.assignment')}</TableHeaderCell>
                <TableHeaderCell>{t('budget.time.hours')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {report.perAssignment.map((row) => (
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
  );
}

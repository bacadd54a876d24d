import { Button, Field, Select } from '@fluentui/react-components';
import { useI18n } from '../i18n';
import { useServices } from '../services';
import { ActionStatus } from '../ui/ActionStatus';
import { LazyDateField } from '../ui/LazyDateField';
import { saveBlob } from '../ui/saveBlob';
import { useFormStyles } from '../ui/styles';
import { useAction } from '../ui/useAction';
import { reportQuery } from './api';

/** Above every view of the Budget page: the year, the report day and the report's downloads. */
export function ReportToolbar({
  year,
  onYear,
  asOf,
  onAsOf,
  effectiveAsOf,
}: {
  year: number;
  onYear(year: number): void;
  asOf: string;
  onAsOf(asOf: string): void;
  /** The report day when it lies in the chosen year (otherwise the report is for the whole year). */
  effectiveAsOf: string | undefined;
}) {
  const { t } = useI18n();
  const styles = useFormStyles();
  const { api } = useServices();
  const download = useAction();
  const fetchFile = (kind: 'pdf' | 'csv') =>
    download.run(async () => {
      const name = `lagesrapport-${year}.${kind}`;
      saveBlob(await api.download(`/api/budget/report.${kind}?${reportQuery(year, effectiveAsOf)}`), name);
      return t('budget.downloaded', { name });
    });
  const years = [year - 2, year - 1, year, year + 1].filter((y, i, all) => all.indexOf(y) === i);
  return (
    <>
      <div className={styles.toolbar}>
        <Field label={t('budget.year')}>
          <Select value={String(year)} onChange={(_, data) => onYear(Number(data.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </Select>
        </Field>
        <LazyDateField label={t('budget.asOf')} value={asOf} onChange={onAsOf} />
        <Button onClick={() => void fetchFile('pdf')} disabled={download.state.status === 'busy'}>
          {t('budget.downloadPdf')}
        </Button>
        <Button onClick={() => void fetchFile('csv')} disabled={download.state.status === 'busy'}>
          {t('budget.downloadCsv')}
        </Button>
      </div>
      <ActionStatus state={download.state} />
    </>
  );
}

import { Button } from '@fluentui/react-components';
import type { FunderReportDto, FunderRowDto } from '../../contract';
import { ActionStatus } from '../ui/ActionStatus';
import { DataTable, type DataColumn } from '../ui/DataTable';
import { saveBlob } from '../ui/saveBlob';
import { ErrorMessage, Loading } from '../ui/status';
import { useFormStyles, usePageStyles } from '../ui/styles';
import { useAction } from '../ui/useAction';
import { useReloadOn } from '../ui/useReloadOn';
import { useI18n } from '../i18n';
import { useLoad, useServices } from '../services';
import { FunderChart } from './FunderChart';
import { fundersApi } from './fundersApi';
import { TagManager } from './TagManager';

const FIGURES = ['activities', 'reported', 'notReported', 'participants', 'kvinnor', 'man', 'annat'] as const;

function useColumns(): DataColumn<FunderRowDto>[] {
  const { t } = useI18n();
  return [
    {
      id: 'name',
      header: t('fund.col.name'),
      cell: (row) => (row.retired ? t('fund.retired', { name: row.label }) : row.label),
    },
    ...FIGURES.map((figure) => ({
      id: figure,
      header: t(`fund.col.${figure}`),
      cell: (row: FunderRowDto) => row[figure],
      compare: (a: FunderRowDto, b: FunderRowDto) => a[figure] - b[figure],
    })),
  ];
}

function FigureTable({ id, heading, rows }: { id: string; heading: string; rows: readonly FunderRowDto[] }) {
  const { t } = useI18n();
  const page = usePageStyles();
  const columns = useColumns();
  return (
    <section className={page.section} aria-labelledby={id}>
      <h3 id={id} className={page.sectionHeading}>
        {heading}
      </h3>
      <DataTable
        items={rows}
        columns={columns}
        getRowId={(r) => r.key}
        label={heading}
        emptyMessage={t('fund.empty')}
      />
    </section>
  );
}

function Figures({ report }: { report: FunderReportDto }) {
  const { t } = useI18n();
  return (
    <>
      <FunderChart rows={report.byArea} title={t('fund.chart', { year: report.year })} />
      <FigureTable id="fund-total" heading={t('fund.total')} rows={[{ ...report.total, label: t('fund.total') }]} />
      <FigureTable id="fund-area" heading={t('fund.byArea')} rows={report.byArea} />
      <FigureTable id="fund-tg" heading={t('fund.byTargetGroup')} rows={report.byTargetGroup} />
      <FigureTable id="fund-tag" heading={t('fund.byTag')} rows={report.byTag} />
    </>
  );
}

/** "Uppföljning för finansiärer" (#17): the year's figures as tables, a chart and CSV; the samordnare's tags. */
export function FunderReportView({ year, canManageTags }: { year: number; canManageTags: boolean }) {
  const { t } = useI18n();
  const page = usePageStyles();
  const styles = useFormStyles();
  const { api } = useServices();
  const report = useLoad((client) => fundersApi(client).report(year));
  useReloadOn(String(year), report.reload);
  const download = useAction();
  const fetchCsv = () =>
    download.run(async () => {
      const name = `uppfoljning-finansiarer-${year}.csv`;
      saveBlob(await fundersApi(api).csv(year), name);
      return t('fund.downloaded', { name });
    });
  return (
    <section className={page.section} aria-labelledby="fund-title">
      <h2 id="fund-title" className={page.sectionHeading}>
        {t('fund.title', { year })}
      </h2>
      <p>{t('fund.intro')}</p>
      <div className={styles.toolbar}>
        <Button onClick={() => void fetchCsv()} disabled={download.state.status === 'busy'}>
          {t('fund.csv')}
        </Button>
      </div>
      <ActionStatus state={download.state} />
      {report.status === 'loading' && <Loading />}
      {report.status === 'error' && <ErrorMessage error={report.error} onRetry={report.reload} />}
      {report.status === 'ready' && <Figures report={report.data} />}
      {canManageTags && <TagManager onChanged={report.reload} />}
    </section>
  );
}

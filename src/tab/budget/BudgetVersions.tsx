import { Button } from '@fluentui/react-components';
import type { BudgetReportDto, BudgetVersionSummaryDto } from '../../contract';
import { ApiError, type ApiClient } from '../api';
import { formatDay } from '../format';
import { useI18n } from '../i18n';
import { useServices } from '../services';
import { ActionStatus } from '../ui/ActionStatus';
import { DataTable, type DataColumn } from '../ui/DataTable';
import { TableScroll } from '../ui/TableScroll';
import { usePageStyles } from '../ui/styles';
import { useAction } from '../ui/useAction';
import { budgetApi } from './api';

function versionName(v: BudgetVersionSummaryDto, t: ReturnType<typeof useI18n>['t']): string {
  return v.version === 1
    ? t('budget.versions.first', { version: v.version })
    : t('budget.versions.revision', { version: v.version, revision: v.version - 1 });
}

/** Proposes the year's version; on a 409 (another samordnare's proposal came first, #15) the table is read again. */
async function proposeVersion(api: ApiClient, year: number, onProposed: () => void) {
  try {
    const { version } = await budgetApi(api).proposeVersion(year);
    onProposed();
    return version;
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) onProposed();
    throw error;
  }
}

/**
 * The budget's version history (#17) in the lägesrapport: which decided version the report measures against, the
 * earlier versions, and for the samordnare the proposal (the first one, or a revidering of a decided budget).
 */
export function BudgetVersions({
  year,
  report,
  canPropose,
  onProposed,
}: {
  year: number;
  report: Pick<BudgetReportDto, 'measuredAgainst' | 'versions'>;
  canPropose: boolean;
  onProposed(): void;
}) {
  const { t, language } = useI18n();
  const page = usePageStyles();
  const { api } = useServices();
  const action = useAction();
  const versions = report.versions ?? [];
  const latest = versions.at(-1);
  const measured = report.measuredAgainst;
  const statusText = (v: BudgetVersionSummaryDto) =>
    v.status === 'forslag'
      ? t('budget.versions.proposal')
      : v.version === measured?.version
        ? t('budget.versions.measured')
        : t('budget.versions.replaced');
  // Newest first, as decided; not sortable (three columns of one short history).
  const columns: DataColumn<BudgetVersionSummaryDto>[] = [
    { id: 'version', header: t('budget.versions.col.version'), cell: (v) => versionName(v, t) },
    { id: 'status', header: t('budget.versions.col.status'), cell: statusText },
    {
      id: 'decided',
      header: t('budget.versions.col.decided'),
      cell: (v) => (v.decidedOn ? formatDay(v.decidedOn, language) : t('budget.versions.notDecided')),
      nowrap: true,
    },
  ];
  const propose = () =>
    void action.run(async () =>
      t('budget.versions.proposed', { name: versionName(await proposeVersion(api, year, onProposed), t) }),
    );
  return (
    <section aria-labelledby="budget-versions">
      <h3 id="budget-versions" className={page.sectionHeading}>
        {t('budget.versions')}
      </h3>
      <p>
        {measured
          ? t('budget.versions.measuredAgainst', {
              version: measured.version,
              date: measured.decidedOn ? formatDay(measured.decidedOn, language) : '',
            })
          : t('budget.versions.undecided', { year })}
      </p>
      {latest?.status === 'forslag' && <p>{t('budget.versions.waiting', { name: versionName(latest, t) })}</p>}
      {versions.length > 0 && (
        <TableScroll label={t('budget.versions')}>
          <DataTable
            items={[...versions].reverse()}
            columns={columns}
            getRowId={(v) => String(v.version)}
            label={t('budget.versions')}
            emptyMessage={t('budget.versions.empty')}
          />
        </TableScroll>
      )}
      {canPropose && latest?.status !== 'forslag' && (
        <Button onClick={propose} disabled={action.busy}>
          {latest ? t('budget.versions.proposeRevision') : t('budget.versions.propose')}
        </Button>
      )}
      <ActionStatus state={action.state} />
    </section>
  );
}

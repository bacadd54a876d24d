import { BUDGET_KINDS, type BudgetReportDto } from '../../contract';
import { BudgetVersions } from './BudgetVersions';
import { ExceptionsTable } from './ExceptionsTable';
import { CategoryReport, CoFinancingReport, KindTable, NetTable } from './ReportTables';
import { usePageStyles } from '../ui/styles';
import { useI18n } from '../i18n';

export function Report({
  data,
  canPropose = false,
  onProposed = () => undefined,
}: {
  data: BudgetReportDto;
  /** The samordnare may lay a proposal (or a revidering) before samverkansgruppen. */
  canPropose?: boolean;
  onProposed?(): void;
}) {
  const { t } = useI18n();
  const page = usePageStyles();
  const { status, coFinancing } = data;
  if (status.lines.length === 0) return <p>{t('budget.noLines', { year: status.year })}</p>;
  return (
    <>
      <p>{t('budget.reportIntro', { date: status.asOf, elapsed: status.elapsedDays, days: status.daysInYear })}</p>
      <BudgetVersions year={status.year} report={data} canPropose={canPropose} onProposed={onProposed} />
      {BUDGET_KINDS.map((kind) => (
        <KindTable key={kind} status={status} kind={kind} />
      ))}
      <NetTable status={status} />

      <h3 className={page.sectionHeading}>{t('budget.chart')}</h3>
      <CategoryReport status={status} />

      <h3 className={page.sectionHeading}>{t('budget.cofinancing')}</h3>
      <CoFinancingReport coFinancing={coFinancing} />

      <ExceptionsTable year={status.year} exceptions={data.exceptions ?? []} />
    </>
  );
}

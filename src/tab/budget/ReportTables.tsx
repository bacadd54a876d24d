import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { SAMVERKANSOMRADEN, SAMVERKANSOMRADE_LABELS, type Samverkansomrade } from '../../domain/areas';
import { formatSek } from '../../domain/money';
import type { AmountsDto, BudgetReportDto } from '../../contract';
import { useI18n } from '../i18n';
import { DataTable, type DataColumn } from '../ui/DataTable';
import { useFormStyles } from '../ui/styles';
import { BudgetChart } from './BudgetChart';
import { categoryKey } from './categories';
import { TableScroll } from '../ui/TableScroll';

type Status = BudgetReportDto['status'];
type Kind = keyof Status['byKind'];

const areaName = (area: string): string =>
  (SAMVERKANSOMRADEN as readonly string[]).includes(area) ? SAMVERKANSOMRADE_LABELS[area as Samverkansomrade].sv : area;

/** A row of the report's tables: what it is, its four figures, and whether it is the table's sum. */
interface AmountRow {
  id: string;
  label: ReactNode;
  amounts: AmountsDto;
  sum?: boolean;
}

/**
 * The report's columns: what the row is, then budget, outcome, forecast and deviation. A deviation that hurts (costs
 * over budget, income or net under it) is shown in red; the sign is always written, so the colour is never the only
 * cue. In the lines' order (the sum last), not sortable.
 */
function useAmountColumns(first: string, kind: 'kostnad' | 'intakt'): DataColumn<AmountRow>[] {
  const { t } = useI18n();
  const styles = useFormStyles();
  const unfavourable = (a: AmountsDto) => (kind === 'kostnad' ? a.deviationOre > 0 : a.deviationOre < 0);
  return [
    { id: 'label', header: first, cell: (row) => row.label },
    { id: 'budget', header: t('budget.col.budget'), cell: (row) => formatSek(row.amounts.budgetOre), numeric: true },
    { id: 'outcome', header: t('budget.col.outcome'), cell: (row) => formatSek(row.amounts.outcomeOre), numeric: true },
    {
      id: 'forecast',
      header: t('budget.col.forecast'),
      cell: (row) => formatSek(row.amounts.forecastOre),
      numeric: true,
    },
    {
      id: 'deviation',
      header: t('budget.col.deviation'),
      cell: (row) => (
        <span className={unfavourable(row.amounts) ? styles.negative : undefined}>
          {formatSek(row.amounts.deviationOre)}
        </span>
      ),
      numeric: true,
    },
  ];
}

/** One of the report's tables of amounts, on the kit's DataTable (a sum row set apart). */
function AmountTable({
  label,
  first,
  rows,
  kind = 'kostnad',
}: {
  label: string;
  first: string;
  rows: readonly AmountRow[];
  kind?: 'kostnad' | 'intakt';
}) {
  const { t } = useI18n();
  const styles = useFormStyles();
  const columns = useAmountColumns(first, kind);
  return (
    <TableScroll label={label}>
      <DataTable
        items={rows}
        columns={columns}
        getRowId={(row) => row.id}
        label={label}
        emptyMessage={t('budget.table.empty')}
        rowClassName={(row) => (row.sum ? styles.sumRow : undefined)}
      />
    </TableScroll>
  );
}

/** The lines of one kind (costs or income) and their sum. */
export function KindTable({ status, kind }: { status: Status; kind: Kind }) {
  const { t } = useI18n();
  const styles = useFormStyles();
  const rows: AmountRow[] = [
    ...status.lines
      .filter((l) => l.line.kind === kind)
      .map((l) => ({
        id: l.line.id,
        label: (
          <>
            {l.line.name}
            <span className={styles.visuallyHidden}>, {t(categoryKey(l.line.category))}</span>
          </>
        ),
        amounts: l,
      })),
    { id: 'sum', label: t(`budget.sum.${kind}`), amounts: status.byKind[kind], sum: true },
  ];
  return (
    <AmountTable
      label={`${t('budget.report')}: ${t(`budget.kind.${kind}`)}`}
      first={t('budget.col.line')}
      rows={rows}
      kind={kind}
    />
  );
}

export function NetTable({ status }: { status: Status }) {
  const { t } = useI18n();
  return (
    <AmountTable
      label={t('budget.net')}
      first={t('budget.net')}
      rows={[{ id: 'net', label: t('budget.net'), amounts: status.net, sum: true }]}
      kind="intakt"
    />
  );
}

/** Budget against outcome per category (chart and table), and the net per samverkansområde. */
export function CategoryReport({ status }: { status: Status }) {
  const { t } = useI18n();
  const categories = Object.entries(status.byCategory);
  const areas = Object.entries(status.byArea);
  return (
    <>
      {/* On a phone the chart keeps a readable size and scrolls sideways, as the tables do. */}
      <TableScroll label={t('budget.chart')}>
        <BudgetChart
          title={t('budget.chart')}
          rows={categories.map(([category, amounts]) => ({
            label: t(categoryKey(category)),
            budgetOre: amounts.budgetOre,
            outcomeOre: amounts.outcomeOre,
          }))}
        />
      </TableScroll>
      <AmountTable
        label={t('budget.byCategory')}
        first={t('budget.col.category')}
        rows={categories.map(([category, amounts]) => ({ id: category, label: t(categoryKey(category)), amounts }))}
      />
      {areas.length > 0 && (
        <AmountTable
          label={t('budget.byArea')}
          first={t('budget.col.area')}
          rows={areas.map(([area, amounts]) => ({ id: area, label: areaName(area), amounts: amounts.net }))}
          kind="intakt"
        />
      )}
    </>
  );
}

type CoFinancingRow = BudgetReportDto['coFinancing']['rows'][number];

/** Each organisation's medfinansiering: due, paid, remaining and its status; a warning names those missing. */
export function CoFinancingReport({ coFinancing }: { coFinancing: BudgetReportDto['coFinancing'] }) {
  const { t } = useI18n();
  const columns: DataColumn<CoFinancingRow>[] = [
    { id: 'org', header: t('budget.cof.org'), cell: (row) => row.name },
    { id: 'due', header: t('budget.cof.due'), cell: (row) => formatSek(row.dueOre), numeric: true },
    { id: 'paid', header: t('budget.cof.paid'), cell: (row) => formatSek(row.paidOre), numeric: true },
    { id: 'remaining', header: t('budget.cof.remaining'), cell: (row) => formatSek(row.remainingOre), numeric: true },
    {
      id: 'status',
      header: t('budget.cof.status'),
      cell: (row) => <span lang="sv">{row.flag ? `${row.statusLabel} – ${row.flag}` : row.statusLabel}</span>,
    },
  ];
  return (
    <>
      {coFinancing.missing.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {t('budget.cof.missing', { names: coFinancing.missing.map((m) => m.name).join(', ') })}
          </MessageBarBody>
        </MessageBar>
      )}
      <TableScroll label={t('budget.cofinancing')}>
        <DataTable
          items={coFinancing.rows}
          columns={columns}
          getRowId={(row) => row.organisationId}
          label={t('budget.cofinancing')}
          emptyMessage={t('budget.cof.empty')}
        />
      </TableScroll>
    </>
  );
}

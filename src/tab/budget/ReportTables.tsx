import {
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { SAMVERKANSOMRADEN, SAMVERKANSOMRADE_LABELS, type Samverkansomrade } from '../../domain/areas';
import { formatSek } from '../../domain/money';
import type { AmountsDto, BudgetReportDto } from '../../contract';
import { useI18n } from '../i18n';
import { useFormStyles } from '../ui/styles';
import { BudgetChart } from './BudgetChart';
import { categoryKey } from './categories';
import { TableScroll } from '../ui/TableScroll';

type Status = BudgetReportDto['status'];
type Kind = keyof Status['byKind'];

const areaName = (area: string): string =>
  (SAMVERKANSOMRADEN as readonly string[]).includes(area) ? SAMVERKANSOMRADE_LABELS[area as Samverkansomrade].sv : area;

/**
 * A sum's four figures as table cells. A deviation that hurts (costs over budget, income or net under it) is
 * shown in red; the sign is always written, so the colour is never the only cue.
 */
function AmountCells({ amounts, kind = 'kostnad' }: { amounts: AmountsDto; kind?: 'kostnad' | 'intakt' }) {
  const styles = useFormStyles();
  const unfavourable = kind === 'kostnad' ? amounts.deviationOre > 0 : amounts.deviationOre < 0;
  return (
    <>
      <TableCell className={styles.number}>{formatSek(amounts.budgetOre)}</TableCell>
      <TableCell className={styles.number}>{formatSek(amounts.outcomeOre)}</TableCell>
      <TableCell className={styles.number}>{formatSek(amounts.forecastOre)}</TableCell>
      <TableCell className={`${styles.number} ${unfavourable ? styles.negative : ''}`}>
        {formatSek(amounts.deviationOre)}
      </TableCell>
    </>
  );
}

function AmountHeaders({ first }: { first: string }) {
  const { t } = useI18n();
  return (
    <TableHeader>
      <TableRow>
        <TableHeaderCell>{first}</TableHeaderCell>
        <TableHeaderCell>{t('budget.col.budget')}</TableHeaderCell>
        <TableHeaderCell>{t('budget.col.outcome')}</TableHeaderCell>
        <TableHeaderCell>{t('budget.col.forecast')}</TableHeaderCell>
        <TableHeaderCell>{t('budget.col.deviation')}</TableHeaderCell>
      </TableRow>
    </TableHeader>
  );
}

/** The lines of one kind (costs or income) and their sum. */
export function KindTable({ status, kind }: { status: Status; kind: Kind }) {
  const { t } = useI18n();
  const styles = useFormStyles();
  return (
    <TableScroll label={`${t('budget.report')}: ${t(`budget.kind.${kind}`)}`}>
      <Table aria-label={`${t('budget.report')}: ${t(`budget.kind.${kind}`)}`} size="small">
        <AmountHeaders first={t('budget.col.line')} />
        <TableBody>
          {status.lines
            .filter((l) => l.line.kind === kind)
            .map((l) => (
              <TableRow key={l.line.id}>
                <TableCell>
                  {l.line.name}
                  <span className={styles.visuallyHidden}>, {t(categoryKey(l.line.category))}</span>
                </TableCell>
                <AmountCells amounts={l} kind={kind} />
              </TableRow>
            ))}
          <TableRow className={styles.sumRow}>
            <TableCell>{t(`budget.sum.${kind}`)}</TableCell>
            <AmountCells amounts={status.byKind[kind]} kind={kind} />
          </TableRow>
        </TableBody>
      </Table>
    </TableScroll>
  );
}

export function NetTable({ status }: { status: Status }) {
  const { t } = useI18n();
  const styles = useFormStyles();
  return (
    <TableScroll label={t('budget.net')}>
      <Table aria-label={t('budget.net')} size="small">
        <AmountHeaders first={t('budget.net')} />
        <TableBody>
          <TableRow className={styles.sumRow}>
            <TableCell>{t('budget.net')}</TableCell>
            <AmountCells amounts={status.net} kind="intakt" />
          </TableRow>
        </TableBody>
      </Table>
    </TableScroll>
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
      <TableScroll label={t('budget.byCategory')}>
        <Table aria-label={t('budget.byCategory')} size="small">
          <AmountHeaders first={t('budget.col.category')} />
          <TableBody>
            {categories.map(([category, amounts]) => (
              <TableRow key={category}>
                <TableCell>{t(categoryKey(category))}</TableCell>
                <AmountCells amounts={amounts} />
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableScroll>

      {areas.length > 0 && (
        <TableScroll label={t('budget.byArea')}>
          <Table aria-label={t('budget.byArea')} size="small">
            <AmountHeaders first={t('budget.col.area')} />
            <TableBody>
              {areas.map(([area, amounts]) => (
                <TableRow key={area}>
                  <TableCell>{areaName(area)}</TableCell>
                  <AmountCells amounts={amounts.net} kind="intakt" />
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableScroll>
      )}
    </>
  );
}

/** Each organisation's medfinansiering: due, paid, remaining and its status; a warning names those missing. */
export function CoFinancingReport({ coFinancing }: { coFinancing: BudgetReportDto['coFinancing'] }) {
  const { t } = useI18n();
  const styles = useFormStyles();
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
        <Table aria-label={t('budget.cofinancing')} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('budget.cof.org')}</TableHeaderCell>
              <TableHeaderCell>{t('budget.cof.due')}</TableHeaderCell>
              <TableHeaderCell>{t('budget.cof.paid')}</TableHeaderCell>
              <TableHeaderCell>{t('budget.cof.remaining')}</TableHeaderCell>
              <TableHeaderCell>{t('budget.cof.status')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {coFinancing.rows.map((row) => (
              <TableRow key={row.organisationId}>
                <TableCell>{row.name}</TableCell>
                <TableCell className={styles.number}>{formatSek(row.dueOre)}</TableCell>
                <TableCell className={styles.number}>{formatSek(row.paidOre)}</TableCell>
                <TableCell className={styles.number}>{formatSek(row.remainingOre)}</TableCell>
                <TableCell lang="sv">{row.flag ? `${row.statusLabel} – ${row.flag}` : row.statusLabel}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableScroll>
    </>
  );
}

import { makeStyles, tokens } from '@fluentui/react-components';
import { formatSek } from '../../domain/money';
import { useI18n } from '../i18n';
import { ChartFrame, useChartStyles } from '../ui/ChartFrame';

export interface ChartRow {
  label: string;
  budgetOre: number;
  outcomeOre: number;
}

const useStyles = makeStyles({
  budget: { fill: 'none', stroke: tokens.colorBrandStroke1, strokeWidth: 2 },
  outcome: { fill: tokens.colorPaletteGreenForeground1 },
  legend: { fill: tokens.colorNeutralForeground1, fontSize: '12px' },
});

const LABEL_WIDTH = 210;
const BAR_WIDTH = 330;
const ROW_HEIGHT = 44;

/**
 * Budget against outcome as an SVG bar chart. It is one image to assistive technology (role="img" with a
 * title and description); the figures themselves are in the table the page shows beside it.
 */
export function BudgetChart({ rows, title }: { rows: readonly ChartRow[]; title: string }) {
  const styles = { ...useChartStyles(), ...useStyles() };
  const { t } = useI18n();
  const max = Math.max(1, ...rows.flatMap((r) => [Math.abs(r.budgetOre), Math.abs(r.outcomeOre)]));
  const height = rows.length * ROW_HEIGHT + 36;
  const width = LABEL_WIDTH + BAR_WIDTH + 130;
  const scale = (ore: number) => Math.max(1, (Math.abs(ore) / max) * BAR_WIDTH);
  return (
    <ChartFrame
      title={title}
      description={`${t('budget.chartDesc')} ${rows
        .map(
          (r) =>
            `${r.label}: ${t('budget.col.budget')} ${formatSek(r.budgetOre)}, ${t('budget.col.outcome')} ${formatSek(r.outcomeOre)}`,
        )
        .join('; ')}`}
      width={width}
      height={height}
      testId="budget-chart"
    >
      {rows.map((row, index) => {
        const y = index * ROW_HEIGHT + 4;
        return (
          <g key={row.label} data-category={row.label}>
            <text className={styles.label} x={0} y={y + 20}>
              {row.label}
            </text>
            <rect
              className={styles.budget}
              x={LABEL_WIDTH}
              y={y}
              width={scale(row.budgetOre)}
              height={16}
              data-kind="budget"
            />
            <rect
              className={styles.outcome}
              x={LABEL_WIDTH}
              y={y + 19}
              width={scale(row.outcomeOre)}
              height={16}
              data-kind="outcome"
              data-ore={row.outcomeOre}
            />
            <text className={styles.value} x={LABEL_WIDTH + BAR_WIDTH + 8} y={y + 13}>
              {formatSek(row.budgetOre)}
            </text>
            <text className={styles.value} x={LABEL_WIDTH + BAR_WIDTH + 8} y={y + 32}>
              {formatSek(row.outcomeOre)}
            </text>
          </g>
        );
      })}
      <g transform={`translate(${LABEL_WIDTH}, ${height - 12})`}>
        <rect className={styles.budget} x={0} y={-10} width={14} height={10} />
        <text className={styles.legend} x={20} y={0}>
          {t('budget.col.budget')}
        </text>
        <rect className={styles.outcome} x={100} y={-10} width={14} height={10} />
        <text className={styles.legend} x={120} y={0}>
          {t('budget.col.outcome')}
        </text>
      </g>
    </ChartFrame>
  );
}

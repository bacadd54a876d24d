import { makeStyles, tokens } from '@fluentui/react-components';
import { GENDERS } from '../../domain/funders';
import type { FunderRowDto } from '../../contract';
import { useI18n } from '../i18n';
import { ChartFrame, useChartStyles } from '../ui/ChartFrame';

const useStyles = makeStyles({
  kvinnor: { fill: tokens.colorBrandBackground },
  man: { fill: tokens.colorPaletteGreenForeground1 },
  annat: { fill: tokens.colorNeutralForeground3 },
});

const LABEL_WIDTH = 230;
const BAR_WIDTH = 320;
const ROW_HEIGHT = 30;

/**
 * Participants per row as stacked bars (women, men, other), after BudgetChart: one image to assistive
 * technology (role="img" with a title and a description that says every figure); the table beside it has them too.
 */
export function FunderChart({ rows, title }: { rows: readonly FunderRowDto[]; title: string }) {
  const styles = { ...useChartStyles(), ...useStyles() };
  const { t } = useI18n();
  const max = Math.max(1, ...rows.map((r) => r.participants));
  const height = rows.length * ROW_HEIGHT + 36;
  const width = LABEL_WIDTH + BAR_WIDTH + 60;
  const scale = (n: number) => (n / max) * BAR_WIDTH;
  return (
    <ChartFrame
      title={title}
      description={`${t('fund.chartDesc')} ${rows
        .map((r) => `${r.label}: ${GENDERS.map((g) => `${t(`fund.col.${g}`)} ${r[g]}`).join(', ')}`)
        .join('; ')}`}
      width={width}
      height={height}
      testId="funder-chart"
    >
      {rows.map((row, index) => {
        const y = index * ROW_HEIGHT + 4;
        let x = LABEL_WIDTH;
        return (
          <g key={row.key}>
            <text className={styles.label} x={0} y={y + 14}>
              {row.label}
            </text>
            {GENDERS.map((g) => {
              const bar = (
                <rect key={g} className={styles[g]} x={x} y={y} width={scale(row[g])} height={18} data-gender={g} />
              );
              x += scale(row[g]);
              return bar;
            })}
            <text className={styles.value} x={x + 6} y={y + 14}>
              {row.participants}
            </text>
          </g>
        );
      })}
      <g transform={`translate(${LABEL_WIDTH}, ${height - 10})`}>
        {GENDERS.map((g, i) => (
          <g key={g} transform={`translate(${i * 110}, 0)`}>
            <rect className={styles[g]} x={0} y={-10} width={12} height={10} />
            <text className={styles.label} x={18} y={0}>
              {t(`fund.col.${g}`)}
            </text>
          </g>
        ))}
      </g>
    </ChartFrame>
  );
}

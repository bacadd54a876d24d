import { makeStyles, tokens } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';

/** The text styles every chart of the tab draws its labels and figures with. */
export const useChartStyles = makeStyles({
  svg: { width: '100%', minWidth: '32rem', maxWidth: '48rem', height: 'auto', display: 'block' },
  label: { fill: tokens.colorNeutralForeground1, fontSize: '12px' },
  value: { fill: tokens.colorNeutralForeground2, fontSize: '11px' },
});

export interface ChartFrameProps {
  title: string;
  /** Every figure the chart shows, in words: what assistive technology reads instead of the picture. */
  description: string;
  width: number;
  height: number;
  testId: string;
  children: ReactNode;
}

/**
 * An SVG bar chart as one image to assistive technology (role="img", named by its title and described by its
 * figures); the page shows the same figures in a table beside it.
 */
export function ChartFrame({ title, description, width, height, testId, children }: ChartFrameProps) {
  const styles = useChartStyles();
  const titleId = useId();
  const descId = useId();
  return (
    <svg
      className={styles.svg}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      data-testid={testId}
    >
      <title id={titleId}>{title}</title>
      <desc id={descId}>{description}</desc>
      {children}
    </svg>
  );
}

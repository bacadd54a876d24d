import type { ReactNode } from 'react';
import { useFormStyles } from './styles';

/**
 * Where a table is wider than the screen (a phone at 360 px), it scrolls sideways here instead of squeezing its
 * amounts over each other or widening the page. The area takes focus so that a keyboard can scroll it too
 * (WCAG 2.1.1), and it is named after its table so that focusing it says what is there (a group, not a landmark: the
 * section around it is the region).
 */
export function TableScroll({
  label,
  labelledBy,
  children,
}: {
  label?: string;
  /** The id of the heading that names the table, instead of `label`. */
  labelledBy?: string;
  children: ReactNode;
}) {
  const styles = useFormStyles();
  return (
    <div className={styles.tableWrap} role="group" aria-label={label} aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}

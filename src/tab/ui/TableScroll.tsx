import type { ReactNode } from 'react';
import { useFormStyles } from './styles';

/**
 * Where a table is wider than the screen (a phone at 360 px), it scrolls sideways here instead of squeezing its
 * amounts over each other or widening the page. The area takes focus so that a keyboard can scroll it too
 * (WCAG 2.1.1), and it is named after its table so that focusing it says what is there.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  const styles = useFormStyles();
  return (
    <div className={styles.tableWrap} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

import type { ReactNode } from 'react';
import { usePageStyles } from './styles';

/** The page's h1; the shell moves focus to it when the user goes to another page. */
export function PageHeading({ children }: { children: ReactNode }) {
  const styles = usePageStyles();
  return (
    <h1 tabIndex={-1} className={styles.heading}>
      {children}
    </h1>
  );
}

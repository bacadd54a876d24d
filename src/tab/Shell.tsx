import { Suspense, useRef, type MouseEvent } from 'react';
import { useI18n } from './i18n';
import { useCurrentPage } from './routes';
import { useLoad } from './services';
import { ErrorMessage, Loading } from './ui/status';
import type { ThemeName } from './theme';
import { Page } from './shell/Page';
import { ShellHeader, type LocalIdentity } from './shell/ShellHeader';
import { ShellNav } from './shell/ShellNav';
import { useShellStyles } from './shell/styles';
import { useFocusHeadingOnPageChange } from './shell/useFocusHeading';

export type { LocalIdentity } from './shell/ShellHeader';

export interface ShellProps {
  theme: ThemeName;
  /** Given when the tab runs outside Teams: Teams decides the theme itself. */
  onThemeChange?(theme: ThemeName): void;
  local?: LocalIdentity;
}

/** The frame of every page: skip link, header, navigation, and the current page in main. */
export function Shell({ theme, onThemeChange, local }: ShellProps) {
  const { t } = useI18n();
  const styles = useShellStyles();
  const page = useCurrentPage();
  const me = useLoad((api) => api.me());
  const mainRef = useRef<HTMLElement>(null);
  useFocusHeadingOnPageChange(page, mainRef);
  const skipToMain = (event: MouseEvent) => {
    event.preventDefault();
    mainRef.current?.focus();
  };

  return (
    <div className={styles.root}>
      <a href="#main" className={styles.skipLink} onClick={skipToMain}>
        {t('skipToContent')}
      </a>
      <ShellHeader
        theme={theme}
        onThemeChange={onThemeChange}
        local={local}
        signedInAs={me.status === 'ready' ? me.data.person.displayName : undefined}
      />
      <div className={styles.body}>
        <ShellNav page={page} />
        <main id="main" ref={mainRef} tabIndex={-1} className={styles.main}>
          {me.status === 'loading' && <Loading />}
          {me.status === 'error' && <ErrorMessage error={me.error} onRetry={me.reload} />}
          {me.status === 'ready' && (
            <Suspense fallback={<Loading />}>
              <Page page={page} me={me.data} />
            </Suspense>
          )}
        </main>
      </div>
    </div>
  );
}

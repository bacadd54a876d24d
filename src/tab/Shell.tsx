import {
  Button,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Select,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  CalendarRegular,
  ContactCardRegular,
  DocumentCheckmarkRegular,
  HomeRegular,
  MoneyRegular,
  PeopleTeamRegular,
  SparkleRegular,
} from '@fluentui/react-icons';
import { Suspense, lazy, useEffect, useRef, type ComponentType, type MouseEvent } from 'react';
import { useI18n } from './i18n';
import { OverviewPage } from './pages/Overview';
import { PlaceholderPage } from './pages/Placeholder';
import { PAGES, pageHref, pageTitleKey, useCurrentPage, type PageId } from './routes';
import { useLoad, useServices } from './services';
import { ErrorMessage, Loading } from './ui/status';
import { THEME_NAMES, type ThemeName } from './theme';

// Only Översikt is in the initial bundle: every other page (Kontakter's table and exports, Möten's
// protocol and polls, Budget's chart, …) is loaded when first visited, with the pages' strings
// (./i18n/pages) and zod's Swedish messages (already set by the first request), while <Suspense> shows Loading.
function withPageMessages<T>(page: Promise<T>): Promise<T> {
  return Promise.all([import('./i18n/pages'), import('../zodLocale'), page]).then(([, , module]) => module);
}
const ContactsPage = lazy(() =>
  withPageMessages(import('./pages/Contacts')).then((module) => ({ default: module.ContactsPage })),
);
const MeetingsPage = lazy(() =>
  withPageMessages(import('./pages/Meetings')).then((module) => ({ default: module.MeetingsPage })),
);
const ActivitiesPage = lazy(() =>
  withPageMessages(import('./pages/Activities')).then((module) => ({ default: module.ActivitiesPage })),
);
const BudgetPage = lazy(() =>
  withPageMessages(import('./pages/Budget')).then((module) => ({ default: module.BudgetPage })),
);
const DecisionsPage = lazy(() =>
  withPageMessages(import('./pages/Decisions')).then((module) => ({ default: module.DecisionsPage })),
);
const WorkingGroupsPage = lazy(() =>
  withPageMessages(import('./pages/WorkingGroups')).then((module) => ({ default: module.WorkingGroupsPage })),
);

const PAGE_ICONS: Record<PageId, ComponentType<{ 'aria-hidden'?: boolean; className?: string }>> = {
  oversikt: HomeRegular,
  moten: CalendarRegular,
  aktiviteter: SparkleRegular,
  budget: MoneyRegular,
  beslut: DocumentCheckmarkRegular,
  arbetsgrupper: PeopleTeamRegular,
  kontakter: ContactCardRegular,
};

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    display: 'grid',
    gridTemplateRows: 'auto 1fr',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  skipLink: {
    position: 'absolute',
    left: tokens.spacingHorizontalM,
    top: '-4rem',
    zIndex: 100,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForegroundLink,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
    borderRadius: tokens.borderRadiusMedium,
    ':focus': { top: tokens.spacingVerticalM },
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  appName: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  tools: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalM },
  banner: { flexBasis: '100%' },
  teamsContext: { margin: 0, color: tokens.colorNeutralForeground2 },
  body: {
    display: 'grid',
    gridTemplateColumns: 'minmax(12rem, 15rem) 1fr',
    '@media (max-width: 640px)': { gridTemplateColumns: '1fr' },
  },
  nav: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalM} 0`,
  },
  navList: { listStyleType: 'none', margin: 0, padding: 0 },
  navLink: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    color: tokens.colorNeutralForeground1,
    textDecorationLine: 'none',
    borderLeft: `${tokens.strokeWidthThicker} solid transparent`,
    // Background and text colours go in the theme's matching pairs, so that high contrast keeps its ratio.
    ':hover': {
      backgroundColor: tokens.colorNeutralBackground1Hover,
      color: tokens.colorNeutralForeground1Hover,
      textDecorationLine: 'underline',
    },
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: `calc(-1 * ${tokens.strokeWidthThick})`,
      boxShadow: `inset 0 0 0 calc(2 * ${tokens.strokeWidthThick}) ${tokens.colorStrokeFocus1}`,
    },
  },
  navLinkCurrent: {
    fontWeight: tokens.fontWeightSemibold,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorCompoundBrandStroke}`,
    backgroundColor: tokens.colorNeutralBackground1Selected,
    color: tokens.colorNeutralForeground1Selected,
  },
  main: {
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`,
    minWidth: 0,
    ':focus': { outlineStyle: 'none' },
    // A drop-down is as wide as its longest choice ("Medfinansiering Bjurholms kommun …"); on a phone it may not
    // push the page wider than the screen.
    '& .fui-Select': { maxWidth: '100%', minWidth: 0 },
    '& .fui-Input': { maxWidth: '100%' },
  },
});

export interface LocalIdentity {
  /** Shown in the local-environment banner. */
  onSwitchPersona(): void;
  onSignOut(): void;
}

export interface ShellProps {
  theme: ThemeName;
  /** Given when the tab runs outside Teams: Teams decides the theme itself. */
  onThemeChange?(theme: ThemeName): void;
  local?: LocalIdentity;
}

export function Shell({ theme, onThemeChange, local }: ShellProps) {
  const { t, language, setLanguage } = useI18n();
  const { teams } = useServices();
  const styles = useStyles();
  const page = useCurrentPage();
  const me = useLoad((api) => api.me());
  const other = language === 'sv' ? 'en' : 'sv';
  const mainRef = useRef<HTMLElement>(null);
  const previousPage = useRef(page);
  useEffect(() => {
    if (previousPage.current === page) return;
    previousPage.current = page;
    const main = mainRef.current;
    if (!main) return;
    // The new page's h1 takes focus so screen readers announce it; a page loaded on demand renders its
    // heading later, so wait for it to appear.
    // While a lazy page loads, React keeps the previous page mounted but hidden (display: none).
    const hidden = (element: HTMLElement) => {
      for (let node: HTMLElement | null = element; node && node !== main; node = node.parentElement) {
        if (node.style.display === 'none') return true;
      }
      return false;
    };
    const focusHeading = () => {
      const heading = [...main.querySelectorAll<HTMLElement>('h1')].find((h1) => !hidden(h1));
      if (!heading) return false;
      if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
      heading.focus();
      return true;
    };
    if (focusHeading()) return;
    const observer = new MutationObserver(() => {
      if (focusHeading()) observer.disconnect();
    });
    observer.observe(main, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [page]);
  const skipToMain = (event: MouseEvent) => {
    event.preventDefault();
    mainRef.current?.focus();
  };
  const teamsWhere = [teams?.teamName, teams?.channelName].filter(Boolean).join(' / ');

  return (
    <div className={styles.root}>
      <a href="#main" className={styles.skipLink} onClick={skipToMain}>
        {t('skipToContent')}
      </a>
      <header className={styles.header}>
        <p className={styles.appName}>{t('appName')}</p>
        <div className={styles.tools}>
          <Button onClick={() => setLanguage(other)} aria-label={t('languageSwitchLabel')} lang={other}>
            {other === 'en' ? t('switchToEnglish') : t('switchToSwedish')}
          </Button>
          {onThemeChange && (
            <Field label={t('themeLabel')} orientation="horizontal">
              <Select value={theme} onChange={(_, data) => onThemeChange(data.value as ThemeName)}>
                {THEME_NAMES.map((name) => (
                  <option key={name} value={name}>
                    {t(`theme.${name}`)}
                  </option>
                ))}
              </Select>
            </Field>
          )}
        </div>
        {local && (
          <div className={styles.banner}>
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <strong>{t('localBanner')}</strong>{' '}
                {me.status === 'ready' && t('signedInAs', { name: me.data.person.displayName })}
              </MessageBarBody>
              <MessageBarActions>
                <Button onClick={local.onSwitchPersona}>{t('switchPersona')}</Button>
                <Button onClick={local.onSignOut}>{t('signOut')}</Button>
              </MessageBarActions>
            </MessageBar>
          </div>
        )}
        {teams && teamsWhere && <p className={styles.teamsContext}>{t('teams.context', { where: teamsWhere })}</p>}
      </header>
      <div className={styles.body}>
        <nav className={styles.nav} aria-label={t('navLabel')}>
          <ul className={styles.navList}>
            {PAGES.map((id) => {
              const Icon = PAGE_ICONS[id];
              const current = id === page;
              return (
                <li key={id}>
                  <a
                    href={pageHref(id)}
                    className={current ? `${styles.navLink} ${styles.navLinkCurrent}` : styles.navLink}
                    aria-current={current ? 'page' : undefined}
                  >
                    <Icon aria-hidden />
                    {t(pageTitleKey(id))}
                  </a>
                </li>
              );
            })}
          </ul>
        </nav>
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

function Page({ page, me }: { page: PageId; me: Parameters<typeof OverviewPage>[0]['me'] }) {
  switch (page) {
    case 'oversikt':
      return <OverviewPage key={page} me={me} />;
    case 'kontakter':
      return <ContactsPage key={page} me={me} />;
    case 'moten':
      return <MeetingsPage key={page} me={me} />;
    case 'arbetsgrupper':
      return <WorkingGroupsPage key={page} me={me} />;
    case 'aktiviteter':
      return <ActivitiesPage key={page} me={me} />;
    case 'budget':
      return <BudgetPage key={page} me={me} />;
    case 'beslut':
      return <DecisionsPage key={page} me={me} />;
    default:
      return <PlaceholderPage key={page} page={page} />;
  }
}

import { Button, FluentProvider, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { ApiError, createApiClient, fetchConfig, type TabConfig } from './api';
import { useI18n } from './i18n';
import { loadBrowserSignIn, wasSignedOut } from './session';
import type { BrowserSession } from './browserSignIn';
import { ServicesProvider, type TabServices } from './services';
import { Shell } from './Shell';
import { asApiError } from './ui/errors';
import { ErrorMessage, Loading } from './ui/status';
import { connectToTeams } from './teams';
import { FLUENT_THEMES, storeTheme, storedTheme, type ThemeName } from './theme';

type Phase =
  | { kind: 'starting' }
  | { kind: 'failed'; error: ApiError }
  | { kind: 'signedOut'; session: BrowserSession; expired: boolean }
  | { kind: 'ready'; services: TabServices; config?: TabConfig; session?: BrowserSession };

const useStyles = makeStyles({
  provider: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  plain: { maxWidth: '40rem', margin: '0 auto', padding: tokens.spacingHorizontalXXL },
  heading: { fontSize: tokens.fontSizeHero700, fontWeight: tokens.fontWeightSemibold },
});

/**
 * Starts the tab: inside Teams with SSO (`authentication.getAuthToken`) and Teams' theme; in a plain browser
 * with msal-browser's authorization code flow with PKCE (loaded only then), with a theme switch of its own.
 */
export function App() {
  const { t } = useI18n();
  const styles = useStyles();
  const [theme, setTheme] = useState<ThemeName>(storedTheme);
  const [phase, setPhase] = useState<Phase>({ kind: 'starting' });
  const [inTeams, setInTeams] = useState(false);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void (async () => {
      const [teams, config] = await Promise.all([connectToTeams(), fetchConfig().catch((error: unknown) => error)]);
      if (teams) {
        setInTeams(true);
        setTheme(teams.theme);
        teams.onThemeChange(setTheme);
        setPhase({
          kind: 'ready',
          services: { api: createApiClient({ getToken: () => teams.getAuthToken() }), teams },
        });
        return;
      }
      if (config instanceof Error || !config || typeof config !== 'object' || !('authority' in config)) {
        setPhase({ kind: 'failed', error: asApiError(config) });
        return;
      }
      const tabConfig = config as TabConfig;
      let session: BrowserSession;
      try {
        session = await (await loadBrowserSignIn()).openBrowserSession(tabConfig);
      } catch (error) {
        setPhase({ kind: 'failed', error: asApiError(error) });
        return;
      }
      if (!session.account) {
        if (wasSignedOut()) setPhase({ kind: 'signedOut', session, expired: false });
        else await session.signIn();
        return;
      }
      const getToken = async () => {
        const token = await session.token();
        if (!token) throw new ApiError('UNAUTHENTICATED', t('sessionExpired'), 401);
        return token;
      };
      setPhase({
        kind: 'ready',
        config: tabConfig,
        session,
        services: {
          api: createApiClient({ getToken }),
          onUnauthenticated: () => {
            void session.forget().then(() => setPhase({ kind: 'signedOut', session, expired: true }));
          },
        },
      });
    })();
  }, [t]);

  const changeTheme = (next: ThemeName) => {
    setTheme(next);
    storeTheme(next);
  };

  let content;
  if (phase.kind === 'starting') {
    content = (
      <main className={styles.plain}>
        <Loading label={t('loadingApp')} />
      </main>
    );
  } else if (phase.kind === 'failed') {
    content = (
      <main className={styles.plain}>
        <h1 className={styles.heading}>{t('errorTitle')}</h1>
        <ErrorMessage error={phase.error} onRetry={() => window.location.reload()} />
      </main>
    );
  } else if (phase.kind === 'signedOut') {
    content = (
      <main className={styles.plain}>
        <h1 className={styles.heading}>{t('signedOutTitle')}</h1>
        {phase.expired && (
          <div role="alert">
            <MessageBar intent="warning">
              <MessageBarBody>{t('sessionExpired')}</MessageBarBody>
            </MessageBar>
          </div>
        )}
        <p>{t('signedOutText')}</p>
        <Button appearance="primary" onClick={() => void phase.session.signIn({ prompt: 'select_account' })}>
          {t('signIn')}
        </Button>
      </main>
    );
  } else {
    const { config, session } = phase;
    content = (
      <ServicesProvider value={phase.services}>
        <Shell
          theme={theme}
          onThemeChange={inTeams ? undefined : changeTheme}
          local={
            config && session && config.mode === 'local'
              ? {
                  onSwitchPersona: () => {
                    void session.forget().then(() => session.signIn({ prompt: 'select_account' }));
                  },
                  onSignOut: () => {
                    void session.signOut().then(() => setPhase({ kind: 'signedOut', session, expired: false }));
                  },
                }
              : undefined
          }
        />
      </ServicesProvider>
    );
  }

  return (
    <FluentProvider theme={FLUENT_THEMES[theme]} className={styles.provider}>
      {content}
    </FluentProvider>
  );
}

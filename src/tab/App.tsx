import { FluentProvider, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, lazy } from 'react';
import { PlainPhase } from './app/PlainPhase';
import { useStartup } from './app/useStartup';
import { ServicesProvider } from './services';
import { Shell } from './Shell';
import { FLUENT_THEMES, storeTheme, type ThemeName } from './theme';
import { Loading } from './ui/status';

// Inside a Teams meeting (side panel, stage, details tab) the tab is the meeting view, loaded on demand with the
// pages' strings: none of it is in the first load.
const MeetingApp = lazy(() =>
  Promise.all([import('./i18n/pages'), import('../zodLocale'), import('./meeting/MeetingApp')]).then(
    ([, , module]) => ({ default: module.MeetingApp }),
  ),
);

// On a box inside the provider, not on the provider: FluentProvider hands its className to every portal
// (applyStylesToPortals), and a portal with min-height 100vh and a background covered the page's top behind
// each dialog, popover and date picker (seen in screenshots: the page blank behind the dialog at scroll 0).
const useStyles = makeStyles({
  page: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
});

/**
 * Starts the tab: inside Teams with SSO (`authentication.getAuthToken`) and Teams' theme; in a plain browser
 * with msal-browser's authorization code flow with PKCE (loaded only then), with a theme switch of its own.
 */
export function App() {
  const styles = useStyles();
  const { theme, setTheme, phase, setPhase, inTeams } = useStartup();

  const changeTheme = (next: ThemeName) => {
    setTheme(next);
    storeTheme(next);
  };

  let content;
  if (phase.kind !== 'ready') {
    content = <PlainPhase phase={phase} />;
  } else if (phase.services.meeting) {
    content = (
      <ServicesProvider value={phase.services}>
        <Suspense fallback={<Loading />}>
          <MeetingApp context={phase.services.meeting} />
        </Suspense>
      </ServicesProvider>
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
    <FluentProvider theme={FLUENT_THEMES[theme]}>
      <div className={styles.page}>{content}</div>
    </FluentProvider>
  );
}

import { useEffect, useRef, useState } from 'react';
import { ApiError, createApiClient, fetchConfig, type TabConfig } from '../api';
import type { BrowserSession } from '../browserSignIn';
import { useI18n } from '../i18n';
import { loadBrowserSignIn, wasSignedOut } from '../session';
import type { TabServices } from '../services';
import { connectToTeams, localMeetingContext } from '../teams';
import { storedTheme, type ThemeName } from '../theme';
import { asApiError } from '../ui/errors';

export type Phase =
  | { kind: 'starting' }
  | { kind: 'failed'; error: ApiError }
  | { kind: 'signedOut'; session: BrowserSession; expired: boolean }
  | { kind: 'ready'; services: TabServices; config?: TabConfig; session?: BrowserSession };

/** The browser's services once signed in: a token per request; an expired session signs out. */
function browserServices(
  session: BrowserSession,
  expiredMessage: string,
  setPhase: (phase: Phase) => void,
): TabServices {
  const getToken = async () => {
    const token = await session.token();
    if (!token) throw new ApiError('UNAUTHENTICATED', expiredMessage, 401);
    return token;
  };
  return {
    api: createApiClient({ getToken }),
    onUnauthenticated: () => {
      void session.forget().then(() => setPhase({ kind: 'signedOut', session, expired: true }));
    },
  };
}

/**
 * Starts once: inside Teams with SSO and Teams' theme; in a plain browser with msal-browser's authorization
 * code flow with PKCE (loaded only then).
 */
export function useStartup() {
  const { t } = useI18n();
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
          services: {
            api: createApiClient({ getToken: () => teams.getAuthToken() }),
            teams,
            ...(teams.meeting ? { meeting: teams.meeting } : {}),
          },
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
      const meeting = tabConfig.mode === 'local' ? localMeetingContext() : undefined;
      setPhase({
        kind: 'ready',
        config: tabConfig,
        session,
        services: { ...browserServices(session, t('sessionExpired'), setPhase), ...(meeting ? { meeting } : {}) },
      });
    })();
  }, [t]);

  return { theme, setTheme, phase, setPhase, inTeams };
}

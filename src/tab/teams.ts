import type { ThemeName } from './theme';
import { themeFromTeams } from './theme';

/** What the tab knows about its Teams host; undefined when it runs in a plain browser. */
export interface TeamsHost {
  userPrincipalName?: string;
  teamName?: string;
  channelName?: string;
  frameContext?: string;
  theme: ThemeName;
  onThemeChange(handler: (theme: ThemeName) => void): void;
  getAuthToken(): Promise<string>;
  /** Opens Teams' authentication window on the consent page; resolves when the user consented. */
  requestConsent(): Promise<void>;
}

type TeamsJs = typeof import('@microsoft/teams-js');

let teamsJs: Promise<TeamsJs> | undefined;

export function loadTeamsJs(): Promise<TeamsJs> {
  teamsJs ??= import('@microsoft/teams-js');
  return teamsJs;
}

/**
 * Connects to Teams. Outside Teams `app.initialize()` rejects at once ("No Parent window found"); a host
 * that never answers is treated the same after a timeout, so the tab always starts.
 */
export async function connectToTeams(timeoutMs = 5000): Promise<TeamsHost | undefined> {
  // Neither framed nor opened by a host: initialize() would reject with "No Parent window found". Skipping it
  // saves loading teams-js, which also fetches a domain list from Microsoft's CDN on load.
  if (window.parent === window && !window.opener) return undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const { app, authentication } = await loadTeamsJs();
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('Teams did not answer')), timeoutMs);
    });
    await Promise.race([app.initialize(), timeout]);
    const context = await Promise.race([app.getContext(), timeout]);
    return {
      userPrincipalName: context.user?.userPrincipalName,
      teamName: context.team?.displayName,
      channelName: context.channel?.displayName,
      frameContext: context.page.frameContext,
      theme: themeFromTeams(context.app.theme),
      onThemeChange(handler) {
        app.registerOnThemeChangeHandler((theme) => handler(themeFromTeams(theme)));
      },
      getAuthToken: () => authentication.getAuthToken(),
      async requestConsent() {
        await authentication.authenticate({
          url: `${window.location.origin}/auth-start.html`,
          width: 600,
          height: 640,
        });
      },
    };
  } catch {
    return undefined;
  } finally {
    if (timer) clearTimeout(timer);
  }
}

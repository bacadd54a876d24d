import type { ThemeName } from './theme';
import { themeFromTeams } from './theme';

/**
 * The Teams meeting the tab runs in (its side panel, stage, details tab or chat tab): teams-js `context.chat.id`
 * (the meeting chat's thread) and `context.meeting.id`; the meeting view (src/tab/meeting) finds its register meeting.
 */
export interface MeetingHostContext {
  chatId?: string;
  meetingId?: string;
  /** `sidePanel`, `meetingStage` or `content`. */
  frameContext: string;
}

/** `?view=mote`: the meeting view, as the configuration page saves it for a tab added to a meeting. */
export const MEETING_VIEW = 'mote';

/** A meeting context from teams-js' context, when the tab runs in a meeting; a tab pinned to a page (`?view=`) shows that page. */
export function meetingContextOf(
  context: { meeting?: { id?: string }; chat?: { id?: string }; page: { frameContext?: string } },
  search = window.location.search,
): MeetingHostContext | undefined {
  const frameContext = context.page.frameContext ?? 'content';
  const inMeeting = frameContext === 'sidePanel' || frameContext === 'meetingStage' || !!context.meeting?.id;
  const view = new URLSearchParams(search).get('view');
  if (!inMeeting || (frameContext === 'content' && view !== null && view !== MEETING_VIEW)) return undefined;
  return {
    ...(context.chat?.id ? { chatId: context.chat.id } : {}),
    ...(context.meeting?.id ? { meetingId: context.meeting.id } : {}),
    frameContext,
  };
}

/** What the tab knows about its Teams host; undefined when it runs in a plain browser. */
export interface TeamsHost {
  userPrincipalName?: string;
  teamName?: string;
  channelName?: string;
  frameContext?: string;
  meeting?: MeetingHostContext;
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
      ...optionalMeeting(meetingContextOf(context)),
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

function optionalMeeting(meeting: MeetingHostContext | undefined): { meeting?: MeetingHostContext } {
  return meeting ? { meeting } : {};
}

/**
 * Local mode only (the local tenant, no Teams client): `?meetingChat={thread}&frameContext=sidePanel` gives the tab
 * the meeting context Teams would, so the meeting view can be tried and tested in a browser.
 */
export function localMeetingContext(search = window.location.search): MeetingHostContext | undefined {
  const params = new URLSearchParams(search);
  const chatId = params.get('meetingChat');
  if (!chatId) return undefined;
  return { chatId, frameContext: params.get('frameContext') ?? 'sidePanel' };
}

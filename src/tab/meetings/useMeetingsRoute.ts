import { useEffect, useState } from 'react';
import { pageHref } from '../routes';

export const MEETINGS_VIEWS = ['moten', 'forbered', 'planera', 'omrostningar'] as const;
export type MeetingsView = (typeof MEETINGS_VIEWS)[number];
/** `protokoll` or `minnesanteckningar`: the meeting's record, named by its kind (src/domain/protocolKind.ts). */
export const MEETING_PARTS = ['svar', 'protokoll', 'minnesanteckningar', 'arkiv'] as const;
export type MeetingPart = (typeof MEETING_PARTS)[number];

interface Route {
  /** A view's name (`#/moten/planera`) or a meeting's id (`#/moten/7`, a link from "Att göra"). */
  target?: string;
  /** The meeting's part (`#/moten/7/protokoll`). */
  part?: string;
}

function parse(hash: string): Route {
  const [, target, part] = hash.replace(/^#\/?/, '').split('?')[0]?.split('/') ?? [];
  return {
    ...(target ? { target: decodeURIComponent(target) } : {}),
    ...(part ? { part: decodeURIComponent(part) } : {}),
  };
}

const isView = (target: string | undefined): target is MeetingsView =>
  (MEETINGS_VIEWS as readonly string[]).includes(target ?? '');

/**
 * Where on Möten the person is, kept in the address so a reload or a shared link opens it again: a view
 * (`#/moten`, `#/moten/planera`), or one meeting and its part (`#/moten/7`, `#/moten/7/protokoll`). A view the
 * person may not see falls back to the register (listed first).
 */
export function useMeetingsRoute(available: readonly MeetingsView[]) {
  const [route, setRoute] = useState<Route>(() => parse(window.location.hash));
  useEffect(() => {
    // A link to a meeting ("Att göra" in the bot's card, a shared address) while the page is open.
    const update = () => {
      if (window.location.hash.startsWith('#/moten')) setRoute(parse(window.location.hash));
    };
    window.addEventListener('hashchange', update);
    // A change between the first render and this effect (a click on "Möten" while the page mounts) fired no event here.
    update();
    return () => window.removeEventListener('hashchange', update);
  }, []);
  const go = (next: Route) => {
    setRoute(next);
    const first = available[0];
    const href = next.target && next.target !== first ? pageHref('moten', next.target) : pageHref('moten');
    // replaceState: choosing a view is not a new page in the history, and fires no hashchange.
    window.history.replaceState(
      window.history.state,
      '',
      next.part ? `${href}/${encodeURIComponent(next.part)}` : href,
    );
  };
  const first = available[0] ?? 'moten';
  const meetingId = route.target && !isView(route.target) ? route.target : undefined;
  const view: MeetingsView = isView(route.target) && available.includes(route.target) ? route.target : first;
  return {
    view,
    meetingId,
    part: route.part,
    showView: (next: MeetingsView) => go({ target: next }),
    openMeeting: (id: string, part?: MeetingPart) => go({ target: id, ...(part ? { part } : {}) }),
    showPart: (id: string, part: MeetingPart) => go({ target: id, part }),
    back: () => go({ target: 'moten' }),
  };
}

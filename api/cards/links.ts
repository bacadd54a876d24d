/**
 * Where a card's button opens the tab: in Teams (tenant mode) a deep link to the personal tab
 * (`https://teams.microsoft.com/l/entity/{appId}/{entityId}?context={"subEntityId":…}`, the entityIds of the
 * manifest's staticTabs), so the button opens the app inside Teams on desktop and phone; locally the tab's
 * own address (`{publicUrl}/#/{page}/{sub}`), since there is no Teams client.
 */

/** The manifest's staticTabs entityIds, which are also the tab's hash routes. */
export const TAB_PAGES = [
  'oversikt',
  'moten',
  'aktiviteter',
  'budget',
  'beslut',
  'arbetsgrupper',
  'kontakter',
] as const;
export type TabPage = (typeof TAB_PAGES)[number];

export interface TabLinks {
  /** The page, and within it `sub` (a meeting's or group's id) as the tab's subEntityId. */
  page(page: TabPage, sub?: string): string;
}

export interface TabLinkSettings {
  mode: 'local' | 'tenant';
  /** The tab's public address (the local server's in local mode). */
  publicUrl: string;
  /** The Teams app's id in the manifest (`id`), which a deep link names. */
  teamsAppId: string;
}

export function tabLinks(settings: TabLinkSettings): TabLinks {
  const base = settings.publicUrl.replace(/\/+$/, '');
  return {
    page(page, sub) {
      if (settings.mode === 'local') return `${base}/#/${page}${sub ? `/${encodeURIComponent(sub)}` : ''}`;
      const context = encodeURIComponent(JSON.stringify(sub ? { subEntityId: `${page}/${sub}` } : {}));
      return `https://teams.microsoft.com/l/entity/${encodeURIComponent(settings.teamsAppId)}/${page}?context=${context}`;
    },
  };
}

/** For cards built without settings (tests, previews): the local tab on the default port. */
export const LOCAL_TAB_LINKS: TabLinks = tabLinks({
  mode: 'local',
  publicUrl: 'http://localhost:3978',
  teamsAppId: '',
});

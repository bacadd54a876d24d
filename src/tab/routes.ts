import { useEffect, useState } from 'react';
import type { MessageKey } from './i18n';

export const PAGES = ['oversikt', 'moten', 'aktiviteter', 'budget', 'beslut', 'arbetsgrupper', 'kontakter'] as const;
export type PageId = (typeof PAGES)[number];

export function isPageId(value: unknown): value is PageId {
  return typeof value === 'string' && (PAGES as readonly string[]).includes(value);
}

export function pageTitleKey(page: PageId): MessageKey {
  return `nav.${page}`;
}

/** `#/moten`, or `#/moten/7` for one thing on the page (a meeting), which the page opens. */
export function pageHref(page: PageId, target?: string): string {
  return target ? `#/${page}/${encodeURIComponent(target)}` : `#/${page}`;
}

/** The thing a `#/page/target` hash names (`7` in `#/moten/7`), if any. */
export function pageTarget(location: Pick<Location, 'hash'>): string | undefined {
  const target = location.hash.replace(/^#\/?/, '').split('?')[0]?.split('/')[1];
  return target ? decodeURIComponent(target) : undefined;
}

/**
 * Hash routing (`#/kontakter`). A channel tab pins a page with `?view=arbetsgrupper` in its contentUrl; that
 * is the start page when the hash names none.
 */
export function pageFromLocation(location: Pick<Location, 'hash' | 'search'>): PageId {
  const fromHash = location.hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  if (isPageId(fromHash)) return fromHash;
  const fromQuery = new URLSearchParams(location.search).get('view');
  if (isPageId(fromQuery)) return fromQuery;
  return 'oversikt';
}

export function useCurrentPage(): PageId {
  const [page, setPage] = useState<PageId>(() => pageFromLocation(window.location));
  useEffect(() => {
    // Only `#/page` hashes are routes; `#main` (the skip link's target) leaves the page as it is.
    const update = () => {
      if (window.location.hash.startsWith('#/')) setPage(pageFromLocation(window.location));
    };
    window.addEventListener('hashchange', update);
    // A change between the first render and this effect fired no event here.
    update();
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return page;
}

/** The Region's SharePoint site as the seed lays it out (hostname and server-relative path, as Graph addresses sites). */
export const SITE_HOSTNAME = 'regionvasterbotten.sharepoint.com';
export const SITE_PATH = '/sites/planochbygg';
export const SITE_DISPLAY_NAME = 'Plan- och byggsamverkan Västerbotten';
export const SITE_DESCRIPTION =
  'Samverkansytan för Plan- och byggsamverkan Västerbotten: register, möten, aktiviteter och budget.';

/** The tenant's root site (`GET /sites/root`), as every SharePoint Online tenant has one. */
export const ROOT_SITE_DISPLAY_NAME = 'Region Västerbotten';

/** Graph pages list items by 200 when no $top is given; SharePoint's list view threshold caps a page at 5000. */
export const LIST_ITEMS_DEFAULT_PAGE = 200;
export const LIST_ITEMS_MAX_PAGE = 5000;

/**
 * The regional settings of the Region's sites: SharePoint keeps a date-only value as midnight of that date in the
 * site's time zone, so Graph answers 1 September as `2026-08-31T22:00:00Z` (CEST is UTC+2).
 */
export const SITE_TIME_ZONE = { windowsName: 'W. Europe Standard Time', iana: 'Europe/Stockholm' } as const;

/** The Prefer token that lets a filter or orderby name a column that is not indexed. */
export const NON_INDEXED_PREFERENCE = 'HonorNonIndexedQueriesWarningMayFailRandomly';

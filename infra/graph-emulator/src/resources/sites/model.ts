import type { ColumnDefinition, IdentitySet, List, Site } from '@microsoft/microsoft-graph-types';

/**
 * Document kinds of the SharePoint part: site (scope 'tenant'), list (scope site id), column (scope list id),
 * listItem (scope list id), siteUser (scope site id: the site's User Information List entries, whose integer ids
 * person columns store).
 */
export const SITE_KIND = 'site';
export const LIST_KIND = 'list';
export const COLUMN_KIND = 'column';
export const LIST_ITEM_KIND = 'listItem';
export const SITE_USER_KIND = 'siteUser';

export interface StoredSite extends Site {
  id: string;
  name: string;
  displayName: string;
  webUrl: string;
  /** Server-relative path, '/' for the tenant's root site. */
  xServerRelativePath: string;
}

export interface StoredList extends List {
  id: string;
  name: string;
  displayName: string;
  webUrl: string;
  xSiteId: string;
}

export type StoredColumn = ColumnDefinition & { id: string; name: string; displayName: string };

/** A list item as stored: `fields` hold exactly what Graph returns in the fieldValueSet (system fields included). */
export interface StoredListItem {
  id: string;
  /** The item's unique id; the eTag is `"{guid},{version}"`. */
  guid: string;
  version: number;
  createdDateTime: string;
  lastModifiedDateTime: string;
  createdBy: IdentitySet;
  lastModifiedBy: IdentitySet;
  fields: Record<string, unknown>;
}

/** An entry of the site's User Information List: the integer id person columns store, and who it is. */
export interface SiteUser {
  lookupId: number;
  userId?: string;
  displayName: string;
  email?: string;
}

/** SharePoint's own account for app-only writes; its id in the User Information List is fixed in SharePoint Online. */
export const SHAREPOINT_APP_USER: SiteUser = { lookupId: 1073741822, displayName: 'SharePoint App' };

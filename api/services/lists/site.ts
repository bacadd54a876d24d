import { SiteDriveIds, type DriveApi } from '../../graph/drive';
import type { ListsApi } from '../../graph/lists';
import { GraphRequestError } from '../../graph/errors';
import { LISTS, type ListKey } from './schema';

/** What finding the site and its lists takes of Graph. */
export type SiteLookup = Pick<ListsApi, 'getSiteByPath' | 'listLists'>;

/**
 * Where the records live: the site's id and the lists' ids, looked up by the configured site path and the
 * lists' Swedish names, then remembered (they never change for a deployment).
 */
export class SiteDirectory {
  private siteId?: Promise<string>;
  private listIds = new Map<ListKey, string>();
  private readonly drives = new SiteDriveIds();

  constructor(private readonly site: { hostname: string; path: string }) {}

  resolveSite(gateway: SiteLookup): Promise<string> {
    this.siteId ??= gateway.getSiteByPath(this.site.hostname, this.site.path).then((site) => String(site.id));
    return this.siteId.catch((error: unknown) => {
      this.siteId = undefined;
      throw error;
    });
  }

  /** The site's default document library (handlingar, the archive): its id asked once (api/graph/drive). */
  async resolveDrive(gateway: SiteLookup & Pick<DriveApi, 'siteDrive'>): Promise<string> {
    return this.drives.driveId(gateway, await this.resolveSite(gateway));
  }

  async list(gateway: SiteLookup, key: ListKey): Promise<{ siteId: string; listId: string }> {
    const siteId = await this.resolveSite(gateway);
    const known = this.listIds.get(key);
    if (known) return { siteId, listId: known };
    const lists = await gateway.listLists(siteId);
    for (const list of lists) {
      const match = (Object.keys(LISTS) as ListKey[]).find((k) => LISTS[k].displayName === list.displayName);
      if (match && list.id) this.listIds.set(match, list.id);
    }
    const listId = this.listIds.get(key);
    if (!listId)
      throw new GraphRequestError(404, 'listNotProvisioned', undefined, `List ${LISTS[key].displayName} is missing`);
    return { siteId, listId };
  }

  remember(key: ListKey, listId: string): void {
    this.listIds.set(key, listId);
  }
}

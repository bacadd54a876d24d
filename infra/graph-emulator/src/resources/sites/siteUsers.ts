import type { IdentitySet } from '@microsoft/microsoft-graph-types';
import type { EmulatorContext } from '../../context';
import { TENANT_SCOPE, type StoredUser } from '../../model';
import type { Principal } from '../../permissions';
import { SHAREPOINT_APP_USER, SITE_USER_KIND, type SiteUser } from './model';

/** SharePoint gives the first people of a site ids after its own system accounts and groups. */
const FIRST_PERSON_LOOKUP_ID = 10;

/** The site's User Information List, keyed by lookup id, read once per request. */
export class SiteUsers {
  private readonly byLookupId = new Map<number, SiteUser>();

  constructor(
    private readonly ctx: EmulatorContext,
    private readonly siteId: string,
  ) {
    for (const u of ctx.store.list<SiteUser>(SITE_USER_KIND, siteId)) this.byLookupId.set(u.lookupId, u);
    this.byLookupId.set(SHAREPOINT_APP_USER.lookupId, SHAREPOINT_APP_USER);
  }

  get(lookupId: number): SiteUser | undefined {
    return this.byLookupId.get(lookupId);
  }

  /** The person's entry, adding it as SharePoint does the first time someone writes to the site. */
  ensure(user: StoredUser): SiteUser {
    for (const u of this.byLookupId.values()) if (u.userId === user.id) return u;
    const entry: SiteUser = {
      lookupId: FIRST_PERSON_LOOKUP_ID - 1 + this.ctx.store.nextNumber(`siteUser:${this.siteId}`),
      userId: user.id,
      displayName: user.displayName,
      email: user.mail,
    };
    this.ctx.store.put(SITE_USER_KIND, this.siteId, String(entry.lookupId), entry);
    this.byLookupId.set(entry.lookupId, entry);
    return entry;
  }

  /** Who writes, as the listItem's createdBy/lastModifiedBy and its Author/Editor lookup id. */
  writer(principal: Principal): { identity: IdentitySet; lookupId: number } {
    if (principal.kind === 'application') {
      return {
        identity: {
          application: { id: principal.appId, displayName: this.ctx.app.displayName },
          user: { displayName: SHAREPOINT_APP_USER.displayName },
        },
        lookupId: SHAREPOINT_APP_USER.lookupId,
      };
    }
    const user = this.ctx.store.get<StoredUser>('user', TENANT_SCOPE, principal.userId);
    if (!user) {
      return {
        identity: { user: { id: principal.userId, displayName: principal.upn } },
        lookupId: SHAREPOINT_APP_USER.lookupId,
      };
    }
    const entry = this.ensure(user);
    // SharePoint adds the person's email to the identity, beyond Graph's Identity type.
    const person = { email: user.mail, id: user.id, displayName: user.displayName };
    return { identity: { user: person }, lookupId: entry.lookupId };
  }
}

export function seedSiteUsers(ctx: EmulatorContext, siteId: string, people: StoredUser[]): void {
  const users = new SiteUsers(ctx, siteId);
  for (const person of people) users.ensure(person);
}

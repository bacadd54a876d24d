import type { User } from '@microsoft/microsoft-graph-types';

/**
 * Document kinds of the store and their scopes. Each resource module owns its kinds; this list is the map.
 * user (scope 'tenant'), site ('tenant'), list (site id), column (list id), listItem (list id),
 * team ('tenant'), teamMember (team id), channel (team id), channelMember (channel id),
 * chatMessage (channel or chat id), event (user id), botConversation ('tenant'), signingKey ('tenant').
 */
export const TENANT_SCOPE = 'tenant';

/** A user as Graph returns it, plus what only the emulator needs (prefixed `x`, never sent to clients). */
export interface StoredUser extends User {
  id: string;
  displayName: string;
  userPrincipalName: string;
  mail: string;
  userType: 'Member' | 'Guest';
  /** Guests' mailboxes live in their own tenants: Graph calendar calls for them fail here. */
  xHasMailbox: boolean;
  /** Organisation id of the samverkan (e.g. 'umea'); the seed's link to the organisations file. */
  xOrganisationId: string;
  /** Samverkan roles the seed gives this person (ordforande, samordnare, …), for personas and the app's seed. */
  xRoles: string[];
  /** Working hours, Europe/Stockholm, for getSchedule and findMeetingTimes. */
  xWorkingHours: { daysOfWeek: string[]; startTime: string; endTime: string; timeZone: string };
}

export function publicUser(user: StoredUser): User {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(user)) if (!/^x[A-Z]/.test(key)) out[key] = value;
  return out as User;
}

import type { Request } from 'express';
import { graphErrors } from './errors';

export type Principal =
  | { kind: 'delegated'; tenantId: string; appId: string; userId: string; upn: string; scopes: ReadonlySet<string> }
  | { kind: 'application'; tenantId: string; appId: string; roles: ReadonlySet<string> };

/** Permissions that include others, as Graph's permission reference describes them (higher first). */
const IMPLIED_BY: Record<string, string[]> = {
  'Sites.Read.All': ['Sites.ReadWrite.All', 'Sites.Manage.All', 'Sites.FullControl.All'],
  'Sites.ReadWrite.All': ['Sites.Manage.All', 'Sites.FullControl.All'],
  'Sites.Manage.All': ['Sites.FullControl.All'],
  'Calendars.ReadBasic': ['Calendars.Read', 'Calendars.ReadWrite'],
  'Calendars.Read': ['Calendars.ReadWrite'],
  'Calendars.Read.Shared': ['Calendars.ReadWrite.Shared'],
  'User.Read': ['User.ReadWrite', 'User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All'],
  'User.ReadBasic.All': ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All'],
  'User.Read.All': ['User.ReadWrite.All', 'Directory.Read.All'],
  'Team.ReadBasic.All': [
    'TeamSettings.Read.All',
    'TeamSettings.ReadWrite.All',
    'Group.Read.All',
    'Group.ReadWrite.All',
  ],
  'Channel.ReadBasic.All': [
    'ChannelSettings.Read.All',
    'ChannelSettings.ReadWrite.All',
    'Group.Read.All',
    'Group.ReadWrite.All',
  ],
  'Channel.Create': ['Group.ReadWrite.All'],
  'Channel.Create.Group': ['Channel.Create', 'Group.ReadWrite.All'],
  'ChannelMember.Read.All': ['ChannelMember.ReadWrite.All'],
  'ChannelSettings.Read.All': ['ChannelSettings.ReadWrite.All'],
  'TeamMember.Read.All': ['TeamMember.ReadWriteNonOwnerRole.All', 'TeamMember.ReadWrite.All'],
  'TeamMember.ReadWriteNonOwnerRole.All': ['TeamMember.ReadWrite.All'],
  'ChannelMessage.Read.All': [],
  'Channel.Delete.All': ['Group.ReadWrite.All'],
  'Channel.Delete.Group': ['Channel.Delete.All', 'Group.ReadWrite.All'],
};

function satisfied(granted: ReadonlySet<string>, needed: string): boolean {
  if (granted.has(needed)) return true;
  return (IMPLIED_BY[needed] ?? []).some((higher) => granted.has(higher));
}

export interface PermissionRule {
  /** Least-privileged delegated permissions, any one suffices; empty or absent: not supported delegated. */
  delegated?: string[];
  /** Least-privileged application permissions, any one suffices; empty or absent: not supported app-only. */
  application?: string[];
}

export function principalOf(req: Request): Principal {
  const principal = req.res?.locals.principal as Principal | undefined;
  if (!principal) throw graphErrors.unauthenticated();
  return principal;
}

/** Throws 403 as Graph does unless the token carries one of the permissions (or one that includes it). */
export function requirePermission(req: Request, rule: PermissionRule): Principal {
  const principal = principalOf(req);
  if (principal.kind === 'delegated') {
    const options = rule.delegated ?? [];
    if (options.length === 0) throw graphErrors.forbidden('This API does not support delegated permissions.');
    if (!options.some((p) => satisfied(principal.scopes, p)))
      throw graphErrors.forbidden(
        `Missing scope permissions on the request. API requires one of '${options.join(', ')}'.`,
      );
  } else {
    const options = rule.application ?? [];
    if (options.length === 0) throw graphErrors.forbidden('This API does not support application permissions.');
    if (!options.some((p) => satisfied(principal.roles, p)))
      throw graphErrors.forbidden(
        `Missing role permissions on the request. API requires one of '${options.join(', ')}'.`,
      );
  }
  return principal;
}

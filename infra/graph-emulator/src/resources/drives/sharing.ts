import { z } from 'zod';
import type { EmulatorContext } from '../../context';
import { graphErrors } from '../../errors';
import { TENANT_SCOPE, type StoredUser } from '../../model';
import { principalOf } from '../../permissions';
import { ancestors, type DriveCall } from './items';
import { DRIVE_ITEM_KIND, ITEM_PERMISSION_KIND, type StoredDriveItem, type StoredItemPermission } from './model';

/**
 * Sharing on drive items as SharePoint does it: an item inherits its folder's permissions until it is shared with
 * `retainInheritedPermissions: false` (driveitem-invite), from then on only its own permissions hold, for it and
 * everything below it. Before that, everyone the site lets in (here: any user whose token has the scope) may read
 * and write. App-only callers act with the site-wide permission of their role, as SharePoint's app-only access
 * does, so sharing does not bind them.
 */
function governingItem(call: DriveCall, item: StoredDriveItem): StoredDriveItem | undefined {
  return [item, ...ancestors(call, item)].find((i) => i.xUniquePermissions);
}

function rolesOf(call: DriveCall, item: StoredDriveItem, userId: string): string[] {
  return call.ctx.store
    .list<StoredItemPermission>(ITEM_PERMISSION_KIND, item.id)
    .filter((p) => p.user.id === userId)
    .flatMap((p) => p.roles);
}

const ACCESS_DENIED = 'Access denied. You do not have permission to perform this action or access this resource.';

export function assertCanRead(call: DriveCall, item: StoredDriveItem): void {
  const principal = principalOf(call.req);
  if (principal.kind === 'application') return;
  const governing = governingItem(call, item);
  if (governing && rolesOf(call, governing, principal.userId).length === 0)
    throw graphErrors.accessDenied(ACCESS_DENIED);
}

export function assertCanWrite(call: DriveCall, item: StoredDriveItem): void {
  const principal = principalOf(call.req);
  if (principal.kind === 'application') return;
  const governing = governingItem(call, item);
  if (!governing) return;
  const roles = rolesOf(call, governing, principal.userId);
  if (!roles.includes('write') && !roles.includes('owner')) throw graphErrors.accessDenied(ACCESS_DENIED);
}

const recipientSchema = z
  .object({ email: z.string().optional(), objectId: z.string().optional(), alias: z.string().optional() })
  .refine((r) => r.email !== undefined || r.objectId !== undefined, 'A recipient needs email or objectId.');

const inviteSchema = z.object({
  recipients: z.array(recipientSchema).min(1),
  roles: z.array(z.enum(['read', 'write'])).min(1),
  requireSignIn: z.boolean().optional(),
  sendInvitation: z.boolean().optional(),
  message: z.string().max(2000).optional(),
  retainInheritedPermissions: z.boolean().optional(),
  expirationDateTime: z.string().optional(),
  password: z.string().optional(),
});

function findUser(ctx: EmulatorContext, r: z.infer<typeof recipientSchema>): StoredUser {
  const users = ctx.store.list<StoredUser>('user', TENANT_SCOPE);
  const email = r.email?.toLowerCase();
  const user = users.find(
    (u) =>
      (r.objectId !== undefined && u.id === r.objectId) ||
      (email !== undefined && (u.mail.toLowerCase() === email || u.userPrincipalName.toLowerCase() === email)),
  );
  // Inviting someone outside the directory would make a new guest; the local tenant has none to make.
  if (!user) throw graphErrors.invalidRequest(`The recipient '${r.email ?? r.objectId}' could not be resolved.`);
  return user;
}

export function permissionShape(p: StoredItemPermission): Record<string, unknown> {
  const user = { email: p.user.email, id: p.user.id, displayName: p.user.displayName };
  return {
    id: p.id,
    roles: p.roles,
    grantedTo: { user },
    grantedToV2: { user },
    ...(p.invitation ? { invitation: p.invitation } : {}),
  };
}

function grant(call: DriveCall, item: StoredDriveItem, user: StoredUser, roles: string[], signIn: boolean) {
  const existing = call.ctx.store
    .list<StoredItemPermission>(ITEM_PERMISSION_KIND, item.id)
    .find((p) => p.user.id === user.id);
  const permission: StoredItemPermission = {
    id: existing?.id ?? Buffer.from(`i:0#.f|membership|${user.userPrincipalName}`).toString('base64url'),
    roles,
    user: { id: user.id, email: user.mail, displayName: user.displayName },
    invitation: { email: user.mail, signInRequired: signIn },
  };
  call.ctx.store.put(ITEM_PERMISSION_KIND, item.id, permission.id, permission);
  return permission;
}

/** POST …/items/{id}/invite: grants the roles to each recipient; with retainInheritedPermissions false, the first
 *  sharing breaks inheritance (the caller keeps owner access, as SharePoint keeps the user who breaks it). */
export function invite(call: DriveCall, item: StoredDriveItem): StoredItemPermission[] {
  const body = inviteSchema.parse(call.req.body ?? {});
  if (!item.xParentId) throw graphErrors.invalidRequest('Permissions cannot be changed on the root of a drive.');
  if (body.requireSignIn === false || body.password !== undefined)
    throw graphErrors.invalidRequest('Anonymous sharing is disabled for this site.');
  return call.ctx.store.transaction(() => {
    if (body.retainInheritedPermissions === false && !item.xUniquePermissions) {
      call.ctx.store.put(DRIVE_ITEM_KIND, call.drive.id, item.id, { ...item, xUniquePermissions: true });
      const principal = principalOf(call.req);
      if (principal.kind === 'delegated') {
        const caller = call.ctx.store.get<StoredUser>('user', TENANT_SCOPE, principal.userId);
        if (caller) grant(call, item, caller, ['owner'], true);
      }
    }
    return body.recipients.map((r) => grant(call, item, findUser(call.ctx, r), body.roles, true));
  });
}

export function listPermissions(call: DriveCall, item: StoredDriveItem): StoredItemPermission[] {
  const governing = governingItem(call, item);
  return governing ? call.ctx.store.list<StoredItemPermission>(ITEM_PERMISSION_KIND, governing.id) : [];
}

export function deletePermission(call: DriveCall, item: StoredDriveItem, permissionId: string): void {
  // "Only sharing permissions that aren't inherited can be deleted." (permission-delete)
  if (!item.xUniquePermissions || !call.ctx.store.delete(ITEM_PERMISSION_KIND, item.id, permissionId))
    throw graphErrors.notFound('The resource could not be found.');
}

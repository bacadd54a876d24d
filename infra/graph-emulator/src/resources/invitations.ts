import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import type { Invitation } from '@microsoft/microsoft-graph-types';
import { z } from 'zod';
import type { EmulatorContext } from '../context';
import { graphErrors } from '../errors';
import { TENANT_SCOPE, type StoredUser } from '../model';
import { assertQueryOptions, odataContext } from '../odata';
import type { MountTable } from '../routing';
import { stableGuid } from '../seed/people';
import { TENANT_DOMAIN, TENANT_MAIL_DOMAIN } from '../tenantConfig';

/**
 * `POST /invitations` (B2B collaboration), as invitation-post documents it: the invited address becomes a Guest
 * user of this tenant, whose UPN is `{address with @ as _}#EXT#@{tenant}.onmicrosoft.com` and whose `mail` is the
 * invited address. Inviting someone who is already a guest answers for that same user; a member of this tenant
 * cannot be invited. No e-mail is sent (`sendInvitationMessage` is recorded only).
 */

const invitationInput = z
  .object({
    invitedUserEmailAddress: z.email(),
    inviteRedirectUrl: z.url(),
    invitedUserDisplayName: z.string().min(1).max(256).nullable().optional(),
    invitedUserType: z.enum(['Guest', 'Member']).optional(),
    sendInvitationMessage: z.boolean().optional(),
    resetRedemption: z.boolean().optional(),
    invitedUserMessageInfo: z
      .object({
        messageLanguage: z.string().nullable().optional(),
        customizedMessageBody: z.string().nullable().optional(),
        ccRecipients: z
          .array(
            z.object({
              emailAddress: z.object({
                address: z.string().nullable().optional(),
                name: z.string().nullable().optional(),
              }),
            }),
          )
          .max(1)
          .optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

/** The UPN Entra gives a B2B guest: the address with `@` as `_`, then `#EXT#@` and the tenant's initial domain. */
export function guestUserPrincipalName(address: string): string {
  return `${address.toLowerCase().replace('@', '_')}#EXT#@${TENANT_DOMAIN}`;
}

function byAddress(ctx: EmulatorContext, address: string): StoredUser | undefined {
  const lower = address.toLowerCase();
  return ctx.store
    .list<StoredUser>('user', TENANT_SCOPE)
    .find(
      (u) =>
        u.mail.toLowerCase() === lower ||
        u.userPrincipalName.toLowerCase() === lower ||
        (u.otherMails ?? []).some((m) => m.toLowerCase() === lower),
    );
}

function createInvitation(ctx: EmulatorContext, req: Request, res: Response): void {
  assertQueryOptions(req, []);
  const input = invitationInput.parse(req.body ?? {});
  const address = input.invitedUserEmailAddress;
  if (address.toLowerCase().endsWith(`@${TENANT_MAIL_DOMAIN}`) || address.toLowerCase().endsWith(`@${TENANT_DOMAIN}`))
    throw graphErrors.badRequest(
      `The invited user '${address}' belongs to this directory's own domain and cannot be invited as a guest.`,
    );
  const existing = byAddress(ctx, address);
  if (existing && existing.userType === 'Member')
    throw graphErrors.badRequest(`The invited user '${address}' already exists in this directory as a member.`);
  let user = existing;
  if (!user) {
    const upn = guestUserPrincipalName(address);
    const local = address.split('@')[0]!;
    user = {
      id: stableGuid(upn),
      displayName: input.invitedUserDisplayName ?? local,
      givenName: null,
      surname: null,
      userPrincipalName: upn,
      mail: address,
      otherMails: [address],
      jobTitle: null,
      companyName: null,
      officeLocation: null,
      preferredLanguage: null,
      businessPhones: [],
      mobilePhone: null,
      accountEnabled: true,
      userType: 'Guest',
      externalUserState: 'PendingAcceptance',
      creationType: 'Invitation',
      xHasMailbox: false,
      xOrganisationId: '',
      xRoles: [],
      xWorkingHours: {
        daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
        startTime: '08:00:00.0000000',
        endTime: '17:00:00.0000000',
        timeZone: 'W. Europe Standard Time',
      },
    };
    ctx.store.put('user', TENANT_SCOPE, user.id, user);
  }
  const id = randomUUID();
  const invitation: Invitation & { id: string } = {
    id,
    inviteRedeemUrl: `https://login.microsoftonline.com/redeem?rd=${encodeURIComponent(`https://invitations.microsoft.com/redeem/?tenant=${ctx.tenantId}&user=${user.id}&ticket=${id}`)}`,
    invitedUserDisplayName: input.invitedUserDisplayName ?? null,
    invitedUserType: 'Guest',
    invitedUserEmailAddress: address,
    sendInvitationMessage: input.sendInvitationMessage ?? false,
    resetRedemption: input.resetRedemption ?? false,
    inviteRedirectUrl: input.inviteRedirectUrl,
    status: user.externalUserState === 'PendingAcceptance' ? 'PendingAcceptance' : 'Completed',
    invitedUserMessageInfo: {
      messageLanguage: input.invitedUserMessageInfo?.messageLanguage ?? null,
      customizedMessageBody: input.invitedUserMessageInfo?.customizedMessageBody ?? null,
      ccRecipients: input.invitedUserMessageInfo?.ccRecipients ?? [{ emailAddress: { name: null, address: null } }],
    },
    invitedUser: { id: user.id },
  };
  ctx.store.put('invitation', TENANT_SCOPE, id, invitation);
  res.status(201).json({ '@odata.context': odataContext(ctx.baseUrl(), 'invitations/$entity'), ...invitation });
}

export const INVITATION_ROUTES: MountTable = [
  { method: 'POST', path: '/invitations', operation: 'POST /invitations', handler: createInvitation },
];

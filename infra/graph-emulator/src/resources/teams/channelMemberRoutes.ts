import type { Request, Response } from 'express';
import type { EmulatorContext } from '../../context';
import { graphErrors } from '../../errors';
import { applySelect, assertQueryOptions, odataContext, page, parseSelect, parseTop } from '../../odata';
import { principalOf } from '../../permissions';
import { param, type MountTable } from '../../routing';
import { requireUser } from '../users';
import { boundUser, conversationMemberInput, channelMemberRoles, rolesPatch } from './input';
import {
  KIND,
  assertDelegatedChannelAccess,
  assertDelegatedChannelManager,
  assertNotArchived,
  channelAudience,
  channelMembership,
  memberFor,
  requireChannel,
  requireTeam,
  teamMembership,
  type StoredChannel,
  type StoredMember,
} from './model';

/** The members of a private or shared channel: list, read, add, change roles, remove. */

function assertMembershipChannel(channel: StoredChannel): void {
  if (channel.membershipType === 'standard')
    throw graphErrors.badRequest(
      'Members can only be added to, changed in or removed from private and shared channels.',
    );
}

function memberContext(ctx: EmulatorContext, req: Request): string {
  return odataContext(ctx.baseUrl(), `teams('${param(req, 'teamId')}')/channels('${param(req, 'channelId')}')/members`);
}

function listChannelMembers(ctx: EmulatorContext, req: Request, res: Response): void {
  const principal = principalOf(req);
  assertQueryOptions(req, ['$select', '$top', '$skiptoken']);
  const channel = requireChannel(ctx, requireTeam(ctx, param(req, 'teamId')).id, param(req, 'channelId'));
  assertDelegatedChannelAccess(ctx, principal, channel);
  const select = parseSelect(req);
  const members = channelAudience(ctx, channel).map((m) => applySelect(m, select, ['@odata.type', 'id']));
  res.json({
    '@odata.context': memberContext(ctx, req),
    '@odata.count': members.length,
    ...page(req, ctx.baseUrl(), members, parseTop(req, 999, 999)),
  });
}

function getChannelMember(ctx: EmulatorContext, req: Request, res: Response): void {
  const principal = principalOf(req);
  assertQueryOptions(req, ['$select']);
  const channel = requireChannel(ctx, requireTeam(ctx, param(req, 'teamId')).id, param(req, 'channelId'));
  assertDelegatedChannelAccess(ctx, principal, channel);
  const member = channelAudience(ctx, channel).find((m) => m.id === param(req, 'membershipId'));
  if (!member) throw graphErrors.notFound(`Membership ${param(req, 'membershipId')} was not found in the channel.`);
  res.json({
    '@odata.context': `${memberContext(ctx, req)}/$entity`,
    ...applySelect(member, parseSelect(req), ['@odata.type', 'id']),
  });
}

function addChannelMember(ctx: EmulatorContext, req: Request, res: Response): void {
  const principal = principalOf(req);
  assertQueryOptions(req, []);
  const input = conversationMemberInput.parse(req.body);
  const team = requireTeam(ctx, param(req, 'teamId'));
  const channel = requireChannel(ctx, team.id, param(req, 'channelId'));
  assertMembershipChannel(channel);
  assertDelegatedChannelManager(ctx, principal, channel);
  assertNotArchived(channel, 'changing its members');
  const user = boundUser(ctx, input['user@odata.bind']);
  const roles = channelMemberRoles(user, input.roles);
  if (channel.membershipType === 'private' && !teamMembership(ctx, team.id, user.id))
    throw graphErrors.badRequest(
      `User '${user.userPrincipalName}' is not a member of the team; add them to the team first.`,
    );
  if (channel.membershipType === 'shared' && user.userType === 'Guest')
    throw graphErrors.badRequest(
      'Guests cannot be members of a shared channel (shared channels use B2B direct connect).',
    );
  if (channelMembership(ctx, channel.id, user.id))
    throw graphErrors.conflict(`User '${user.userPrincipalName}' is already a member of the channel.`, 'Conflict');
  const member = memberFor(ctx, channel.id, user, roles);
  ctx.store.insert(KIND.channelMember, channel.id, member.id, member);
  res.status(201).json({ '@odata.context': `${memberContext(ctx, req)}/$entity`, ...member });
}

function updateChannelMember(ctx: EmulatorContext, req: Request, res: Response): void {
  const principal = principalOf(req);
  assertQueryOptions(req, []);
  const input = rolesPatch.parse(req.body);
  const team = requireTeam(ctx, param(req, 'teamId'));
  const channel = requireChannel(ctx, team.id, param(req, 'channelId'));
  assertMembershipChannel(channel);
  assertDelegatedChannelManager(ctx, principal, channel);
  assertNotArchived(channel, 'changing its members');
  const member = ctx.store.get<StoredMember>(KIND.channelMember, channel.id, param(req, 'membershipId'));
  if (!member) throw graphErrors.notFound(`Membership ${param(req, 'membershipId')} was not found in the channel.`);
  const roles = channelMemberRoles(requireUser(ctx, member.userId), input.roles);
  if (!roles.includes('owner')) assertAnotherChannelOwner(ctx, channel, member);
  const updated: StoredMember = { ...member, roles };
  ctx.store.put(KIND.channelMember, channel.id, member.id, updated);
  res.json({ '@odata.context': `${memberContext(ctx, req)}/$entity`, ...updated });
}

function removeChannelMember(ctx: EmulatorContext, req: Request, res: Response): void {
  const principal = principalOf(req);
  assertQueryOptions(req, []);
  const team = requireTeam(ctx, param(req, 'teamId'));
  const channel = requireChannel(ctx, team.id, param(req, 'channelId'));
  assertMembershipChannel(channel);
  assertDelegatedChannelManager(ctx, principal, channel);
  assertNotArchived(channel, 'changing its members');
  const member = ctx.store.get<StoredMember>(KIND.channelMember, channel.id, param(req, 'membershipId'));
  if (!member) throw graphErrors.notFound(`Membership ${param(req, 'membershipId')} was not found in the channel.`);
  assertAnotherChannelOwner(ctx, channel, member);
  ctx.store.delete(KIND.channelMember, channel.id, member.id);
  res.status(204).end();
}

function assertAnotherChannelOwner(ctx: EmulatorContext, channel: StoredChannel, leaving: StoredMember): void {
  if (!leaving.roles.includes('owner')) return;
  const others = ctx.store
    .list<StoredMember>(KIND.channelMember, channel.id)
    .filter((m) => m.id !== leaving.id && m.roles.includes('owner'));
  if (others.length === 0) throw graphErrors.badRequest('The last owner of a channel cannot be removed or demoted.');
}

const CHANNEL = '/teams/:teamId/channels/:channelId';

/** Channel members: (method, path) → operation. */
export const CHANNEL_MEMBER_ROUTES: MountTable = [
  {
    method: 'GET',
    path: `${CHANNEL}/members`,
    operation: 'GET /teams/{team-id}/channels/{channel-id}/members',
    handler: listChannelMembers,
  },
  {
    method: 'GET',
    path: `${CHANNEL}/members/:membershipId`,
    operation: 'GET /teams/{team-id}/channels/{channel-id}/members/{membership-id}',
    handler: getChannelMember,
  },
  {
    method: 'POST',
    path: `${CHANNEL}/members`,
    operation: 'POST /teams/{team-id}/channels/{channel-id}/members',
    handler: addChannelMember,
  },
  {
    method: 'PATCH',
    path: `${CHANNEL}/members/:membershipId`,
    operation: 'PATCH /teams/{team-id}/channels/{channel-id}/members/{membership-id}',
    handler: updateChannelMember,
  },
  {
    method: 'DELETE',
    path: `${CHANNEL}/members/:membershipId`,
    operation: 'DELETE /teams/{team-id}/channels/{channel-id}/members/{membership-id}',
    handler: removeChannelMember,
  },
];

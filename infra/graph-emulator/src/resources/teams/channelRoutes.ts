import type { Request, Response } from 'express';
import { z } from 'zod';
import type { EmulatorContext } from '../../context';
import { graphErrors } from '../../errors';
import { FilterSyntaxError, filterPredicate, type FilterOptions, type PathBinding } from '../../filter';
import type { StoredUser } from '../../model';
import { applySelect, assertQueryOptions, odataContext, parseSelect, queryString } from '../../odata';
import { principalOf, type Principal } from '../../permissions';
import { param, type MountTable } from '../../routing';
import { requireUser } from '../users';
import { channelThreadId } from './ids';
import {
  boundUser,
  conversationMemberInput,
  channelMemberRoles,
  validateChannelName,
  type ConversationMemberInput,
} from './input';
import {
  KIND,
  assertDelegatedChannelAccess,
  assertDelegatedChannelManager,
  assertDelegatedTeamMember,
  assertNotArchived,
  channelEmail,
  channelMembership,
  channelWebUrl,
  channelResource,
  memberFor,
  newOperationId,
  requireChannel,
  requireTeam,
  teamMembership,
  type MembershipType,
  type StoredChannel,
  type StoredMember,
} from './model';
import { recordOperation } from './teamRoutes';

import { CHANNEL_MEMBER_ROUTES } from './channelMemberRoutes';
const MAX_PRIVATE_MEMBERS_AT_CREATION = 200;

const channelInput = z.object({
  '@odata.type': z.literal('#Microsoft.Graph.channel').or(z.literal('#microsoft.graph.channel')).optional(),
  displayName: z.string(),
  description: z.string().max(1024).nullable().optional(),
  membershipType: z.enum(['standard', 'private', 'shared']).default('standard'),
  isFavoriteByDefault: z.boolean().optional(),
  members: z.array(conversationMemberInput).optional(),
});

const channelPatch = z.object({
  displayName: z.string().optional(),
  description: z.string().max(1024).nullable().optional(),
  isFavoriteByDefault: z.boolean().optional(),
});

const archiveInput = z.object({ shouldSetSpoSiteReadOnlyForMembers: z.boolean().optional() }).strict();

function assertNameFree(ctx: EmulatorContext, teamId: string, name: string, exceptChannelId?: string): void {
  const lower = name.toLowerCase();
  const taken = ctx.store
    .list<StoredChannel>(KIND.channel, teamId)
    .some((c) => c.id !== exceptChannelId && c.displayName.toLowerCase() === lower);
  if (taken) throw graphErrors.conflict('Channel name already existed, please use other name.', 'NameAlreadyExists');
}

const CHANNEL_FILTER: FilterOptions = {
  caseInsensitive: false,
  supports: { operators: ['eq'], logical: ['and'], startswith: false },
};

/** `$filter` on channels: the shared parser, over the properties a channel is filtered by. */
function channelFilter(raw: string | undefined): (c: StoredChannel) => boolean {
  if (raw === undefined) return () => true;
  const bind = (segments: string[]): PathBinding<StoredChannel> => {
    const property = segments.join('/');
    if (property === 'displayName' || property === 'membershipType' || property === 'description')
      return { kind: 'string', read: (c) => c[property] ?? null };
    throw new FilterSyntaxError(`Filtering channels on '${property}' is not supported.`);
  };
  return filterPredicate(raw, bind, CHANNEL_FILTER, (message) =>
    graphErrors.badRequest(`Unsupported $filter '${raw}': ${message}`),
  );
}

function visibleTo(ctx: EmulatorContext, principal: Principal, channel: StoredChannel): boolean {
  if (principal.kind !== 'delegated' || channel.membershipType === 'standard') return true;
  return channelMembership(ctx, channel.id, principal.userId) !== undefined;
}

interface ResolvedMember {
  user: StoredUser;
  roles: string[];
}

function resolveCreationMembers(
  ctx: EmulatorContext,
  principal: Principal,
  teamId: string,
  membershipType: MembershipType,
  inputs: ConversationMemberInput[] | undefined,
): ResolvedMember[] {
  if (membershipType === 'standard') {
    if (inputs?.length)
      throw graphErrors.badRequest('Members can only be given when creating a private or shared channel.');
    return [];
  }
  const members: ResolvedMember[] = [];
  for (const input of inputs ?? []) {
    const user = boundUser(ctx, input['user@odata.bind']);
    if (members.some((m) => m.user.id === user.id))
      throw graphErrors.badRequest(`User '${user.userPrincipalName}' is listed twice.`);
    members.push({ user, roles: channelMemberRoles(user, input.roles) });
  }
  // The signed-in creator becomes an owner; an app must name the owner itself.
  if (principal.kind === 'delegated' && !members.some((m) => m.roles.includes('owner'))) {
    const creator = members.find((m) => m.user.id === principal.userId);
    if (creator) creator.roles = ['owner'];
    else members.unshift({ user: requireUser(ctx, principal.userId), roles: ['owner'] });
  }
  const owners = members.filter((m) => m.roles.includes('owner')).length;
  if (owners === 0)
    throw graphErrors.badRequest(`A ${membershipType} channel must be created with at least one owner in 'members'.`);
  if (membershipType === 'shared' && owners > 1)
    throw graphErrors.badRequest('A shared channel can only have one owner at creation. Add other owners afterwards.');
  if (membershipType === 'private' && members.length > MAX_PRIVATE_MEMBERS_AT_CREATION)
    throw graphErrors.badRequest(
      `A private channel can be created with at most ${MAX_PRIVATE_MEMBERS_AT_CREATION} members.`,
    );
  for (const m of members) {
    if (!teamMembership(ctx, teamId, m.user.id))
      throw graphErrors.badRequest(
        `User '${m.user.userPrincipalName}' is not a member of the team; add them to the team first.`,
      );
    if (membershipType === 'shared' && m.user.userType === 'Guest')
      throw graphErrors.badRequest(
        'Guests cannot be members of a shared channel (shared channels use B2B direct connect).',
      );
  }
  return members;
}

function channelEntity(ctx: EmulatorContext, req: Request, channel: StoredChannel, select?: string[]) {
  return {
    '@odata.context': odataContext(ctx.baseUrl(), `teams('${param(req, 'teamId')}')/channels/$entity`),
    ...applySelect(channelResource(ctx, channel, select), select, ['id'], 'microsoft.graph.channel'),
  };
}

function listChannels(ctx: EmulatorContext, req: Request, res: Response): void {
  const principal = principalOf(req);
  assertQueryOptions(req, ['$filter', '$select']);
  const team = requireTeam(ctx, param(req, 'teamId'));
  assertDelegatedTeamMember(ctx, principal, team.id);
  const matches = channelFilter(queryString(req, '$filter'));
  const select = parseSelect(req);
  const channels = ctx.store
    .list<StoredChannel>(KIND.channel, team.id)
    .filter((c) => visibleTo(ctx, principal, c) && matches(c))
    .map((c) => applySelect(channelResource(ctx, c, select), select, ['id'], 'microsoft.graph.channel'));
  res.json({
    '@odata.context': odataContext(ctx.baseUrl(), `teams('${team.id}')/channels`),
    value: channels,
  });
}

function createChannel(ctx: EmulatorContext, req: Request, res: Response): void {
  const principal = principalOf(req);
  assertQueryOptions(req, []);
  const input = channelInput.parse(req.body);
  const team = requireTeam(ctx, param(req, 'teamId'));
  const caller = assertDelegatedTeamMember(ctx, principal, team.id);
  if (caller?.roles.includes('guest')) throw graphErrors.forbidden('Guests cannot create channels in this team.');
  const displayName = validateChannelName(input.displayName);
  assertNameFree(ctx, team.id, displayName);
  const members = resolveCreationMembers(ctx, principal, team.id, input.membershipType, input.members);
  const id = channelThreadId(`channel:${team.id}:${displayName}:${ctx.now().toISOString()}:${Math.random()}`);
  const channel: StoredChannel = {
    id,
    createdDateTime: ctx.now().toISOString(),
    displayName,
    description: input.description ?? null,
    isFavoriteByDefault: input.membershipType === 'standard' ? (input.isFavoriteByDefault ?? false) : null,
    email: channelEmail(id, input.membershipType),
    tenantId: ctx.tenantId,
    webUrl: channelWebUrl(ctx, team.id, id, displayName),
    membershipType: input.membershipType,
    isArchived: false,
    xTeamId: team.id,
    xIsGeneral: false,
  };
  ctx.store.transaction(() => {
    ctx.store.insert(KIND.channel, team.id, id, channel);
    for (const m of members) {
      const member = memberFor(ctx, id, m.user, m.roles);
      ctx.store.insert(KIND.channelMember, id, member.id, member);
    }
  });
  if (input.membershipType === 'shared') {
    const location = recordOperation(ctx, team.id, newOperationId(), 'createChannel', id);
    res.status(202).setHeader('Content-Location', location).end();
    return;
  }
  res.status(201).json(channelEntity(ctx, req, channel));
}

function getChannel(ctx: EmulatorContext, req: Request, res: Response): void {
  const principal = principalOf(req);
  assertQueryOptions(req, ['$select']);
  const channel = requireChannel(ctx, requireTeam(ctx, param(req, 'teamId')).id, param(req, 'channelId'));
  assertDelegatedChannelAccess(ctx, principal, channel);
  res.json(channelEntity(ctx, req, channel, parseSelect(req)));
}

function updateChannel(ctx: EmulatorContext, req: Request, res: Response): void {
  const principal = principalOf(req);
  assertQueryOptions(req, []);
  const input = channelPatch.parse(req.body);
  const team = requireTeam(ctx, param(req, 'teamId'));
  const channel = requireChannel(ctx, team.id, param(req, 'channelId'));
  assertDelegatedChannelManager(ctx, principal, channel);
  assertNotArchived(channel, 'changing its settings');
  const updated: StoredChannel = { ...channel };
  if (input.displayName !== undefined) {
    const name = validateChannelName(input.displayName);
    if (channel.xIsGeneral && name !== channel.displayName)
      throw graphErrors.badRequest('The General channel cannot be renamed.');
    assertNameFree(ctx, team.id, name, channel.id);
    updated.displayName = name;
    updated.webUrl = channelWebUrl(ctx, team.id, channel.id, name);
  }
  if (input.description !== undefined) updated.description = input.description;
  if (input.isFavoriteByDefault !== undefined) updated.isFavoriteByDefault = input.isFavoriteByDefault;
  ctx.store.put(KIND.channel, team.id, channel.id, updated);
  res.status(204).end();
}

function deleteChannel(ctx: EmulatorContext, req: Request, res: Response): void {
  const principal = principalOf(req);
  assertQueryOptions(req, []);
  const team = requireTeam(ctx, param(req, 'teamId'));
  const channel = requireChannel(ctx, team.id, param(req, 'channelId'));
  assertDelegatedChannelManager(ctx, principal, channel);
  if (channel.xIsGeneral) throw graphErrors.badRequest('The General channel cannot be deleted.');
  ctx.store.transaction(() => {
    ctx.store.delete(KIND.channel, team.id, channel.id);
    ctx.store.deleteScope(KIND.channelMember, channel.id);
    ctx.store.deleteScope(KIND.message, channel.id);
  });
  res.status(204).end();
}

function setArchived(action: 'archive' | 'unarchive') {
  return (ctx: EmulatorContext, req: Request, res: Response): void => {
    const principal = principalOf(req);
    assertQueryOptions(req, []);
    const body = archiveInput.parse(action === 'archive' ? (req.body ?? {}) : {});
    const team = requireTeam(ctx, param(req, 'teamId'));
    const channel = requireChannel(ctx, team.id, param(req, 'channelId'));
    assertDelegatedChannelManager(ctx, principal, channel);
    if (channel.xIsGeneral) throw graphErrors.badRequest(`The General channel cannot be ${action}d.`);
    if (action === 'archive' && channel.membershipType !== 'standard') {
      const owners = ctx.store
        .list<StoredMember>(KIND.channelMember, channel.id)
        .filter((m) => m.roles.includes('owner'));
      if (owners.length === 0) throw graphErrors.badRequest('A channel without an owner cannot be archived.');
    }
    ctx.store.put(KIND.channel, team.id, channel.id, {
      ...channel,
      isArchived: action === 'archive',
      xSiteReadOnlyForMembers: action === 'archive' ? (body.shouldSetSpoSiteReadOnlyForMembers ?? false) : false,
    });
    const location = recordOperation(
      ctx,
      team.id,
      newOperationId(),
      action === 'archive' ? 'archiveChannel' : 'unarchiveChannel',
      channel.id,
    );
    res.status(202).setHeader('Location', location).end();
  };
}

const CHANNEL = '/teams/:teamId/channels/:channelId';

/** Channels and channel members: (method, path) → operation. */
export const CHANNEL_ROUTES: MountTable = [
  { method: 'GET', path: '/teams/:teamId/channels', operation: 'GET /teams/{team-id}/channels', handler: listChannels },
  {
    method: 'POST',
    path: '/teams/:teamId/channels',
    operation: 'POST /teams/{team-id}/channels (standard, private, shared; members inline)',
    handler: createChannel,
  },
  { method: 'GET', path: CHANNEL, operation: 'GET /teams/{team-id}/channels/{channel-id}', handler: getChannel },
  { method: 'PATCH', path: CHANNEL, operation: 'PATCH /teams/{team-id}/channels/{channel-id}', handler: updateChannel },
  {
    method: 'DELETE',
    path: CHANNEL,
    operation: 'DELETE /teams/{team-id}/channels/{channel-id}',
    handler: deleteChannel,
  },
  {
    method: 'POST',
    path: `${CHANNEL}/archive`,
    operation: 'POST /teams/{team-id}/channels/{channel-id}/archive',
    handler: setArchived('archive'),
  },
  {
    method: 'POST',
    path: `${CHANNEL}/unarchive`,
    operation: 'POST /teams/{team-id}/channels/{channel-id}/unarchive',
    handler: setArchived('unarchive'),
  },
  ...CHANNEL_MEMBER_ROUTES,
];

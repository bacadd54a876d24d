import type { Request, Response } from 'express';
import { TENANT_SCOPE } from '../../model';
import type { EmulatorContext } from '../../context';
import { graphErrors } from '../../errors';
import { applySelect, assertQueryOptions, odataContext, page, parseSelect, parseTop } from '../../odata';
import { principalOf } from '../../permissions';
import { param, type MountTable } from '../../routing';
import { requireUser } from '../users';
import { boundUser, conversationMemberInput, normalisedRoles, rolesPatch } from './input';
import {
  KIND,
  assertDelegatedTeamMember,
  assertDelegatedTeamOwner,
  channelResource,
  teamResource,
  memberFor,
  requireTeam,
  teamMembers,
  teamMembership,
  type StoredChannel,
  type StoredMember,
  type StoredOperation,
  type StoredTeam,
} from './model';

/** Giving or taking the owner role needs the full permission; NonOwnerRole stops at members and guests. */

function assertAnotherOwnerRemains(members: StoredMember[], leaving: StoredMember): void {
  if (!leaving.roles.includes('owner')) return;
  if (!members.some((m) => m.id !== leaving.id && m.roles.includes('owner')))
    throw graphErrors.badRequest('The last owner cannot be removed or demoted.');
}

function getTeam(ctx: EmulatorContext, req: Request, res: Response): void {
  assertQueryOptions(req, ['$select']);
  const team = requireTeam(ctx, param(req, 'teamId'));
  res.json({
    '@odata.context': odataContext(ctx.baseUrl(), 'teams/$entity'),
    ...applySelect(teamResource(ctx, team), parseSelect(req), ['id'], 'microsoft.graph.team'),
  });
}

function getPrimaryChannel(ctx: EmulatorContext, req: Request, res: Response): void {
  const principal = principalOf(req);
  assertQueryOptions(req, ['$select']);
  const team = requireTeam(ctx, param(req, 'teamId'));
  assertDelegatedTeamMember(ctx, principal, team.id);
  const general = ctx.store.list<StoredChannel>(KIND.channel, team.id).find((c) => c.xIsGeneral);
  if (!general) throw graphErrors.notFound(`Team ${team.id} has no General channel.`);
  res.json({
    '@odata.context': odataContext(ctx.baseUrl(), `teams('${team.id}')/primaryChannel/$entity`),
    ...applySelect(
      channelResource(ctx, general, parseSelect(req)),
      parseSelect(req),
      ['id'],
      'microsoft.graph.channel',
    ),
  });
}

function sendJoinedTeams(ctx: EmulatorContext, req: Request, res: Response, userId: string): void {
  assertQueryOptions(req, ['$select']);
  const teams = ctx.store
    .list<StoredTeam>(KIND.team, TENANT_SCOPE)
    .filter((t) => teamMembership(ctx, t.id, userId))
    .map((t) => applySelect(teamResource(ctx, t), parseSelect(req), ['id'], 'microsoft.graph.team'));
  res.json({ '@odata.context': odataContext(ctx.baseUrl(), 'teams'), '@odata.count': teams.length, value: teams });
}

function listMyJoinedTeams(ctx: EmulatorContext, req: Request, res: Response): void {
  const principal = principalOf(req);
  if (principal.kind !== 'delegated')
    throw graphErrors.badRequest('/me request is only valid with delegated authentication flow.');
  sendJoinedTeams(ctx, req, res, principal.userId);
}

function listUserJoinedTeams(ctx: EmulatorContext, req: Request, res: Response): void {
  sendJoinedTeams(ctx, req, res, requireUser(ctx, param(req, 'user')).id);
}

function listTeamMembers(ctx: EmulatorContext, req: Request, res: Response): void {
  assertQueryOptions(req, ['$select', '$top', '$skiptoken']);
  const team = requireTeam(ctx, param(req, 'teamId'));
  const select = parseSelect(req);
  const members = teamMembers(ctx, team.id).map((m) => applySelect(m, select, ['@odata.type', 'id']));
  res.json({
    '@odata.context': odataContext(ctx.baseUrl(), `teams('${team.id}')/members`),
    '@odata.count': members.length,
    ...page(req, ctx.baseUrl(), members, parseTop(req, 999, 999)),
  });
}

function getTeamMember(ctx: EmulatorContext, req: Request, res: Response): void {
  assertQueryOptions(req, ['$select']);
  const team = requireTeam(ctx, param(req, 'teamId'));
  const member = ctx.store.get<StoredMember>(KIND.teamMember, team.id, param(req, 'membershipId'));
  if (!member) throw graphErrors.notFound(`Membership ${param(req, 'membershipId')} was not found in team ${team.id}.`);
  res.json({
    '@odata.context': odataContext(ctx.baseUrl(), `teams('${team.id}')/members/$entity`),
    ...applySelect(member, parseSelect(req), ['@odata.type', 'id']),
  });
}

function addTeamMember(ctx: EmulatorContext, req: Request, res: Response): void {
  const input = conversationMemberInput.parse(req.body);
  const principal = principalOf(req);
  assertQueryOptions(req, []);
  const team = requireTeam(ctx, param(req, 'teamId'));
  assertDelegatedTeamOwner(ctx, principal, team.id);
  const user = boundUser(ctx, input['user@odata.bind']);
  const roles = normalisedRoles(user, input.roles);
  if (teamMembership(ctx, team.id, user.id))
    throw graphErrors.conflict(`User '${user.userPrincipalName}' is already a member of the team.`, 'Conflict');
  const member = memberFor(ctx, team.id, user, roles);
  ctx.store.insert(KIND.teamMember, team.id, member.id, member);
  res
    .status(201)
    .json({ '@odata.context': odataContext(ctx.baseUrl(), `teams('${team.id}')/members/$entity`), ...member });
}

function updateTeamMember(ctx: EmulatorContext, req: Request, res: Response): void {
  const input = rolesPatch.parse(req.body);
  const principal = principalOf(req);
  assertQueryOptions(req, []);
  const team = requireTeam(ctx, param(req, 'teamId'));
  assertDelegatedTeamOwner(ctx, principal, team.id);
  const member = ctx.store.get<StoredMember>(KIND.teamMember, team.id, param(req, 'membershipId'));
  if (!member) throw graphErrors.notFound(`Membership ${param(req, 'membershipId')} was not found in team ${team.id}.`);
  const roles = normalisedRoles(requireUser(ctx, member.userId), input.roles);
  if (!roles.includes('owner')) assertAnotherOwnerRemains(teamMembers(ctx, team.id), member);
  const updated: StoredMember = { ...member, roles };
  ctx.store.put(KIND.teamMember, team.id, member.id, updated);
  res.json({ '@odata.context': odataContext(ctx.baseUrl(), `teams('${team.id}')/members/$entity`), ...updated });
}

function removeTeamMember(ctx: EmulatorContext, req: Request, res: Response): void {
  const team = requireTeam(ctx, param(req, 'teamId'));
  const member = ctx.store.get<StoredMember>(KIND.teamMember, team.id, param(req, 'membershipId'));
  const principal = principalOf(req);
  assertQueryOptions(req, []);
  if (!member) throw graphErrors.notFound(`Membership ${param(req, 'membershipId')} was not found in team ${team.id}.`);
  if (!(principal.kind === 'delegated' && principal.userId === member.userId))
    assertDelegatedTeamOwner(ctx, principal, team.id);
  else assertDelegatedTeamMember(ctx, principal, team.id);
  assertAnotherOwnerRemains(teamMembers(ctx, team.id), member);
  ctx.store.transaction(() => {
    ctx.store.delete(KIND.teamMember, team.id, member.id);
    // Leaving a team removes the person from its private and shared channels too.
    for (const channel of ctx.store.list<StoredChannel>(KIND.channel, team.id)) {
      if (channel.membershipType === 'standard') continue;
      for (const cm of ctx.store.list<StoredMember>(KIND.channelMember, channel.id))
        if (cm.userId === member.userId) ctx.store.delete(KIND.channelMember, channel.id, cm.id);
    }
  });
  res.status(204).end();
}

function getTeamOperation(ctx: EmulatorContext, req: Request, res: Response): void {
  assertQueryOptions(req, []);
  const team = requireTeam(ctx, param(req, 'teamId'));
  const operation = ctx.store.get<StoredOperation>(KIND.operation, team.id, param(req, 'operationId'));
  if (!operation) throw graphErrors.notFound(`Operation ${param(req, 'operationId')} was not found.`);
  res.json({ '@odata.context': odataContext(ctx.baseUrl(), `teams('${team.id}')/operations/$entity`), ...operation });
}

/** Teams, their members, joined teams and long-running operations: (method, path) → operation. */
export const TEAM_ROUTES: MountTable = [
  { method: 'GET', path: '/teams/:teamId', operation: 'GET /teams/{team-id}', handler: getTeam },
  {
    method: 'GET',
    path: '/teams/:teamId/primaryChannel',
    operation: 'GET /teams/{team-id}/primaryChannel',
    handler: getPrimaryChannel,
  },
  { method: 'GET', path: '/me/joinedTeams', operation: 'GET /me/joinedTeams', handler: listMyJoinedTeams },
  {
    method: 'GET',
    path: '/users/:user/joinedTeams',
    operation: 'GET /users/{id | userPrincipalName}/joinedTeams',
    handler: listUserJoinedTeams,
  },
  {
    method: 'GET',
    path: '/teams/:teamId/members',
    operation: 'GET /teams/{team-id}/members',
    handler: listTeamMembers,
  },
  {
    method: 'GET',
    path: '/teams/:teamId/members/:membershipId',
    operation: 'GET /teams/{team-id}/members/{membership-id}',
    handler: getTeamMember,
  },
  {
    method: 'POST',
    path: '/teams/:teamId/members',
    operation: 'POST /teams/{team-id}/members',
    handler: addTeamMember,
  },
  {
    method: 'PATCH',
    path: '/teams/:teamId/members/:membershipId',
    operation: 'PATCH /teams/{team-id}/members/{membership-id}',
    handler: updateTeamMember,
  },
  {
    method: 'DELETE',
    path: '/teams/:teamId/members/:membershipId',
    operation: 'DELETE /teams/{team-id}/members/{membership-id}',
    handler: removeTeamMember,
  },
  {
    method: 'GET',
    path: '/teams/:teamId/operations/:operationId',
    operation: 'GET /teams/{team-id}/operations/{operation-id}',
    handler: getTeamOperation,
  },
];

/** Records a finished asynchronous operation (the local tenant completes them at once) and returns its path. */
export function recordOperation(
  ctx: EmulatorContext,
  teamId: string,
  id: string,
  operationType: 'createChannel' | 'archiveChannel' | 'unarchiveChannel',
  channelId: string,
): string {
  const now = ctx.now().toISOString();
  const operation: StoredOperation = {
    id,
    operationType,
    createdDateTime: now,
    status: 'succeeded',
    lastActionDateTime: now,
    attemptsCount: 1,
    targetResourceId: channelId,
    targetResourceLocation: `/teams('${teamId}')/channels('${channelId}')`,
    error: null,
  };
  ctx.store.put(KIND.operation, teamId, id, operation);
  return `/teams/${teamId}/operations/${id}`;
}

import type { Request, Response, Router } from 'express';
import { TENANT_SCOPE } from '../../model';
import type { EmulatorContext } from '../../context';
import { graphErrors } from '../../errors';
import { applySelect, assertQueryOptions, odataContext, page, parseSelect, parseTop } from '../../odata';
import { requirePermission } from '../../permissions';
import { requireUser } from '../users';
import { boundUser, conversationMemberInput, normalisedRoles, rolesPatch } from './input';
import {
  KIND,
  assertDelegatedTeamMember,
  assertDelegatedTeamOwner,
  external,
  memberFor,
  requireTeam,
  teamMembers,
  teamMembership,
  type StoredChannel,
  type StoredMember,
  type StoredOperation,
  type StoredTeam,
} from './model';

const READ_TEAM = { delegated: ['Team.ReadBasic.All'], application: ['Team.ReadBasic.All'] };
const READ_CHANNELS = { delegated: ['Channel.ReadBasic.All'], application: ['Channel.ReadBasic.All'] };
const READ_TEAM_MEMBERS = { delegated: ['TeamMember.Read.All'], application: ['TeamMember.Read.All'] };
const WRITE_TEAM_MEMBERS = {
  delegated: ['TeamMember.ReadWriteNonOwnerRole.All'],
  application: ['TeamMember.ReadWriteNonOwnerRole.All'],
};
/** Giving or taking the owner role needs the full permission; NonOwnerRole stops at members and guests. */
const WRITE_TEAM_OWNERS = { delegated: ['TeamMember.ReadWrite.All'], application: ['TeamMember.ReadWrite.All'] };
const READ_OPERATIONS = {
  delegated: ['Team.ReadBasic.All', 'Channel.ReadBasic.All'],
  application: ['Team.ReadBasic.All', 'Channel.ReadBasic.All'],
};

function assertAnotherOwnerRemains(members: StoredMember[], leaving: StoredMember): void {
  if (!leaving.roles.includes('owner')) return;
  if (!members.some((m) => m.id !== leaving.id && m.roles.includes('owner')))
    throw graphErrors.badRequest('The last owner cannot be removed or demoted.');
}

export function teamRoutes(router: Router, ctx: EmulatorContext): void {
  router.get('/teams/:teamId', (req, res) => {
    requirePermission(req, READ_TEAM);
    assertQueryOptions(req, ['$select']);
    const team = requireTeam(ctx, req.params.teamId);
    res.json({
      '@odata.context': odataContext(ctx.baseUrl(), 'teams/$entity'),
      ...applySelect(external(team), parseSelect(req)),
    });
  });

  router.get('/teams/:teamId/primaryChannel', (req, res) => {
    const principal = requirePermission(req, READ_CHANNELS);
    assertQueryOptions(req, ['$select']);
    const team = requireTeam(ctx, req.params.teamId);
    assertDelegatedTeamMember(ctx, principal, team.id);
    const general = ctx.store.list<StoredChannel>(KIND.channel, team.id).find((c) => c.xIsGeneral);
    if (!general) throw graphErrors.notFound(`Team ${team.id} has no General channel.`);
    res.json({
      '@odata.context': odataContext(ctx.baseUrl(), `teams('${team.id}')/primaryChannel/$entity`),
      ...applySelect(external(general), parseSelect(req)),
    });
  });

  const joinedTeams = (req: Request, res: Response, userId: string) => {
    assertQueryOptions(req, ['$select']);
    const teams = ctx.store
      .list<StoredTeam>(KIND.team, TENANT_SCOPE)
      .filter((t) => teamMembership(ctx, t.id, userId))
      .map((t) => applySelect(external(t), parseSelect(req)));
    res.json({ '@odata.context': odataContext(ctx.baseUrl(), 'teams'), '@odata.count': teams.length, value: teams });
  };
  router.get('/me/joinedTeams', (req, res) => {
    const principal = requirePermission(req, { delegated: ['Team.ReadBasic.All'] });
    if (principal.kind !== 'delegated')
      throw graphErrors.badRequest('/me request is only valid with delegated authentication flow.');
    joinedTeams(req, res, principal.userId);
  });
  router.get('/users/:user/joinedTeams', (req, res) => {
    requirePermission(req, READ_TEAM);
    joinedTeams(req, res, requireUser(ctx, req.params.user).id);
  });

  router.get('/teams/:teamId/members', (req, res) => {
    requirePermission(req, READ_TEAM_MEMBERS);
    assertQueryOptions(req, ['$select', '$top', '$skiptoken']);
    const team = requireTeam(ctx, req.params.teamId);
    const select = parseSelect(req);
    const members = teamMembers(ctx, team.id).map((m) => applySelect(m, select, ['@odata.type', 'id']));
    res.json({
      '@odata.context': odataContext(ctx.baseUrl(), `teams('${team.id}')/members`),
      '@odata.count': members.length,
      ...page(req, ctx.baseUrl(), members, parseTop(req, 999, 999)),
    });
  });

  router.get('/teams/:teamId/members/:membershipId', (req, res) => {
    requirePermission(req, READ_TEAM_MEMBERS);
    assertQueryOptions(req, ['$select']);
    const team = requireTeam(ctx, req.params.teamId);
    const member = ctx.store.get<StoredMember>(KIND.teamMember, team.id, req.params.membershipId);
    if (!member) throw graphErrors.notFound(`Membership ${req.params.membershipId} was not found in team ${team.id}.`);
    res.json({
      '@odata.context': odataContext(ctx.baseUrl(), `teams('${team.id}')/members/$entity`),
      ...applySelect(member, parseSelect(req), ['@odata.type', 'id']),
    });
  });

  router.post('/teams/:teamId/members', (req, res) => {
    const input = conversationMemberInput.parse(req.body);
    const principal = requirePermission(req, input.roles.includes('owner') ? WRITE_TEAM_OWNERS : WRITE_TEAM_MEMBERS);
    assertQueryOptions(req, []);
    const team = requireTeam(ctx, req.params.teamId);
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
  });

  router.patch('/teams/:teamId/members/:membershipId', (req, res) => {
    const input = rolesPatch.parse(req.body);
    const principal = requirePermission(req, WRITE_TEAM_OWNERS);
    assertQueryOptions(req, []);
    const team = requireTeam(ctx, req.params.teamId);
    assertDelegatedTeamOwner(ctx, principal, team.id);
    const member = ctx.store.get<StoredMember>(KIND.teamMember, team.id, req.params.membershipId);
    if (!member) throw graphErrors.notFound(`Membership ${req.params.membershipId} was not found in team ${team.id}.`);
    const roles = normalisedRoles(requireUser(ctx, member.userId), input.roles);
    if (!roles.includes('owner')) assertAnotherOwnerRemains(teamMembers(ctx, team.id), member);
    const updated: StoredMember = { ...member, roles };
    ctx.store.put(KIND.teamMember, team.id, member.id, updated);
    res.json({ '@odata.context': odataContext(ctx.baseUrl(), `teams('${team.id}')/members/$entity`), ...updated });
  });

  router.delete('/teams/:teamId/members/:membershipId', (req, res) => {
    const team = requireTeam(ctx, req.params.teamId);
    const member = ctx.store.get<StoredMember>(KIND.teamMember, team.id, req.params.membershipId);
    const principal = requirePermission(req, member?.roles.includes('owner') ? WRITE_TEAM_OWNERS : WRITE_TEAM_MEMBERS);
    assertQueryOptions(req, []);
    if (!member) throw graphErrors.notFound(`Membership ${req.params.membershipId} was not found in team ${team.id}.`);
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
  });

  router.get('/teams/:teamId/operations/:operationId', (req, res) => {
    requirePermission(req, READ_OPERATIONS);
    assertQueryOptions(req, []);
    const team = requireTeam(ctx, req.params.teamId);
    const operation = ctx.store.get<StoredOperation>(KIND.operation, team.id, req.params.operationId);
    if (!operation) throw graphErrors.notFound(`Operation ${req.params.operationId} was not found.`);
    res.json({ '@odata.context': odataContext(ctx.baseUrl(), `teams('${team.id}')/operations/$entity`), ...operation });
  });
}

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

import type { EmulatorContext } from '../../context';
import { TENANT_SCOPE } from '../../model';
import { SEED_PEOPLE } from '../../seed/people';
import { SEED_GENERAL_CHANNEL_ID, SEED_TEAM_ID, SEED_TEAM_NAME } from './ids';
import { KIND, channelEmail, channelWebUrl, memberFor, type StoredChannel, type StoredTeam } from './model';

const SEED_CREATED = '2025-08-18T07:30:00.000Z';
const OWNER_ROLES = new Set(['ordforande', 'samordnare']);

/**
 * The samverkan's Team with its General channel. Owners: the chair and the coordinator. Members: everyone with a
 * samverkan role (guests as guests). Everyone else is left out, so that the app can add them.
 */
export function seedTeams(ctx: EmulatorContext): void {
  const team: StoredTeam = {
    id: SEED_TEAM_ID,
    createdDateTime: SEED_CREATED,
    displayName: SEED_TEAM_NAME,
    description:
      'Samverkan om plan- och byggfrågor mellan Västerbottens kommuner, Region Västerbotten och Länsstyrelsen.',
    internalId: SEED_GENERAL_CHANNEL_ID,
    classification: null,
    specialization: 'none',
    visibility: 'private',
    webUrl: `https://teams.microsoft.com/l/team/${encodeURIComponent(SEED_GENERAL_CHANNEL_ID)}/conversations?groupId=${SEED_TEAM_ID}&tenantId=${ctx.tenantId}`,
    isArchived: false,
    tenantId: ctx.tenantId,
    memberSettings: {
      allowCreateUpdateChannels: true,
      allowCreatePrivateChannels: true,
      allowDeleteChannels: false,
      allowAddRemoveApps: false,
      allowCreateUpdateRemoveTabs: true,
      allowCreateUpdateRemoveConnectors: false,
    },
    guestSettings: { allowCreateUpdateChannels: false, allowDeleteChannels: false },
  };
  ctx.store.put(KIND.team, TENANT_SCOPE, team.id, team);

  const general: StoredChannel = {
    id: SEED_GENERAL_CHANNEL_ID,
    createdDateTime: SEED_CREATED,
    displayName: 'General',
    description: team.description,
    isFavoriteByDefault: null,
    email: channelEmail(SEED_GENERAL_CHANNEL_ID, 'standard'),
    tenantId: ctx.tenantId,
    webUrl: channelWebUrl(ctx, SEED_TEAM_ID, SEED_GENERAL_CHANNEL_ID, 'General'),
    membershipType: 'standard',
    isArchived: false,
    xTeamId: SEED_TEAM_ID,
    xIsGeneral: true,
  };
  ctx.store.put(KIND.channel, SEED_TEAM_ID, general.id, general);

  for (const person of SEED_PEOPLE) {
    if (person.xRoles.length === 0) continue;
    const roles =
      person.userType === 'Guest' ? ['guest'] : person.xRoles.some((r) => OWNER_ROLES.has(r)) ? ['owner'] : [];
    const member = memberFor(ctx, SEED_TEAM_ID, person, roles);
    ctx.store.put(KIND.teamMember, SEED_TEAM_ID, member.id, member);
  }
}

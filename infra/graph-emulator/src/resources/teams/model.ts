import { randomUUID } from 'node:crypto';
import type {
  AadUserConversationMember,
  Channel,
  ChatMessage,
  Team,
  TeamsAsyncOperation,
} from '@microsoft/microsoft-graph-types';
import type { EmulatorContext } from '../../context';
import { graphErrors } from '../../errors';
import { TENANT_SCOPE, type StoredUser } from '../../model';
import type { Principal } from '../../permissions';
import { TENANT_DOMAIN } from '../../tenantConfig';

/**
 * Document kinds of the Teams part: team ('tenant'), teamMember (team id), channel (team id),
 * channelMember (channel id), chatMessage (channel id, or `chat:<conversation id>` for bot chats),
 * teamsOperation (team id), botConversation ('tenant'), teamsClock ('tenant').
 * Fields prefixed `x` + capital are the emulator's own and never leave it.
 */
export interface StoredTeam extends Team {
  id: string;
  displayName: string;
  /** team-get documents it; @microsoft/microsoft-graph-types 2.43 does not have it yet. */
  discoverySettings?: TeamDiscoverySettings;
}

export interface TeamDiscoverySettings {
  showInTeamsSearchAndSuggestions: boolean;
}

export type MembershipType = 'standard' | 'private' | 'shared';

export interface StoredChannel extends Channel {
  id: string;
  displayName: string;
  membershipType: MembershipType;
  isArchived: boolean;
  xTeamId: string;
  xIsGeneral: boolean;
  /** Archive's shouldSetSpoSiteReadOnlyForMembers, kept for the record (there is no channel site here). */
  xSiteReadOnlyForMembers?: boolean;
}

export interface StoredMember extends AadUserConversationMember {
  '@odata.type': '#microsoft.graph.aadUserConversationMember';
  id: string;
  roles: string[];
  userId: string;
}

/** What the bot sent, kept in Bot Framework shape for the `/_emulator/conversations` control. */
export interface ActivityFields {
  type: string;
  conversation: { id: string };
  from: { id: string; name: string };
  replyToId?: string;
  text?: string;
  textFormat?: string;
  attachments?: { contentType: string; content?: unknown; contentUrl?: string; name?: string }[];
  [key: string]: unknown;
}

export type StoredActivity = ActivityFields & { id: string; timestamp: string };

export interface StoredMessage extends ChatMessage {
  id: string;
  createdDateTime: string;
  replyToId: string | null;
  /** The conversation id the bot posted to (channel id, `channel;messageid=…`, or a chat id). */
  xConversationId?: string;
  xActivity?: StoredActivity;
}

export interface StoredOperation extends TeamsAsyncOperation {
  id: string;
}

export interface BotConversation {
  id: string;
  kind: 'personal';
  userId: string;
  botId: string;
  createdDateTime: string;
}

export const KIND = {
  team: 'team',
  teamMember: 'teamMember',
  channel: 'channel',
  channelMember: 'channelMember',
  message: 'chatMessage',
  operation: 'teamsOperation',
  botConversation: 'botConversation',
  clock: 'teamsClock',
} as const;

export const chatScope = (conversationId: string) => `chat:${conversationId}`;

/** Drops the emulator's own `xField`s, as Graph would never send them. */
export function external<T extends object>(doc: T): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(doc)) if (!/^x[A-Z]/.test(key)) out[key] = value;
  return out as T;
}

/** Teams' defaults for a new team's settings (team resource: memberSettings, guestSettings, messagingSettings, funSettings). */
const DEFAULT_TEAM_SETTINGS = {
  memberSettings: {
    allowCreateUpdateChannels: true,
    allowCreatePrivateChannels: true,
    allowDeleteChannels: true,
    allowAddRemoveApps: true,
    allowCreateUpdateRemoveTabs: true,
    allowCreateUpdateRemoveConnectors: true,
  },
  guestSettings: { allowCreateUpdateChannels: false, allowDeleteChannels: false },
  messagingSettings: {
    allowUserEditMessages: true,
    allowUserDeleteMessages: true,
    allowOwnerDeleteMessages: true,
    allowTeamMentions: true,
    allowChannelMentions: true,
  },
  funSettings: {
    allowGiphy: true,
    giphyContentRating: 'moderate',
    allowStickersAndMemes: true,
    allowCustomMemes: false,
  },
  discoverySettings: { showInTeamsSearchAndSuggestions: false },
} as const;

/** Owners, guests and the other members of a team or channel, as teamSummary and channelSummary count them. */
function countRoles(members: StoredMember[]) {
  const ownersCount = members.filter((m) => m.roles.includes('owner')).length;
  const guestsCount = members.filter((m) => m.roles.includes('guest')).length;
  return { ownersCount, guestsCount, membersCount: members.length - ownersCount - guestsCount };
}

/** A team as `GET /teams/{id}` answers it: its settings objects and its summary (team-get's example). */
export function teamResource(
  ctx: EmulatorContext,
  team: StoredTeam,
): Team & { discoverySettings: TeamDiscoverySettings } {
  const { ownersCount, membersCount, guestsCount } = countRoles(teamMembers(ctx, team.id));
  return {
    ...external(team),
    memberSettings: { ...DEFAULT_TEAM_SETTINGS.memberSettings, ...team.memberSettings },
    guestSettings: { ...DEFAULT_TEAM_SETTINGS.guestSettings, ...team.guestSettings },
    messagingSettings: { ...DEFAULT_TEAM_SETTINGS.messagingSettings, ...team.messagingSettings },
    funSettings: { ...DEFAULT_TEAM_SETTINGS.funSettings, ...team.funSettings },
    discoverySettings: { ...DEFAULT_TEAM_SETTINGS.discoverySettings, ...team.discoverySettings },
    summary: { ownersCount, membersCount, guestsCount },
  };
}

/**
 * A channel as Graph answers it. `layoutType` is `post` (the classic layout; `chat` is Teams' threads-as-chats
 * layout, which the app does not use). `summary` is "only returned via $select" (channel-get), so it is added
 * only when selected; without `$select` it is absent.
 */
export function channelResource(
  ctx: EmulatorContext,
  channel: StoredChannel,
  select?: string[],
): Channel & { layoutType: 'post' | 'chat' } {
  // layoutType is documented by channel-get; @microsoft/microsoft-graph-types 2.43 does not have it yet.
  const out: Channel & { layoutType: 'post' | 'chat' } = { layoutType: 'post', ...external(channel) };
  if (select?.includes('summary')) {
    const audience = channelAudience(ctx, channel);
    const { ownersCount, membersCount, guestsCount } = countRoles(audience);
    out.summary = {
      ownersCount,
      membersCount,
      guestsCount,
      hasMembersFromOtherTenants: audience.some((m) => m.tenantId !== ctx.tenantId),
    };
  }
  return out;
}

/** Membership ids are opaque to clients (Graph says so); here base64url of scope and user. */
export function membershipId(scopeId: string, userId: string): string {
  return Buffer.from(`0##${scopeId}##${userId}`).toString('base64url');
}

/** Teams message ids are epoch milliseconds; keep them strictly increasing across restarts. */
export function nextMessageId(ctx: EmulatorContext): string {
  const clock = ctx.store.get<{ last: number }>(KIND.clock, TENANT_SCOPE, 'messages');
  const id = Math.max(ctx.now().getTime(), (clock?.last ?? 0) + 1);
  ctx.store.put(KIND.clock, TENANT_SCOPE, 'messages', { last: id });
  return String(id);
}

export function newOperationId(): string {
  return randomUUID();
}

export function channelWebUrl(ctx: EmulatorContext, teamId: string, channelId: string, displayName: string): string {
  return `https://teams.microsoft.com/l/channel/${encodeURIComponent(channelId)}/${encodeURIComponent(displayName)}?groupId=${teamId}&tenantId=${ctx.tenantId}`;
}

export function messageWebUrl(
  ctx: EmulatorContext,
  teamId: string,
  channelId: string,
  id: string,
  rootId: string,
): string {
  return `https://teams.microsoft.com/l/message/${encodeURIComponent(channelId)}/${id}?groupId=${teamId}&tenantId=${ctx.tenantId}&createdTime=${id}&parentMessageId=${rootId}`;
}

export function channelEmail(channelId: string, membershipType: MembershipType): string {
  if (membershipType !== 'standard') return '';
  const hex = /^19:([0-9a-f]{8})/.exec(channelId)?.[1] ?? 'channel';
  return `${hex}.${TENANT_DOMAIN}@emea.teams.ms`;
}

export function memberFor(ctx: EmulatorContext, scopeId: string, user: StoredUser, roles: string[]): StoredMember {
  return {
    '@odata.type': '#microsoft.graph.aadUserConversationMember',
    id: membershipId(scopeId, user.id),
    roles,
    displayName: user.displayName,
    visibleHistoryStartDateTime: '0001-01-01T00:00:00Z',
    userId: user.id,
    // Graph's examples show `email` null for some members; guests get null here so callers key on userId.
    email: user.userType === 'Guest' ? null : user.mail,
    tenantId: ctx.tenantId,
  };
}

export function requireTeam(ctx: EmulatorContext, teamId: string): StoredTeam {
  const team = ctx.store.get<StoredTeam>(KIND.team, TENANT_SCOPE, teamId);
  if (!team) throw graphErrors.notFound(`No team found with Group Id ${teamId}`);
  return team;
}

export function requireChannel(ctx: EmulatorContext, teamId: string, channelId: string): StoredChannel {
  const channel = ctx.store.get<StoredChannel>(KIND.channel, teamId, channelId);
  if (!channel) throw graphErrors.notFound(`Channel ${channelId} was not found in team ${teamId}.`);
  return channel;
}

export function findChannelAnywhere(ctx: EmulatorContext, channelId: string): StoredChannel | undefined {
  return ctx.store.listAll<StoredChannel>(KIND.channel).find((c) => c.id === channelId)?.doc;
}

export function teamMembers(ctx: EmulatorContext, teamId: string): StoredMember[] {
  return ctx.store.list<StoredMember>(KIND.teamMember, teamId);
}

export function teamMembership(ctx: EmulatorContext, teamId: string, userId: string): StoredMember | undefined {
  return ctx.store.get<StoredMember>(KIND.teamMember, teamId, membershipId(teamId, userId));
}

export function channelMembership(ctx: EmulatorContext, channelId: string, userId: string): StoredMember | undefined {
  return ctx.store.get<StoredMember>(KIND.channelMember, channelId, membershipId(channelId, userId));
}

/** Who sees a channel: the team for standard channels, the channel's own members otherwise. */
export function channelAudience(ctx: EmulatorContext, channel: StoredChannel): StoredMember[] {
  return channel.membershipType === 'standard'
    ? teamMembers(ctx, channel.xTeamId)
    : ctx.store.list<StoredMember>(KIND.channelMember, channel.id);
}

/** A signed-in person acts only inside teams and channels they belong to; apps are not members of anything. */
export function assertDelegatedTeamMember(
  ctx: EmulatorContext,
  principal: Principal,
  teamId: string,
): StoredMember | undefined {
  if (principal.kind !== 'delegated') return undefined;
  const membership = teamMembership(ctx, teamId, principal.userId);
  if (!membership) throw graphErrors.forbidden('The caller is not a member of the team.');
  return membership;
}

export function assertDelegatedTeamOwner(ctx: EmulatorContext, principal: Principal, teamId: string): void {
  const membership = assertDelegatedTeamMember(ctx, principal, teamId);
  if (membership && !membership.roles.includes('owner')) throw graphErrors.forbidden('Only team owners can do this.');
}

export function assertDelegatedChannelAccess(ctx: EmulatorContext, principal: Principal, channel: StoredChannel): void {
  assertDelegatedTeamMember(ctx, principal, channel.xTeamId);
  if (principal.kind !== 'delegated' || channel.membershipType === 'standard') return;
  if (!channelMembership(ctx, channel.id, principal.userId))
    throw graphErrors.forbidden('The caller is not a member of the channel.');
}

/** Channel owner or team owner: who may change a private or shared channel's members and settings. */
export function assertDelegatedChannelManager(
  ctx: EmulatorContext,
  principal: Principal,
  channel: StoredChannel,
): void {
  if (principal.kind !== 'delegated') return;
  const team = assertDelegatedTeamMember(ctx, principal, channel.xTeamId);
  if (team?.roles.includes('owner')) return;
  if (
    channel.membershipType !== 'standard' &&
    channelMembership(ctx, channel.id, principal.userId)?.roles.includes('owner')
  )
    return;
  if (channel.membershipType === 'standard' && team?.roles.includes('guest') === false) return;
  throw graphErrors.forbidden('Only channel or team owners can do this.');
}

export function assertNotArchived(channel: StoredChannel, what: string): void {
  if (channel.isArchived)
    throw graphErrors.forbidden(`Channel '${channel.displayName}' is archived: ${what} is not allowed.`);
}

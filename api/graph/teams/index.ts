import type { AadUserConversationMember, Channel, ConversationMember, Team } from '@microsoft/microsoft-graph-types';
import type { CollectionRead } from '../batch';
import { segment, type GraphConnection } from '../connection';
import { channelPath, conversationMember, createChannel, isStatus, unlessThere, type ChannelSpec } from './creation';
import { appsApi } from './apps';

export type { ChannelMemberSpec, ChannelSpec } from './creation';

const sameName = (a: string | null | undefined, b: string) => (a ?? '').toLowerCase() === b.toLowerCase();

/** The user id of a membership (an aadUserConversationMember). */
export function userIdOfMember(member: ConversationMember): string {
  return (member as AadUserConversationMember).userId ?? '';
}

/** The channel of that name in a list read before, compared as Teams compares names (case-insensitively). */
export function channelNamed(channels: readonly Channel[], displayName: string): Channel | undefined {
  return channels.find((c) => sameName(c.displayName, displayName));
}

/** The team itself: who the signed-in user's teams are, the team's members. */
function teamMembersApi(graph: GraphConnection) {
  return {
    /** Teams the signed-in user belongs to (delegated only). */
    joinedTeams(): Promise<Team[]> {
      return graph.getAll<Team>(graph.api('/me/joinedTeams'));
    },

    listTeamMembers(teamId: string): Promise<ConversationMember[]> {
      return graph.getAll<ConversationMember>(graph.api(`/teams/${teamId}/members`));
    },

    /** Adds a person to the team (guests with the guest role); someone already there is no error. */
    addTeamMember(teamId: string, userId: string, guest: boolean): Promise<void> {
      const member = conversationMember(graph, userId, guest ? ['guest'] : []);
      return unlessThere(() => graph.call(() => graph.api(`/teams/${teamId}/members`).post(member)));
    },

    /** The team's members, for readMany (as listTeamMembers). */
    teamMembersRead(teamId: string): CollectionRead<ConversationMember> {
      return { url: `/teams/${teamId}/members`, toValue: (raw) => raw as ConversationMember };
    },
  };
}

/** The team's channels: made, found by name, archived. */
function channelsApi(graph: GraphConnection) {
  const listChannels = (teamId: string): Promise<Channel[]> =>
    graph.getAll<Channel>(graph.api(`/teams/${teamId}/channels`));

  return {
    /** The team's channels, for readMany (as listChannels). */
    channelsRead(teamId: string): CollectionRead<Channel> {
      return { url: `/teams/${teamId}/channels`, toValue: (raw) => raw as Channel };
    },

    listChannels,

    /** The team's channel of that name, compared as Teams compares names (case-insensitively). */
    findChannelByName: async (teamId: string, displayName: string): Promise<Channel | undefined> =>
      channelNamed(await listChannels(teamId), displayName),

    createChannel: (teamId: string, spec: ChannelSpec): Promise<Channel> => createChannel(graph, teamId, spec),

    getChannel(teamId: string, channelId: string): Promise<Channel> {
      return graph.call(() => graph.api(channelPath(teamId, channelId)).get() as Promise<Channel>);
    },

    /**
     * Creates the channel; Graph's name conflict (409) counts as "already there" and the existing channel is
     * looked up through `lookup` (the app sees private channels the creating user may not be in).
     */
    async ensureChannel(
      teamId: string,
      spec: ChannelSpec,
      lookup: { findChannelByName(teamId: string, displayName: string): Promise<Channel | undefined> },
    ): Promise<{ channel: Channel; created: boolean }> {
      try {
        return { channel: await createChannel(graph, teamId, spec), created: true };
      } catch (error) {
        if (isStatus(error, 409)) {
          const existing = await lookup.findChannelByName(teamId, spec.displayName);
          if (existing) return { channel: existing, created: false };
        }
        throw error;
      }
    },

    /** Archives a channel (read-only, nothing deleted); Graph answers 202 and finishes on its own. */
    async archiveChannel(teamId: string, channelId: string): Promise<void> {
      const body = { shouldSetSpoSiteReadOnlyForMembers: true };
      await graph.call(() => graph.api(`${channelPath(teamId, channelId)}/archive`).post(body) as Promise<unknown>);
    },
  };
}

/** Who is in a private or shared channel. */
function channelMembersApi(graph: GraphConnection) {
  return {
    listChannelMembers(teamId: string, channelId: string): Promise<ConversationMember[]> {
      return graph.getAll<ConversationMember>(graph.api(`/teams/${teamId}/channels/${channelId}/members`));
    },

    /** Adds a person to a private or shared channel; someone already there is no error. */
    addChannelMember(teamId: string, channelId: string, userId: string, owner = false): Promise<void> {
      const member = conversationMember(graph, userId, owner ? ['owner'] : []);
      return unlessThere(() =>
        graph.call(() => graph.api(`/teams/${teamId}/channels/${channelId}/members`).post(member)),
      );
    },

    /** Removes a membership; one already gone (404) is no error. */
    async removeChannelMember(teamId: string, channelId: string, membershipId: string): Promise<void> {
      const path = `${channelPath(teamId, channelId)}/members/${segment(membershipId)}`;
      try {
        await graph.call(() => graph.api(path).delete() as Promise<void>);
      } catch (error) {
        if (!isStatus(error, 404)) throw error;
      }
    },
  };
}

/** Teams: the team's members, its channels with their members and tabs. */
export function teamsApi(graph: GraphConnection) {
  return {
    ...teamMembersApi(graph),
    ...channelsApi(graph),
    ...channelMembersApi(graph),
    ...appsApi(graph),
  };
}

export type TeamsApi = ReturnType<typeof teamsApi>;

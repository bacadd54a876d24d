import { ResponseType } from '@microsoft/microsoft-graph-client';
import type {
  AadUserConversationMember,
  Channel,
  ConversationMember,
  Team,
  TeamsAppInstallation,
  TeamsAsyncOperation,
  TeamsTab,
} from '@microsoft/microsoft-graph-types';
import { odataString } from '../odata';
import type { CollectionRead } from '../batch';
import { rawError, segment, type GraphConnection } from '../connection';
import { GraphRequestError } from '../errors';

/** Who goes into a channel as it is made, and with which role. */
export interface ChannelMemberSpec {
  userId: string;
  role: 'owner' | 'guest' | 'member';
}

export interface ChannelSpec {
  displayName: string;
  description: string;
  membershipType: 'standard' | 'private' | 'shared';
  /** Private channels get their members at creation; a shared one only its owner. */
  members?: readonly ChannelMemberSpec[];
}

type BoundMember = AadUserConversationMember & { '@odata.type': string; 'user@odata.bind': string };

const sameName = (a: string | null | undefined, b: string) => (a ?? '').toLowerCase() === b.toLowerCase();

/** The user id of a membership (an aadUserConversationMember). */
export function userIdOfMember(member: ConversationMember): string {
  return (member as AadUserConversationMember).userId ?? '';
}

/** The channel of that name in a list read before, compared as Teams compares names (case-insensitively). */
export function channelNamed(channels: readonly Channel[], displayName: string): Channel | undefined {
  return channels.find((c) => sameName(c.displayName, displayName));
}

const isStatus = (error: unknown, status: number) => error instanceof GraphRequestError && error.status === status;

/** Teams: the team's members, its channels with their members and tabs. */
export function teamsApi(graph: GraphConnection) {
  const channelPath = (teamId: string, channelId: string) => `/teams/${teamId}/channels/${segment(channelId)}`;

  /** A conversationMember body binding a user (for channel creation's `members` and member adds). */
  const conversationMember = (userId: string, roles: string[]): BoundMember => ({
    '@odata.type': '#microsoft.graph.aadUserConversationMember',
    roles,
    'user@odata.bind': graph.bind(`/users('${segment(userId)}')`),
  });

  /** A write that Graph answers 409 when it is already done (the member is there) counts as done. */
  const unlessThere = async (write: () => Promise<unknown>): Promise<void> => {
    try {
      await write();
    } catch (error) {
      if (!isStatus(error, 409)) throw error;
    }
  };

  const listChannels = (teamId: string): Promise<Channel[]> =>
    graph.getAll<Channel>(graph.api(`/teams/${teamId}/channels`));

  /** The team's channel of that name, compared as Teams compares names (case-insensitively). */
  const findChannelByName = async (teamId: string, displayName: string): Promise<Channel | undefined> =>
    channelNamed(await listChannels(teamId), displayName);

  /** Follows a shared channel's 202 operation to the new channel's id. */
  const awaitChannelOperation = async (location: string, channel: Channel): Promise<Channel> => {
    for (let attempt = 0; ; attempt += 1) {
      const operation = await graph.call(
        () => graph.api(graph.relative(location)).get() as Promise<TeamsAsyncOperation>,
      );
      // The creator need not be a member of the channel it made, so the answer is built, not read back.
      if (operation.status === 'succeeded' && operation.targetResourceId) {
        const { members: _members, ...created } = channel;
        return { ...created, id: operation.targetResourceId };
      }
      if (operation.status === 'failed' || attempt >= graph.options.maxRetries)
        throw new GraphRequestError(
          502,
          operation.error?.code ?? 'operationFailed',
          undefined,
          'Channel creation failed',
        );
      await graph.sleep(Math.min(2 ** attempt, 30) * 1000);
    }
  };

  /**
   * Creates a channel. Standard and private channels answer 201 with the channel; a shared one answers 202
   * with the operation in Content-Location, which is followed to the new channel's id (no webUrl then).
   */
  const createChannel = async (teamId: string, spec: ChannelSpec): Promise<Channel> => {
    const body: Channel = {
      displayName: spec.displayName,
      description: spec.description.slice(0, 1024),
      membershipType: spec.membershipType,
    };
    if (spec.members)
      body.members = spec.members.map((m) => conversationMember(m.userId, m.role === 'member' ? [] : [m.role]));
    const response = await graph.call(
      () => graph.api(`/teams/${teamId}/channels`).responseType(ResponseType.RAW).post(body) as Promise<Response>,
    );
    if (!response.ok) throw await rawError(response);
    if (response.status !== 202) return (await response.json()) as Channel;
    const location = response.headers.get('content-location') ?? response.headers.get('location');
    if (!location)
      throw new GraphRequestError(502, 'missingOperation', undefined, 'Channel creation gave no operation');
    return awaitChannelOperation(location, body);
  };

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
      const member = conversationMember(userId, guest ? ['guest'] : []);
      return unlessThere(() => graph.call(() => graph.api(`/teams/${teamId}/members`).post(member)));
    },

    /** The team's members, for readMany (as listTeamMembers). */
    teamMembersRead(teamId: string): CollectionRead<ConversationMember> {
      return { url: `/teams/${teamId}/members`, toValue: (raw) => raw as ConversationMember };
    },

    /** The team's channels, for readMany (as listChannels). */
    channelsRead(teamId: string): CollectionRead<Channel> {
      return { url: `/teams/${teamId}/channels`, toValue: (raw) => raw as Channel };
    },

    listChannels,
    findChannelByName,
    createChannel,

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
        return { channel: await createChannel(teamId, spec), created: true };
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

    listChannelMembers(teamId: string, channelId: string): Promise<ConversationMember[]> {
      return graph.getAll<ConversationMember>(graph.api(`/teams/${teamId}/channels/${channelId}/members`));
    },

    /** Adds a person to a private or shared channel; someone already there is no error. */
    addChannelMember(teamId: string, channelId: string, userId: string, owner = false): Promise<void> {
      const member = conversationMember(userId, owner ? ['owner'] : []);
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

    /** Pins a tab of this app in a channel (contentUrl is what the tab shows). */
    addChannelTab(
      teamId: string,
      channelId: string,
      tab: { displayName: string; teamsAppId: string; entityId: string; contentUrl: string; websiteUrl: string },
    ): Promise<TeamsTab> {
      const body: TeamsTab & { 'teamsApp@odata.bind': string } = {
        displayName: tab.displayName,
        'teamsApp@odata.bind': graph.bind(`/appCatalogs/teamsApps/${segment(tab.teamsAppId)}`),
        configuration: { entityId: tab.entityId, contentUrl: tab.contentUrl, websiteUrl: tab.websiteUrl },
      };
      return graph.call(() => graph.api(`${channelPath(teamId, channelId)}/tabs`).post(body) as Promise<TeamsTab>);
    },

    /**
     * The org catalog id of this Teams app as installed in the team (what `teamsApp@odata.bind` names), found by
     * the manifest id; app-only with RSC TeamsAppInstallation.Read.Group. Not installed: a 404 the user is told.
     */
    async installedAppCatalogId(teamId: string, externalId: string): Promise<string> {
      const installed = await graph.getAll<TeamsAppInstallation>(
        graph
          .api(`/teams/${teamId}/installedApps`)
          .expand('teamsApp')
          .filter(`teamsApp/externalId eq ${odataString(externalId)}`),
      );
      const id = installed[0]?.teamsApp?.id;
      if (!id)
        throw new GraphRequestError(404, 'appNotInstalled', undefined, 'The Teams app is not installed in the team');
      return id;
    },

    /** Enables an app installed in the team in a shared channel (Graph: shared channels only); done twice is no error. */
    enableAppInChannel(teamId: string, channelId: string, teamsAppId: string): Promise<void> {
      const body = { '@odata.id': graph.bind(`/appCatalogs/teamsApps/${segment(teamsAppId)}`) };
      return unlessThere(() =>
        graph.call(() => graph.api(`${channelPath(teamId, channelId)}/enabledApps/$ref`).post(body)),
      );
    },

    listChannelTabs(teamId: string, channelId: string): Promise<TeamsTab[]> {
      return graph.getAll<TeamsTab>(graph.api(`${channelPath(teamId, channelId)}/tabs`));
    },
  };
}

export type TeamsApi = ReturnType<typeof teamsApi>;

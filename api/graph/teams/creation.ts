import { ResponseType } from '@microsoft/microsoft-graph-client';
import type { AadUserConversationMember, Channel, TeamsAsyncOperation } from '@microsoft/microsoft-graph-types';
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

export const isStatus = (error: unknown, status: number) =>
  error instanceof GraphRequestError && error.status === status;

export const channelPath = (teamId: string, channelId: string) => `/teams/${teamId}/channels/${segment(channelId)}`;

/** A conversationMember body binding a user (for channel creation's `members` and member adds). */
export const conversationMember = (graph: GraphConnection, userId: string, roles: string[]): BoundMember => ({
  '@odata.type': '#microsoft.graph.aadUserConversationMember',
  roles,
  'user@odata.bind': graph.bind(`/users('${segment(userId)}')`),
});

/** A write that Graph answers 409 when it is already done (the member is there) counts as done. */
export const unlessThere = async (write: () => Promise<unknown>): Promise<void> => {
  try {
    await write();
  } catch (error) {
    if (!isStatus(error, 409)) throw error;
  }
};

/** Follows a shared channel's 202 operation to the new channel's id. */
async function awaitChannelOperation(graph: GraphConnection, location: string, channel: Channel): Promise<Channel> {
  for (let attempt = 0; ; attempt += 1) {
    const operation = await graph.call(() => graph.api(graph.relative(location)).get() as Promise<TeamsAsyncOperation>);
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
}

/**
 * Creates a channel. Standard and private channels answer 201 with the channel; a shared one answers 202
 * with the operation in Content-Location, which is followed to the new channel's id (no webUrl then).
 */
export async function createChannel(graph: GraphConnection, teamId: string, spec: ChannelSpec): Promise<Channel> {
  const body: Channel = {
    displayName: spec.displayName,
    description: spec.description.slice(0, 1024),
    membershipType: spec.membershipType,
  };
  if (spec.members)
    body.members = spec.members.map((m) => conversationMember(graph, m.userId, m.role === 'member' ? [] : [m.role]));
  const response = await graph.call(
    () => graph.api(`/teams/${teamId}/channels`).responseType(ResponseType.RAW).post(body) as Promise<Response>,
  );
  if (!response.ok) throw await rawError(response);
  if (response.status !== 202) return (await response.json()) as Channel;
  const location = response.headers.get('content-location') ?? response.headers.get('location');
  if (!location) throw new GraphRequestError(502, 'missingOperation', undefined, 'Channel creation gave no operation');
  return awaitChannelOperation(graph, location, body);
}

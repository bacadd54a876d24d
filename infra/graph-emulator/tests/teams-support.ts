import type { Client } from '@microsoft/microsoft-graph-client';
import type { AadUserConversationMember, Channel, ChatMessage } from '@microsoft/microsoft-graph-types';
import { SEED_PEOPLE } from '../src/index';
import { SEED_TEAM_ID } from '../src/resources/teams/ids';

export interface Collection<T> {
  value: T[];
  '@odata.count'?: number;
  '@odata.nextLink'?: string;
}

export function person(mail: string) {
  const found = SEED_PEOPLE.find((p) => p.mail === mail);
  if (!found) throw new Error(`no seeded person ${mail}`);
  return found;
}

export const NOT_IN_TEAM_MEMBER = 'per.holmberg@regionvasterbotten.se';
export const NOT_IN_TEAM_MEMBER_2 = 'sara.oberg@regionvasterbotten.se';
export const NOT_IN_TEAM_GUEST = 'olof.persson@storuman.se';

export function memberBody(mailOrId: string, roles: string[] = []) {
  return {
    '@odata.type': '#microsoft.graph.aadUserConversationMember',
    'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${person(mailOrId).id}')`,
    roles,
  };
}

let counter = 0;
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix} ${Date.now() % 100000}-${counter}`;
}

export async function createChannel(
  client: Client,
  body: Record<string, unknown>,
  teamId = SEED_TEAM_ID,
): Promise<Channel> {
  return (await client.api(`/teams/${teamId}/channels`).post(body)) as Channel;
}

export async function channelMembers(client: Client, channelId: string, teamId = SEED_TEAM_ID) {
  return (await client
    .api(`/teams/${teamId}/channels/${channelId}/members`)
    .get()) as Collection<AadUserConversationMember>;
}

export async function channelMessages(client: Client, channelId: string, teamId = SEED_TEAM_ID) {
  return (await client.api(`/teams/${teamId}/channels/${channelId}/messages`).get()) as Collection<ChatMessage>;
}

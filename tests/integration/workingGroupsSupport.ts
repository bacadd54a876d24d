import type { Client } from '@microsoft/microsoft-graph-client';
import type { AadUserConversationMember, Channel, TeamsTab } from '@microsoft/microsoft-graph-types';
import { SEED_PEOPLE } from '../../infra/graph-emulator/src/index';
import { SEED_TEAM_ID } from '../../infra/graph-emulator/src/resources/teams';
import type { WorkingGroupView } from '../../api/services/workingGroups';
import type { Stack } from './support/stack';

export const TEAM = `/teams/${SEED_TEAM_ID}`;

export function userIdOf(mail: string): string {
  const person = SEED_PEOPLE.find((p) => p.mail === mail);
  if (!person) throw new Error(`no seeded person ${mail}`);
  return person.id;
}

export async function peopleIds(stack: Stack, token: string): Promise<Map<string, string>> {
  const response = await stack.call('/api/people', { token });
  const { people } = (await response.json()) as { people: { id: string; email: string }[] };
  return new Map(people.map((p) => [p.email, p.id]));
}

export async function channelOf(app: Client, group: WorkingGroupView): Promise<Channel> {
  return (await app.api(`${TEAM}/channels/${group.channel!.id}`).get()) as Channel;
}

export async function channelRoles(app: Client, channelId: string): Promise<Map<string, string[]>> {
  const members = (await app.api(`${TEAM}/channels/${channelId}/members`).get()) as {
    value: AadUserConversationMember[];
  };
  return new Map(members.value.map((m) => [m.userId ?? '', m.roles ?? []]));
}

export async function teamRoles(app: Client): Promise<Map<string, string[]>> {
  const members = (await app.api(`${TEAM}/members`).get()) as { value: AadUserConversationMember[] };
  return new Map(members.value.map((m) => [m.userId ?? '', m.roles ?? []]));
}

export async function channelTabs(app: Client, channelId: string): Promise<TeamsTab[]> {
  return ((await app.api(`${TEAM}/channels/${channelId}/tabs`).get()) as { value: TeamsTab[] }).value;
}

export interface PostedActivity {
  text?: string;
  attachments?: { contentType: string; content?: { body?: { text?: string }[] } }[];
}

export async function botPosts(stack: Stack, channelId: string): Promise<PostedActivity[]> {
  const response = await fetch(
    `${stack.tenant.url}/_emulator/conversations/${encodeURIComponent(channelId)}/activities`,
  );
  return ((await response.json()) as { activities: PostedActivity[] }).activities;
}

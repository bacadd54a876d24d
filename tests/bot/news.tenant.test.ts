import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { ChatMessage } from '@microsoft/microsoft-graph-types';
import type { RunningTenant } from '../../infra/graph-emulator/src/index';
import { SEED_GENERAL_CHANNEL_ID, SEED_TEAM_ID } from '../../infra/graph-emulator/src/resources/teams/ids';
import { adminClient, control, startTestTenant } from '../../infra/graph-emulator/tests/support';
import type { Person } from '../../src/domain';
import {
  COORDINATOR,
  MEMBER,
  inMemoryDeps,
  personalConversationId,
  personalMessage,
  post,
  startBotServer,
  teamInstall,
  type BotServer,
  type TestDeps,
} from './support';

/**
 * The news command against the local tenant's Bot Framework connector: the bot's serviceUrl is the tenant, and
 * the test reads the General channel back through Graph, as anyone in the Team would see it.
 */
let tenant: RunningTenant;
let server: BotServer;
let deps: TestDeps;

beforeAll(async () => {
  tenant = await startTestTenant();
  deps = inMemoryDeps();
  server = await startBotServer(deps);
  // Teams names a team by its General channel's thread id in Bot Framework activities.
  const install = teamInstall(tenant.url, COORDINATOR());
  install.conversation.id = SEED_GENERAL_CHANNEL_ID;
  install.channelData.team.id = SEED_GENERAL_CHANNEL_ID;
  expect((await post(server, install)).status).toBe(200);
}, 60_000);

afterAll(async () => {
  await server.close();
  await tenant.close();
}, 30_000);

async function generalMessages(): Promise<ChatMessage[]> {
  const graph = await adminClient(tenant);
  const page = (await graph
    .api(`/teams/${SEED_TEAM_ID}/channels/${encodeURIComponent(SEED_GENERAL_CHANNEL_ID)}/messages`)
    .get()) as { value: ChatMessage[] };
  return page.value;
}

function withText(messages: ChatMessage[], text: string): ChatMessage[] {
  return messages.filter((message) => (message.attachments ?? []).some((a) => (a.content ?? '').includes(text)));
}

async function personalActivities(person: Person): Promise<string[]> {
  const response = await control(
    tenant,
    'GET',
    `/conversations/${encodeURIComponent(personalConversationId(person))}/activities`,
  );
  expect(response.status).toBe(200);
  const { activities } = (await response.json()) as { activities: unknown[] };
  return activities.map((activity) => JSON.stringify(activity));
}

describe('nyhet through the local tenant', () => {
  it('the news is in the General channel, posted by the bot, and the coordinator gets a confirmation', async () => {
    const newsText = 'Länsstyrelsen har publicerat ny vägledning om klimatanpassning.';
    const response = await post(server, personalMessage(tenant.url, COORDINATOR(), `nyhet ${newsText}`));
    expect(response.status).toBe(200);

    const posted = withText(await generalMessages(), newsText);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.from?.application?.displayName).toBe('Plan- och bygg');
    expect(posted[0]!.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(posted[0]!.attachments?.[0]?.content).toContain('Karin Nordström');

    const confirmations = await personalActivities(COORDINATOR());
    expect(confirmations.some((activity) => activity.includes('Nyheten är publicerad'))).toBe(true);
  });

  it('a member’s news is refused and never reaches the channel', async () => {
    const newsText = 'Fika i Umeå på fredag';
    expect((await post(server, personalMessage(tenant.url, MEMBER(), `nyhet ${newsText}`))).status).toBe(200);
    expect(withText(await generalMessages(), newsText)).toEqual([]);
    const replies = await personalActivities(MEMBER());
    expect(replies.some((activity) => activity.includes('Du har inte behörighet att publicera nyheter.'))).toBe(true);
  });
});

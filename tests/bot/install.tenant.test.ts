import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { adminClient, COORDINATOR, CHAIR } from '../../infra/graph-emulator/tests/support';
import type { IAdaptiveCard } from '@microsoft/teams.cards';
import { SqliteStateStore } from '../../api/state/sqliteStore';
import { SqliteConversationStore } from '../../api/state/conversationStore';
import { botChannelPoster } from '../../api/services/workingGroups';
import type { WorkingGroupView } from '../../api/services/workingGroups';
import {
  SEED_GENERAL_CHANNEL_ID,
  SEED_TEAM_ID,
  control,
  generalChannelMessage,
  generalMessages,
  postActivity,
  seededUser,
  startStack,
  type Stack,
} from '../integration/support/stack';
import { botPosts, channelOf, peopleIds } from '../integration/workingGroupsSupport';

jest.setTimeout(120_000);

/**
 * The app installed in the team the way Teams does it (the local tenant's connector sends installationUpdate,
 * as at `npm start`), and what then works: the General channel is found by the team's Graph id
 * (channelData.team.aadGroupId), so `nyhet` and a working group's welcome card are posted.
 */
describe('installing the app in the team through the local tenant', () => {
  let stack: Stack;
  const state = new SqliteStateStore(':memory:');

  beforeAll(async () => {
    stack = await startStack({ deps: { state } });
    await stack.prepare(); // provisions, seeds Kontakter and installs, as npm start does
  });
  afterAll(async () => stack?.close());

  it('sends installationUpdate naming the team by its Bot Framework id and its group id', async () => {
    const answer = await control(stack.tenant, 'POST', '/bot/install', { endpoint: `${stack.url}/api/messages` });
    expect(answer.status).toBe(201);
    const { delivered, activity } = (await answer.json()) as {
      delivered: boolean;
      activity: { type: string; action: string; serviceUrl: string; channelData: { team: object } };
    };
    expect(delivered).toBe(true);
    expect(activity).toMatchObject({ type: 'installationUpdate', action: 'add', serviceUrl: stack.tenant.url });
    expect(activity.channelData.team).toMatchObject({ id: SEED_GENERAL_CHANNEL_ID, aadGroupId: SEED_TEAM_ID });

    const general = await state.conversations.findTeamGeneral(SEED_TEAM_ID);
    expect(general).toMatchObject({ conversationId: SEED_GENERAL_CHANNEL_ID, aadGroupId: SEED_TEAM_ID });
    // Graph's id for the team is the group id; the Bot Framework id finds nothing.
    expect(await state.conversations.findTeamGeneral(SEED_GENERAL_CHANNEL_ID)).toBeUndefined();
  });

  it('refuses to deliver to a bot that is not on this machine', async () => {
    const answer = await control(stack.tenant, 'POST', '/bot/install', {
      endpoint: 'https://bot.example.com/api/messages',
    });
    expect(answer.status).toBe(400);
  });

  it('nyhet reaches the General channel with no install step of the user’s own', async () => {
    const text = 'Nyhet efter installationen via den lokala tenanten';
    const asked = await postActivity(
      stack.url,
      generalChannelMessage(stack.tenant, seededUser(COORDINATOR), `nyhet ${text}`),
    );
    expect(asked.status).toBeLessThan(300);
    const messages = await generalMessages(await adminClient(stack.tenant));
    expect(messages.some((m) => (m.attachments ?? []).some((a) => (a.content ?? '').includes(text)))).toBe(true);
  });

  it('a new working group’s channel gets the welcome card, found through the team’s group id', async () => {
    const token = await stack.token(COORDINATOR);
    const ids = await peopleIds(stack, token);
    const appointed = await stack.call('/api/working-groups', {
      token,
      method: 'POST',
      body: {
        name: 'Välkomstkortet',
        syfte: 'Syfte.',
        uppdrag: 'Uppdrag.',
        memberIds: [ids.get(CHAIR)!],
        convenerId: ids.get(CHAIR)!,
        period: { start: '2026-09-01' },
        membershipType: 'private',
      },
    });
    expect(appointed.status).toBe(201);
    const { group } = (await appointed.json()) as { group: WorkingGroupView };
    const channel = await channelOf(await adminClient(stack.tenant), group);
    expect(JSON.stringify((await botPosts(stack, channel.id!))[0])).toContain(
      'Välkommen till arbetsgruppen Välkomstkortet',
    );
  });
});

describe('the channel poster without the group id', () => {
  it('has no fallback: a reference stored without aadGroupId (the old key) posts nothing', async () => {
    const conversations = new SqliteConversationStore(':memory:');
    await conversations.save({
      conversationId: SEED_GENERAL_CHANNEL_ID,
      kind: 'channel',
      serviceUrl: 'http://127.0.0.1:9',
      botId: '28:bot',
      teamId: SEED_GENERAL_CHANNEL_ID,
      updatedAt: new Date().toISOString(),
    });
    const sent: string[] = [];
    const poster = botChannelPoster(
      { sendCard: async (conversation) => (sent.push(conversation.conversationId), {}) },
      conversations,
    );
    const card = { type: 'AdaptiveCard', version: '1.5', body: [] } as unknown as IAdaptiveCard;
    await expect(
      poster.postToChannel({ teamId: SEED_TEAM_ID, channelId: '19:new@thread.tacv2' }, card as never, 'Välkommen'),
    ).rejects.toThrow(/installed in the team/);
    expect(sent).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { ChatMessage } from '@microsoft/microsoft-graph-types';
import { Client as BotApiClient } from '@microsoft/teams.api';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTenant, type RunningTenant } from '../src/index';
import { SEED_GENERAL_CHANNEL_ID, SEED_TEAM_ID } from '../src/resources/teams';
import { appClient, CHAIR, control, COORDINATOR, MEMBER_GUEST, startTestTenant, userClient, TEST_APP } from './support';
import { catalogIdFor } from '../src/resources/teams/ids';
import { channelMessages, createChannel, memberBody, person, uniqueName, type Collection } from './teams-support';

const GENERAL = `/teams/${SEED_TEAM_ID}/channels/${SEED_GENERAL_CHANNEL_ID}`;
const BOT_ID = '8a1f4d2e-6b3c-4e9a-b7d1-2c4e6f8a0b13';
const BOT = { id: `28:${BOT_ID}`, name: 'Samverkan', role: 'bot' as const };

interface ConnectorActivity {
  id: string;
  type: string;
  text?: string;
  replyToId?: string;
  conversation: { id: string };
  from: { id: string; name: string };
  attachments?: { contentType: string; content?: unknown }[];
}

const newsCard = {
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [{ type: 'TextBlock', text: 'Ny vägledning om brandskydd', wrap: true }],
};

async function connectorFetch(
  tenant: RunningTenant,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<Response> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  return fetch(`${tenant.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function postedActivities(tenant: RunningTenant, conversationId: string): Promise<ConnectorActivity[]> {
  const response = await control(tenant, 'GET', `/conversations/${encodeURIComponent(conversationId)}/activities`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { activities: ConnectorActivity[] }).activities;
}

describe('local tenant: the Bot Framework connector (Teams side of the bot)', () => {
  let tenant: RunningTenant;
  let graph: Client;
  let bot: BotApiClient;
  beforeAll(async () => {
    tenant = await startTestTenant();
    graph = await appClient(tenant);
    // The Teams SDK's own connector client, without credentials, as the bot runs locally.
    bot = new BotApiClient(tenant.url);
  });
  afterAll(async () => tenant.close());

  it('stores what the bot sends to the General channel as a channel message readable through Graph', async () => {
    const sent = await bot.conversations.activities(SEED_GENERAL_CHANNEL_ID).create({
      type: 'message',
      from: BOT,
      text: 'Nyhet: ny vägledning om brandskydd & tillgänglighet',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: newsCard }],
    });
    expect(sent.id).toMatch(/^\d+$/);

    const messages = await channelMessages(graph, SEED_GENERAL_CHANNEL_ID);
    const news = messages.value.find((m) => m.id === sent.id);
    expect(news).toMatchObject({
      replyToId: null,
      from: {
        user: null,
        application: expect.objectContaining({ id: BOT_ID, displayName: 'Samverkan', applicationIdentityType: 'bot' }),
      },
      body: { contentType: 'html' },
    });
    expect(news?.body?.content).toContain('Nyhet: ny vägledning om brandskydd &amp; tillgänglighet');
    const attachment = news?.attachments?.[0];
    expect(attachment?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(typeof attachment?.content).toBe('string');
    expect(JSON.parse(attachment!.content!)).toEqual(newsCard);
    expect(news?.body?.content).toContain(`<attachment id="${attachment!.id}"></attachment>`);

    const activities = await postedActivities(tenant, SEED_GENERAL_CHANNEL_ID);
    expect(activities.at(-1)).toMatchObject({
      id: sent.id,
      type: 'message',
      conversation: { id: SEED_GENERAL_CHANNEL_ID },
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: newsCard }],
    });
  });

  it('turns Bot Framework mention entities into Graph mentions', async () => {
    const chair = person(CHAIR);
    const sent = await bot.conversations.activities(SEED_GENERAL_CHANNEL_ID).create({
      type: 'message',
      from: BOT,
      text: '<at>Maria Bergström</at> har publicerat en nyhet.',
      entities: [
        {
          type: 'mention',
          text: '<at>Maria Bergström</at>',
          mentioned: { id: `29:${chair.id}`, name: 'Maria Bergström', role: 'user' },
        },
      ],
    });
    const message = (await graph.api(`${GENERAL}/messages/${sent.id}`).get()) as ChatMessage;
    expect(message.body?.content).toBe('<p><at id="0">Maria Bergström</at> har publicerat en nyhet.</p>');
    expect(message.mentions).toEqual([
      expect.objectContaining({
        id: 0,
        mentionText: 'Maria Bergström',
        mentioned: expect.objectContaining({ user: expect.objectContaining({ id: chair.id }) }),
      }),
    ]);
  });

  it('replies in a thread: `;messageid=` conversations and the reply endpoint both land under the root post', async () => {
    const coordinator = await userClient(tenant, COORDINATOR);
    const root = (await coordinator
      .api(`${GENERAL}/messages`)
      .post({ body: { content: '@Samverkan nyhet …' } })) as ChatMessage;
    const thread = `${SEED_GENERAL_CHANNEL_ID};messageid=${root.id}`;
    const viaThread = await bot.conversations
      .activities(thread)
      .create({ type: 'message', from: BOT, text: 'Nyheten är publicerad.' });
    const viaReply = await bot.conversations
      .activities(thread)
      .reply(root.id!, { type: 'message', from: BOT, text: 'Och skickad till alla.' });
    const replies = (await graph.api(`${GENERAL}/messages/${root.id}/replies`).get()) as Collection<ChatMessage>;
    expect(replies.value.map((m) => m.id)).toEqual([viaReply.id, viaThread.id]);
    expect(replies.value.every((m) => m.replyToId === root.id)).toBe(true);
    const inThread = await postedActivities(tenant, thread);
    expect(inThread.map((a) => a.text)).toEqual(['Nyheten är publicerad.', 'Och skickad till alla.']);
    expect(inThread[1]?.replyToId).toBe(root.id);
  });

  it('updates its own message (PUT) and Graph shows the edit', async () => {
    const sent = await bot.conversations
      .activities(SEED_GENERAL_CHANNEL_ID)
      .create({ type: 'message', from: BOT, text: 'Utkast' });
    const updated = await bot.conversations
      .activities(SEED_GENERAL_CHANNEL_ID)
      .update(sent.id, { type: 'message', from: BOT, text: 'Slutlig' });
    expect(updated.id).toBe(sent.id);
    const message = (await graph.api(`${GENERAL}/messages/${sent.id}`).get()) as ChatMessage;
    expect(message.body?.content).toBe('<p>Slutlig</p>');
    expect(message.lastEditedDateTime).not.toBeNull();

    const coordinator = await userClient(tenant, COORDINATOR);
    const human = (await coordinator.api(`${GENERAL}/messages`).post({ body: { content: 'mitt' } })) as ChatMessage;
    const refused = await connectorFetch(
      tenant,
      'PUT',
      `/v3/conversations/${SEED_GENERAL_CHANNEL_ID}/activities/${human.id}`,
      { type: 'message', text: 'kapat' },
    );
    expect(refused.status).toBe(403);
  });

  it('opens a new channel thread proactively (POST /v3/conversations with channelData.channel)', async () => {
    const created = await bot.conversations.create({
      isGroup: true,
      bot: BOT,
      channelData: { channel: { id: SEED_GENERAL_CHANNEL_ID }, tenant: { id: tenant.tenantId } },
      activity: { type: 'message', text: 'Påminnelse: samverkansmöte på torsdag' },
    });
    expect(created.id).toBe(`${SEED_GENERAL_CHANNEL_ID};messageid=${created.activityId}`);
    const message = (await graph.api(`${GENERAL}/messages/${created.activityId}`).get()) as ChatMessage;
    expect(message.body?.content).toContain('samverkansmöte');
  });

  it('opens a 1:1 chat with a person (same id each time) and keeps what the bot says there', async () => {
    const chair = person(CHAIR);
    const params = {
      isGroup: false,
      bot: BOT,
      members: [{ id: `29:${chair.id}`, aadObjectId: chair.id, name: chair.displayName, role: 'user' as const }],
      channelData: { tenant: { id: tenant.tenantId } },
      tenantId: tenant.tenantId,
    };
    const first = await bot.conversations.create(params);
    const again = await bot.conversations.create(params);
    expect(first.id).toMatch(/^a:/);
    expect(again.id).toBe(first.id);
    await bot.conversations
      .activities(first.id)
      .create({ type: 'message', from: BOT, text: 'Hej Maria! Du har en ny uppgift.' });
    const activities = await postedActivities(tenant, first.id);
    expect(activities.map((a) => a.text)).toEqual(['Hej Maria! Du har en ny uppgift.']);
    const members = await bot.conversations.members(first.id).get();
    expect(members).toEqual([
      expect.objectContaining({ id: `29:${chair.id}`, aadObjectId: chair.id, name: 'Maria Bergström' }),
    ]);
    // Not a channel message: Graph's General channel does not show it.
    const general = await channelMessages(graph, SEED_GENERAL_CHANNEL_ID);
    expect(general.value.map((m) => m.body?.content)).not.toContain('<p>Hej Maria! Du har en ny uppgift.</p>');

    const group = await connectorFetch(tenant, 'POST', '/v3/conversations', {
      isGroup: true,
      bot: BOT,
      members: [{ id: chair.id }, { id: person(COORDINATOR).id }],
    });
    expect(group.status).toBe(400);
  });

  it('lists the members of a channel conversation as Teams accounts', async () => {
    const members = await bot.conversations.members(SEED_GENERAL_CHANNEL_ID).get();
    const guest = members.find((m) => m.aadObjectId === person(MEMBER_GUEST).id);
    expect(guest).toMatchObject({ name: 'Erik Lundqvist', userRole: 'guest' });
    expect(members.find((m) => m.aadObjectId === person(COORDINATOR).id)).toMatchObject({
      userRole: 'user',
      email: COORDINATOR,
    });
  });

  it('refuses unknown channels (404), archived channels (403), empty messages (400) and foreign tokens (401)', async () => {
    const unknown = await connectorFetch(tenant, 'POST', '/v3/conversations/19:0000@thread.tacv2/activities', {
      type: 'message',
      text: 'x',
    });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('ConversationNotFound');

    const channel = await createChannel(graph, {
      displayName: uniqueName('Arkiverad bot'),
      membershipType: 'private',
      members: [memberBody(COORDINATOR, ['owner'])],
    });
    await graph.api(`/teams/${SEED_TEAM_ID}/channels/${channel.id}/archive`).post({});
    const archived = await connectorFetch(tenant, 'POST', `/v3/conversations/${channel.id}/activities`, {
      type: 'message',
      text: 'x',
    });
    expect(archived.status).toBe(403);

    const empty = await connectorFetch(tenant, 'POST', `/v3/conversations/${SEED_GENERAL_CHANNEL_ID}/activities`, {
      type: 'message',
    });
    expect(empty.status).toBe(400);

    const forged = await connectorFetch(
      tenant,
      'POST',
      `/v3/conversations/${SEED_GENERAL_CHANNEL_ID}/activities`,
      { type: 'message', text: 'x' },
      'not-a-token',
    );
    expect(forged.status).toBe(401);
    const otherTenant = (await (
      await control(tenant, 'POST', '/tokens', {
        claims: { aud: 'https://api.botframework.com', tid: 'botframework.com' },
      })
    ).json()) as {
      access_token: string;
    };
    const foreign = await connectorFetch(
      tenant,
      'POST',
      `/v3/conversations/${SEED_GENERAL_CHANNEL_ID}/activities`,
      { type: 'message', text: 'x' },
      otherTenant.access_token,
    );
    expect(foreign.status).toBe(401);
    const own = (await (
      await control(tenant, 'POST', '/tokens', {
        claims: { aud: 'https://api.botframework.com', tid: tenant.tenantId, appid: BOT_ID },
      })
    ).json()) as {
      access_token: string;
    };
    const accepted = await connectorFetch(
      tenant,
      'POST',
      `/v3/conversations/${SEED_GENERAL_CHANNEL_ID}/activities`,
      { type: 'message', text: 'med token' },
      own.access_token,
    );
    expect(accepted.status).toBe(201);
    const id = ((await accepted.json()) as { id: string }).id;
    const message = (await graph.api(`${GENERAL}/messages/${id}`).get()) as ChatMessage;
    expect(message.from?.application?.id).toBe(BOT_ID);
  });
});

describe('local tenant: a shared channel has the app only where it is enabled', () => {
  let tenant: RunningTenant;
  afterAll(async () => tenant.close());

  it('refuses the bot (403 BotNotInConversationRoster) and a tab until the channel owner enables the app', async () => {
    tenant = await startTestTenant();
    const owner = await userClient(tenant, COORDINATOR);
    const name = uniqueName('Delad bot');
    await owner.api(`/teams/${SEED_TEAM_ID}/channels`).post({
      displayName: name,
      membershipType: 'shared',
      members: [memberBody(COORDINATOR, ['owner'])],
    });
    const found = (await owner
      .api(`/teams/${SEED_TEAM_ID}/channels`)
      .filter(`displayName eq '${name}'`)
      .get()) as Collection<{ id: string }>;
    const channelId = found.value[0]!.id;
    const send = () =>
      connectorFetch(tenant, 'POST', `/v3/conversations/${channelId}/activities`, {
        type: 'message',
        from: BOT,
        text: 'Välkommen',
      });
    const catalogId = catalogIdFor(tenant.ctx.app.teamsAppExternalId);
    const tab = () =>
      owner.api(`/teams/${SEED_TEAM_ID}/channels/${channelId}/tabs`).post({
        displayName: 'Arbetsgruppen',
        'teamsApp@odata.bind': `${tenant.graphUrl}/appCatalogs/teamsApps/${catalogId}`,
        configuration: { entityId: 'x', contentUrl: 'https://example.org/tab', websiteUrl: 'https://example.org' },
      });

    const before = await send();
    expect(before.status).toBe(403);
    expect(((await before.json()) as { error: { code: string } }).error.code).toBe('BotNotInConversationRoster');
    await expect(tab()).rejects.toMatchObject({ statusCode: 400 });

    await owner
      .api(`/teams/${SEED_TEAM_ID}/channels/${channelId}/enabledApps/$ref`)
      .post({ '@odata.id': `${tenant.graphUrl}/appCatalogs/teamsApps/${catalogId}` });
    expect((await send()).status).toBe(201);
    await expect(tab()).resolves.toMatchObject({ displayName: 'Arbetsgruppen' });
  });
});

describe('local tenant: bot messages survive a restart', () => {
  it('reads, after a restart on the same file, what the bot posted before it', async () => {
    const dbFile = join(mkdtempSync(join(tmpdir(), 'local-tenant-')), 'tenant.sqlite');
    const first = await startTenant({ port: 0, dbFile, app: TEST_APP });
    let id: string;
    try {
      id = (
        await new BotApiClient(first.url).conversations
          .activities(SEED_GENERAL_CHANNEL_ID)
          .create({ type: 'message', from: BOT, text: 'Beständig nyhet' })
      ).id;
    } finally {
      await first.close();
    }
    const second = await startTenant({ port: 0, dbFile, app: TEST_APP });
    try {
      const message = (await (await appClient(second)).api(`${GENERAL}/messages/${id}`).get()) as ChatMessage;
      expect(message).toMatchObject({
        body: { contentType: 'html', content: '<p>Beständig nyhet</p>' },
        from: { application: expect.objectContaining({ id: BOT_ID }) },
      });
      expect((await postedActivities(second, SEED_GENERAL_CHANNEL_ID)).map((a) => a.id)).toEqual([id]);
      // Message ids keep increasing after the restart.
      const next = await new BotApiClient(second.url).conversations
        .activities(SEED_GENERAL_CHANNEL_ID)
        .create({ type: 'message', from: BOT, text: 'Nästa' });
      expect(Number(next.id)).toBeGreaterThan(Number(id));
    } finally {
      await second.close();
    }
  });
});

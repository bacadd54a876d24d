import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { ChatMessage } from '@microsoft/microsoft-graph-types';
import type { RunningTenant } from '../src/index';
import { SEED_GENERAL_CHANNEL_ID, SEED_TEAM_ID } from '../src/resources/teams';
import { appClient, COORDINATOR, MEMBER_GUEST, startTestTenant, userClient } from './support';
import {
  NOT_IN_TEAM_MEMBER,
  channelMessages,
  createChannel,
  memberBody,
  person,
  uniqueName,
  type Collection,
} from './teams-support';

const GENERAL = `/teams/${SEED_TEAM_ID}/channels/${SEED_GENERAL_CHANNEL_ID}`;

describe('local tenant: Teams channel messages', () => {
  let tenant: RunningTenant;
  let app: Client;
  let coordinator: Client;
  beforeAll(async () => {
    tenant = await startTestTenant();
    app = await appClient(tenant);
    coordinator = await userClient(tenant, COORDINATOR);
  });
  afterAll(async () => tenant.close());

  it('refuses an app-only post (403): Graph allows it only for migration', async () => {
    await expect(
      app.api(`${GENERAL}/messages`).post({ body: { contentType: 'html', content: '<p>Hej</p>' } }),
    ).rejects.toMatchObject({
      statusCode: 403,
    });
  });

  it('posts as the signed-in person (201) in Graph shape, readable by the app', async () => {
    const posted = (await coordinator
      .api(`${GENERAL}/messages`)
      .post({ body: { contentType: 'html', content: '<p>Välkomna till samverkan!</p>' } })) as ChatMessage;
    expect(posted.id).toMatch(/^\d{13,}$/);
    expect(posted).toMatchObject({
      replyToId: null,
      messageType: 'message',
      etag: expect.any(String),
      body: { contentType: 'html', content: '<p>Välkomna till samverkan!</p>' },
      channelIdentity: { teamId: SEED_TEAM_ID, channelId: SEED_GENERAL_CHANNEL_ID },
      from: {
        application: null,
        user: expect.objectContaining({ id: person(COORDINATOR).id, displayName: 'Karin Nordström' }),
      },
    });
    expect(posted).not.toHaveProperty('@odata.etag');
    expect(new Date(posted.createdDateTime!).getTime()).toBe(Number(posted.id));
    const read = (await app.api(`${GENERAL}/messages/${posted.id}`).get()) as ChatMessage;
    expect(read.body?.content).toBe('<p>Välkomna till samverkan!</p>');
  });

  it('lists newest first with $top and a nextLink', async () => {
    const first = (await coordinator.api(`${GENERAL}/messages`).post({ body: { content: 'första' } })) as ChatMessage;
    const second = (await coordinator.api(`${GENERAL}/messages`).post({ body: { content: 'andra' } })) as ChatMessage;
    expect(first.body?.contentType).toBe('text');
    const page1 = (await app.api(`${GENERAL}/messages`).top(1).get()) as Collection<ChatMessage>;
    expect(page1.value.map((m) => m.id)).toEqual([second.id]);
    expect(page1['@odata.nextLink']).toContain('$skiptoken');
    // The Graph client only parses https:// links as absolute; follow the local tenant's link by its path.
    const page2 = (await app
      .api(page1['@odata.nextLink']!.slice(tenant.graphUrl.length))
      .get()) as Collection<ChatMessage>;
    expect(page2.value.map((m) => m.id)).toEqual([first.id]);
    await expect(app.api(`${GENERAL}/messages`).orderby('createdDateTime').get()).rejects.toMatchObject({
      statusCode: 400,
    });
  });

  it('replies to a post; replies stay out of the top-level list', async () => {
    const root = (await coordinator
      .api(`${GENERAL}/messages`)
      .post({ body: { content: 'Fråga om bygglov' } })) as ChatMessage;
    const guest = await userClient(tenant, MEMBER_GUEST);
    const reply = (await guest
      .api(`${GENERAL}/messages/${root.id}/replies`)
      .post({ body: { content: 'Svar från Umeå' } })) as ChatMessage;
    expect(reply).toMatchObject({
      replyToId: root.id,
      from: { user: expect.objectContaining({ id: person(MEMBER_GUEST).id }) },
    });
    const replies = (await app.api(`${GENERAL}/messages/${root.id}/replies`).get()) as Collection<ChatMessage>;
    expect(replies.value.map((m) => m.id)).toEqual([reply.id]);
    const top = await channelMessages(app, SEED_GENERAL_CHANNEL_ID);
    expect(top.value.map((m) => m.id)).not.toContain(reply.id);
    const expanded = (await app.api(`${GENERAL}/messages/${root.id}`).expand('replies').get()) as ChatMessage;
    expect(expanded.replies?.map((m) => m.id)).toEqual([reply.id]);
    await expect(app.api(`${GENERAL}/messages/999/replies`).get()).rejects.toMatchObject({ statusCode: 404 });
  });

  it('keeps attachment content a JSON string and checks the body references attachments and mentions', async () => {
    const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Nyhet' }] };
    const attachment = {
      id: 'card1',
      contentType: 'application/vnd.microsoft.card.adaptive',
      content: JSON.stringify(card),
    };
    const posted = (await coordinator.api(`${GENERAL}/messages`).post({
      body: { contentType: 'html', content: '<attachment id="card1"></attachment>' },
      attachments: [attachment],
    })) as ChatMessage;
    expect(typeof posted.attachments?.[0]?.content).toBe('string');
    expect(JSON.parse(posted.attachments![0]!.content!)).toEqual(card);
    await expect(
      coordinator.api(`${GENERAL}/messages`).post({
        body: { contentType: 'html', content: '<attachment id="card1"></attachment>' },
        attachments: [{ ...attachment, content: card }],
      }),
    ).rejects.toMatchObject({ statusCode: 400 });
    await expect(
      coordinator
        .api(`${GENERAL}/messages`)
        .post({ body: { contentType: 'html', content: 'utan' }, attachments: [attachment] }),
    ).rejects.toMatchObject({
      statusCode: 400,
    });
    const erik = person(MEMBER_GUEST);
    const mention = {
      id: 0,
      mentionText: erik.displayName,
      mentioned: { user: { id: erik.id, displayName: erik.displayName, userIdentityType: 'aadUser' } },
    };
    const mentioned = (await coordinator.api(`${GENERAL}/messages`).post({
      body: { contentType: 'html', content: `<at id="0">${erik.displayName}</at> titta här` },
      mentions: [mention],
    })) as ChatMessage;
    expect(mentioned.mentions?.[0]?.id).toBe(0);
    await expect(
      coordinator
        .api(`${GENERAL}/messages`)
        .post({ body: { contentType: 'html', content: 'ingen at' }, mentions: [mention] }),
    ).rejects.toMatchObject({
      statusCode: 400,
    });
  });

  it('refuses people outside the team (403) and posts to an archived channel (403)', async () => {
    const outsider = await userClient(tenant, NOT_IN_TEAM_MEMBER);
    await expect(outsider.api(`${GENERAL}/messages`).post({ body: { content: 'hej' } })).rejects.toMatchObject({
      statusCode: 403,
    });
    await expect(outsider.api(`${GENERAL}/messages`).get()).rejects.toMatchObject({ statusCode: 403 });

    const channel = await createChannel(app, {
      displayName: uniqueName('Arkiv'),
      membershipType: 'private',
      members: [memberBody(COORDINATOR, ['owner'])],
    });
    const path = `/teams/${SEED_TEAM_ID}/channels/${channel.id}`;
    await coordinator.api(`${path}/messages`).post({ body: { content: 'före arkivering' } });
    await app.api(`${path}/archive`).post({});
    await expect(coordinator.api(`${path}/messages`).post({ body: { content: 'efter' } })).rejects.toMatchObject({
      statusCode: 403,
    });
    const kept = await channelMessages(app, channel.id!);
    expect(kept.value.map((m) => m.body?.content)).toEqual(['före arkivering']);
  });

  it('needs ChannelMessage.Read.All to read and ChannelMessage.Send to post', async () => {
    const weak = await startTestTenant({
      app: { applicationPermissions: ['Channel.ReadBasic.All'], delegatedPermissions: ['User.Read'] },
    });
    try {
      await expect((await appClient(weak)).api(`${GENERAL}/messages`).get()).rejects.toMatchObject({ statusCode: 403 });
      await expect(
        (await userClient(weak, COORDINATOR)).api(`${GENERAL}/messages`).post({ body: { content: 'x' } }),
      ).rejects.toMatchObject({
        statusCode: 403,
      });
    } finally {
      await weak.close();
    }
  });
});

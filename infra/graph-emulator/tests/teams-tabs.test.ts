import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { Channel, TeamsTab } from '@microsoft/microsoft-graph-types';
import type { RunningTenant } from '../src/index';
import { DEFAULT_APP } from '../src/index';
import { catalogIdFor, SEED_GENERAL_CHANNEL_ID, SEED_TEAM_ID } from '../src/resources/teams';
import { appClient, COORDINATOR, MEMBER_GUEST, startTestTenant, userClient } from './support';
import { createChannel, memberBody, uniqueName, type Collection } from './teams-support';

const TEAM = `/teams/${SEED_TEAM_ID}`;
const APP_ID = catalogIdFor(DEFAULT_APP.teamsAppExternalId);

function tabBody(name = 'Arbetsgrupp') {
  return {
    displayName: name,
    'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${APP_ID}`,
    configuration: {
      entityId: 'arbetsgrupp-7',
      contentUrl: 'https://app.example.se/?view=arbetsgrupper#/arbetsgrupper/7',
      websiteUrl: 'https://app.example.se/#/arbetsgrupper/7',
    },
  };
}

describe('local tenant: channel tabs (teamsTab)', () => {
  let tenant: RunningTenant;
  let coordinator: Client;
  let guest: Client;
  let app: Client;
  beforeAll(async () => {
    tenant = await startTestTenant();
    coordinator = await userClient(tenant, COORDINATOR);
    guest = await userClient(tenant, MEMBER_GUEST);
    app = await appClient(tenant);
  });
  afterAll(async () => tenant.close());

  it('adds a tab to a channel (201 teamsTab with configuration and webUrl) and lists it with $expand=teamsApp', async () => {
    const channel = await createChannel(coordinator, { displayName: uniqueName('Flik'), membershipType: 'standard' });
    const tab = (await coordinator.api(`${TEAM}/channels/${channel.id}/tabs`).post(tabBody())) as TeamsTab;
    expect(tab).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      displayName: 'Arbetsgrupp',
      configuration: {
        entityId: 'arbetsgrupp-7',
        contentUrl: 'https://app.example.se/?view=arbetsgrupper#/arbetsgrupper/7',
        websiteUrl: 'https://app.example.se/#/arbetsgrupper/7',
        removeUrl: null,
      },
    });
    expect(tab.webUrl).toContain(`tab::${tab.id}`);
    expect(tab).not.toHaveProperty('teamsApp');
    expect(tab).not.toHaveProperty('xTeamsAppId');

    const listed = (await app
      .api(`${TEAM}/channels/${channel.id}/tabs`)
      .expand('teamsApp')
      .get()) as Collection<TeamsTab>;
    expect(listed.value).toEqual([
      expect.objectContaining({ id: tab.id, teamsApp: expect.objectContaining({ id: APP_ID }) }),
    ]);
    const one = (await coordinator.api(`${TEAM}/channels/${channel.id}/tabs/${tab.id}`).get()) as TeamsTab;
    expect(one.displayName).toBe('Arbetsgrupp');
  });

  it('refuses a tab without teamsApp binding or contentUrl (400), in an archived channel (403), for a missing channel (404)', async () => {
    const channel = (await createChannel(coordinator, {
      displayName: uniqueName('Flik'),
      membershipType: 'standard',
    })) as Channel;
    const path = `${TEAM}/channels/${channel.id}/tabs`;
    const { 'teamsApp@odata.bind': _bind, ...noApp } = tabBody();
    await expect(coordinator.api(path).post(noApp)).rejects.toMatchObject({ statusCode: 400 });
    await expect(coordinator.api(path).post({ ...tabBody(), configuration: { entityId: 'x' } })).rejects.toMatchObject({
      statusCode: 400,
    });
    await coordinator.api(`${TEAM}/channels/${channel.id}/archive`).post({});
    await expect(coordinator.api(path).post(tabBody())).rejects.toMatchObject({ statusCode: 403 });
    await expect(coordinator.api(`${TEAM}/channels/19:0000@thread.tacv2/tabs`).post(tabBody())).rejects.toMatchObject({
      statusCode: 404,
    });
  });

  it('keeps tabs of a private channel from people outside it, and removes a tab', async () => {
    const channel = await createChannel(coordinator, {
      displayName: uniqueName('Privat flik'),
      membershipType: 'private',
      members: [memberBody(COORDINATOR, ['owner'])],
    });
    const path = `${TEAM}/channels/${channel.id}/tabs`;
    const tab = (await coordinator.api(path).post(tabBody('Sidan'))) as TeamsTab;
    await expect(guest.api(path).get()).rejects.toMatchObject({ statusCode: 403 });
    // An app acts outside channel membership (TeamsTab.ReadWrite.All here; the app itself has RSC TeamsTab.Create.Group).
    const appTab = (await app.api(path).post(tabBody('Appens'))) as TeamsTab;
    const listed = (await coordinator.api(path).get()) as Collection<TeamsTab>;
    expect(listed.value.map((t) => t.id).sort()).toEqual([tab.id, appTab.id].sort());
    // The app registration has TeamsTab.Create only: deleting needs ReadWriteForTeam or ReadWrite.All.
    await expect(coordinator.api(`${path}/${tab.id}`).delete()).rejects.toMatchObject({ statusCode: 403 });
    await expect(
      coordinator.api(`${TEAM}/channels/${SEED_GENERAL_CHANNEL_ID}/tabs/${tab.id}`).get(),
    ).rejects.toMatchObject({
      statusCode: 404,
    });
  });
});

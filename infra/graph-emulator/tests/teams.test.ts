import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ResponseType, type Client } from '@microsoft/microsoft-graph-client';
import type { AadUserConversationMember, Channel, Team, TeamsAsyncOperation } from '@microsoft/microsoft-graph-types';
import { DEFAULT_APP, SEED_PEOPLE, startTenant, type RunningTenant } from '../src/index';
import { SEED_GENERAL_CHANNEL_ID, SEED_TEAM_ID } from '../src/resources/teams';
import {
  appClient,
  CHAIR,
  COORDINATOR,
  graphClient,
  MEMBER_GUEST,
  startTestTenant,
  userClient,
  TEST_APP,
} from './support';
import {
  NOT_IN_TEAM_GUEST,
  NOT_IN_TEAM_MEMBER,
  NOT_IN_TEAM_MEMBER_2,
  channelMembers,
  createChannel,
  memberBody,
  person,
  uniqueName,
  type Collection,
} from './teams-support';

const TEAM = `/teams/${SEED_TEAM_ID}`;

describe('local tenant: Teams team, members and channels', () => {
  let tenant: RunningTenant;
  let app: Client;
  let coordinator: Client;
  beforeAll(async () => {
    tenant = await startTestTenant();
    app = await appClient(tenant);
    coordinator = await userClient(tenant, COORDINATOR);
  });
  afterAll(async () => tenant.close());

  describe('seed', () => {
    it('holds the samverkan Team with its General channel', async () => {
      const team = (await app.api(TEAM).get()) as Team;
      expect(team).toMatchObject({
        id: SEED_TEAM_ID,
        displayName: 'Plan- och byggsamverkan Västerbotten',
        isArchived: false,
        tenantId: tenant.tenantId,
      });
      expect(team).not.toHaveProperty('xIsGeneral');
      const channels = (await app.api(`${TEAM}/channels`).get()) as Collection<Channel>;
      expect(channels.value).toEqual([
        expect.objectContaining({
          id: SEED_GENERAL_CHANNEL_ID,
          displayName: 'General',
          membershipType: 'standard',
          isArchived: false,
        }),
      ]);
      expect(SEED_GENERAL_CHANNEL_ID).toMatch(/^19:[0-9a-f]{32}@thread\.tacv2$/);
    });

    it('makes the chair and the coordinator owners, role holders members (guests as guests), and leaves others out', async () => {
      const members = (await app.api(`${TEAM}/members`).get()) as Collection<AadUserConversationMember>;
      const byEmailOrId = (mail: string) => members.value.find((m) => m.userId === person(mail).id);
      expect(byEmailOrId(COORDINATOR)?.roles).toEqual(['owner']);
      expect(byEmailOrId(CHAIR)?.roles).toEqual(['owner']);
      expect(byEmailOrId(MEMBER_GUEST)).toMatchObject({ roles: ['guest'], email: null, displayName: 'Erik Lundqvist' });
      expect(byEmailOrId(NOT_IN_TEAM_MEMBER)).toBeUndefined();
      const expected = SEED_PEOPLE.filter((p) => p.xRoles.length > 0).length;
      expect(members['@odata.count']).toBe(expected);
      expect(members.value).toHaveLength(expected);
    });
  });

  it('names the General channel as primaryChannel and the Team among the joined teams of members only', async () => {
    expect(await app.api(`${TEAM}/primaryChannel`).get()).toMatchObject({
      id: SEED_GENERAL_CHANNEL_ID,
      displayName: 'General',
    });
    const mine = (await coordinator.api('/me/joinedTeams').get()) as Collection<Team>;
    expect(mine.value.map((t) => t.id)).toEqual([SEED_TEAM_ID]);
    const outsider = (await app.api(`/users/${NOT_IN_TEAM_MEMBER}/joinedTeams`).get()) as Collection<Team>;
    expect(outsider.value).toEqual([]);
  });

  describe('team members', () => {
    it('adds a member by user@odata.bind (201), refuses a second add (409), and removes (204)', async () => {
      const added = (await app
        .api(`${TEAM}/members`)
        .post(memberBody(NOT_IN_TEAM_MEMBER_2))) as AadUserConversationMember;
      expect(added).toMatchObject({
        '@odata.type': '#microsoft.graph.aadUserConversationMember',
        roles: [],
        userId: person(NOT_IN_TEAM_MEMBER_2).id,
        email: NOT_IN_TEAM_MEMBER_2,
        tenantId: tenant.tenantId,
      });
      await expect(app.api(`${TEAM}/members`).post(memberBody(NOT_IN_TEAM_MEMBER_2))).rejects.toMatchObject({
        statusCode: 409,
      });
      await app.api(`${TEAM}/members/${added.id}`).delete();
      await expect(app.api(`${TEAM}/members/${added.id}`).get()).rejects.toMatchObject({ statusCode: 404 });
    });

    it('gives a guest the guest role and refuses a guest as owner or a member as guest', async () => {
      // Giving the owner role needs TeamMember.ReadWrite.All; with it, a guest owner is still refused.
      const strong = await startTestTenant({
        app: { applicationPermissions: [...TEST_APP.applicationPermissions, 'TeamMember.ReadWrite.All'] },
      });
      try {
        const client = await appClient(strong);
        await expect(
          client.api(`${TEAM}/members`).post(memberBody(NOT_IN_TEAM_GUEST, ['owner'])),
        ).rejects.toMatchObject({ statusCode: 400 });
        const owner = (await client
          .api(`${TEAM}/members`)
          .post(memberBody(NOT_IN_TEAM_MEMBER_2, ['owner']))) as AadUserConversationMember;
        expect(owner.roles).toEqual(['owner']);
      } finally {
        await strong.close();
      }
      await expect(app.api(`${TEAM}/members`).post(memberBody(NOT_IN_TEAM_MEMBER_2, ['guest']))).rejects.toMatchObject({
        statusCode: 400,
      });
      const guest = (await app
        .api(`${TEAM}/members`)
        .post(memberBody(NOT_IN_TEAM_GUEST, []))) as AadUserConversationMember;
      expect(guest.roles).toEqual(['guest']);
      await app.api(`${TEAM}/members/${guest.id}`).delete();
    });

    it('accepts a UPN in users(...) and answers 404 for an unknown user', async () => {
      const bind = {
        '@odata.type': '#microsoft.graph.aadUserConversationMember',
        'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${NOT_IN_TEAM_MEMBER_2}')`,
        roles: [],
      };
      const added = (await app.api(`${TEAM}/members`).post(bind)) as AadUserConversationMember;
      expect(added.userId).toBe(person(NOT_IN_TEAM_MEMBER_2).id);
      await app.api(`${TEAM}/members/${added.id}`).delete();
      const unknown = { ...bind, 'user@odata.bind': "https://graph.microsoft.com/v1.0/users('nobody@example.com')" };
      await expect(app.api(`${TEAM}/members`).post(unknown)).rejects.toMatchObject({ statusCode: 404 });
    });

    it('needs TeamMember.ReadWrite.All to add anyone (Microsoft lists no other) and a team owner when delegated', async () => {
      const weak = await startTestTenant({
        app: {
          applicationPermissions: TEST_APP.applicationPermissions.filter((p) => p !== 'TeamMember.ReadWrite.All'),
        },
      });
      try {
        await expect(
          (await appClient(weak)).api(`${TEAM}/members`).post(memberBody(NOT_IN_TEAM_MEMBER_2, [])),
        ).rejects.toMatchObject({ statusCode: 403, code: 'Authorization_RequestDenied' });
      } finally {
        await weak.close();
      }
      const guest = await userClient(tenant, MEMBER_GUEST);
      await expect(guest.api(`${TEAM}/members`).post(memberBody(NOT_IN_TEAM_MEMBER_2))).rejects.toMatchObject({
        statusCode: 403,
      });
      const added = (await coordinator
        .api(`${TEAM}/members`)
        .post(memberBody(NOT_IN_TEAM_MEMBER_2))) as AadUserConversationMember;
      await coordinator.api(`${TEAM}/members/${added.id}`).delete();
    });

    it('answers 404 for an unknown team', async () => {
      await expect(app.api('/teams/00000000-0000-0000-0000-000000000000').get()).rejects.toMatchObject({
        statusCode: 404,
      });
    });
  });

  describe('channel names', () => {
    it('refuses a name longer than 50 characters (400) and accepts exactly 50', async () => {
      const long = 'A'.repeat(51);
      await expect(createChannel(app, { displayName: long, membershipType: 'standard' })).rejects.toMatchObject({
        statusCode: 400,
      });
      const fifty = `${uniqueName('B')} ${'x'.repeat(50)}`.slice(0, 50);
      const created = await createChannel(app, { displayName: fifty, membershipType: 'standard' });
      expect(created.displayName).toBe(fifty);
    });

    it.each([
      'a~b',
      'a#b',
      'a%b',
      'a&b',
      'a*b',
      'a{b',
      'a}b',
      'a+b',
      'a/b',
      'a\\b',
      'a:b',
      'a<b',
      'a>b',
      'a?b',
      'a|b',
      "a'b",
      'a"b',
      '_lead',
      'trail.',
    ])('refuses the channel name %p (400)', async (name) => {
      await expect(createChannel(app, { displayName: name })).rejects.toMatchObject({ statusCode: 400 });
    });

    it('refuses a duplicate name, case-insensitively, with 409 NameAlreadyExists', async () => {
      const name = uniqueName('Arbetsgrupp Bygglov');
      const created = await createChannel(app, {
        displayName: name,
        description: 'Bygglovsfrågor',
        membershipType: 'standard',
      });
      expect(created).toMatchObject({
        displayName: name,
        membershipType: 'standard',
        isArchived: false,
        description: 'Bygglovsfrågor',
      });
      expect(created.id).toMatch(/^19:[0-9a-f]{32}@thread\.tacv2$/);
      expect(created.webUrl).toContain(encodeURIComponent(created.id!));
      expect(created.createdDateTime).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(created.email).toMatch(/@/);
      await expect(createChannel(app, { displayName: name.toUpperCase() })).rejects.toMatchObject({
        statusCode: 409,
        code: 'NameAlreadyExists',
        message: 'Channel name already existed, please use other name.',
      });
      await expect(createChannel(app, { displayName: 'general' })).rejects.toMatchObject({ statusCode: 409 });
    });

    it('renames with PATCH (204) under the same rules, and never the General channel', async () => {
      const a = await createChannel(app, { displayName: uniqueName('Rename A') });
      const b = await createChannel(app, { displayName: uniqueName('Rename B') });
      await expect(app.api(`${TEAM}/channels/${a.id}`).patch({ displayName: b.displayName })).rejects.toMatchObject({
        statusCode: 409,
      });
      await expect(app.api(`${TEAM}/channels/${a.id}`).patch({ displayName: 'x'.repeat(51) })).rejects.toMatchObject({
        statusCode: 400,
      });
      const renamed = uniqueName('Renamed');
      await app.api(`${TEAM}/channels/${a.id}`).patch({ displayName: renamed, description: 'Ny beskrivning' });
      expect(await app.api(`${TEAM}/channels/${a.id}`).get()).toMatchObject({
        displayName: renamed,
        description: 'Ny beskrivning',
      });
      await expect(
        app.api(`${TEAM}/channels/${SEED_GENERAL_CHANNEL_ID}`).patch({ displayName: 'Allmänt' }),
      ).rejects.toMatchObject({ statusCode: 400 });
    });
  });

  describe('listing channels', () => {
    it('filters on displayName and selects fields; unsupported options are 400', async () => {
      const name = uniqueName("Grupp med 'citat' ");
      await expect(createChannel(app, { displayName: name })).rejects.toMatchObject({ statusCode: 400 });
      const plain = uniqueName('Filtrerad');
      await createChannel(app, { displayName: plain });
      const found = (await app
        .api(`${TEAM}/channels`)
        .filter(`displayName eq '${plain}'`)
        .select('id,displayName')
        .get()) as Collection<Channel>;
      expect(found.value).toHaveLength(1);
      expect(Object.keys(found.value[0]!).sort()).toEqual(['displayName', 'id']);
      const none = (await app
        .api(`${TEAM}/channels`)
        .filter("displayName eq 'Finns inte'")
        .get()) as Collection<Channel>;
      expect(none.value).toEqual([]);
      await expect(app.api(`${TEAM}/channels`).orderby('displayName').get()).rejects.toMatchObject({ statusCode: 400 });
      await expect(app.api(`${TEAM}/channels`).filter("startswith(displayName,'F')").get()).rejects.toMatchObject({
        statusCode: 400,
      });
    });
  });

  describe('private channels', () => {
    it('needs an owner in members when the app creates one, and every member must be in the team', async () => {
      await expect(
        createChannel(app, { displayName: uniqueName('Privat'), membershipType: 'private' }),
      ).rejects.toMatchObject({ statusCode: 400 });
      await expect(
        createChannel(app, {
          displayName: uniqueName('Privat'),
          membershipType: 'private',
          members: [memberBody(COORDINATOR, []), memberBody(CHAIR, [])],
        }),
      ).rejects.toMatchObject({ statusCode: 400 });
      await expect(
        createChannel(app, {
          displayName: uniqueName('Privat'),
          membershipType: 'private',
          members: [memberBody(COORDINATOR, ['owner']), memberBody(NOT_IN_TEAM_MEMBER)],
        }),
      ).rejects.toMatchObject({ statusCode: 400 });
    });

    it('creates one (201) with its members; a guest of the team can be a member; others must join the team first', async () => {
      const channel = await createChannel(app, {
        displayName: uniqueName('Arbetsgrupp Planering'),
        membershipType: 'private',
        members: [memberBody(COORDINATOR, ['owner']), memberBody(MEMBER_GUEST, [])],
      });
      expect(channel).toMatchObject({ membershipType: 'private', isArchived: false });
      const members = await channelMembers(app, channel.id!);
      expect(members['@odata.count']).toBe(2);
      expect(members.value).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ userId: person(COORDINATOR).id, roles: ['owner'], email: COORDINATOR }),
          expect.objectContaining({
            userId: person(MEMBER_GUEST).id,
            roles: ['guest'],
            email: null,
            tenantId: tenant.tenantId,
          }),
        ]),
      );

      const channelMembersPath = `${TEAM}/channels/${channel.id}/members`;
      await expect(app.api(channelMembersPath).post(memberBody(NOT_IN_TEAM_GUEST))).rejects.toMatchObject({
        statusCode: 400,
      });
      const teamMember = (await app
        .api(`${TEAM}/members`)
        .post(memberBody(NOT_IN_TEAM_GUEST, ['guest']))) as AadUserConversationMember;
      expect(teamMember.roles).toEqual(['guest']);
      const added = (await app
        .api(channelMembersPath)
        .post(memberBody(NOT_IN_TEAM_GUEST))) as AadUserConversationMember;
      expect(added).toMatchObject({
        roles: ['guest'],
        userId: person(NOT_IN_TEAM_GUEST).id,
        displayName: 'Olof Persson',
      });
      expect(typeof added.id).toBe('string');
      await expect(app.api(channelMembersPath).post(memberBody(NOT_IN_TEAM_GUEST))).rejects.toMatchObject({
        statusCode: 409,
      });
      await app.api(`${channelMembersPath}/${added.id}`).delete();
      expect((await channelMembers(app, channel.id!))['@odata.count']).toBe(2);
      // Leaving the team also leaves its private channels.
      await app.api(`${channelMembersPath}`).post(memberBody(NOT_IN_TEAM_GUEST));
      await app.api(`${TEAM}/members/${teamMember.id}`).delete();
      expect((await channelMembers(app, channel.id!)).value.map((m) => m.userId)).not.toContain(
        person(NOT_IN_TEAM_GUEST).id,
      );
    });

    it('makes the delegated creator its owner and hides it from people outside it', async () => {
      const channel = await createChannel(coordinator, {
        displayName: uniqueName('Koordinatorns'),
        membershipType: 'private',
      });
      const members = await channelMembers(coordinator, channel.id!);
      expect(members.value).toEqual([expect.objectContaining({ userId: person(COORDINATOR).id, roles: ['owner'] })]);
      const guest = await userClient(tenant, MEMBER_GUEST);
      const seen = (await guest.api(`${TEAM}/channels`).get()) as Collection<Channel>;
      expect(seen.value.map((c) => c.id)).not.toContain(channel.id);
      expect(seen.value.map((c) => c.id)).toContain(SEED_GENERAL_CHANNEL_ID);
      await expect(guest.api(`${TEAM}/channels/${channel.id}`).get()).rejects.toMatchObject({ statusCode: 403 });
    });

    it('changes a member role with PATCH and keeps at least one owner', async () => {
      const channel = await createChannel(app, {
        displayName: uniqueName('Roller'),
        membershipType: 'private',
        members: [memberBody(COORDINATOR, ['owner']), memberBody(CHAIR, [])],
      });
      const path = `${TEAM}/channels/${channel.id}/members`;
      const members = await channelMembers(app, channel.id!);
      const chair = members.value.find((m) => m.userId === person(CHAIR).id)!;
      const owner = members.value.find((m) => m.userId === person(COORDINATOR).id)!;
      await expect(app.api(`${path}/${owner.id}`).delete()).rejects.toMatchObject({ statusCode: 400 });
      const promoted = (await app.api(`${path}/${chair.id}`).patch({
        '@odata.type': '#microsoft.graph.aadUserConversationMember',
        roles: ['owner'],
      })) as AadUserConversationMember;
      expect(promoted.roles).toEqual(['owner']);
      await app.api(`${path}/${owner.id}`).delete();
      expect((await channelMembers(app, channel.id!)).value.map((m) => m.userId)).toEqual([person(CHAIR).id]);
    });
  });

  describe('shared channels', () => {
    it('refuses more than one owner at creation', async () => {
      await expect(
        createChannel(app, {
          displayName: uniqueName('Delad'),
          membershipType: 'shared',
          members: [memberBody(COORDINATOR, ['owner']), memberBody(CHAIR, ['owner'])],
        }),
      ).rejects.toMatchObject({ statusCode: 400 });
    });

    it('answers 202 with Content-Location of a succeeded operation, and the channel appears', async () => {
      const name = uniqueName('Delad kanal');
      const response = (await app
        .api(`${TEAM}/channels`)
        .responseType(ResponseType.RAW)
        .post({
          displayName: name,
          membershipType: 'shared',
          members: [memberBody(COORDINATOR, ['owner'])],
        })) as Response;
      expect(response.status).toBe(202);
      expect(await response.text()).toBe('');
      const location = response.headers.get('content-location');
      expect(location).toMatch(new RegExp(`^/teams/${SEED_TEAM_ID}/operations/[0-9a-f-]{36}$`));
      const operation = (await app.api(location!).get()) as TeamsAsyncOperation;
      expect(operation).toMatchObject({ operationType: 'createChannel', status: 'succeeded' });
      const channel = (await app.api(`${TEAM}/channels/${operation.targetResourceId}`).get()) as Channel;
      expect(channel).toMatchObject({ displayName: name, membershipType: 'shared' });
      const path = `${TEAM}/channels/${channel.id}/members`;
      await expect(app.api(path).post(memberBody(MEMBER_GUEST))).rejects.toMatchObject({ statusCode: 400 });
      // An internal person need not be in the team to join a shared channel.
      const added = (await app.api(path).post(memberBody(NOT_IN_TEAM_MEMBER, ['owner']))) as AadUserConversationMember;
      expect(added.roles).toEqual(['owner']);
    });
  });

  describe('standard channel members', () => {
    it('lists the team as members, and refuses adding (400)', async () => {
      const members = await channelMembers(app, SEED_GENERAL_CHANNEL_ID);
      expect(members.value.map((m) => m.userId)).toContain(person(CHAIR).id);
      await expect(
        app.api(`${TEAM}/channels/${SEED_GENERAL_CHANNEL_ID}/members`).post(memberBody(NOT_IN_TEAM_MEMBER)),
      ).rejects.toMatchObject({ statusCode: 400 });
    });
  });

  describe('archive', () => {
    it('archives (202 + Location), refuses member changes, and unarchives', async () => {
      const channel = await createChannel(app, {
        displayName: uniqueName('Arkiveras'),
        membershipType: 'private',
        members: [memberBody(COORDINATOR, ['owner'])],
      });
      const path = `${TEAM}/channels/${channel.id}`;
      const archived = (await app
        .api(`${path}/archive`)
        .responseType(ResponseType.RAW)
        .post({ shouldSetSpoSiteReadOnlyForMembers: true })) as Response;
      expect(archived.status).toBe(202);
      const location = archived.headers.get('location');
      expect(location).toMatch(/\/operations\//);
      expect(await app.api(location!).get()).toMatchObject({
        operationType: 'archiveChannel',
        status: 'succeeded',
        targetResourceId: channel.id,
      });
      expect(await app.api(path).get()).toMatchObject({ isArchived: true });
      await expect(app.api(`${path}/members`).post(memberBody(CHAIR))).rejects.toMatchObject({ statusCode: 403 });
      await expect(app.api(path).patch({ description: 'x' })).rejects.toMatchObject({ statusCode: 403 });
      const unarchived = (await app.api(`${path}/unarchive`).responseType(ResponseType.RAW).post({})) as Response;
      expect(unarchived.status).toBe(202);
      expect(await app.api(path).get()).toMatchObject({ isArchived: false });
      await app.api(`${path}/members`).post(memberBody(CHAIR));
    });

    it('refuses to archive a private channel without an owner, and the General channel', async () => {
      const joined = (await app
        .api(`${TEAM}/members`)
        .post(memberBody(NOT_IN_TEAM_MEMBER))) as AadUserConversationMember;
      const channel = await createChannel(app, {
        displayName: uniqueName('Utan ägare'),
        membershipType: 'private',
        members: [memberBody(NOT_IN_TEAM_MEMBER, ['owner'])],
      });
      await app.api(`${TEAM}/members/${joined.id}`).delete();
      await expect(app.api(`${TEAM}/channels/${channel.id}/archive`).post({})).rejects.toMatchObject({
        statusCode: 400,
      });
      await expect(app.api(`${TEAM}/channels/${SEED_GENERAL_CHANNEL_ID}/archive`).post({})).rejects.toMatchObject({
        statusCode: 400,
      });
    });
  });

  describe('delete', () => {
    it('needs Channel.Delete.All / Channel.Delete.Group (not granted to the app by default)', async () => {
      const channel = await createChannel(app, { displayName: uniqueName('Tas bort') });
      await expect(app.api(`${TEAM}/channels/${channel.id}`).delete()).rejects.toMatchObject({ statusCode: 403 });
    });

    it('deletes (204) with the permission, never the General channel', async () => {
      const strong = await startTestTenant({
        app: { rscPermissions: [...DEFAULT_APP.rscPermissions, 'Channel.Delete.Group'] },
      });
      try {
        const client = await appClient(strong);
        const channel = await createChannel(client, { displayName: 'Tillfällig' });
        await client.api(`${TEAM}/channels/${channel.id}`).delete();
        await expect(client.api(`${TEAM}/channels/${channel.id}`).get()).rejects.toMatchObject({ statusCode: 404 });
        await expect(client.api(`${TEAM}/channels/${SEED_GENERAL_CHANNEL_ID}`).delete()).rejects.toMatchObject({
          statusCode: 400,
        });
      } finally {
        await strong.close();
      }
    });
  });

  describe('authorisation', () => {
    it('answers 401 without a token and 403 without the permission', async () => {
      const noToken = await fetch(`${tenant.graphUrl}${TEAM}/channels`);
      expect(noToken.status).toBe(401);
      const weak = await startTestTenant({ app: { applicationPermissions: ['User.Read.All'], rscPermissions: [] } });
      try {
        const client = await appClient(weak);
        await expect(client.api(`${TEAM}/channels`).get()).rejects.toMatchObject({ statusCode: 403 });
        await expect(createChannel(client, { displayName: 'Nej' })).rejects.toMatchObject({ statusCode: 403 });
        await expect(client.api(`${TEAM}/members`).get()).rejects.toMatchObject({ statusCode: 403 });
      } finally {
        await weak.close();
      }
    });

    it('refuses a token whose signature is not the tenant’s', async () => {
      const forged = graphClient(tenant, async () => 'eyJhbGciOiJSUzI1NiJ9.eyJ0aWQiOiJ4In0.c2ln');
      await expect(forged.api(`${TEAM}/channels`).get()).rejects.toMatchObject({ statusCode: 401 });
    });

    it('refuses a guest creating channels (guest settings)', async () => {
      const guest = await userClient(tenant, MEMBER_GUEST);
      await expect(createChannel(guest, { displayName: uniqueName('Gäst') })).rejects.toMatchObject({
        statusCode: 403,
      });
    });
  });
});

describe('local tenant: Teams data survives a restart', () => {
  it('keeps channels and their members in the SQLite file', async () => {
    const dbFile = join(mkdtempSync(join(tmpdir(), 'local-tenant-')), 'tenant.sqlite');
    const first = await startTenant({ port: 0, dbFile, app: TEST_APP });
    let channelId: string;
    try {
      const client = await appClient(first);
      const channel = await createChannel(client, {
        displayName: 'Beständig',
        membershipType: 'private',
        members: [memberBody(CHAIR, ['owner'])],
      });
      channelId = channel.id!;
    } finally {
      await first.close();
    }
    const second = await startTenant({ port: 0, dbFile, app: TEST_APP });
    try {
      const client = await appClient(second);
      expect(await client.api(`${TEAM}/channels/${channelId}`).get()).toMatchObject({
        displayName: 'Beständig',
        membershipType: 'private',
      });
      const members = await channelMembers(client, channelId);
      expect(members.value).toEqual([expect.objectContaining({ userId: person(CHAIR).id, roles: ['owner'] })]);
    } finally {
      await second.close();
    }
  });
});

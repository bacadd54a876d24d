import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Client } from '@microsoft/microsoft-graph-client';
import { adminClient, CHAIR, COORDINATOR, MEMBER_GUEST } from '../../infra/graph-emulator/tests/support';
import type { WorkingGroupView } from '../../api/services/workingGroups';
import { control, requestLogSeq, requestsSince, startStack, type Stack } from './support/stack';
import {
  botPosts,
  channelOf,
  channelRoles,
  channelTabs,
  peopleIds,
  teamRoles,
  userIdOf,
  TEAM,
} from './workingGroupsSupport';

jest.setTimeout(120_000);

const PER = 'per.holmberg@regionvasterbotten.se'; // Region member, not in the team
const SARA = 'sara.oberg@regionvasterbotten.se'; // Region member, not in the team
const MAJA = 'maja.wallin@regionvasterbotten.se'; // Region member, not in the team
const OLOF = 'olof.persson@storuman.se'; // guest, not in the team
const JONAS = 'jonas.lindberg@lycksele.se'; // guest, in the team (arbetsgrupp role)
const HANNA = 'hanna.olsson@skelleftea.se'; // guest, not in the team

interface Answer {
  status: number;
  body: {
    group?: WorkingGroupView;
    groups?: WorkingGroupView[];
    error?: { code: string; message: string; issues?: { path: string; message: string }[] };
  };
}

describe('Arbetsgrupper: appoint → channel → welcome → members → end, per channel type', () => {
  let stack: Stack;
  let app: Client;
  let coordinator: string;
  let ids: Map<string, string>;

  const call = async (path: string, init: { method?: string; body?: unknown; token?: string } = {}) => {
    const response = await stack.call(path, { token: coordinator, ...init });
    return { status: response.status, body: (await response.json()) as Answer['body'] } satisfies Answer;
  };
  const id = (mail: string) => {
    const found = ids.get(mail);
    if (!found) throw new Error(`not in the register: ${mail}`);
    return found;
  };
  const appointBody = (
    name: string,
    membershipType: 'standard' | 'private' | 'shared',
    members: string[],
    convener = CHAIR,
  ) => ({
    name,
    syfte: 'Samordna tolkningen av nya PBL-regler.',
    uppdrag: 'Ta fram gemensamma rutiner för bygglov.',
    malsattning: 'Rutinerna antagna av samverkansgruppen i höst.',
    memberIds: [convener, ...members].map(id),
    convenerId: id(convener),
    period: { start: '2026-09-01', end: '2027-06-30' },
    membershipType,
  });

  beforeAll(async () => {
    stack = await startStack({ env: { TEAM_ID: '' } });
    await stack.prepare();
    app = await adminClient(stack.tenant);
    coordinator = await stack.token(COORDINATOR);
    ids = await peopleIds(stack, coordinator);
  });
  afterAll(async () => stack.close());

  it('private: members join the team first (guests as guests), the convener owns the channel, welcome and tab are there, members come and go, the end archives', async () => {
    const appointed = await call('/api/working-groups', {
      method: 'POST',
      body: appointBody('Bygglovsrutiner', 'private', [PER, OLOF, MEMBER_GUEST]),
    });
    expect(appointed.status).toBe(201);
    const group = appointed.body.group!;
    expect(group).toMatchObject({
      name: 'Bygglovsrutiner',
      status: 'aktiv',
      setupStep: 'klar',
      membershipType: 'private',
    });

    const channel = await channelOf(app, group);
    expect(channel).toMatchObject({ displayName: 'Bygglovsrutiner', membershipType: 'private', isArchived: false });
    const team = await teamRoles(app);
    expect(team.get(userIdOf(PER))).toEqual([]);
    expect(team.get(userIdOf(OLOF))).toEqual(['guest']);
    const roles = await channelRoles(app, channel.id!);
    expect(Object.fromEntries(roles)).toEqual({
      [userIdOf(CHAIR)]: ['owner'],
      [userIdOf(PER)]: [],
      [userIdOf(OLOF)]: ['guest'],
      [userIdOf(MEMBER_GUEST)]: ['guest'],
    });

    const posts = await botPosts(stack, channel.id!);
    expect(posts).toHaveLength(1);
    const card = JSON.stringify(posts[0]!.attachments?.[0]?.content);
    for (const text of [
      'Välkommen till arbetsgruppen Bygglovsrutiner',
      'Samordna tolkningen',
      'Ta fram gemensamma',
      'Rutinerna antagna',
      'Maria',
      '2026-09-01',
    ])
      expect(card).toContain(text);
    const tabs = await channelTabs(app, channel.id!);
    expect(tabs).toEqual([
      expect.objectContaining({
        displayName: 'Arbetsgruppen',
        configuration: expect.objectContaining({ contentUrl: expect.stringContaining(`#/arbetsgrupper/${group.id}`) }),
      }),
    ]);

    const added = await call(`/api/working-groups/${group.id}/members`, {
      method: 'POST',
      body: { personId: id(JONAS) },
    });
    expect(added.status).toBe(200);
    expect(added.body.group!.members.map((m) => m.email)).toContain(JONAS);
    expect((await channelRoles(app, channel.id!)).get(userIdOf(JONAS))).toEqual(['guest']);

    const removed = await call(`/api/working-groups/${group.id}/members/${id(MEMBER_GUEST)}`, { method: 'DELETE' });
    expect(removed.status).toBe(200);
    expect(removed.body.group!.members.map((m) => m.email)).not.toContain(MEMBER_GUEST);
    expect((await channelRoles(app, channel.id!)).has(userIdOf(MEMBER_GUEST))).toBe(false);

    // Someone added in Teams directly shows as a difference; the coordinator takes one in and undoes the other.
    await app.api(`${TEAM}/channels/${channel.id}/members`).post({
      '@odata.type': '#microsoft.graph.aadUserConversationMember',
      'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${userIdOf(COORDINATOR)}')`,
      roles: [],
    });
    await app.api(`${TEAM}/channels/${channel.id}/members`).post({
      '@odata.type': '#microsoft.graph.aadUserConversationMember',
      'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${userIdOf(MEMBER_GUEST)}')`,
      roles: [],
    });
    const difference = (await (
      await stack.call(`/api/working-groups/${group.id}/channel-difference`, { token: coordinator })
    ).json()) as { extra: { userId: string }[]; missing: unknown[] };
    expect(difference.extra.map((e) => e.userId).sort()).toEqual(
      [userIdOf(COORDINATOR), userIdOf(MEMBER_GUEST)].sort(),
    );
    expect(difference.missing).toEqual([]);
    const accepted = await call(`/api/working-groups/${group.id}/channel-difference/accept`, {
      method: 'POST',
      body: { userId: userIdOf(MEMBER_GUEST) },
    });
    expect(accepted.body.group!.members.map((m) => m.email)).toContain(MEMBER_GUEST);
    const undone = await stack.call(`/api/working-groups/${group.id}/channel-difference/undo`, {
      token: coordinator,
      method: 'POST',
      body: { userId: userIdOf(COORDINATOR) },
    });
    expect(((await undone.json()) as { extra: unknown[] }).extra).toEqual([]);
    expect((await channelRoles(app, channel.id!)).has(userIdOf(COORDINATOR))).toBe(false);

    const ended = await call(`/api/working-groups/${group.id}/end`, {
      method: 'POST',
      body: { finalReport: 'Rutinerna är antagna och publicerade.' },
    });
    expect(ended.status).toBe(200);
    expect(ended.body.group).toMatchObject({
      status: 'avslutad',
      finalReport: 'Rutinerna är antagna och publicerade.',
    });
    expect(ended.body.group!.period.end).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await channelOf(app, group)).toMatchObject({ isArchived: true });
    const list = await call('/api/working-groups');
    expect(list.body.groups!.find((g) => g.id === group.id)).toMatchObject({ status: 'avslutad' });
  });

  it('shared: the convener is the only owner at creation, Region members are added after, guests stay out with a Swedish explanation', async () => {
    const appointed = await call('/api/working-groups', {
      method: 'POST',
      body: appointBody('Digitala detaljplaner', 'shared', [PER, SARA, MEMBER_GUEST]),
    });
    expect(appointed.status).toBe(201);
    const group = appointed.body.group!;
    expect(group.notInChannel).toEqual([
      { personId: id(MEMBER_GUEST), reason: expect.stringContaining('B2B direct connect') },
    ]);
    const channel = await channelOf(app, group);
    expect(channel.membershipType).toBe('shared');
    expect(Object.fromEntries(await channelRoles(app, channel.id!))).toEqual({
      [userIdOf(CHAIR)]: ['owner'],
      [userIdOf(PER)]: [],
      [userIdOf(SARA)]: [],
    });
    expect(await botPosts(stack, channel.id!)).toHaveLength(1);
    expect(await channelTabs(app, channel.id!)).toHaveLength(1);
    const difference = (await (
      await stack.call(`/api/working-groups/${group.id}/channel-difference`, { token: coordinator })
    ).json()) as { extra: unknown[]; missing: { personId: string; reason?: string }[] };
    expect(difference).toMatchObject({
      extra: [],
      missing: [{ personId: id(MEMBER_GUEST), reason: expect.stringContaining('sin egen organisations team') }],
    });

    await call(`/api/working-groups/${group.id}/members`, { method: 'POST', body: { personId: id(MAJA) } });
    await call(`/api/working-groups/${group.id}/members/${id(SARA)}`, { method: 'DELETE' });
    const roles = await channelRoles(app, channel.id!);
    expect(roles.get(userIdOf(MAJA))).toEqual([]);
    expect(roles.has(userIdOf(SARA))).toBe(false);

    const ended = await call(`/api/working-groups/${group.id}/end`, {
      method: 'POST',
      body: { finalReport: 'Klart.' },
    });
    expect(ended.body.group!.status).toBe('avslutad');
    expect(await channelOf(app, group)).toMatchObject({ isArchived: true });
  });

  // Most sammankallande are kommun people: guests in the Region's tenant, whom Teams never lets own a channel.
  const welcomeText = async (channelId: string) => JSON.stringify((await botPosts(stack, channelId))[0]);

  it('private with a guest sammankallande: the guest is a member, the appointing samordnare owns, the card says who convenes', async () => {
    const appointed = await call('/api/working-groups', {
      method: 'POST',
      body: appointBody('Gästledd privat', 'private', [PER], JONAS),
    });
    expect(appointed.status).toBe(201);
    const group = appointed.body.group!;
    expect(group.setupStep).toBe('klar');
    const channel = await channelOf(app, group);
    expect(Object.fromEntries(await channelRoles(app, channel.id!))).toEqual({
      [userIdOf(COORDINATOR)]: ['owner'],
      [userIdOf(JONAS)]: ['guest'],
      [userIdOf(PER)]: [],
    });
    const card = await welcomeText(channel.id!);
    expect(card).toContain('Sammankallande');
    expect(card).toContain('Jonas Lindberg');
    expect(card).toContain('Kanalens ägare');
    expect(card).toContain('Karin Nordström');
    expect(card).toContain('2026-09-01 – 2027-06-30');
  });

  it('shared with a guest sammankallande: the samordnare is the one owner, the guest stays out with the reason', async () => {
    const appointed = await call('/api/working-groups', {
      method: 'POST',
      body: appointBody('Gästledd delad', 'shared', [PER], MEMBER_GUEST),
    });
    expect(appointed.status).toBe(201);
    const group = appointed.body.group!;
    expect(group.setupStep).toBe('klar');
    expect(group.notInChannel).toEqual([
      { personId: id(MEMBER_GUEST), reason: expect.stringContaining('B2B direct connect') },
    ]);
    const channel = await channelOf(app, group);
    expect(channel.membershipType).toBe('shared');
    expect(Object.fromEntries(await channelRoles(app, channel.id!))).toEqual({
      [userIdOf(COORDINATOR)]: ['owner'],
      [userIdOf(PER)]: [],
    });
    const card = await welcomeText(channel.id!);
    expect(card).toContain('Erik Lundqvist, Umeå');
    expect(card).toContain('Kanalens ägare');
  });

  it('standard with a guest sammankallande: the guest joins the team as a guest; the team is the channel', async () => {
    const appointed = await call('/api/working-groups', {
      method: 'POST',
      body: appointBody('Gästledd standard', 'standard', [PER], HANNA),
    });
    expect(appointed.status).toBe(201);
    const group = appointed.body.group!;
    expect(group.setupStep).toBe('klar');
    expect((await teamRoles(app)).get(userIdOf(HANNA))).toEqual(['guest']);
    const channel = await channelOf(app, group);
    const card = await welcomeText(channel.id!);
    expect(card).toContain('Hanna Olsson');
    expect(card).not.toContain('Kanalens ägare');
  });

  it('standard: people outside the team join it (guests as guests); the channel is the team; end archives', async () => {
    const appointed = await call('/api/working-groups', {
      method: 'POST',
      body: appointBody('Tillsyn av OVK', 'standard', [HANNA, MEMBER_GUEST]),
    });
    expect(appointed.status).toBe(201);
    const group = appointed.body.group!;
    const channel = await channelOf(app, group);
    expect(channel.membershipType).toBe('standard');
    expect((await teamRoles(app)).get(userIdOf(HANNA))).toEqual(['guest']);
    expect(await botPosts(stack, channel.id!)).toHaveLength(1);
    expect(await channelTabs(app, channel.id!)).toHaveLength(1);

    const added = await call(`/api/working-groups/${group.id}/members`, {
      method: 'POST',
      body: { personId: id(SARA) },
    });
    expect(added.status).toBe(200);
    expect((await teamRoles(app)).get(userIdOf(SARA))).toEqual([]);
    const removed = await call(`/api/working-groups/${group.id}/members/${id(HANNA)}`, { method: 'DELETE' });
    expect(removed.body.group!.members.map((m) => m.email)).toEqual([CHAIR, MEMBER_GUEST, SARA]);
    const difference = (await (
      await stack.call(`/api/working-groups/${group.id}/channel-difference`, { token: coordinator })
    ).json()) as { note?: string };
    expect(difference.note).toContain('hela teamet');

    const ended = await call(`/api/working-groups/${group.id}/end`, {
      method: 'POST',
      body: { finalReport: 'Klart.' },
    });
    expect(ended.body.group!.status).toBe('avslutad');
    expect(await channelOf(app, group)).toMatchObject({ isArchived: true });
  });

  it('a member cannot appoint, add members or end a group (403 in Swedish)', async () => {
    const member = await stack.token(MEMBER_GUEST);
    const refused = await call('/api/working-groups', {
      method: 'POST',
      token: member,
      body: appointBody('Medlemmens grupp', 'standard', [PER]),
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error!.message).toBe('Du har inte behörighet att tillsätta arbetsgrupper.');
    const list = await call('/api/working-groups', { token: member });
    expect(list.status).toBe(200);
    expect(list.body.groups!.map((g) => g.name)).not.toContain('Medlemmens grupp');
    const someGroup = list.body.groups![0]!;
    expect(
      (
        await call(`/api/working-groups/${someGroup.id}/end`, {
          method: 'POST',
          token: member,
          body: { finalReport: 'x' },
        })
      ).status,
    ).toBe(403);
  });

  it('a name over 50 characters and a duplicate name get clear messages; an existing channel name gets a suffix', async () => {
    const long = await call('/api/working-groups', {
      method: 'POST',
      body: appointBody('En arbetsgrupp med ett alldeles för långt namn för Teams', 'standard', [PER]),
    });
    expect(long.status).toBe(400);
    expect(long.body.error!.issues).toEqual([
      { path: 'name', field: 'namn', message: 'Namnet får vara högst 50 tecken.' },
    ]);

    const duplicate = await call('/api/working-groups', {
      method: 'POST',
      body: appointBody('bygglovsrutiner', 'standard', [PER]),
    });
    expect(duplicate.status).toBe(422);
    expect(duplicate.body.error!.message).toBe(
      'Det finns redan en arbetsgrupp som heter ”bygglovsrutiner”. Välj ett annat namn.',
    );

    // A channel named like the group exists already (made in Teams): the group gets "… (2)", not the other's channel.
    await app.api(`${TEAM}/channels`).post({
      displayName: 'Energikrav',
      membershipType: 'private',
      members: [
        {
          '@odata.type': '#microsoft.graph.aadUserConversationMember',
          'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${userIdOf(COORDINATOR)}')`,
          roles: ['owner'],
        },
      ],
    });
    const appointed = await call('/api/working-groups', {
      method: 'POST',
      body: appointBody('Energikrav', 'standard', [PER]),
    });
    expect(appointed.status).toBe(201);
    expect(appointed.body.group!.channel!.name).toBe('Energikrav (2)');
  });

  it('a private group whose members are in the team takes five Graph round trips: one $batch of reads, the item, the channel, the tab, the item again', async () => {
    // The first appointment brings everyone into the team; the second is the one measured.
    const first = await call('/api/working-groups', {
      method: 'POST',
      body: appointBody('Tillsyn A', 'private', [PER, OLOF]),
    });
    expect(first.status).toBe(201);
    const seq = await requestLogSeq(stack.tenant);
    const second = await call('/api/working-groups', {
      method: 'POST',
      body: appointBody('Tillsyn B', 'private', [PER, OLOF]),
    });
    expect(second.status).toBe(201);
    expect(second.body.group).toMatchObject({ setupStep: 'klar', channel: { name: 'Tillsyn B' } });
    const graph = (await requestsSince(stack.tenant, seq)).filter((r) => r.path.startsWith('/v1.0/'));
    const outer = graph.filter((r) => !r.batchInner).map((r) => `${r.method} ${r.path.replace(/\?.*$/, '')}`);
    expect(outer).toHaveLength(5);
    expect(outer[0]).toBe('POST /v1.0/$batch');
    expect(outer.slice(1).map((c) => c.replace(/\/v1\.0\/.*\/(items|channels|tabs|fields)$/, '$1'))).toEqual([
      'POST items',
      'POST channels',
      'POST tabs',
      'PATCH fields',
    ]);
    expect(graph.filter((r) => r.batchInner).map((r) => r.path.replace(/\?.*$/, '').split('/').pop())).toEqual(
      expect.arrayContaining(['items', 'items', 'members', 'channels']),
    );
  });

  it('a crash after the channel is created resumes on the next run without a second channel (private: tab step; shared: members step)', async () => {
    for (const [name, type, faultPath] of [
      ['Brandskydd', 'private', '/tabs$'],
      ['Klimatanpassning', 'shared', '/channels/[^/]+/members$'],
    ] as const) {
      await control(stack.tenant, 'POST', '/faults', { status: 500, path: faultPath, method: 'POST', count: 1 });
      const crashed = await call('/api/working-groups', { method: 'POST', body: appointBody(name, type, [PER, SARA]) });
      expect(crashed.status).toBe(503);
      const halfway = (await call('/api/working-groups')).body.groups!.find((g) => g.name === name)!;
      expect(halfway.setupStep).toBe('registrerad');

      const resumed = await call('/api/working-groups', { method: 'POST', body: appointBody(name, type, [PER, SARA]) });
      expect(resumed.status).toBe(201);
      expect(resumed.body.group).toMatchObject({ id: halfway.id, setupStep: 'klar' });
      const channels = (await app.api(`${TEAM}/channels`).get()) as { value: { displayName: string; id: string }[] };
      expect(channels.value.filter((c) => c.displayName.startsWith(name))).toHaveLength(1);
      const channelId = resumed.body.group!.channel!.id;
      expect(Object.fromEntries(await channelRoles(app, channelId))).toEqual({
        [userIdOf(CHAIR)]: ['owner'],
        [userIdOf(PER)]: [],
        [userIdOf(SARA)]: [],
      });
      expect(await channelTabs(app, channelId)).toHaveLength(1);
      expect(await botPosts(stack, channelId)).toHaveLength(1);
      const groups = (await call('/api/working-groups')).body.groups!;
      expect(groups.filter((g) => g.name === name)).toHaveLength(1);
    }
  });
});

describe('Arbetsgrupper with 429/503 faults on a third of Graph calls', () => {
  let stack: Stack;
  let app: Client;
  beforeAll(async () => {
    stack = await startStack();
    await stack.prepare();
    app = await adminClient(stack.tenant);
  });
  afterAll(async () => stack.close());

  it('appoints a private and a shared group, changes members and ends them, every step completing once', async () => {
    const coordinator = await stack.token(COORDINATOR);
    const ids = await peopleIds(stack, coordinator);
    const before = await requestLogSeq(stack.tenant);
    await control(stack.tenant, 'POST', '/faults', [
      { status: 429, retryAfter: 0.01, probability: 0.15 },
      { status: 503, retryAfter: 0.02, probability: 0.15 },
    ]);
    for (const [name, type] of [
      ['Strandskydd', 'private'],
      ['Geodata', 'shared'],
    ] as const) {
      const body = {
        name,
        syfte: 'Syfte.',
        uppdrag: 'Uppdrag.',
        memberIds: [CHAIR, PER, OLOF].map((m) => ids.get(m)!),
        convenerId: ids.get(CHAIR)!,
        period: { start: '2026-09-01' },
        membershipType: type,
      };
      const appointed = await stack.call('/api/working-groups', { token: coordinator, method: 'POST', body });
      expect(appointed.status).toBe(201);
      const group = ((await appointed.json()) as { group: WorkingGroupView }).group;
      expect(group.setupStep).toBe('klar');
      const added = await stack.call(`/api/working-groups/${group.id}/members`, {
        token: coordinator,
        method: 'POST',
        body: { personId: ids.get(SARA) },
      });
      expect(added.status).toBe(200);
      const ended = await stack.call(`/api/working-groups/${group.id}/end`, {
        token: coordinator,
        method: 'POST',
        body: { finalReport: 'Klart.' },
      });
      expect(ended.status).toBe(200);
    }
    await control(stack.tenant, 'DELETE', '/faults');
    const channels = (await app.api(`${TEAM}/channels`).get()) as {
      value: { displayName: string; id: string; isArchived: boolean }[];
    };
    for (const name of ['Strandskydd', 'Geodata']) {
      const matching = channels.value.filter((c) => c.displayName === name);
      expect(matching).toHaveLength(1);
      expect(matching[0]!.isArchived).toBe(true);
      expect(await botPosts(stack, matching[0]!.id)).toHaveLength(1);
      expect(await channelTabs(app, matching[0]!.id)).toHaveLength(1);
      expect((await channelRoles(app, matching[0]!.id)).get(userIdOf(SARA))).toEqual([]);
    }
    const log = await requestsSince(stack.tenant, before);
    expect(log.filter((r) => r.faultInjected).length).toBeGreaterThan(3);
  });
});

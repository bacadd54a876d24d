import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type {
  AadUserConversationMember,
  Channel,
  Invitation,
  ListItem,
  Team,
  User,
} from '@microsoft/microsoft-graph-types';
import { SEED_PEOPLE, type RunningTenant } from '../src/index';
import { SEED_TEAM_ID } from '../src/resources/teams/ids';
import { SITE_HOSTNAME, SITE_PATH } from '../src/resources/sitesConfig';
import { errorOf, ok, rawGraph } from './inspection';
import { startTestTenant } from './support';

/**
 * The rules that make the local tenant answer as Microsoft 365 does where the app first met them: users by id or
 * UPN only, Teams' roles for guests, SharePoint's date-only and text columns, Graph's query-option spellings.
 */
function person(mail: string) {
  const found = SEED_PEOPLE.find((p) => p.mail === mail);
  if (!found) throw new Error(`no seeded person ${mail}`);
  return found;
}

const COORDINATOR = person('karin.nordstrom@regionvasterbotten.se');
const GUEST = person('erik.lundqvist@umea.se');
const GUEST_NOT_IN_TEAM = person('olof.persson@storuman.se');
const MEMBER = person('per.holmberg@regionvasterbotten.se');
const TEAM = `/teams/${SEED_TEAM_ID}`;

let tenant: RunningTenant;
const graph = rawGraph(() => tenant, COORDINATOR);

beforeAll(async () => {
  tenant = await startTestTenant();
});
afterAll(async () => tenant?.close());

function member(user: { id: string }, roles: string[]) {
  return {
    '@odata.type': '#microsoft.graph.aadUserConversationMember',
    'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${user.id}')`,
    roles,
  };
}

describe('users are found by id or userPrincipalName only', () => {
  it('gives guests a #EXT# UPN and a mail that differs; the mail names nobody in /users/{…}', async () => {
    expect(GUEST.userPrincipalName).toBe('erik.lundqvist_umea.se#EXT#@regionvasterbotten.onmicrosoft.com');
    expect(GUEST.mail).toBe('erik.lundqvist@umea.se');
    const byMail = await graph('GET', `/users/${GUEST.mail}`);
    expect(errorOf(byMail)).toMatchObject({
      status: 404,
      code: 'Request_ResourceNotFound',
      message: `Resource '${GUEST.mail}' does not exist or one of its queried reference-property objects are not present.`,
    });
    const byUpn = ok<User>(await graph('GET', `/users/${encodeURIComponent(GUEST.userPrincipalName)}`));
    expect(byUpn.id).toBe(GUEST.id);
    const byKey = ok<User>(await graph('GET', `/users('${encodeURIComponent(GUEST.userPrincipalName)}')`));
    expect(byKey.id).toBe(GUEST.id);
    expect(ok<User>(await graph('GET', `/users/${GUEST.id}`)).mail).toBe(GUEST.mail);
  });

  it("finds a person by $filter=mail eq '…' (any case), and refuses operators that need advanced queries", async () => {
    const found = ok<{ value: User[] }>(
      await graph('GET', `/users?$filter=${encodeURIComponent(`mail eq '${GUEST.mail.toUpperCase()}'`)}`),
    );
    expect(found.value.map((u) => u.id)).toEqual([GUEST.id]);
    const either = ok<{ value: User[] }>(
      await graph(
        'GET',
        `/users?$filter=${encodeURIComponent(`mail eq '${GUEST.mail}' or userPrincipalName eq '${MEMBER.userPrincipalName}'`)}&$select=id`,
      ),
    );
    expect(either.value.map((u) => u.id).sort()).toEqual([GUEST.id, MEMBER.id].sort());
    const ne = await graph('GET', `/users?$filter=${encodeURIComponent(`mail ne '${GUEST.mail}'`)}`);
    expect(errorOf(ne)).toMatchObject({ status: 400, code: 'Request_UnsupportedQuery' });
    const unknown = await graph('GET', `/users?$filter=${encodeURIComponent("city eq 'Umeå'")}`);
    expect(errorOf(unknown)).toMatchObject({ status: 400, code: 'Request_UnsupportedQuery' });
  });

  it('answers the default property set, exactly the $select, and 400 for a property the user does not have', async () => {
    const user = ok<Record<string, unknown>>(await graph('GET', `/users/${GUEST.id}`));
    expect(Object.keys(user).sort()).toEqual(
      [
        '@odata.context',
        'businessPhones',
        'displayName',
        'givenName',
        'id',
        'jobTitle',
        'mail',
        'mobilePhone',
        'officeLocation',
        'preferredLanguage',
        'surname',
        'userPrincipalName',
      ].sort(),
    );
    const selected = ok<Record<string, unknown>>(await graph('GET', `/users/${GUEST.id}?$select=userType,mail`));
    expect(selected).toEqual({ '@odata.context': expect.any(String), userType: 'Guest', mail: GUEST.mail });
    const bad = await graph('GET', `/users/${GUEST.id}?$select=shoeSize`);
    expect(errorOf(bad)).toMatchObject({
      status: 400,
      message: "Could not find a property named 'shoeSize' on type 'microsoft.graph.user'.",
    });
  });
});

describe('POST /invitations', () => {
  it('makes a Guest user whose UPN is #EXT# and whose mail is the invited address (201)', async () => {
    const answer = await graph('POST', '/invitations', {
      invitedUserEmailAddress: 'lisa.nystrom@norsjo.se',
      invitedUserDisplayName: 'Lisa Nyström',
      inviteRedirectUrl: 'https://teams.microsoft.com',
      sendInvitationMessage: false,
    });
    const invitation = ok<Invitation>(answer, 201);
    expect(invitation).toMatchObject({
      invitedUserEmailAddress: 'lisa.nystrom@norsjo.se',
      invitedUserType: 'Guest',
      status: 'PendingAcceptance',
      inviteRedirectUrl: 'https://teams.microsoft.com',
    });
    const guest = ok<User>(
      await graph('GET', `/users/${invitation.invitedUser!.id!}?$select=userPrincipalName,mail,userType`),
    );
    expect(guest).toMatchObject({
      userPrincipalName: 'lisa.nystrom_norsjo.se#EXT#@regionvasterbotten.onmicrosoft.com',
      mail: 'lisa.nystrom@norsjo.se',
      userType: 'Guest',
    });
    const again = ok<Invitation>(
      await graph('POST', '/invitations', {
        invitedUserEmailAddress: 'LISA.NYSTROM@norsjo.se',
        inviteRedirectUrl: 'https://teams.microsoft.com',
      }),
      201,
    );
    expect(again.invitedUser?.id).toBe(invitation.invitedUser?.id);
  });

  it("answers for an existing guest, and refuses the tenant's own members and a body without inviteRedirectUrl", async () => {
    const existing = ok<Invitation>(
      await graph('POST', '/invitations', {
        invitedUserEmailAddress: GUEST.mail,
        inviteRedirectUrl: 'https://teams.microsoft.com',
      }),
      201,
    );
    expect(existing).toMatchObject({ invitedUser: { id: GUEST.id }, status: 'Completed' });
    const own = await graph('POST', '/invitations', {
      invitedUserEmailAddress: MEMBER.mail,
      inviteRedirectUrl: 'https://teams.microsoft.com',
    });
    expect(errorOf(own).status).toBe(400);
    const incomplete = await graph('POST', '/invitations', { invitedUserEmailAddress: 'a@b.se' });
    expect(errorOf(incomplete).status).toBe(400);
  });
});

describe('Teams: guests are never owners; channel roles are owner or empty', () => {
  it("refuses a guest as channel owner at creation and when added, with Teams' words", async () => {
    const created = await graph('POST', `${TEAM}/channels`, {
      displayName: 'Gäst som ägare',
      membershipType: 'private',
      members: [member(GUEST, ['owner'])],
    });
    expect(errorOf(created)).toMatchObject({
      status: 400,
      message: 'A guest user cannot be added with the owner role.',
    });
    const channel = ok<Channel>(
      await graph('POST', `${TEAM}/channels`, {
        displayName: 'Gäst som medlem',
        membershipType: 'private',
        members: [member(COORDINATOR, ['owner'])],
      }),
      201,
    );
    const asOwner = await graph('POST', `${TEAM}/channels/${channel.id!}/members`, member(GUEST, ['owner']));
    expect(errorOf(asOwner)).toMatchObject({
      status: 400,
      message: 'A guest user cannot be added with the owner role.',
    });
    const withGuestRole = await graph('POST', `${TEAM}/channels/${channel.id!}/members`, member(GUEST, ['guest']));
    expect(errorOf(withGuestRole)).toMatchObject({ status: 400 });
    expect(errorOf(withGuestRole).message).toContain("roles must be 'owner' or empty");
    const added = ok<AadUserConversationMember>(
      await graph('POST', `${TEAM}/channels/${channel.id!}/members`, member(GUEST, [])),
      201,
    );
    // Read back, a guest's roles say so (conversationMember: "contains guest").
    expect(added.roles).toEqual(['guest']);
    const promote = await graph('PATCH', `${TEAM}/channels/${channel.id!}/members/${added.id!}`, {
      '@odata.type': '#microsoft.graph.aadUserConversationMember',
      roles: ['owner'],
    });
    expect(errorOf(promote)).toMatchObject({
      status: 400,
      message: 'A guest user cannot be added with the owner role.',
    });
  });

  it('refuses a guest as team owner', async () => {
    const answer = await graph('POST', `${TEAM}/members`, member(GUEST_NOT_IN_TEAM, ['owner']));
    expect(errorOf(answer)).toMatchObject({
      status: 400,
      message: 'A guest user cannot be added with the owner role.',
    });
  });

  it('starts a shared channel with exactly one owner', async () => {
    const none = await graph('POST', `${TEAM}/channels`, {
      displayName: 'Delad utan ägare',
      membershipType: 'shared',
      members: [member(MEMBER, [])],
    });
    expect(errorOf(none).status).toBe(400);
    const two = await graph('POST', `${TEAM}/channels`, {
      displayName: 'Delad med två ägare',
      membershipType: 'shared',
      members: [member(COORDINATOR, ['owner']), member(person('maria.bergstrom@regionvasterbotten.se'), ['owner'])],
    });
    expect(errorOf(two)).toMatchObject({ status: 400 });
    const one = await graph('POST', `${TEAM}/channels`, {
      displayName: 'Delad med en ägare',
      membershipType: 'shared',
      members: [member(COORDINATOR, ['owner'])],
    });
    expect(one.status).toBe(202);
  });

  it('answers a team with its settings and summary, a channel with layoutType, and $select=summary', async () => {
    const team = ok<Team & { discoverySettings?: unknown }>(await graph('GET', TEAM));
    expect(team.summary).toEqual({ ownersCount: 2, membersCount: expect.any(Number), guestsCount: expect.any(Number) });
    expect(team.summary!.guestsCount).toBeGreaterThan(10);
    expect(team.messagingSettings).toMatchObject({ allowUserEditMessages: expect.any(Boolean) });
    expect(team.funSettings).toMatchObject({ giphyContentRating: expect.any(String) });
    expect(team.discoverySettings).toEqual({ showInTeamsSearchAndSuggestions: false });
    const channel = ok<Channel>(
      await graph('POST', `${TEAM}/channels`, {
        displayName: 'Sammanfattning',
        membershipType: 'private',
        members: [member(COORDINATOR, ['owner']), member(GUEST, [])],
      }),
      201,
    );
    const read = ok<Channel>(await graph('GET', `${TEAM}/channels/${channel.id!}`));
    expect((read as Channel & { layoutType?: string }).layoutType).toBe('post');
    expect(read).not.toHaveProperty('summary');
    const summary = ok<Channel>(await graph('GET', `${TEAM}/channels/${channel.id!}?$select=summary`));
    expect(summary.summary).toEqual({
      ownersCount: 1,
      membersCount: 0,
      guestsCount: 1,
      hasMembersFromOtherTenants: false,
    });
    const unknown = await graph('GET', `${TEAM}/channels/${channel.id!}?$select=summery`);
    expect(errorOf(unknown)).toMatchObject({
      status: 400,
      message: "Could not find a property named 'summery' on type 'microsoft.graph.channel'.",
    });
  });
});

describe('SharePoint columns: date-only values and text lengths', () => {
  let items: string;

  beforeAll(async () => {
    const site = ok<{ id: string }>(await graph('GET', `/sites/${SITE_HOSTNAME}:${SITE_PATH}`));
    const list = ok<{ id: string }>(
      await graph('POST', `/sites/${site.id}/lists`, {
        displayName: 'Regler',
        columns: [
          { name: 'Start', dateTime: { format: 'dateOnly' } },
          { name: 'Moment', dateTime: { format: 'dateTime' } },
          { name: 'Kort', text: {} },
          { name: 'Lang', text: { allowMultipleLines: true } },
        ],
      }),
      201,
    );
    items = `/sites/${site.id}/lists/${list.id}/items`;
  });

  it("answers a date as midnight in the site's time zone, in UTC, and keeps the date when it is written back", async () => {
    const summer = ok<ListItem>(await graph('POST', items, { fields: { Title: 's', Start: '2026-09-01' } }), 201);
    expect((summer.fields as { Start: string }).Start).toBe('2026-08-31T22:00:00Z');
    const winter = ok<ListItem>(await graph('POST', items, { fields: { Title: 'w', Start: '2026-12-01' } }), 201);
    expect((winter.fields as { Start: string }).Start).toBe('2026-11-30T23:00:00Z');
    const written = ok<Record<string, unknown>>(
      await graph('PATCH', `${items}/${summer.id!}/fields`, { Start: '2026-08-31T22:00:00Z' }),
    );
    expect(written.Start).toBe('2026-08-31T22:00:00Z');
    const utcMidnight = ok<Record<string, unknown>>(
      await graph('PATCH', `${items}/${summer.id!}/fields`, { Start: '2026-09-01T00:00:00Z' }),
    );
    expect(utcMidnight.Start).toBe('2026-08-31T22:00:00Z');
    const moment = ok<ListItem>(
      await graph('POST', items, { fields: { Title: 'm', Moment: '2026-09-01T00:00:00Z' } }),
      201,
    );
    expect((moment.fields as { Moment: string }).Moment).toBe('2026-09-01T00:00:00Z');
  });

  it('refuses more than 255 characters in a single-line text column, and holds them in a multi-line one', async () => {
    const long = `https://teams.microsoft.com/l/channel/${'x'.repeat(300)}`;
    const refused = await graph('POST', items, { fields: { Title: 't', Kort: long } });
    expect(errorOf(refused)).toMatchObject({ status: 400, code: 'invalidRequest' });
    const title = await graph('POST', items, { fields: { Title: long } });
    expect(errorOf(title).status).toBe(400);
    const held = ok<ListItem>(await graph('POST', items, { fields: { Title: 't', Lang: long } }), 201);
    expect((held.fields as { Lang: string }).Lang).toBe(long);
  });

  it('cannot index a multi-line text column', async () => {
    const columns = items.replace(/\/items$/, '/columns');
    const answer = await graph('POST', columns, {
      name: 'Anteckning',
      text: { allowMultipleLines: true },
      indexed: true,
    });
    expect(errorOf(answer)).toMatchObject({ status: 400, code: 'invalidRequest' });
  });

  it('takes SharePoint query options without $ (expand=fields), as the docs write them, but not twice', async () => {
    const listed = ok<{ value: ListItem[] }>(await graph('GET', `${items}?expand=fields(select=Title)&top=1`));
    expect(listed.value).toHaveLength(1);
    expect(Object.keys(listed.value[0]!.fields as object).sort()).toEqual(['@odata.etag', 'Title']);
    const twice = await graph('GET', `${items}?expand=fields&$expand=fields`);
    expect(errorOf(twice).status).toBe(400);
    // Outside SharePoint the local tenant keeps the $ required.
    const users = await graph('GET', '/users?select=id');
    expect(errorOf(users).status).toBe(400);
  });
});

describe('enum values in any case', () => {
  it('reads "HTML" and "Required" as html and required, answering in Graph\'s casing', async () => {
    const event = ok<{ body: { contentType: string }; attendees: { type: string }[] }>(
      await graph('POST', `/users/${COORDINATOR.id}/events`, {
        subject: 'Versaler',
        body: { contentType: 'HTML', content: '<p>Hej</p>' },
        start: { dateTime: '2027-03-01T09:00:00', timeZone: 'W. Europe Standard Time' },
        end: { dateTime: '2027-03-01T10:00:00', timeZone: 'W. Europe Standard Time' },
        attendees: [{ type: 'Required', emailAddress: { address: MEMBER.mail } }],
        showAs: 'Busy',
      }),
      201,
    );
    expect(event.body.contentType).toBe('html');
    expect(event.attendees[0]!.type).toBe('required');
    const wrong = await graph('POST', `/users/${COORDINATOR.id}/events`, {
      subject: 'Fel',
      start: { dateTime: '2027-03-01T09:00:00', timeZone: 'UTC' },
      end: { dateTime: '2027-03-01T10:00:00', timeZone: 'UTC' },
      showAs: 'sleeping',
    });
    expect(errorOf(wrong).status).toBe(400);
  });
});

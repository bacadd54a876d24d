import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RunningTenant } from '../src/index';
import { DEFAULT_APP, SEED_PEOPLE } from '../src/index';
import { catalogIdFor, SEED_TEAM_ID } from '../src/resources/teams/ids';
import { SITE_HOSTNAME, SITE_PATH } from '../src/resources/sitesConfig';
import {
  compareHeaders,
  compareShape,
  documentedOperations,
  operationKey,
  type DocumentedAnswer,
  type OptionalPaths,
} from './shapes';
import { ok, rawGraph, type Answer } from './inspection';
import { startTestTenant } from './support';

/**
 * Every operation of tests/fixtures/graph-shapes.json (Microsoft's documented example answers), sent to the local
 * tenant as the docs send it, and its answer compared field by field with the example: status, documented
 * headers, and every documented property with its JSON type. The principal is an inspection token (every
 * permission the operation needs) so that this test says what the answers look like, not who may ask.
 */
const COORDINATOR = person('karin.nordstrom@regionvasterbotten.se');
const CHAIR = person('maria.bergstrom@regionvasterbotten.se');
const NOT_IN_TEAM = person('per.holmberg@regionvasterbotten.se');
const TEAM = `/teams/${SEED_TEAM_ID}`;

function person(mail: string) {
  const found = SEED_PEOPLE.find((p) => p.mail === mail);
  if (!found) throw new Error(`no seeded person ${mail}`);
  return found;
}

let tenant: RunningTenant;
const graph = rawGraph(() => tenant, COORDINATOR);

function problemsOf(documented: DocumentedAnswer, answer: Answer, optional?: OptionalPaths): string[] {
  const problems: string[] = [];
  if (answer.status !== documented.status)
    problems.push(`status: documented ${documented.status}, answered ${answer.status}`);
  problems.push(...compareHeaders(documented.headers, answer.headers, answer.body !== undefined));
  problems.push(...compareShape(documented.body, answer.body, optional));
  return problems;
}

/** What each documented request needs before it can be sent the way the docs send it. */
interface Fixture {
  siteId: string;
  listId: string;
  itemId: string;
  privateChannelId: string;
  standardChannelId: string;
  eventId: string;
  attendeeCopyId: string;
}

let fixture: Fixture;

async function prepare(): Promise<Fixture> {
  const site = ok<{ id: string }>(await graph('GET', `/sites/${SITE_HOSTNAME}:${SITE_PATH}`));
  const list = ok<{ id: string }>(
    await graph('POST', `/sites/${site.id}/lists`, {
      displayName: 'Books',
      columns: [
        { name: 'Name', text: {} },
        { name: 'Color', text: {} },
        { name: 'Quantity', number: {} },
      ],
      list: { template: 'genericList' },
    }),
    201,
  );
  const item = ok<{ id: string }>(
    await graph('POST', `/sites/${site.id}/lists/${list.id}/items`, {
      fields: { Title: 'Widget', Name: 'Widget', Color: 'Purple', Quantity: 32 },
    }),
    201,
  );
  const privateChannel = ok<{ id: string }>(
    await graph('POST', `${TEAM}/channels`, {
      '@odata.type': '#Microsoft.Graph.channel',
      membershipType: 'private',
      displayName: 'My First Private Channel',
      description: 'This is my first private channels',
      members: [
        {
          '@odata.type': '#microsoft.graph.aadUserConversationMember',
          'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${COORDINATOR.id}')`,
          roles: ['owner'],
        },
      ],
    }),
    201,
  );
  const standardChannel = ok<{ id: string }>(
    await graph('POST', `${TEAM}/channels`, {
      displayName: 'Architecture Discussion',
      description: 'This channel is where we debate all future architecture plans',
      membershipType: 'standard',
    }),
    201,
  );
  const event = ok<{ id: string; iCalUId: string }>(
    await graph('POST', `/users/${CHAIR.id}/events`, eventBody(), { as: CHAIR }),
    201,
  );
  const copies = ok<{ value: { id: string }[] }>(
    await graph('GET', `/me/events?$filter=${encodeURIComponent(`iCalUId eq '${event.iCalUId}'`)}`),
  );
  return {
    siteId: site.id,
    listId: list.id,
    itemId: item.id,
    privateChannelId: privateChannel.id,
    standardChannelId: standardChannel.id,
    eventId: event.id,
    attendeeCopyId: copies.value[0]!.id,
  };
}

function eventBody(subject = "Let's go for lunch") {
  return {
    subject,
    body: { contentType: 'HTML', content: 'Does next month work for you?' },
    start: { dateTime: '2027-09-15T12:00:00', timeZone: 'W. Europe Standard Time' },
    end: { dateTime: '2027-09-15T14:00:00', timeZone: 'W. Europe Standard Time' },
    location: { displayName: 'Harry\u2019s Bar' },
    attendees: [
      { emailAddress: { address: COORDINATOR.mail, name: COORDINATOR.displayName }, type: 'required' },
      { emailAddress: { address: 'anna.sjoberg@skelleftea.se', name: 'Anna Sjöberg' }, type: 'required' },
    ],
    allowNewTimeProposals: true,
    isOnlineMeeting: true,
    onlineMeetingProvider: 'teamsForBusiness',
  };
}

interface Case {
  /** Sends the documented request; the answer is compared with the documented example. */
  send: () => Promise<Answer>;
  /** Properties the docs' notes call optional (checked only when present). */
  optional?: string[];
  /** Documented variants this operation must also match, by name. */
  variants?: Record<string, () => Promise<Answer>>;
}

const CASES: Record<string, Case> = {
  'GET /users': { send: () => graph('GET', '/users') },
  'GET /users/{id}': { send: () => graph('GET', `/users/${CHAIR.id}`) },
  'GET /me': { send: () => graph('GET', '/me') },
  'GET /sites/{id}': { send: () => graph('GET', `/sites/${fixture.siteId}`) },
  'GET /sites/{hostname}:/{path}': { send: () => graph('GET', `/sites/${SITE_HOSTNAME}:${SITE_PATH}`) },
  'POST /sites/{id}/lists': {
    // list-create's example names a column 'Author', which every list already has (Created By's internal name):
    // the local tenant refuses that as SharePoint refuses a duplicate field name, so the column is 'Writer' here.
    send: () =>
      graph('POST', `/sites/${fixture.siteId}/lists`, {
        displayName: 'Books 2',
        columns: [
          { name: 'Writer', text: {} },
          { name: 'PageCount', number: {} },
        ],
        list: { template: 'genericList' },
      }),
  },
  'GET /sites/{id}/lists/{id}': {
    send: () => graph('GET', `/sites/${fixture.siteId}/lists/${fixture.listId}`),
    variants: {
      'select + expand=columns,items(expand=fields)': () =>
        graph(
          'GET',
          `/sites/${fixture.siteId}/lists/${fixture.listId}?select=name,lastModifiedDateTime&expand=columns(select=name,description),items(expand=fields(select=Name,Color,Quantity))`,
        ),
    },
  },
  'POST /sites/{id}/lists/{id}/columns': {
    send: () =>
      graph('POST', `/sites/${fixture.siteId}/lists/${fixture.listId}/columns`, {
        description: 'test',
        enforceUniqueValues: false,
        hidden: false,
        indexed: false,
        name: 'Title2',
        text: { allowMultipleLines: false, appendChangesToExistingText: false, linesForEditing: 0, maxLength: 255 },
      }),
  },
  'GET /sites/{id}/lists/{id}/items?$expand=fields': {
    send: () =>
      graph('GET', `/sites/${fixture.siteId}/lists/${fixture.listId}/items?expand=fields(select=Name,Color,Quantity)`),
  },
  'POST /sites/{id}/lists/{id}/items': {
    send: () =>
      graph('POST', `/sites/${fixture.siteId}/lists/${fixture.listId}/items`, {
        fields: { Title: 'Widget', Color: 'Purple', Quantity: 32 },
      }),
  },
  'GET /sites/{id}/lists/{id}/items/{id}': {
    send: () => graph('GET', `/sites/${fixture.siteId}/lists/${fixture.listId}/items/${fixture.itemId}?expand=fields`),
  },
  'PATCH /sites/{id}/lists/{id}/items/{id}/fields': {
    send: () =>
      graph('PATCH', `/sites/${fixture.siteId}/lists/${fixture.listId}/items/${fixture.itemId}/fields`, {
        Color: 'Fuchsia',
        Quantity: 934,
      }),
  },
  'GET /teams/{id}': { send: () => graph('GET', TEAM) },
  'POST /teams/{id}/members': {
    send: () =>
      graph('POST', `${TEAM}/members`, {
        '@odata.type': '#microsoft.graph.aadUserConversationMember',
        roles: ['owner'],
        'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${NOT_IN_TEAM.id}')`,
      }),
  },
  'POST /teams/{id}/channels': {
    send: () =>
      graph('POST', `${TEAM}/channels`, {
        displayName: 'Architecture Discussion 2',
        description: 'This channel is where we debate all future architecture plans',
        membershipType: 'standard',
      }),
    variants: {
      'private on behalf of user (examples 2 and 4)': () =>
        graph('POST', `${TEAM}/channels`, {
          '@odata.type': '#Microsoft.Graph.channel',
          membershipType: 'private',
          displayName: 'My Second Private Channel',
          description: 'This is my second private channel',
          members: [
            {
              '@odata.type': '#microsoft.graph.aadUserConversationMember',
              'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${COORDINATOR.id}')`,
              roles: ['owner'],
            },
          ],
        }),
    },
  },
  'GET /teams/{id}/channels': { send: () => graph('GET', `${TEAM}/channels`) },
  'GET /teams/{id}/channels/{id}': {
    send: () => graph('GET', `${TEAM}/channels/${fixture.standardChannelId}`),
    variants: {
      '$select=summary (example 2)': () => graph('GET', `${TEAM}/channels/${fixture.privateChannelId}?$select=summary`),
    },
  },
  'POST /teams/{id}/channels/{id}/members': {
    send: () =>
      graph('POST', `${TEAM}/channels/${fixture.privateChannelId}/members`, {
        '@odata.type': '#microsoft.graph.aadUserConversationMember',
        'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${CHAIR.id}')`,
        roles: ['owner'],
      }),
  },
  'GET /teams/{id}/channels/{id}/members': {
    send: () => graph('GET', `${TEAM}/channels/${fixture.privateChannelId}/members`),
  },
  'POST /teams/{id}/channels/{id}/messages': {
    send: () =>
      graph('POST', `${TEAM}/channels/${fixture.standardChannelId}/messages`, { body: { content: 'Hello World' } }),
  },
  'POST /teams/{id}/channels/{id}/archive': {
    send: async () => {
      const channel = ok<{ id: string }>(
        await graph('POST', `${TEAM}/channels`, { displayName: 'To archive', membershipType: 'standard' }),
        201,
      );
      return graph('POST', `${TEAM}/channels/${channel.id}/archive`, { shouldSetSpoSiteReadOnlyForMembers: true });
    },
  },
  'POST /teams/{id}/channels/{id}/tabs': {
    send: () =>
      graph('POST', `${TEAM}/channels/${fixture.standardChannelId}/tabs`, {
        displayName: 'My Contoso Tab',
        'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${catalogIdFor(DEFAULT_APP.teamsAppExternalId)}`,
        configuration: {
          entityId: '2DCA2E6C7A10415CAF6B8AB6661B3154',
          contentUrl: 'https://www.contoso.com/Orders/2DCA2E6C7A10415CAF6B8AB6661B3154/tabView',
          websiteUrl: 'https://www.contoso.com/Orders/2DCA2E6C7A10415CAF6B8AB6661B3154',
          removeUrl: 'https://www.contoso.com/Orders/2DCA2E6C7A10415CAF6B8AB6661B3154/uninstallTab',
        },
      }),
  },
  'POST /users/{id}/events': {
    send: () => graph('POST', `/users/${CHAIR.id}/events`, eventBody('Another lunch'), { as: CHAIR }),
  },
  'GET /users/{id}/events/{id}': {
    send: () =>
      graph(
        'GET',
        `/users/${CHAIR.id}/events/${fixture.eventId}?$select=subject,body,bodyPreview,organizer,attendees,start,end,location,hideAttendees`,
        undefined,
        { as: CHAIR, headers: { Prefer: 'outlook.timezone="Pacific Standard Time"' } },
      ),
  },
  'PATCH /users/{id}/events/{id}': {
    send: () =>
      graph(
        'PATCH',
        `/users/${CHAIR.id}/events/${fixture.eventId}`,
        // event-update's example with its placeholders ("originalStartTimeZone-value", "datetime-value") left out
        // (they are not values Exchange can take) and the read-only responseStatus not sent back.
        {
          recurrence: null,
          reminderMinutesBeforeStart: 99,
          isOnlineMeeting: true,
          onlineMeetingProvider: 'teamsForBusiness',
          isReminderOn: true,
          hideAttendees: false,
          categories: ['Red category'],
        },
        { as: CHAIR },
      ),
  },
  'POST /users/{id}/events/{id}/cancel': {
    send: async () => {
      const event = ok<{ id: string }>(
        await graph('POST', `/users/${CHAIR.id}/events`, eventBody('To cancel'), { as: CHAIR }),
        201,
      );
      return graph(
        'POST',
        `/users/${CHAIR.id}/events/${event.id}/cancel`,
        { comment: 'Cancelling for this week due to all hands' },
        { as: CHAIR },
      );
    },
  },
  'POST /me/events/{id}/accept': {
    send: () =>
      graph('POST', `/me/events/${fixture.attendeeCopyId}/accept`, { comment: 'comment-value', sendResponse: true }),
  },
  'GET /users/{id}/calendarView': {
    send: () =>
      graph(
        'GET',
        `/users/${CHAIR.id}/calendarView?startDateTime=2027-09-01T00:00:00Z&endDateTime=2027-10-31T00:00:00Z`,
        undefined,
        {
          as: CHAIR,
        },
      ),
  },
  'POST /users/{id}/calendar/getSchedule': {
    send: () =>
      graph(
        'POST',
        `/users/${CHAIR.id}/calendar/getSchedule`,
        {
          schedules: [CHAIR.mail, COORDINATOR.mail],
          startTime: { dateTime: '2027-09-15T09:00:00', timeZone: 'W. Europe Standard Time' },
          endTime: { dateTime: '2027-09-15T18:00:00', timeZone: 'W. Europe Standard Time' },
          availabilityViewInterval: 60,
        },
        { as: CHAIR },
      ),
    // The docs: scheduleItems' isPrivate/subject/location are optional; workingHours.timeZone is either {name}
    // or a customTimeZone (the example shows one of each).
    optional: [
      'value[].scheduleItems[].isPrivate',
      'value[].scheduleItems[].subject',
      'value[].scheduleItems[].location',
      'value[].workingHours.timeZone.@odata.type',
      'value[].workingHours.timeZone.bias',
      'value[].workingHours.timeZone.standardOffset',
      'value[].workingHours.timeZone.daylightOffset',
    ],
  },
  'POST /me/findMeetingTimes': {
    // The docs' own request, with its strings for booleans and numbers, and the attendee type in another case.
    send: () =>
      graph(
        'POST',
        '/me/findMeetingTimes',
        {
          attendees: [{ type: 'Required', emailAddress: { name: CHAIR.displayName, address: CHAIR.mail } }],
          locationConstraint: {
            isRequired: false,
            suggestLocation: false,
            locations: [{ resolveAvailability: false, displayName: 'Conf room Hood' }],
          },
          timeConstraint: {
            activityDomain: 'work',
            timeSlots: [
              {
                start: { dateTime: '2027-09-16T09:00:00', timeZone: 'W. Europe Standard Time' },
                end: { dateTime: '2027-09-17T17:00:00', timeZone: 'W. Europe Standard Time' },
              },
            ],
          },
          isOrganizerOptional: 'false',
          meetingDuration: 'PT1H',
          returnSuggestionReasons: 'true',
          minimumAttendeePercentage: '100',
        },
        { headers: { Prefer: 'outlook.timezone="Pacific Standard Time"' } },
      ),
  },
  'POST /$batch': {
    send: () =>
      graph('POST', '/$batch', {
        requests: [
          { id: '1', method: 'GET', url: `${TEAM}/channels/${fixture.privateChannelId}/members?$top=1` },
          { id: '2', method: 'GET', url: `/sites/${fixture.siteId}/lists/00000000-0000-0000-0000-000000000000` },
        ],
      }),
  },
  'POST /invitations': {
    send: () =>
      graph('POST', '/invitations', {
        invitedUserEmailAddress: 'admin@fabrikam.com',
        inviteRedirectUrl: 'https://myapp.contoso.com',
      }),
  },
};

const operations = documentedOperations();
const results = new Map<string, string[]>();

beforeAll(async () => {
  tenant = await startTestTenant();
  fixture = await prepare();
});
afterAll(async () => {
  const passing = [...results.values()].filter((p) => p.length === 0).length;
  process.stdout.write(
    `graph-shapes conformance: ${passing} of ${operations.length} operations carry every documented field\n`,
  );
  await tenant?.close();
});

describe('answers shaped as Microsoft documents them (graph-shapes.json)', () => {
  it('has a case for every documented operation', () => {
    expect(operations).toHaveLength(32);
    expect(operations.map(operationKey).filter((k) => !(k in CASES))).toEqual([]);
  });

  it.each(operations.map((op) => [operationKey(op), op] as const))('%s', async (key, op) => {
    const testCase = CASES[key]!;
    const optional = new Set(testCase.optional ?? []);
    const problems = problemsOf(op, await testCase.send(), optional);
    for (const [name, send] of Object.entries(testCase.variants ?? {})) {
      const variant = op.variants?.find((v) => v.name === name);
      if (!variant) throw new Error(`no documented variant '${name}' of ${key}`);
      problems.push(...problemsOf(variant, await send(), optional).map((p) => `[${name}] ${p}`));
    }
    results.set(key, problems);
    expect(problems).toEqual([]);
  });
});

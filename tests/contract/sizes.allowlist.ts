/**
 * The files over 400 lines and functions over 80 lines that tests/contract/sizes.test.ts lets stand (issue #14),
 * each with why. A key is `path` for a file and `path#name` for a function (`Class.method`, an inner function
 * as `outer.inner`, a callback as `outer.router.get('/x') callback`); `npx tsx scripts/sizes.ts` prints the
 * current ones. The test fails on a violation not listed here and on an entry that is no longer one: when a
 * file or function shrinks below the limit, delete its line.
 */
export const SIZE_ALLOWLIST: Readonly<Record<string, string>> = {
  // ── api: helper B (issue #14, api side) removes these ──────────────────────────────────────────────────
  'api/bot/index.ts#mountBot': 'not yet split: the bot mounted in the express app, one handler per activity',
  'api/composition/botDeps.ts#createBotDeps': 'not yet split: the bot commands wired to the services',
  'api/config.ts#loadConfig': 'not yet split: the environment read and checked in one pass',
  'api/graph/calendar/index.ts#calendarApi': 'not yet split: the calendar resource as one factory',
  'api/graph/lists/index.ts#listsApi': 'not yet split: the lists resource as one factory',
  'api/graph/teams/index.ts#teamsApi': 'not yet split: the teams resource as one factory',
  'api/routes/activities.ts#activitiesRouter': 'not yet split: all activity routes in one builder',
  'api/routes/api.ts#apiRouter': 'not yet split: authentication and the routers mounted in one builder',
  'api/routes/budget.ts#budgetRouter': 'not yet split: all budget routes in one builder',
  'api/routes/meetings.ts#meetingsRouter': 'not yet split: all meeting routes in one builder',
  'api/routes/workingGroups.ts#workingGroupsRouter': 'not yet split: all working-group routes in one builder',
  'api/server.ts#createServer': 'not yet split: the composition root in one function',
  'api/state/azureStore.ts': 'not yet split: the Azure Table and Blob state store',
  'api/state/azureStore.ts#AzureStateStore.idempotencyStore': 'not yet split: the idempotency records on Tables',

  // ── the local tenant (infra/graph-emulator/src): helper B removes these ─────────────────────────────────
  'infra/graph-emulator/src/app.ts#createApp': 'not yet split: the tenant pipeline and its mounts',
  'infra/graph-emulator/src/filter.ts#parseFilter': 'not yet split: the $filter parser, one recursive descent',
  'infra/graph-emulator/src/resources/calendar/availability.ts#findMeetingTimes': 'not yet split',
  'infra/graph-emulator/src/resources/calendar/meetings.ts': 'not yet split: events, answers and online meetings',
  'infra/graph-emulator/src/resources/sites/items.ts': 'not yet split: list items with validation and If-Match',
  'infra/graph-emulator/src/resources/sites/lists.ts': 'not yet split: lists and their columns',
  'infra/graph-emulator/src/resources/teams/channelRoutes.ts': 'not yet split: channels, members and tabs',
  'infra/graph-emulator/src/resources/teams/connector.ts': 'not yet split: the Bot Connector stand-in',
  'infra/graph-emulator/src/resources/teams/connector.ts#connectorRoutes': 'not yet split: its routes',

  // ── src/domain ──────────────────────────────────────────────────────────────────────────────────────────
  'src/domain/commitments.ts#checkCommitments': 'not yet split: the commitments checked one after the other',
  'src/domain/protocol.ts#protocolSections': 'not yet split: the protocol sections in document order',

  // ── tab: helper C removes these ─────────────────────────────────────────────────────────────────────────
  'src/tab/activities/ActivityForms.tsx#Propose': 'tab component, helper C splits it',
  'src/tab/activities/ActivityTable.tsx#ActivityTable': 'tab component, helper C splits it',
  'src/tab/activities/Arshjul.tsx#Arshjul': 'tab component, helper C splits it',
  'src/tab/meetings/MeetingDetail.tsx#Answers': 'tab component, helper C splits it',
  'src/tab/pages/Budget.tsx#BudgetPage': 'tab page, helper C splits it',
  'src/tab/pages/Meetings.tsx#MeetingsPage': 'tab page, helper C splits it',
  'src/tab/pages/Overview.tsx#OverviewPage': 'tab page, helper C splits it',
  'src/tab/pages/WorkingGroups.tsx#WorkingGroupsPage': 'tab page, helper C splits it',
  'src/tab/Shell.tsx#Shell': 'tab component, helper C splits it',
};

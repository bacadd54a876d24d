/**
 * The files over 400 lines and functions over 80 lines that tests/contract/sizes.test.ts lets stand (issue #14),
 * each with why. A key is `path` for a file and `path#name` for a function (`Class.method`, an inner function
 * as `outer.inner`, a callback as `outer.router.get('/x') callback`); `npx tsx scripts/sizes.ts` prints the
 * current ones. The test fails on a violation not listed here and on an entry that is no longer one: when a
 * file or function shrinks below the limit, delete its line.
 */
export const SIZE_ALLOWLIST: Readonly<Record<string, string>> = {
  // ── api: left after the #14 split round ──────────────────────────────────────────────────────────
  'api/bot/index.ts#mountBot':
    'not split in the #14 round (time ran out): the bot mounted in the express app, one handler per activity',
  'api/composition/botDeps.ts#createBotDeps':
    'not split in the #14 round (time ran out): the bot commands wired to the services',
  'api/graph/lists/index.ts#listsApi':
    'not split yet: the item operations share closures (getItem, patchFieldsIfMatch); splitting off sites/lists/columns alone leaves 155 lines',
  'api/graph/teams/index.ts#teamsApi':
    'not split yet: channels, members and tabs share closures (channelPath, unlessThere, createChannel)',

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

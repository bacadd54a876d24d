/**
 * The REST API's contract: every request body the server accepts and every answer it sends, as zod schemas,
 * and the shared lists the tab offers. The routes and services parse with these; the tab checks answers with
 * them. Imports only src/domain and zod, so the tab can import it.
 */
export * from './activities';
export * from './assignments';
export * from './budget';
export * from './common';
export * from './contacts';
export * from './decisions';
export * from './funders';
export * from './idempotency';
export * from './lists';
export * from './meetings';
export * from './meetingDrafts';
export * from './workingGroups';
export * from './todo';
export * from './meetingInTeams';
export * from './minutes';

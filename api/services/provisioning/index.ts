/** Setting up a site: the lists, their columns, and the first contents. */
export { missingLists, provisionLists } from './lists';
export { loadOrganisations } from './organisations';
export { prepareSite } from './setup';
export type { SetupReport } from './setup';

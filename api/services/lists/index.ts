/** The SharePoint lists of the samverkan: their schema and where they live. */
export { LIST_KEYS, LISTS } from './schema';
export type { ListKey } from './schema';
export { SiteDirectory } from './site';

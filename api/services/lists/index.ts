/** The SharePoint lists of the samverkan: their schema, where they live and their typed stores. */
export { LIST_KEYS, LISTS } from './schema';
export type { ListKey } from './schema';
export { SiteDirectory, type SiteLookup } from './site';
export {
  listStore,
  listStores,
  type CreateOptions,
  type FieldsOf,
  type ListItemsApi,
  type ListStore,
  type ListStores,
} from './store';
export { jsonColumn, type JsonColumn } from './json';

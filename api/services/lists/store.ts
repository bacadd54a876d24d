import type { CollectionRead } from '../../graph/batch';
import type { ListItemFields, ListItemWithFields, ListsApi } from '../../graph/lists';
import { eq, type ListItemFilter } from '../../graph/odata';
import type { ColumnKind } from '../../graph/lists';
import { LISTS, type ListKey } from './schema';
import type { SiteDirectory } from './site';

type ColumnValue<K extends ColumnKind> = K extends { type: 'number' }
  ? number
  : K extends { type: 'boolean' }
    ? boolean
    : K extends { type: 'choice'; choices: readonly (infer C)[] }
      ? C | ''
      : string;

type ColumnOf<L extends ListKey> = (typeof LISTS)[L]['columns'][number];

/**
 * A list's fields by internal name, typed from its columns in schema.ts (the one description of the list):
 * text, dates and JSON as strings, numbers, booleans, and a choice column as its choices ('' clears it). Every field may be
 * absent: SharePoint leaves empty values out, and items typed in by hand may lack any of them.
 */
export type FieldsOf<L extends ListKey> = { Title?: string } & {
  [C in ColumnOf<L> as C['name']]?: ColumnValue<C['kind']>;
};

/** The list-item operations of api/graph/lists a store uses (a coalescing gateway's reads included). */
export type ListItemsApi = Pick<
  ListsApi,
  | 'getSiteByPath'
  | 'listLists'
  | 'listItems'
  | 'listItemsRead'
  | 'getItem'
  | 'hasItems'
  | 'createItem'
  | 'createItems'
  | 'updateItemFields'
  | 'patchItemFields'
>;

export interface CreateOptions {
  /**
   * The operation the item is created by: written to the list's indexed OperationKey column, so that a
   * repeat of the operation can find the item instead of writing a second one.
   */
  operationKey?: string;
}

/**
 * One SharePoint list of the samverkan, bound to its site and list once at composition (as Azurite's
 * IBlobMetadataStore is to its tables): services speak of meetings and groups, not of site and list ids. Each
 * call takes the Graph identity it acts as, as Azurite's stores take their context: the signed-in user
 * on-behalf-of, or the app.
 */
export interface ListStore<F extends ListItemFields> {
  readonly key: ListKey;
  /** The items, all pages; `filter` only on indexed columns (lists over 5,000 items refuse others). */
  find(graph: ListItemsApi, filter?: ListItemFilter, options?: { top?: number }): Promise<ListItemWithFields<F>[]>;
  /** The items created by `operationKey` (see CreateOptions). */
  findByOperationKey(graph: ListItemsApi, operationKey: string): Promise<ListItemWithFields<F>[]>;
  get(graph: ListItemsApi, id: string): Promise<ListItemWithFields<F>>;
  /** Whether the list holds any item (one item's page, no paging). */
  hasItems(graph: ListItemsApi): Promise<boolean>;
  create(graph: ListItemsApi, fields: F, options?: CreateOptions): Promise<ListItemWithFields<F>>;
  /** Many items through $batch (20 a request, throttled ones sent again); the answers in input order. */
  createMany(graph: ListItemsApi, items: readonly F[]): ReturnType<ListsApi['createItems']>;
  /** If-Match `etag`; a 412 is a ConflictError carrying the item as it is now. Reads the item back. */
  update(graph: ListItemsApi, id: string, etag: string, patch: Partial<F>): Promise<ListItemWithFields<F>>;
  /** As update, with the answer of the fields' PATCH instead of a second read. */
  patch(graph: ListItemsApi, id: string, etag: string, patch: Partial<F>): Promise<ListItemWithFields<F>>;
  /** The items as one read of a `readMany` $batch. */
  read(graph: ListItemsApi, filter?: ListItemFilter): Promise<CollectionRead<ListItemWithFields<F>>>;
}

export function listStore<L extends ListKey>(directory: SiteDirectory, key: L): ListStore<FieldsOf<L>> {
  type F = FieldsOf<L>;
  const where = (graph: ListItemsApi) => directory.list(graph, key);
  const hasOperationKey = LISTS[key].columns.some((column) => column.name === 'OperationKey');
  return {
    key,
    async find(graph, filter, options = {}) {
      const { siteId, listId } = await where(graph);
      return graph.listItems<F>(siteId, listId, { ...(filter ? { filter } : {}), ...options });
    },
    findByOperationKey(graph, operationKey) {
      return this.find(graph, eq('OperationKey', operationKey));
    },
    async get(graph, id) {
      const { siteId, listId } = await where(graph);
      return graph.getItem<F>(siteId, listId, id);
    },
    async hasItems(graph) {
      const { siteId, listId } = await where(graph);
      return graph.hasItems(siteId, listId);
    },
    async create(graph, fields, options = {}) {
      if (options.operationKey !== undefined && !hasOperationKey) {
        throw new TypeError(`${LISTS[key].displayName} has no OperationKey column`);
      }
      const { siteId, listId } = await where(graph);
      const written = options.operationKey === undefined ? fields : { ...fields, OperationKey: options.operationKey };
      return graph.createItem<F>(siteId, listId, written);
    },
    async createMany(graph, items) {
      const { siteId, listId } = await where(graph);
      return graph.createItems<F>(siteId, listId, items);
    },
    async update(graph, id, etag, patch) {
      const { siteId, listId } = await where(graph);
      return graph.updateItemFields<F>(siteId, listId, id, patch, etag);
    },
    async patch(graph, id, etag, patch) {
      const { siteId, listId } = await where(graph);
      return graph.patchItemFields<F>(siteId, listId, id, patch, etag);
    },
    async read(graph, filter) {
      const { siteId, listId } = await where(graph);
      return graph.listItemsRead<F>(siteId, listId, filter ? { filter } : {});
    },
  };
}

/** Every list of schema.ts as its store, bound to the site once (services/index.ts makes one set a server). */
export type ListStores = { readonly [L in ListKey]: ListStore<FieldsOf<L>> };

export function listStores(directory: SiteDirectory): ListStores {
  const entries = (Object.keys(LISTS) as ListKey[]).map((key) => [key, listStore(directory, key)]);
  return Object.fromEntries(entries) as ListStores;
}

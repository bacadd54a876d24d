import type { CollectionRead } from '../../graph/batch';
import { GraphRequestError } from '../../graph/errors';
import { toListItem, type ListItemFields, type ListItemWithFields, type ListsApi } from '../../graph/lists';
import type { ListItem } from '@microsoft/microsoft-graph-types';
import { eq, type ListItemFilter } from '../../graph/odata';
import type { ColumnKind } from '../../graph/lists';
import { nextItemKey } from '../../state/operation';
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

export interface CreateOptions<F extends ListItemFields = ListItemFields> {
  /**
   * The operation the item is created by: written to the list's indexed OperationKey column, so that a
   * repeat of the operation can find the item instead of writing a second one. Without it, a create inside
   * an operation (api/state/operation.ts: a REST write with an Idempotency-Key, a bot activity) takes the
   * operation's key for this list. The caller that names a key has looked for it itself; a create with the
   * operation's key looks first.
   */
  operationKey?: string;
  /**
   * With `operationKey`: which item under the key, found after a lost answer, is this create's (the kallelse
   * keeps its key across a cancellation, so the cancelled item is not it). Default: any.
   */
  isSame?: (item: ListItemWithFields<F>) => boolean;
}

/** How often a keyed create is sent again after an answer that may have been lost (each after a lookup). */
export const KEYED_CREATE_RESENDS = 3;
const resendPause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, 250 * attempt));

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
  create(graph: ListItemsApi, fields: F, options?: CreateOptions<F>): Promise<ListItemWithFields<F>>;
  /**
   * Creates the item with its natural key, once: the key is looked up first and an item found is the answer
   * (`created: false`). The create is not re-sent by the Graph client after a 503, 504 or timeout; it is
   * looked up again and sent only if it is not there.
   */
  createOnce(
    graph: ListItemsApi,
    fields: F,
    operationKey: string,
  ): Promise<{ item: ListItemWithFields<F>; created: boolean }>;
  /** Many items through $batch (20 a request, throttled ones sent again); the answers in input order. */
  createMany(graph: ListItemsApi, items: readonly F[]): ReturnType<ListsApi['createItems']>;
  /**
   * Many items through $batch, each with its natural key, once: the items of `scope` (an indexed filter that
   * holds every key's item) are read first and a key found there is not sent. After a batch or an inner answer
   * that may have been lost (503, 504, timeout, dropped), the scope is read again and only what is still
   * missing is sent. Answers the items by key; rejects when one is refused or still missing after the resends.
   * `known`: the scope's items as the caller has just read them (the first lookup, without a round trip).
   */
  createManyOnce(
    graph: ListItemsApi,
    items: readonly { fields: F; operationKey: string }[],
    scope: ListItemFilter,
    known?: readonly ListItemWithFields<F>[],
  ): Promise<Map<string, ListItemWithFields<F>>>;
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
      const operationKey = options.operationKey ?? (hasOperationKey ? nextItemKey(key) : undefined);
      const { siteId, listId } = await where(graph);
      if (operationKey === undefined) return graph.createItem<F>(siteId, listId, fields);
      const keyed = { graph, siteId, listId, operationKey, isSame: options.isSame ?? (() => true) };
      const outcome = await createWithKey<F>(keyed, fields, options.operationKey === undefined);
      return outcome.item;
    },
    async createOnce(graph, fields, operationKey) {
      if (!hasOperationKey) throw new TypeError(`${LISTS[key].displayName} has no OperationKey column`);
      const { siteId, listId } = await where(graph);
      return createWithKey<F>({ graph, siteId, listId, operationKey, isSame: () => true }, fields, true);
    },
    async createMany(graph, items) {
      const { siteId, listId } = await where(graph);
      return graph.createItems<F>(siteId, listId, items);
    },
    async createManyOnce(graph, items, scope, known) {
      if (!hasOperationKey) throw new TypeError(`${LISTS[key].displayName} has no OperationKey column`);
      const { siteId, listId } = await where(graph);
      return createManyWithKeys<F>({ graph, siteId, listId, scope }, items, known);
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

interface KeyedCreate<F extends ListItemFields> {
  graph: ListItemsApi;
  siteId: string;
  listId: string;
  operationKey: string;
  isSame: (item: ListItemWithFields<F>) => boolean;
}

/**
 * Looks the key up (if `lookFirst`), creates the item with it, and after an answer that may have been lost
 * (503, 504, the per-attempt timeout, a dropped connection) looks again before it sends the create once more.
 * A create Graph answered after the client gave up is found, not doubled (issue #15).
 */
async function createWithKey<F extends ListItemFields>(
  keyed: KeyedCreate<F>,
  fields: F,
  lookFirst: boolean,
): Promise<{ item: ListItemWithFields<F>; created: boolean }> {
  const { graph, siteId, listId, operationKey } = keyed;
  const find = async () =>
    (await graph.listItems<F>(siteId, listId, { filter: eq('OperationKey', operationKey) })).find(keyed.isSame);
  if (lookFirst) {
    const found = await find();
    if (found) return { item: found, created: false };
  }
  const written = { ...fields, OperationKey: operationKey };
  for (let attempt = 1; ; attempt++) {
    try {
      return { item: await graph.createItem<F>(siteId, listId, written, { keyed: true }), created: true };
    } catch (error) {
      if (!(error instanceof GraphRequestError && error.transient && error.status !== 429)) throw error;
      if (attempt > KEYED_CREATE_RESENDS) throw error;
    }
    await resendPause(attempt);
    const found = await find();
    if (found) return { item: found, created: true };
  }
}

/** The items of `scope` by their OperationKey. */
function byOperationKey<F extends ListItemFields>(
  items: readonly ListItemWithFields<F>[],
): Map<string, ListItemWithFields<F>> {
  const byKey = new Map<string, ListItemWithFields<F>>();
  for (const item of items) {
    const operationKey = item.fields.OperationKey;
    if (typeof operationKey === 'string' && operationKey !== '' && !byKey.has(operationKey))
      byKey.set(operationKey, item);
  }
  return byKey;
}

const mayHaveWritten = (status: number) => status === 0 || status === 503 || status === 504;

/** createManyOnce: look up, send what is missing, and after a maybe-written answer look up again (issue #15). */
async function createManyWithKeys<F extends ListItemFields>(
  where: { graph: ListItemsApi; siteId: string; listId: string; scope: ListItemFilter },
  items: readonly { fields: F; operationKey: string }[],
  known: readonly ListItemWithFields<F>[] | undefined,
): Promise<Map<string, ListItemWithFields<F>>> {
  const wanted = new Set(items.map((i) => i.operationKey));
  const done = new Map<string, ListItemWithFields<F>>();
  const lookUp = async (attempt: number) =>
    attempt === 0 && known ? known : where.graph.listItems<F>(where.siteId, where.listId, { filter: where.scope });
  for (let attempt = 0; ; attempt++) {
    if (attempt === 0 || done.size < wanted.size) {
      for (const [k, item] of byOperationKey(await lookUp(attempt)))
        if (wanted.has(k) && !done.has(k)) done.set(k, item);
    }
    const missing = items.filter((i) => !done.has(i.operationKey));
    if (missing.length === 0) return done;
    if (attempt > KEYED_CREATE_RESENDS)
      throw new GraphRequestError(503, 'keyedCreateIncomplete', undefined, 'Items still missing.');
    if (attempt > 0) await resendPause(attempt);
    const written = missing.map((i) => ({ ...i.fields, OperationKey: i.operationKey }));
    let answers: Awaited<ReturnType<ListsApi['createItems']>>;
    try {
      answers = await where.graph.createItems<F>(where.siteId, where.listId, written, { keyed: true });
    } catch (error) {
      if (error instanceof GraphRequestError && error.transient) continue;
      throw error;
    }
    const refused = answers.find((a) => !(a.status >= 200 && a.status < 300) && !mayHaveWritten(a.status));
    if (refused) throw new GraphRequestError(refused.status, 'batchItemRefused', undefined, 'An item was refused.');
    answers.forEach((answer, index) => {
      if (answer.status >= 200 && answer.status < 300)
        done.set(missing[index]!.operationKey, toListItem<F>(answer.body as ListItem));
    });
  }
}

/** Every list of schema.ts as its store, bound to the site once (services/index.ts makes one set a server). */
export type ListStores = { readonly [L in ListKey]: ListStore<FieldsOf<L>> };

export function listStores(directory: SiteDirectory): ListStores {
  const entries = (Object.keys(LISTS) as ListKey[]).map((key) => [key, listStore(directory, key)]);
  return Object.fromEntries(entries) as ListStores;
}

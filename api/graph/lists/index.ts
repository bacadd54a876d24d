import type { ColumnDefinition, FieldValueSet, List, ListItem, Site } from '@microsoft/microsoft-graph-types';
import type { BatchApi, BatchResponse, CollectionRead } from '../batch';
import { segment, type Collection, type GraphConnection } from '../connection';
import { ConflictError, GraphRequestError } from '../errors';
import { listItemFilter, type ListItemFilter } from '../odata';

export type ListItemFields = Record<string, unknown>;

/** A list item with its fields, as the gateway hands it out. */
export interface ListItemWithFields<F extends ListItemFields = ListItemFields> {
  id: string;
  eTag: string;
  fields: F;
}

export interface ListItemQuery {
  filter?: ListItemFilter;
  top?: number;
}

export function toListItem<F extends ListItemFields>(item: ListItem): ListItemWithFields<F> {
  const fields = { ...(item.fields ?? {}) } as Record<string, unknown>;
  delete fields['@odata.etag'];
  return {
    id: String(item.id),
    eTag: String(item.eTag ?? (item.fields as Record<string, unknown> | undefined)?.['@odata.etag'] ?? ''),
    fields: fields as F,
  };
}

const itemsPath = (siteId: string, listId: string) => `/sites/${siteId}/lists/${listId}/items`;
const itemPath = (siteId: string, listId: string, itemId: string) => `${itemsPath(siteId, listId)}/${segment(itemId)}`;

function itemsUrl(siteId: string, listId: string, query: ListItemQuery): string {
  return (
    `${itemsPath(siteId, listId)}?$expand=fields` +
    (query.filter ? `&$filter=${encodeURIComponent(listItemFilter(query.filter))}` : '') +
    (query.top ? `&$top=${query.top}` : '')
  );
}

async function getItem<F extends ListItemFields>(
  graph: GraphConnection,
  siteId: string,
  listId: string,
  itemId: string,
): Promise<ListItemWithFields<F>> {
  const item = await graph.call(
    () =>
      graph
        .api(itemPath(siteId, listId, itemId))
        .expand('fields')
        .get() as Promise<ListItem>,
  );
  return toListItem<F>(item);
}

/** PATCH …/fields with If-Match; a 412 becomes a ConflictError carrying the item as it is now. */
async function patchFieldsIfMatch<F extends ListItemFields>(
  graph: GraphConnection,
  target: { siteId: string; listId: string; itemId: string },
  fields: Partial<F>,
  eTag: string,
): Promise<FieldValueSet & Record<string, unknown>> {
  const { siteId, listId, itemId } = target;
  try {
    return await graph.call(
      () =>
        graph
          .api(`${itemPath(siteId, listId, itemId)}/fields`)
          .header('If-Match', eTag)
          .patch(fields) as Promise<FieldValueSet & Record<string, unknown>>,
    );
  } catch (error) {
    if (error instanceof GraphRequestError && error.status === 412) {
      throw new ConflictError(await getItem<F>(graph, siteId, listId, itemId));
    }
    throw error;
  }
}

/** A list's items with their fields, for readMany (as listItems). */
function listItemsRead<F extends ListItemFields>(
  siteId: string,
  listId: string,
  query: ListItemQuery = {},
): CollectionRead<ListItemWithFields<F>> {
  return { url: itemsUrl(siteId, listId, query), toValue: (raw) => toListItem<F>(raw as ListItem) };
}

/** Sites, their lists and the lists' columns. */
function sitesApi(graph: GraphConnection) {
  return {
    getSiteByPath(hostname: string, serverRelativePath: string): Promise<Site> {
      return graph.call(() => graph.api(`/sites/${hostname}:${serverRelativePath}`).get() as Promise<Site>);
    },

    listLists(siteId: string): Promise<List[]> {
      return graph.getAll<List>(graph.api(`/sites/${siteId}/lists`));
    },

    createList(siteId: string, list: List): Promise<List> {
      return graph.call(() => graph.api(`/sites/${siteId}/lists`).post(list) as Promise<List>);
    },

    listColumns(siteId: string, listId: string): Promise<ColumnDefinition[]> {
      return graph.getAll<ColumnDefinition>(graph.api(`/sites/${siteId}/lists/${listId}/columns`));
    },

    createColumn(siteId: string, listId: string, column: ColumnDefinition): Promise<ColumnDefinition> {
      return graph.call(
        () => graph.api(`/sites/${siteId}/lists/${listId}/columns`).post(column) as Promise<ColumnDefinition>,
      );
    },

    updateColumn(siteId: string, listId: string, columnId: string, patch: ColumnDefinition): Promise<ColumnDefinition> {
      return graph.call(
        () =>
          graph.api(`/sites/${siteId}/lists/${listId}/columns/${columnId}`).patch(patch) as Promise<ColumnDefinition>,
      );
    },
  };
}

/** Reading list items: one, all, several lists in one round trip. */
function itemReadsApi(graph: GraphConnection, batches: BatchApi) {
  return {
    async listItems<F extends ListItemFields>(
      siteId: string,
      listId: string,
      query: ListItemQuery = {},
    ): Promise<ListItemWithFields<F>[]> {
      let request = graph.api(itemsPath(siteId, listId)).expand('fields');
      if (query.filter) request = request.query({ $filter: encodeURIComponent(listItemFilter(query.filter)) });
      if (query.top) request = request.top(query.top);
      const items = await graph.getAll<ListItem>(request);
      return items.map((item) => toListItem<F>(item));
    },

    /**
     * Reads several lists' items in one $batch round trip (each answer's further pages are followed on their
     * own), for use cases that need a few small lists at once.
     */
    async listItemsBatch(
      queries: readonly { siteId: string; listId: string; filter?: ListItemFilter }[],
    ): Promise<ListItemWithFields[][]> {
      const reads = Object.fromEntries(
        queries.map((q, index) => [
          String(index),
          listItemsRead(q.siteId, q.listId, q.filter ? { filter: q.filter } : {}),
        ]),
      );
      const answers = await batches.readMany(reads);
      return queries.map((_, index) => answers[String(index)] ?? []);
    },

    listItemsRead,

    /** Whether the list holds at least one item: one page of one item, no paging. */
    async hasItems(siteId: string, listId: string): Promise<boolean> {
      const page = await graph.call(
        () => graph.api(itemsPath(siteId, listId)).top(1).get() as Promise<Collection<ListItem>>,
      );
      return page.value.length > 0;
    },

    getItem: <F extends ListItemFields>(siteId: string, listId: string, itemId: string) =>
      getItem<F>(graph, siteId, listId, itemId),
  };
}

/** Writing list items: one keyed create, many through $batch, field updates with If-Match. */
function itemWritesApi(graph: GraphConnection, batches: BatchApi) {
  return {
    /**
     * Creates many items through $batch (20 per request, throttled ones re-sent); answers in input order.
     * `keyed`: the items carry a natural key (OperationKey) the caller looks up before it sends them again, so
     * only 429s are re-sent here (see BatchOptions); a lost batch rejects with its transient error.
     */
    createItems<F extends ListItemFields>(
      siteId: string,
      listId: string,
      items: readonly F[],
      options: { keyed?: boolean } = {},
    ): Promise<BatchResponse[]> {
      return batches.batch(
        items.map((fields, index) => ({
          id: String(index + 1),
          method: 'POST' as const,
          url: itemsPath(siteId, listId),
          body: { fields } satisfies ListItem,
        })),
        options,
      );
    },

    /**
     * Creates one item. `keyed`: the fields carry a natural key (OperationKey) the caller looks up before it
     * sends the create again, so the RetryHandler re-sends it only on 429, never after a 503, 504 or timeout
     * (when Graph may have written it).
     */
    async createItem<F extends ListItemFields>(
      siteId: string,
      listId: string,
      fields: F,
      options: { keyed?: boolean } = {},
    ): Promise<ListItemWithFields<F>> {
      const path = itemsPath(siteId, listId);
      const request = options.keyed ? graph.throttledRetryOnly(path) : graph.api(path);
      const item = await graph.call(() => request.post({ fields } satisfies ListItem) as Promise<ListItem>);
      return toListItem<F>(item);
    },

    /**
     * Updates an item's fields only if it is unchanged since `eTag` was read. A 412 becomes a ConflictError
     * carrying the item as it is now; a write is never silently overwritten.
     */
    async updateItemFields<F extends ListItemFields>(
      siteId: string,
      listId: string,
      itemId: string,
      fields: Partial<F>,
      eTag: string,
    ): Promise<ListItemWithFields<F>> {
      await patchFieldsIfMatch<F>(graph, { siteId, listId, itemId }, fields, eTag);
      // Read back for the item as a whole (its modified-by and -when), not only its fields.
      return getItem<F>(graph, siteId, listId, itemId);
    },

    /**
     * As updateItemFields, without reading the item back: the fields answer carries every column and the new
     * `@odata.etag`, which If-Match accepts as the item's. One round trip instead of two.
     */
    async patchItemFields<F extends ListItemFields>(
      siteId: string,
      listId: string,
      itemId: string,
      fields: Partial<F>,
      eTag: string,
    ): Promise<ListItemWithFields<F>> {
      const answer = await patchFieldsIfMatch<F>(graph, { siteId, listId, itemId }, fields, eTag);
      const etag = answer['@odata.etag'];
      if (typeof etag !== 'string') return getItem<F>(graph, siteId, listId, itemId);
      return toListItem<F>({ id: itemId, eTag: etag, fields: answer });
    },
  };
}

/** Sites, lists, columns and list items (SharePoint through Graph). */
export function listsApi(graph: GraphConnection, batches: BatchApi) {
  return { ...sitesApi(graph), ...itemReadsApi(graph, batches), ...itemWritesApi(graph, batches) };
}

export type ListsApi = ReturnType<typeof listsApi>;
export { columnDefinition, listDefinition, type ColumnKind, type ColumnSpec, type ListSpec } from './payloads';
export { coalescingListReads } from './coalescing';

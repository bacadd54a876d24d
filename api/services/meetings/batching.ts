import type { GraphGateway, ListItemFields, ListItemWithFields } from '../../graph/gateway';

type ListQuery = Parameters<GraphGateway['listItemsBatch']>[0][number];

interface Pending {
  query: ListQuery;
  resolve: (items: ListItemWithFields[]) => void;
  reject: (error: unknown) => void;
}

/**
 * A gateway whose list reads started together go out as one $batch: the kallelse reads the register, the
 * follow-ups and the open proposals of other features' services at once, and each service keeps reading
 * through its own code. Reads are gathered until the current turn of the event loop has settled.
 */
export function coalescingListReads(gateway: GraphGateway): GraphGateway {
  let pending: Pending[] = [];

  const flush = () => {
    const batch = pending;
    pending = [];
    if (batch.length === 1) {
      const [only] = batch as [Pending];
      const { siteId, listId, filter } = only.query;
      gateway.listItems(siteId, listId, filter ? { filter } : {}).then(only.resolve, only.reject);
      return;
    }
    gateway.listItemsBatch(batch.map((p) => p.query)).then(
      (answers) => batch.forEach((p, index) => p.resolve(answers[index] ?? [])),
      (error: unknown) => batch.forEach((p) => p.reject(error)),
    );
  };

  const coalesced = Object.create(gateway) as GraphGateway;
  coalesced.listItems = <F extends ListItemFields>(
    siteId: string,
    listId: string,
    query: { filter?: ListQuery['filter'] } = {},
  ): Promise<ListItemWithFields<F>[]> =>
    new Promise<ListItemWithFields<F>[]>((resolve, reject) => {
      if (pending.length === 0) setImmediate(flush);
      pending.push({
        query: { siteId, listId, ...(query.filter ? { filter: query.filter } : {}) },
        resolve: resolve as (items: ListItemWithFields[]) => void,
        reject,
      });
    });
  return coalesced;
}

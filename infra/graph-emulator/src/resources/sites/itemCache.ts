import { randomUUID } from 'node:crypto';
import type { DocumentStore } from '../../store';
import { LIST_ITEM_KIND, type StoredListItem } from './model';

const REVISION_KIND = 'listRevision';
const REVISION_ID = 'current';

interface CachedList {
  revision: string;
  items: Map<string, StoredListItem>;
}

/**
 * Parsed items per list, so that a filtered read of a large list does not parse every document again (10 000
 * items cost ~250 ms to read and parse). Correctness rests on a revision token persisted beside the items: every
 * write changes it, and a cache entry is used only while the stored token is the one it was built at. A reset of
 * the tenant, or a write this process did not make, therefore only costs a fresh read.
 * Callers must treat the returned items as read-only.
 */
export class ListItemCache {
  private static readonly perStore = new WeakMap<DocumentStore, Map<string, CachedList>>();

  static items(store: DocumentStore, listId: string): StoredListItem[] {
    return [...ListItemCache.entry(store, listId).items.values()];
  }

  static get(store: DocumentStore, listId: string, itemId: string): StoredListItem | undefined {
    return ListItemCache.entry(store, listId).items.get(itemId);
  }

  /** Records a write already made to the store (an item put, or removed when `removedId` is given). */
  static written(store: DocumentStore, listId: string, change: { put: StoredListItem } | { removedId: string }): void {
    const lists = ListItemCache.lists(store);
    const cached = lists.get(listId);
    const stored = ListItemCache.storedRevision(store, listId);
    const revision = randomUUID();
    store.put(REVISION_KIND, listId, REVISION_ID, { revision });
    if (!cached || cached.revision !== stored) {
      lists.delete(listId);
      return;
    }
    if ('put' in change) cached.items.set(change.put.id, change.put);
    else cached.items.delete(change.removedId);
    cached.revision = revision;
  }

  /** Forgets a list whose items were removed wholesale (the list was deleted, a column dropped). */
  static invalidate(store: DocumentStore, listId: string): void {
    ListItemCache.lists(store).delete(listId);
    store.put(REVISION_KIND, listId, REVISION_ID, { revision: randomUUID() });
  }

  static forget(store: DocumentStore, listId: string): void {
    ListItemCache.lists(store).delete(listId);
    store.delete(REVISION_KIND, listId, REVISION_ID);
  }

  private static lists(store: DocumentStore): Map<string, CachedList> {
    let lists = ListItemCache.perStore.get(store);
    if (!lists) {
      lists = new Map();
      ListItemCache.perStore.set(store, lists);
    }
    return lists;
  }

  private static storedRevision(store: DocumentStore, listId: string): string | undefined {
    return store.get<{ revision: string }>(REVISION_KIND, listId, REVISION_ID)?.revision;
  }

  private static entry(store: DocumentStore, listId: string): CachedList {
    const lists = ListItemCache.lists(store);
    let stored = ListItemCache.storedRevision(store, listId);
    const cached = lists.get(listId);
    if (cached && stored !== undefined && cached.revision === stored) return cached;
    if (stored === undefined) {
      stored = randomUUID();
      store.put(REVISION_KIND, listId, REVISION_ID, { revision: stored });
    }
    const items = new Map<string, StoredListItem>();
    for (const item of store.list<StoredListItem>(LIST_ITEM_KIND, listId)) items.set(item.id, item);
    const fresh = { revision: stored, items };
    lists.set(listId, fresh);
    return fresh;
  }
}

import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { jsonColumn, listStore, listStores, SiteDirectory, type ListItemsApi } from '../../../api/services/lists';
import { eq } from '../../../api/graph/odata';
import { GraphRequestError } from '../../../api/graph/errors';
import { inOperation } from '../../../api/state/operation';

interface Call {
  method: string;
  args: unknown[];
}

/** A ListItemsApi that records what the store asks of Graph and answers with one item. */
function recordingGraph(): { graph: ListItemsApi; calls: Call[] } {
  const calls: Call[] = [];
  const item = { id: '7', eTag: '"e,1"', fields: { Title: 'x' } };
  const record =
    (method: string, answer: unknown) =>
    (...args: unknown[]) => {
      calls.push({ method, args });
      return Promise.resolve(answer);
    };
  const graph = {
    getSiteByPath: record('getSiteByPath', { id: 'site-1' }),
    listLists: record('listLists', [
      { id: 'list-m', displayName: 'Möten' },
      { id: 'list-b', displayName: 'Budget' },
    ]),
    listItems: record('listItems', [item]),
    listItemsRead: (...args: unknown[]) => {
      calls.push({ method: 'listItemsRead', args });
      return { url: 'u', toValue: (raw: unknown) => raw };
    },
    getItem: record('getItem', item),
    hasItems: record('hasItems', true),
    createItem: record('createItem', item),
    createItems: record('createItems', [{ id: '1', status: 201 }]),
    updateItemFields: record('updateItemFields', item),
    patchItemFields: record('patchItemFields', item),
  } as unknown as ListItemsApi;
  return { graph, calls };
}

const itemCalls = (calls: Call[]) => calls.filter((c) => c.method !== 'getSiteByPath' && c.method !== 'listLists');

describe('ListStore: one SharePoint list, bound to its site and list once', () => {
  const directory = () => new SiteDirectory({ hostname: 'contoso.sharepoint.com', path: '/sites/pbs' });

  it('finds the site and the list once, then speaks to Graph with their ids', async () => {
    const { graph, calls } = recordingGraph();
    const meetings = listStore(directory(), 'meetings');
    await meetings.find(graph, eq('Year', 2027), { top: 50 });
    await meetings.get(graph, '7');
    expect(calls.filter((c) => c.method === 'getSiteByPath')).toHaveLength(1);
    expect(calls.filter((c) => c.method === 'listLists')).toHaveLength(1);
    expect(itemCalls(calls)).toEqual([
      { method: 'listItems', args: ['site-1', 'list-m', { filter: eq('Year', 2027), top: 50 }] },
      { method: 'getItem', args: ['site-1', 'list-m', '7'] },
    ]);
  });

  it('updates with If-Match: the etag goes where Graph wants it, the patch as fields', async () => {
    const { graph, calls } = recordingGraph();
    const budget = listStore(directory(), 'budget');
    await budget.update(graph, '7', '"e,1"', { AmountOre: 100 });
    await budget.patch(graph, '7', '"e,2"', { Category: 'lokal' });
    expect(itemCalls(calls)).toEqual([
      { method: 'updateItemFields', args: ['site-1', 'list-b', '7', { AmountOre: 100 }, '"e,1"'] },
      { method: 'patchItemFields', args: ['site-1', 'list-b', '7', { Category: 'lokal' }, '"e,2"'] },
    ]);
  });

  it('writes an operation key into the OperationKey column and finds the items by it', async () => {
    const { graph, calls } = recordingGraph();
    const meetings = listStore(directory(), 'meetings');
    await meetings.create(graph, { Title: 'Möte' }, { operationKey: 'meeting:x:1' });
    await meetings.findByOperationKey(graph, 'meeting:x:1');
    expect(itemCalls(calls)).toEqual([
      {
        method: 'createItem',
        args: ['site-1', 'list-m', { Title: 'Möte', OperationKey: 'meeting:x:1' }, { keyed: true }],
      },
      { method: 'listItems', args: ['site-1', 'list-m', { filter: eq('OperationKey', 'meeting:x:1') }] },
    ]);
  });

  it('refuses an operation key on a list without the column, before any write', async () => {
    const { graph, calls } = recordingGraph();
    await expect(listStore(directory(), 'organisations').create(graph, {}, { operationKey: 'k' })).rejects.toThrow(
      'Organisationer has no OperationKey column',
    );
    expect(itemCalls(calls)).toEqual([]);
  });

  it('says which list is missing when the site lacks it', async () => {
    const { graph } = recordingGraph();
    await expect(listStore(directory(), 'polls').find(graph)).rejects.toThrow('List Omröstningar is missing');
  });

  it('has one store per list of the schema, each named by its key', () => {
    const stores = listStores(directory());
    expect(stores.meetings.key).toBe('meetings');
    expect(stores.workingGroups.key).toBe('workingGroups');
  });

  it('types fields from the schema: a choice column takes its choices (or empty), a number a number', () => {
    type Budget = Parameters<ReturnType<typeof listStores>['budget']['create']>[1];
    const ok: Budget = { LineKind: 'kostnad', Area: '', AmountOre: 5 };
    // @ts-expect-error not one of Kostnad/intäkt's choices
    const wrongChoice: Budget = { LineKind: 'gåva' };
    // @ts-expect-error an amount is a number of öre
    const wrongNumber: Budget = { AmountOre: '5' };
    expect([ok, wrongChoice, wrongNumber]).toHaveLength(3);
  });
});

describe('jsonColumn: JSON in a text column through one helper', () => {
  const goals = jsonColumn(z.array(z.object({ id: z.string(), tags: z.array(z.string()).default([]) })), []);

  it('reads what it wrote, with the schema applied', () => {
    expect(goals.read(goals.write([{ id: 'a', tags: ['x'] }]))).toEqual([{ id: 'a', tags: ['x'] }]);
    expect(goals.read('[{"id":"b"}]')).toEqual([{ id: 'b', tags: [] }]);
  });

  it('answers the fallback for empty, broken or foreign values, and never the same object twice', () => {
    expect(goals.read(undefined)).toEqual([]);
    expect(goals.read('')).toEqual([]);
    expect(goals.read('{not json')).toEqual([]);
    expect(goals.read('[{"id":3}]')).toEqual([]);
    expect(goals.read(42)).toEqual([]);
    const first = goals.read('');
    first.push({ id: 'mutated', tags: [] });
    expect(goals.read('')).toEqual([]);
  });

  describe('a create inside an operation (a REST write with an Idempotency-Key, a bot activity)', () => {
    const directory = () => new SiteDirectory({ hostname: 'contoso.sharepoint.com', path: '/sites/pbs' });
    /** Graph whose lookups answer `found` in turn and whose creates fail with `failures` first. */
    const scripted = (found: unknown[][], failures: GraphRequestError[]) => {
      const { graph, calls } = recordingGraph();
      const api = graph as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
      api.listItems = (...args: unknown[]) => {
        calls.push({ method: 'listItems', args });
        return Promise.resolve(found.shift() ?? []);
      };
      const created = api.createItem!;
      api.createItem = (...args: unknown[]) => {
        const failure = failures.shift();
        if (!failure) return created(...args);
        calls.push({ method: 'createItem', args });
        return Promise.reject(failure);
      };
      return { graph, calls };
    };
    const methods = (calls: Call[]) => itemCalls(calls).map((c) => c.method);
    const lost = () => new GraphRequestError(0, 'networkError', undefined, 'socket hang up');
    const earlier = { id: '3', eTag: '"e,1"', fields: { Title: 'Lokalhyra', OperationKey: 'op:k:budget' } };

    it('carries the operation key, numbered per list, and looks each up before it writes', async () => {
      const { graph, calls } = scripted([], []);
      const budget = listStore(directory(), 'budget');
      await inOperation('op:k', async () => {
        await budget.create(graph, { Title: 'a' });
        await budget.create(graph, { Title: 'b' });
      });
      const creates = itemCalls(calls).filter((c) => c.method === 'createItem');
      expect(creates.map((c) => (c.args[2] as { OperationKey: string }).OperationKey)).toEqual([
        'op:k:budget',
        'op:k:budget:2',
      ]);
      expect(creates.every((c) => (c.args[3] as { keyed: boolean }).keyed)).toBe(true);
      expect(methods(calls)).toEqual(['listItems', 'createItem', 'listItems', 'createItem']);
    });

    it('answers the item an earlier attempt of the operation made, and writes nothing', async () => {
      const { graph, calls } = scripted([[earlier]], []);
      const item = await inOperation('op:k', () => listStore(directory(), 'budget').create(graph, { Title: 'x' }));
      expect(item.id).toBe('3');
      expect(methods(calls)).toEqual(['listItems']);
    });

    it('after a lost answer looks the key up, and answers the item Graph did write', async () => {
      const { graph, calls } = scripted([[], [earlier]], [lost()]);
      const item = await inOperation('op:k', () => listStore(directory(), 'budget').create(graph, { Title: 'x' }));
      expect(item.id).toBe('3');
      expect(methods(calls)).toEqual(['listItems', 'createItem', 'listItems']);
    });

    it('sends the create again only when the lookup after a timeout finds nothing', async () => {
      const timeout = new GraphRequestError(504, 'timeout', undefined, 'No answer');
      const { graph, calls } = scripted([[], []], [timeout]);
      const { item, created } = await listStore(directory(), 'budget').createOnce(graph, { Title: 'x' }, 'k');
      expect([item.id, created]).toEqual(['7', true]);
      expect(methods(calls)).toEqual(['listItems', 'createItem', 'listItems', 'createItem']);
    });

    it('does not send again after a refusal (4xx)', async () => {
      const refused = new GraphRequestError(400, 'invalidRequest', undefined, 'bad');
      const { graph, calls } = scripted([[]], [refused]);
      await expect(listStore(directory(), 'budget').createOnce(graph, { Title: 'x' }, 'k')).rejects.toBe(refused);
      expect(methods(calls)).toEqual(['listItems', 'createItem']);
    });
  });
});

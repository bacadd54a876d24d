import type { ColumnDefinition, List } from '@microsoft/microsoft-graph-types';
import type { GraphGateway } from '../../graph/gateway';
import { GraphRequestError } from '../../graph/errors';
import { columnDefinition, listDefinition, type ListSpec } from '../../graph/lists';
import { LISTS, LIST_KEYS, type ListKey, type SiteDirectory } from '../lists';

export interface ListReport {
  key: ListKey;
  displayName: string;
  status: 'created' | 'found' | 'updated';
  columnsAdded: string[];
  /** Existing single-line text columns the schema now wants as multiple lines (long URLs), changed in place. */
  columnsWidened: string[];
  /** Existing columns the schema now wants indexed (a natural key looked up by $filter), indexed in place. */
  columnsIndexed: string[];
  /** Existing choice columns given the choices the schema added (a new status). */
  choicesAdded: string[];
}

export interface ProvisioningOptions {
  /** Called after each list is done; a test hook can throw here to simulate a run killed half-way. */
  afterList?: (report: ListReport, index: number) => void | Promise<void>;
}

/**
 * Creates the samverkan's lists and columns. It reads what exists first and only adds what is missing, so a
 * second run changes nothing and a run stopped half-way is finished by the next. A create that Graph answers
 * with a name conflict (an earlier attempt that did land) counts as found.
 */
export async function provisionLists(
  gateway: GraphGateway,
  directory: SiteDirectory,
  options: ProvisioningOptions = {},
): Promise<ListReport[]> {
  const siteId = await directory.resolveSite(gateway);
  const existing = await gateway.listLists(siteId);
  const reports: ListReport[] = [];
  for (const [index, key] of LIST_KEYS.entries()) {
    const spec: ListSpec = LISTS[key];
    const found = existing.find((l) => l.displayName === spec.displayName);
    let list: List;
    let report: ListReport;
    if (found) {
      list = found;
      report = await completeColumns(gateway, siteId, key, spec, found);
    } else {
      const outcome = await createList(gateway, siteId, spec);
      list = outcome.list;
      report = outcome.created
        ? {
            key,
            displayName: spec.displayName,
            status: 'created',
            columnsAdded: spec.columns.map((c) => c.name),
            columnsWidened: [],
            columnsIndexed: [],
            choicesAdded: [],
          }
        : await completeColumns(gateway, siteId, key, spec, outcome.list);
    }
    directory.remember(key, String(list.id));
    reports.push(report);
    await options.afterList?.(report, index);
  }
  return reports;
}

async function createList(
  gateway: GraphGateway,
  siteId: string,
  spec: ListSpec,
): Promise<{ list: List; created: boolean }> {
  try {
    return { list: await gateway.createList(siteId, listDefinition(spec)), created: true };
  } catch (error) {
    if (!(error instanceof GraphRequestError && error.status === 409)) throw error;
    const again = (await gateway.listLists(siteId)).find((l) => l.displayName === spec.displayName);
    if (!again) throw error;
    return { list: again, created: false };
  }
}

async function completeColumns(
  gateway: GraphGateway,
  siteId: string,
  key: ListKey,
  spec: ListSpec,
  list: List,
): Promise<ListReport> {
  const listId = String(list.id);
  const columns: ColumnDefinition[] = await gateway.listColumns(siteId, listId);
  const added: string[] = [];
  const changed: Record<InPlaceChange['kind'], string[]> = { widened: [], indexed: [], choices: [] };
  for (const column of spec.columns) {
    const existing = columns.find((c) => c.name === column.name);
    if (existing) {
      const change = inPlaceChange(column, existing);
      if (change) {
        await gateway.updateColumn(siteId, listId, String(existing.id), change.patch);
        changed[change.kind].push(column.name);
      }
      continue;
    }
    try {
      await gateway.createColumn(siteId, listId, columnDefinition(column));
      added.push(column.name);
    } catch (error) {
      if (!(error instanceof GraphRequestError && error.status === 409)) throw error;
    }
  }
  const changes = added.length + changed.widened.length + changed.indexed.length + changed.choices.length;
  return {
    key,
    displayName: spec.displayName,
    status: changes > 0 ? 'updated' : 'found',
    columnsAdded: added,
    columnsWidened: changed.widened,
    columnsIndexed: changed.indexed,
    choicesAdded: changed.choices,
  };
}

interface InPlaceChange {
  kind: 'widened' | 'indexed' | 'choices';
  patch: ColumnDefinition;
}

/**
 * What an existing column made by an older schema needs, changed in place as SharePoint allows, keeping its
 * data: one line of text to several (Text to Note, long URLs); an index (a natural key looked up by $filter);
 * the choices a choice column lacks (a new status). A second run finds nothing to change.
 */
function inPlaceChange(column: ListSpec['columns'][number], existing: ColumnDefinition): InPlaceChange | undefined {
  if (column.kind.type === 'multilineText' && existing.text && !existing.text.allowMultipleLines) {
    return { kind: 'widened', patch: { indexed: false, text: { allowMultipleLines: true, linesForEditing: 6 } } };
  }
  if (column.indexed && !existing.indexed) return { kind: 'indexed', patch: { indexed: true } };
  if (column.kind.type === 'choice' && existing.choice) {
    const present = existing.choice.choices ?? [];
    const missing = column.kind.choices.filter((c) => !present.includes(c));
    if (missing.length > 0) return { kind: 'choices', patch: { choice: { choices: [...present, ...missing] } } };
  }
  return undefined;
}

/** Which of the lists exist (for /readyz); reads only. */
export async function missingLists(gateway: GraphGateway, directory: SiteDirectory): Promise<string[]> {
  const siteId = await directory.resolveSite(gateway);
  const present = new Set((await gateway.listLists(siteId)).map((l) => l.displayName));
  return LIST_KEYS.map((k) => LISTS[k].displayName).filter((name) => !present.has(name));
}

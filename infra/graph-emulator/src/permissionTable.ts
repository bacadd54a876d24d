import { readFileSync } from 'node:fs';

// Read, not imported: JSON modules need import attributes that jest's ESM loader warns about on every import.
const json = (path: string): unknown => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const graphTable = json('../permissions/graph-permissions.json');
const supplement = json('../permissions/supplement.json');

/**
 * The permission rule of each Graph operation the local tenant serves, from Microsoft's own tables:
 * `permissions/graph-permissions.json` (a copy of the project's `graph-permissions.json`: the operations the app
 * uses, with sources) and, for the operations it lacks, `permissions/supplement.json` (same fields, with the
 * Learn page of each). Where a row carries the rendered page's values (`learnPage`) they win, as its README says.
 * Least and higher privileged both suffice; nothing else does (no implication table of our own).
 */
export interface OperationRule {
  operation: string;
  /** Delegated (work or school) permissions, any one suffices; empty: not supported delegated. */
  delegated: readonly string[];
  /** Application permissions, any one suffices; `.Group` ones are resource-specific consent. */
  application: readonly string[];
  /** Resource-specific consent permissions, held in a team where the app is installed. */
  rsc: readonly string[];
  source: 'graph-permissions.json' | 'supplement.json';
}

interface LeastHigher {
  least: string[];
  higher: string[];
}

interface TableRow {
  operation: string;
  delegatedWork: LeastHigher;
  application: LeastHigher;
  rsc: string[];
  learnPage?: { delegatedWork?: LeastHigher | null; application?: LeastHigher | null } | null;
}

/** `$batch` has no permission of its own: each inner request is authorised as if sent alone. */
export const NO_PERMISSION_OF_ITS_OWN: ReadonlySet<string> = new Set(['POST /$batch']);

const both = (p: LeastHigher | null | undefined) => (p ? [...p.least, ...p.higher] : []);

/** The rule a row states: the rendered page's values where the row has them. */
export function ruleOfRow(row: TableRow, source: OperationRule['source']): OperationRule {
  return {
    operation: row.operation,
    delegated: both(row.learnPage?.delegatedWork ?? row.delegatedWork),
    application: both(row.learnPage?.application ?? row.application),
    rsc: [...row.rsc],
    source,
  };
}

export const GRAPH_TABLE_ROWS: readonly TableRow[] = graphTable as TableRow[];
export const SUPPLEMENT_ROWS: readonly TableRow[] = (supplement as { rows: TableRow[] }).rows;

function buildRules(): Map<string, OperationRule> {
  const rules = new Map<string, OperationRule>();
  for (const row of GRAPH_TABLE_ROWS) rules.set(row.operation, ruleOfRow(row, 'graph-permissions.json'));
  for (const row of SUPPLEMENT_ROWS)
    if (!rules.has(row.operation)) rules.set(row.operation, ruleOfRow(row, 'supplement.json'));
  return rules;
}

export const OPERATION_RULES: ReadonlyMap<string, OperationRule> = buildRules();

/** Every permission any row names, for the inspection principal. */
export function everyPermission(): string[] {
  const all = new Set<string>(['Sites.FullControl.All']);
  for (const rule of OPERATION_RULES.values()) for (const p of [...rule.application, ...rule.rsc]) all.add(p);
  return [...all].sort();
}

/** Every delegated permission any row names. */
export function everyDelegatedPermission(): string[] {
  const all = new Set<string>(['User.Read']);
  for (const rule of OPERATION_RULES.values()) for (const p of rule.delegated) all.add(p);
  return [...all].sort();
}

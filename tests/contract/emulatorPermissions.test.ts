import { describe, expect, it } from '@jest/globals';
import type { NamedOperation, Route } from '../../infra/graph-emulator/src/routing';
import { MODULES } from '../../infra/graph-emulator/src/modules';
import {
  GRAPH_TABLE_ROWS,
  NO_PERMISSION_OF_ITS_OWN,
  OPERATION_RULES,
  SUPPLEMENT_ROWS,
  ruleOfRow,
} from '../../infra/graph-emulator/src/permissionTable';

/**
 * Issue #13: every route of the local tenant is checked against the row of Microsoft's permission table for its
 * operation (`permissions/graph-permissions.json`, the project's copy, or `supplement.json` for operations the app
 * does not use). This fails when a route has no row, when its rule differs from the row, or when a route's name
 * does not describe its path (a misnamed route would be checked against another operation's row).
 */
const mounted: Route[] = MODULES.flatMap((m) => [...(m.routes ?? [])]);
const dispatched: NamedOperation[] = MODULES.flatMap((m) => [...(m.dispatchedRoutes?.operations ?? [])]);
const every: NamedOperation[] = [...mounted, ...dispatched];

/**
 * A path's shape, parameters as `*`: `{team-id}` and `:teamId` alike. A remark in the operation's name
 * (`(and /me/events)`) and express's escapes (a backslash before `$ref`) are dropped.
 */
const shape = (path: string) =>
  path
    .replace(/ \(.*\)$/, '')
    .replaceAll('\\', '')
    .split('?')[0]!
    .split('/')
    .map((segment) => (/^\{.*\}$|^:/.test(segment) ? '*' : segment.replace(/\(.*\)$/, '')))
    .join('/')
    .toLowerCase();

describe('the local tenant authorises every route by Microsoft\u2019s table', () => {
  it('serves a set of routes (the test reads them all)', () => {
    expect(mounted.length).toBeGreaterThan(30);
    expect(dispatched.length).toBeGreaterThan(5);
  });

  it.each(every.map((r) => [r.operation, r] as const))('%s has a permission row', (_name, route) => {
    if (NO_PERMISSION_OF_ITS_OWN.has(route.operation)) return;
    expect(OPERATION_RULES.has(route.operation)).toBe(true);
    expect(route.operation.startsWith(`${route.method} `)).toBe(true);
  });

  it('checks each route with exactly the rule of its row in graph-permissions.json, where the app uses it', () => {
    for (const row of GRAPH_TABLE_ROWS) {
      const rule = OPERATION_RULES.get(row.operation);
      expect(rule).toEqual(ruleOfRow(row, 'graph-permissions.json'));
    }
  });

  it('never lets the supplement override or repeat a row of graph-permissions.json, and names its source', () => {
    const main = new Set(GRAPH_TABLE_ROWS.map((r) => r.operation));
    const seen = new Set<string>();
    for (const row of SUPPLEMENT_ROWS as readonly ((typeof SUPPLEMENT_ROWS)[number] & { source?: string })[]) {
      expect(main.has(row.operation)).toBe(false);
      expect(seen.has(row.operation)).toBe(false);
      seen.add(row.operation);
      expect(row.source).toMatch(/^https:\/\/learn\.microsoft\.com\/graph\/api\//);
    }
  });

  it('has no row that no route serves, except the operations the app calls elsewhere', () => {
    const served = new Set(every.map((r) => r.operation));
    const unserved = [...OPERATION_RULES.keys()].filter((op) => !served.has(op));
    expect(unserved).toEqual([]);
  });

  it('names each mounted route by its own path', () => {
    const misnamed = mounted.filter((route) => {
      const opPath = route.operation.slice(route.method.length + 1);
      const paths = typeof route.path === 'string' ? [route.path] : [...route.path];
      return !paths.some((p) => shape(p) === shape(opPath));
    });
    expect(misnamed.map((r) => `${r.operation} ← ${String(r.path)}`)).toEqual([]);
  });
});

import { describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AuditLine } from '../../infra/graph-emulator/src/controls/requestLog';
import { DECLARED_GRANTS } from '../../infra/graph-emulator/src/grants';
import { NO_PERMISSION_OF_ITS_OWN, OPERATION_RULES } from '../../infra/graph-emulator/src/permissionTable';

/**
 * Issue #13's request-log test. The integration, bot, security and reliability suites run with
 * GRAPH_PERMISSION_AUDIT set (`.ci/run` and `npm test` do it); every tenant with the app's own registration appends
 * what it authorised. Checked here again, independently of the tenant's own check: each (operation, principal) the
 * app sent is allowed by Microsoft's row for the operation through a permission the registration or the Teams
 * manifest's RSC declares. Prints the table of operations with the permission that allowed each.
 */
const AUDIT = process.env.GRAPH_PERMISSION_AUDIT ?? '.tmp/graph-audit.jsonl';
const TABLE = '.tmp/graph-permissions-used.md';
/** A whole run sends thousands; a smaller number means the suites ran without the audit. */
const AT_LEAST = Number(process.env.GRAPH_PERMISSION_AUDIT_MIN ?? 1000);

interface Row {
  operation: string;
  principal: string;
  allowedBy: Set<string>;
  allowed: number;
  refused: Map<number, number>;
}

function lines(): AuditLine[] {
  return readFileSync(AUDIT, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as AuditLine);
}

/** Why a permission that allowed a request is not one the registration may use for it; undefined when it is. */
function wrongGrant(line: AuditLine): string | undefined {
  const operation = line.operation ?? '';
  if (NO_PERMISSION_OF_ITS_OWN.has(operation)) return undefined;
  const rule = OPERATION_RULES.get(operation);
  if (!rule) return 'no row in graph-permissions.json or supplement.json';
  const by = line.allowedBy;
  if (!by) return 'allowed without a permission';
  if (line.principal === 'delegated')
    return rule.delegated.includes(by.permission) && DECLARED_GRANTS.delegated.includes(by.permission)
      ? undefined
      : `delegated ${by.permission} is not both in the row and in the registration`;
  if (by.via === 'role')
    return rule.application.includes(by.permission) && DECLARED_GRANTS.application.includes(by.permission)
      ? undefined
      : `application ${by.permission} is not both in the row and in the registration`;
  if (by.via === 'rsc')
    return [...rule.rsc, ...rule.application].includes(by.permission) && DECLARED_GRANTS.rsc.includes(by.permission)
      ? undefined
      : `RSC ${by.permission} is not both in the row and in the Teams manifest`;
  const site = /^Sites\.Selected \((.+)\)$/.exec(by.permission)?.[1];
  return site && rule.application.includes(site) && DECLARED_GRANTS.application.includes('Sites.Selected')
    ? undefined
    : `site grant ${by.permission} does not stand for a permission of the row`;
}

function table(rows: Row[]): string {
  const out = ['| operation | principal | allowed by | allowed | refused |', '|---|---|---|---:|---|'];
  for (const r of rows) {
    const refused = [...r.refused].map(([status, n]) => `${n}× ${status}`).join(', ');
    out.push(`| ${r.operation} | ${r.principal} | ${[...r.allowedBy].join(', ')} | ${r.allowed} | ${refused} |`);
  }
  return out.join('\n');
}

describe('every Graph request the app sent in the test run was allowed by what it is granted', () => {
  it('finds the audit of the integration suites', () => {
    expect(existsSync(AUDIT)).toBe(true);
  });

  it('allowed each (operation, principal) by its row and a declared permission, and prints the table', () => {
    const all = lines();
    expect(all.length).toBeGreaterThanOrEqual(AT_LEAST);
    const rows = new Map<string, Row>();
    const wrong: string[] = [];
    for (const line of all) {
      const key = `${line.operation} · ${line.principal}`;
      const row = rows.get(key) ?? {
        operation: line.operation ?? '',
        principal: line.principal ?? '',
        allowedBy: new Set<string>(),
        allowed: 0,
        refused: new Map<number, number>(),
      };
      rows.set(key, row);
      if (line.status === 401 || line.status === 403) {
        row.refused.set(line.status, (row.refused.get(line.status) ?? 0) + 1);
        continue;
      }
      row.allowed += 1;
      if (line.allowedBy) row.allowedBy.add(`${line.allowedBy.permission} (${line.allowedBy.via})`);
      const why = wrongGrant(line);
      if (why) wrong.push(`${key}: ${why}`);
    }
    const sorted = [...rows.values()].sort((a, b) => a.operation.localeCompare(b.operation));
    const text = table(sorted);
    mkdirSync(dirname(TABLE), { recursive: true });
    writeFileSync(TABLE, `${text}\n`);
    console.log(`Graph operations the app sent in the test run (${all.length} requests):\n${text}`);
    expect([...new Set(wrong)]).toEqual([]);
    // The journeys reach both kinds of principal, and the RSC and site grants (else the audit proves little).
    const vias = new Set(all.map((l) => l.allowedBy?.via));
    expect([...vias].filter(Boolean).sort()).toEqual(['role', 'rsc', 'scope', 'site']);
  });
});

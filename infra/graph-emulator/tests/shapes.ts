import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Microsoft's documented example answers (tests/fixtures/graph-shapes.json, a copy of the shapes extracted from
 * microsoftgraph/microsoft-graph-docs-contrib) and a field-by-field comparison of a real answer with them.
 */
export type Shape =
  | string
  | { type: 'object'; properties?: Record<string, Shape>; isOptional?: boolean; note?: string }
  | { type: 'array'; items?: Shape }
  | { type: 'none'; note?: string }
  | { type: 'number'; note?: string }
  | { anyOf: Shape[]; note?: string };

export interface DocumentedAnswer {
  name?: string;
  status: number;
  headers: Record<string, string>;
  body: Shape;
  source?: string;
}

export interface DocumentedOperation extends DocumentedAnswer {
  method: string;
  path: string;
  variants?: DocumentedAnswer[];
  notes?: string[];
}

const here = dirname(fileURLToPath(import.meta.url));

export function documentedOperations(): DocumentedOperation[] {
  const file = JSON.parse(readFileSync(join(here, 'fixtures', 'graph-shapes.json'), 'utf8')) as {
    operations: DocumentedOperation[];
  };
  return file.operations;
}

export function operationKey(op: { method: string; path: string }): string {
  return `${op.method} ${op.path}`;
}

/** Paths (as `a.b[].c`) the docs mark optional in their notes; they are checked only when present. */
export type OptionalPaths = ReadonlySet<string>;

/**
 * Every property the documented example carries must be in the answer, with the same JSON type. A value the
 * example shows may be `null` in the answer (Graph answers null for a property that is not set); a `null` in the
 * example says nothing about the type. An array the example fills must be filled in the answer too, or its items
 * could not be compared.
 */
export function compareShape(shape: Shape, value: unknown, optional: OptionalPaths = new Set(), path = ''): string[] {
  if (typeof shape === 'string') {
    if (value === null || shape.startsWith('unknown') || shape === 'null') return [];
    const types = shape.split('|');
    const actual = Array.isArray(value) ? 'array' : typeof value;
    return types.includes(actual) ? [] : [`${path || '(body)'}: documented ${shape}, answered ${actual}`];
  }
  if ('anyOf' in shape) {
    const results = shape.anyOf.map((s) => compareShape(s, value, optional, path));
    return results.some((r) => r.length === 0) ? [] : (results[0] ?? []);
  }
  switch (shape.type) {
    case 'none':
      return value === undefined || value === '' ? [] : [`${path || '(body)'}: documented no body`];
    case 'number':
      return typeof value === 'number' ? [] : [`${path || '(body)'}: documented a number`];
    case 'array': {
      if (!Array.isArray(value)) return [`${path}: documented an array, answered ${describe(value)}`];
      const items = shape.items;
      if (items === undefined || (typeof items === 'string' && items.startsWith('unknown'))) return [];
      if (value.length === 0) return [`${path}[]: documented items, answered an empty array`];
      return value.flatMap((item) => compareShape(items, item, optional, `${path}[]`));
    }
    case 'object': {
      if (value === null || typeof value !== 'object' || Array.isArray(value))
        return [`${path || '(body)'}: documented an object, answered ${describe(value)}`];
      const record = value as Record<string, unknown>;
      const problems: string[] = [];
      for (const [key, child] of Object.entries(shape.properties ?? {})) {
        const childPath = path ? `${path}.${key}` : key;
        if (!(key in record)) {
          if (!optional.has(childPath)) problems.push(`${childPath}: missing`);
          continue;
        }
        problems.push(...compareShape(child, record[key], optional, childPath));
      }
      return problems;
    }
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

/** The documented headers that an answer must carry (transport headers such as Content-Length excepted). */
export function compareHeaders(documented: Record<string, string>, headers: Headers, hasBody: boolean): string[] {
  const problems: string[] = [];
  for (const [name, value] of Object.entries(documented)) {
    if (/^content-length$/i.test(name)) continue;
    if (/only when prefer sent/i.test(value) && !headers.has(name)) continue;
    if (/^content-type$/i.test(name)) {
      if (!hasBody) continue;
      const expected = value.split(';')[0]!.trim();
      if (!(headers.get(name) ?? '').startsWith(expected))
        problems.push(`header ${name}: documented ${expected}, answered ${headers.get(name) ?? 'none'}`);
      continue;
    }
    if (!headers.has(name)) problems.push(`header ${name}: missing`);
  }
  return problems;
}

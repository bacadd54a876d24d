import { describe, expect, it } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const TAB = join(ROOT, 'src/tab');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const files = sources(TAB).map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }));

/** The tab's own form schemas: what a form checks before it asks (not an answer the API sends). */
const FORM_SCHEMAS = new Set(['src/tab/contacts/edit/form.ts:formSchema']);

describe('the tab speaks the API contract (src/contract), it does not re-declare it', () => {
  it("declares no zod schema of its own, apart from form schemas and envelopes around the contract's", () => {
    const declared = files.flatMap(({ path, text }) =>
      [...text.matchAll(/const (\w+)\s*(?::[^=]+)?=\s*z\s*\.\s*(?:object|enum|array|union|record)\(/g)]
        // `z.object({ group: workingGroupSchema })`: the answer's envelope around a schema of the contract.
        .filter((match) => !/^\{\s*\w+:\s*\w+Schema\s*\}\)/.test(text.slice((match.index ?? 0) + match[0].length)))
        .map((match) => `${path}:${match[1]}`),
    );
    expect(declared.filter((name) => !FORM_SCHEMAS.has(name))).toEqual([]);
  });

  it('writes no list of domain values as literals in a zod enum', () => {
    const literalEnums = files.filter(({ text }) => /z\s*\.\s*enum\(\s*\[/.test(text)).map(({ path }) => path);
    expect(literalEnums).toEqual([]);
  });

  it('has every feature API client import its schemas from src/contract', () => {
    const clients = files.filter(({ path }) => /src\/tab\/(?:[^/]+\/)?(?:api|planApi)\.ts$/.test(path));
    expect(clients.length).toBeGreaterThanOrEqual(7);
    const withoutContract = clients
      .filter(({ text }) => !/from '(?:\.\.\/)+contract(?:\/\w+)?'/.test(text))
      .map(({ path }) => path);
    expect(withoutContract).toEqual([]);
  });
});

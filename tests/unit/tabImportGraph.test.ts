import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(import.meta.dirname, '../..');
const ENTRIES = ['src/tab/main.tsx', 'src/tab/configMain.tsx', 'src/tab/authStart.ts', 'src/tab/authEnd.ts'];

function resolveRelative(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')])
    if (existsSync(candidate) && candidate.match(/\.tsx?$/)) return candidate;
  return undefined;
}

/** Every file and package the tab's entry points reach through static and dynamic imports. */
function tabImportGraph(): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = ENTRIES.map((entry) => join(ROOT, entry)).filter((entry) => existsSync(entry));
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (files.has(file)) continue;
    files.add(file);
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith('.')) {
        packages.add(fileName.startsWith('@') ? fileName.split('/').slice(0, 2).join('/') : fileName.split('/')[0]!);
        continue;
      }
      const target = resolveRelative(file, fileName);
      if (target) queue.push(target);
    }
  }
  return { files, packages };
}

/**
 * What the first load of the tab carries: the files `main.tsx` reaches through static value imports only
 * (`import type` is erased, `import()` is a chunk of its own), as the bundler builds the initial chunks.
 */
function initialLoad(): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [join(ROOT, 'src/tab/main.tsx')];
  const staticImport = /^(?:import|export)\s+(?!type\b)(?:([^'";]*?)\sfrom\s+)?['"]([^'"]+)['"]/gm;
  // `import { type A, type B } from` is erased as well (TypeScript drops an import of types only).
  const typesOnly = (clause: string | undefined) =>
    clause !== undefined &&
    /^\{[^}]*\}$/.test(clause.trim()) &&
    clause
      .trim()
      .slice(1, -1)
      .split(',')
      .map((name) => name.trim())
      .every((name) => name === '' || /^type\s/.test(name));
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (files.has(file)) continue;
    files.add(file);
    for (const [, clause, specifier] of readFileSync(file, 'utf8').matchAll(staticImport)) {
      if (typesOnly(clause)) continue;
      if (!specifier!.startsWith('.')) {
        packages.add(
          specifier!.startsWith('@') ? specifier!.split('/').slice(0, 2).join('/') : specifier!.split('/')[0]!,
        );
        continue;
      }
      const target = resolveRelative(file, specifier!);
      if (target) queue.push(target);
    }
  }
  return { files, packages };
}

describe('what the tab bundle pulls in', () => {
  const graph = tabImportGraph();
  const files = [...graph.files].map((file) => relative(ROOT, file));

  it('reaches its own entry points and the domain calendar', () => {
    expect(files).toContain('src/tab/main.tsx');
    expect(files).toContain('src/tab/App.tsx');
  });

  it('never reaches date-holidays, which stays on the server (src/domain/holidays.ts)', () => {
    expect(graph.packages).not.toContain('date-holidays');
    expect(files).not.toContain('src/domain/holidays.ts');
  });

  it('imports nothing from api/', () => {
    expect(files.filter((file) => file.startsWith('api/'))).toEqual([]);
  });
});

describe('what the first load of the tab carries (issue #18: initial JS)', () => {
  const first = initialLoad();
  const files = [...first.files].map((file) => relative(ROOT, file));

  it('reaches the shell and Översikt', () => {
    expect(files).toContain('src/tab/Shell.tsx');
    expect(files).toContain('src/tab/pages/Overview.tsx');
  });

  it('carries no luxon and no calendar rules: the contract and Översikt use the wall clock (src/domain/wallClock.ts)', () => {
    expect(first.packages).not.toContain('luxon');
    expect(files).not.toContain('src/domain/calendar.ts');
    expect(files).not.toContain('src/domain/meetings.ts');
  });

  it('loads the pages and the browser sign-in on demand', () => {
    expect(files).not.toContain('src/tab/pages/Meetings.tsx');
    expect(first.packages).not.toContain('@azure/msal-browser');
  });
});

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

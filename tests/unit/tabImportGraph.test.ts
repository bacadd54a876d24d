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

/** Every file and package reached from the entries, following the specifiers `importsOf` reads from a file. */
function importGraph(entries: string[], importsOf: (source: string) => string[]) {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = entries.map((entry) => join(ROOT, entry)).filter((entry) => existsSync(entry));
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (files.has(file)) continue;
    files.add(file);
    for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
      if (!specifier.startsWith('.')) {
        packages.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);
        continue;
      }
      const target = resolveRelative(file, specifier);
      if (target) queue.push(target);
    }
  }
  return { files, packages };
}

/** Every file and package the tab's entry points reach through static and dynamic imports. */
const tabImportGraph = () =>
  importGraph(ENTRIES, (source) => ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName));

const STATIC_IMPORT = /^(?:import|export)\s+(?!type\b)(?:([^'";]*?)\sfrom\s+)?['"]([^'"]+)['"]/gm;
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

/**
 * What the first load of the tab carries: the files `main.tsx` reaches through static value imports only
 * (`import type` is erased, `import()` is a chunk of its own), as the bundler builds the initial chunks.
 */
const initialLoad = () =>
  importGraph(['src/tab/main.tsx'], (source) =>
    [...source.matchAll(STATIC_IMPORT)].filter(([, clause]) => !typesOnly(clause)).map(([, , specifier]) => specifier!),
  );

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

/**
 * Every source file of the tab's first load (issue #18: ≤ 140 kB gzip, tests/contract/tabBundle.test.ts). A file
 * added here grows what every user loads before Översikt shows: a page's code, its strings (src/tab/i18n/pages.ts),
 * a dialog opened after a click or a schema (src/tab/apiSchemas.ts) belongs in a chunk loaded on demand instead.
 */
const FIRST_LOAD_FILES = [
  'src/contract/idempotency.ts',
  'src/domain/errors.ts',
  'src/domain/meetingLists.ts',
  'src/domain/roles.ts',
  'src/domain/wallClock.ts',
  'src/tab/App.tsx',
  'src/tab/Shell.tsx',
  'src/tab/api.ts',
  'src/tab/app/PlainPhase.tsx',
  'src/tab/app/useStartup.ts',
  'src/tab/format.ts',
  'src/tab/i18n.tsx',
  'src/tab/i18n/assignments.ts',
  'src/tab/i18n/rhythm.ts',
  'src/tab/i18n/ux.ts',
  'src/tab/idempotency.ts',
  'src/tab/main.tsx',
  'src/tab/overview/MyAssignments.tsx',
  'src/tab/overview/OverviewSections.tsx',
  'src/tab/overview/TodoList.tsx',
  'src/tab/overview/rhythmText.ts',
  'src/tab/pages/Overview.tsx',
  'src/tab/pages/Placeholder.tsx',
  'src/tab/routes.ts',
  'src/tab/services.tsx',
  'src/tab/session.ts',
  'src/tab/shell/Page.tsx',
  'src/tab/shell/ShellHeader.tsx',
  'src/tab/shell/ShellNav.tsx',
  'src/tab/shell/styles.ts',
  'src/tab/shell/useFocusHeading.ts',
  'src/tab/teams.ts',
  'src/tab/theme.ts',
  'src/tab/ui/PageHeading.tsx',
  'src/tab/ui/errors.ts',
  'src/tab/ui/status.tsx',
  'src/tab/ui/styles.ts',
];

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

  it('is exactly the shell, Översikt and what they share: no page, page strings, dialog or schema grows it', () => {
    expect([...files].sort()).toEqual(FIRST_LOAD_FILES);
  });

  it('carries no zod and no contract schema: they come with the first request (src/tab/apiSchemas.ts)', () => {
    expect(first.packages).not.toContain('zod');
    expect(files.filter((file) => file.startsWith('src/contract/') && file !== 'src/contract/idempotency.ts')).toEqual(
      [],
    );
  });

  it("carries no page's strings and no barrel index", () => {
    expect(files.filter((file) => /^src\/tab\/i18n\/(?!ux|assignments|rhythm)/.test(file))).toEqual([]);
    expect(files.filter((file) => /\/index\.tsx?$/.test(file))).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { bundleSizes, kB, type BundleSizes } from '../bench/bundleSizes';

const ROOT = resolve(import.meta.dirname, '../..');
/** Issue #18: the tab's initial JavaScript (index.html's entry and its static imports), gzip level 9. */
const INITIAL_BUDGET_KB = 140;
const LAZY_PAGES = ['Activities', 'Budget', 'Contacts', 'Decisions', 'Meetings', 'WorkingGroups'];

/**
 * The built tab (vite build, as `npm run build` and the bench make it). The build is deterministic: the same
 * sources give the same files, so the size is a property of the code, not of the machine or the moment.
 */
describe("the tab's first load as built (issue #18)", () => {
  let outDir: string;
  let sizes: BundleSizes;
  let manifest: Record<string, { file: string; isDynamicEntry?: boolean }>;

  beforeAll(() => {
    outDir = mkdtempSync(join(tmpdir(), 'tab-bundle-'));
    const vite = join(ROOT, 'node_modules/vite/bin/vite.js');
    execFileSync(process.execPath, [vite, 'build', '--logLevel', 'error', '--outDir', outDir, '--manifest'], {
      cwd: ROOT,
      stdio: 'pipe',
      // Jest sets NODE_ENV=test, which vite would build with (React's development code): build as `npm run build`.
      env: { ...process.env, NODE_ENV: 'production' },
    });
    sizes = bundleSizes(outDir);
    manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as typeof manifest;
  }, 120_000);

  afterAll(() => {
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it(`is at most ${INITIAL_BUDGET_KB} kB gzip`, () => {
    expect(kB(sizes.initialGzipBytes)).toBeLessThanOrEqual(INITIAL_BUDGET_KB);
  });

  it("loads every page but Översikt, the pages' strings, the schemas and teams-js on demand, none in the first load", () => {
    const lazy = Object.entries(manifest).filter(([, chunk]) => chunk.isDynamicEntry);
    const keys = lazy.map(([key]) => key);
    for (const page of LAZY_PAGES) expect(keys).toContain(`pages/${page}.tsx`);
    expect(keys).toContain('i18n/pages.ts');
    expect(keys).toContain('apiSchemas.ts');
    expect(keys.some((key) => key.includes('@microsoft/teams-js'))).toBe(true);
    const initial = new Set(sizes.initialFiles);
    expect(lazy.filter(([, chunk]) => initial.has(chunk.file)).map(([key]) => key)).toEqual([]);
  });
});

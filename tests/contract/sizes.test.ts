import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MAX_FILE_LINES, MAX_FUNCTION_LINES, measure } from '../../scripts/sizes';
import { SIZE_ALLOWLIST } from './sizes.allowlist';

const ROOT = resolve(import.meta.dirname, '../..');

describe(`no file over ${MAX_FILE_LINES} lines and no function over ${MAX_FUNCTION_LINES} (issue #14)`, () => {
  const violations = measure(ROOT);

  it('finds nothing outside the allowlist', () => {
    const unlisted = violations.filter((v) => !(v.key in SIZE_ALLOWLIST)).map((v) => `${v.key} (${v.lines} lines)`);
    expect(unlisted).toEqual([]);
  });

  it('lists nothing that is no longer too long (delete the line when it shrinks)', () => {
    const found = new Set(violations.map((v) => v.key));
    expect(Object.keys(SIZE_ALLOWLIST).filter((key) => !found.has(key))).toEqual([]);
  });

  it('gives every exception a reason', () => {
    expect(Object.entries(SIZE_ALLOWLIST).filter(([, why]) => why.trim().length < 10)).toEqual([]);
  });
});

describe('the measure itself', () => {
  it('names long files, methods, arrows and callbacks by where they stand, and lets short ones be', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sizes-'));
    try {
      mkdirSync(join(dir, 'code'));
      const body = (n: number) => Array.from({ length: n }, (_, i) => `  const v${i} = ${i};`).join('\n');
      const code = [
        `export function short() {\n${body(78)}\n}`, // 80 lines: at the limit
        `export function long() {\n${body(79)}\n}`, // 81 lines
        `class Store {\n  read() {\n${body(79)}\n  }\n}`,
        `const handler = () => {\n${body(79)}\n};`,
        `router.get('/x', () => {\n${body(79)}\n});`,
        body(20),
      ].join('\n');
      writeFileSync(join(dir, 'code/a.ts'), `${code}\n`);
      writeFileSync(join(dir, 'code/b.tsx'), `${body(400)}\n`);
      expect(measure(dir, ['code'])).toEqual([
        { key: 'code/a.ts', lines: 426 },
        { key: 'code/a.ts#handler', lines: 81 },
        { key: 'code/a.ts#long', lines: 81 },
        { key: "code/a.ts#router.get('/x') callback", lines: 81 },
        { key: 'code/a.ts#Store.read', lines: 81 },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

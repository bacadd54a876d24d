import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';

const ROOT = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });

/** The layer-rule messages ESLint gives a one-line file at `filePath` that imports `specifier`. */
async function refusals(filePath: string, specifier: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import '${specifier}';\n`, { filePath: join(ROOT, filePath) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the layers, as eslint.config.js enforces them', () => {
  it.each([
    ['src/domain/x.ts', 'node:fs'],
    ['src/domain/x.ts', 'express'],
    ['src/domain/x.ts', 'better-sqlite3'],
    ['src/domain/x.ts', '@microsoft/microsoft-graph-client'],
    ['src/domain/x.ts', 'react'],
    ['src/domain/x.ts', '../tab/api'],
    ['src/contract/x.ts', 'date-holidays'],
    ['src/contract/x.ts', 'node:fs'],
    ['src/contract/x.ts', '../../api/config'],
    ['src/contract/x.ts', '../tab/api'],
    ['api/services/meetings/x.ts', '../../http/errors'],
    ['api/services/meetings/x.ts', '../../routes/api'],
    ['api/services/meetings/x.ts', '../../bot'],
    ['api/services/meetings/x.ts', '../contacts/service'],
    ['api/services/x.ts', './meetings/service'],
    ['api/services/x.ts', '../http/errors'],
    ['api/routes/x.ts', '../services/meetings/service'],
    ['api/routes/x.ts', '../../infra/graph-emulator/src'],
    ['api/graph/x.ts', '../auth/tokenProvider'],
    ['src/tab/x.ts', '../../api/services'],
    ['src/tab/meetings/x.tsx', '../../../api/config'],
    ['src/tab/meetings/x.tsx', '../../../infra/graph-emulator/src'],
    ['infra/graph-emulator/src/x.ts', '../../../api/config'],
    ['infra/graph-emulator/src/resources/x.ts', '../../../../src/domain'],
    ['tests/x.test.ts', '../api/services/meetings/service'],
  ])('%s may not import %s', async (file, specifier) => {
    expect(await refusals(file, specifier)).not.toEqual([]);
  });

  it.each([
    ['src/domain/x.ts', './money'],
    ['src/domain/x.ts', 'zod'],
    ['src/contract/x.ts', 'zod'],
    ['src/contract/x.ts', '../domain/roles'],
    ['src/contract/x.ts', './common'],
    ['api/services/meetings/x.ts', '../contacts'],
    ['api/services/meetings/x.ts', './register'],
    ['api/services/meetings/x.ts', '../../graph/calendar'],
    ['api/services/meetings/x.ts', '../../../src/contract'],
    ['api/services/x.ts', './meetings'],
    ['api/routes/x.ts', '../services/meetings'],
    ['src/tab/meetings/x.tsx', '../api'],
    ['src/tab/meetings/x.tsx', '../../contract'],
    ['infra/graph-emulator/src/x.ts', './store'],
    ['infra/graph-emulator/tests/x.test.ts', '../src'],
    ['tests/x.test.ts', '../infra/graph-emulator/src'],
    ['tests/x.test.ts', '../api/services/meetings'],
  ])('%s may import %s', async (file, specifier) => {
    expect(await refusals(file, specifier)).toEqual([]);
  });
});

function resolveRelative(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  return [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
}

describe('src/contract, which the tab imports', () => {
  it('reaches only zod, luxon and holiday-free parts of src/domain', () => {
    const files = new Set<string>();
    const packages = new Set<string>();
    const queue = [join(ROOT, 'src/contract/index.ts')];
    while (queue.length > 0) {
      const file = queue.pop() as string;
      if (files.has(file)) continue;
      files.add(file);
      for (const { fileName } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
        if (!fileName.startsWith('.')) packages.add(fileName);
        const target = fileName.startsWith('.') ? resolveRelative(file, fileName) : undefined;
        if (target) queue.push(target);
      }
    }
    expect([...packages].sort()).toEqual(['luxon', 'zod']);
    const outside = [...files].map((f) => relative(ROOT, f)).filter((f) => !/^src\/(contract|domain)\//.test(f));
    expect(outside).toEqual([]);
    expect([...files].map((f) => relative(ROOT, f))).not.toContain('src/domain/holidays.ts');
  });
});

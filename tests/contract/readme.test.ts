import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { CONFIG_ENV_NAMES } from '../../api/config';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

describe('README stays true', () => {
  it('documents every setting the server reads in its configuration table', () => {
    const undocumented = CONFIG_ENV_NAMES.filter((name) => !readme.includes(`\`${name}\``));
    expect(undocumented).toEqual([]);
  });

  it('has the two quick-start commands, and every npm script it names exists', () => {
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm install && npm test');
    const named = [...readme.matchAll(/`npm run ([a-z0-9:]+)/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(3);
    expect(named.filter((script) => !(script in packageJson.scripts))).toEqual([]);
  });

  it('says what every runtime dependency is for', () => {
    const unexplained = Object.keys(packageJson.dependencies).filter((name) => !readme.includes(name));
    expect(unexplained).toEqual([]);
  });
});

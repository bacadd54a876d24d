// `npm test`: every jest project, then the permission audit of the Graph requests they sent (issue #13).
// With arguments (`npm test -- tests/unit`), only jest with those arguments: a partial run has no whole audit.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const jest = (args, env = process.env) =>
  spawnSync(process.execPath, ['--experimental-vm-modules', 'node_modules/jest/bin/jest.js', ...args], {
    stdio: 'inherit',
    env,
  }).status ?? 1;

const args = process.argv.slice(2);
if (args.length > 0) process.exit(jest(args));

mkdirSync('.tmp', { recursive: true });
const audit = resolve('.tmp/graph-audit.jsonl');
rmSync(audit, { force: true });
const env = { ...process.env, GRAPH_PERMISSION_AUDIT: audit };
const suites = jest([], env);
const permissions = jest(['--config', 'jest.audit.config.js'], env);
process.exit(suites || permissions);

// Builds the tab once for the whole browser run; each suite's buildTab() then finds it built (12 builds took ~200 s).
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

export default function buildTabOnce() {
  execFileSync(process.execPath, [resolve('node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  process.env.E2E_TAB_BUILT = '1';
}

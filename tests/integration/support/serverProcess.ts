import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { localTenantEnv } from '../../../scripts/start';
import type { Stack } from './stack';

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** What the process has printed so far (stdout and stderr). */
  output(): string;
}

/**
 * The server as `npm start` runs it, in a child process joined to the test's local tenant, its state under `dir`
 * (kept across a kill, so a restart on the same dir resumes). Resolves once the banner names the REST API.
 */
export async function spawnServer(
  stack: Stack,
  dir: string,
  env: Record<string, string>,
  name = 'server',
): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: {
      PATH: process.env.PATH,
      ...localTenantEnv(stack.tenant),
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dir,
      TAB_DIST_DIR: join(dir, 'tab'),
      GRAPH_RETRY_DELAY_SECONDS: '0.01',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /REST-API:\s+(http:\/\/127\.0\.0\.1:\d+)\/api\/config/.exec(output);
      if (match) {
        clearInterval(timer);
        resolve(match[1] as string);
      }
    }, 50);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`${name} exited (${code}):\n${output}`));
    });
  });
  return { url, child, output: () => output };
}

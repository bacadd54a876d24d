/**
 * Azurite, Microsoft's Azure Storage emulator (npm `azurite`), as a child process on random ports with in-memory
 * persistence, for the Azure state store's tests and the two-instance test: started and stopped like the local
 * tenant. The well-known development account signs the requests (its key is public, documented by Azurite).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const AZURITE_ACCOUNT = 'devstoreaccount1';
export const AZURITE_ACCOUNT_KEY =
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';

export interface RunningAzurite {
  blobEndpoint: string;
  tableEndpoint: string;
  connectionString: string;
  close(): Promise<void>;
}

const LISTENING = /Azurite (Blob|Queue|Table) service is successfully listening at (http:\/\/\S+)/;

export async function startAzurite(options: { timeoutMs?: number } = {}): Promise<RunningAzurite> {
  const require = createRequire(import.meta.url);
  const entry = join(dirname(require.resolve('azurite/package.json')), 'dist/src/azurite.js');
  const location = mkdtempSync(join(tmpdir(), 'azurite-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [
      entry,
      '--inMemoryPersistence',
      '--silent',
      '--skipApiVersionCheck',
      '--disableTelemetry',
      ...['blob', 'queue', 'table'].flatMap((service) => [`--${service}Host`, '127.0.0.1', `--${service}Port`, '0']),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], cwd: location },
  );
  const urls = await new Promise<Record<string, string>>((resolve, reject) => {
    const found: Record<string, string> = {};
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Azurite did not start:\n${output}`));
    }, options.timeoutMs ?? 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      for (const line of output.split('\n')) {
        const match = LISTENING.exec(line);
        if (match) found[(match[1] as string).toLowerCase()] = match[2] as string;
      }
      if (found.blob && found.table && found.queue) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolve(found);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Azurite exited (${code}):\n${output}`));
    });
  });
  const blobEndpoint = `${urls.blob}/${AZURITE_ACCOUNT}`;
  const tableEndpoint = `${urls.table}/${AZURITE_ACCOUNT}`;
  return {
    blobEndpoint,
    tableEndpoint,
    connectionString: [
      'DefaultEndpointsProtocol=http',
      `AccountName=${AZURITE_ACCOUNT}`,
      `AccountKey=${AZURITE_ACCOUNT_KEY}`,
      `BlobEndpoint=${blobEndpoint}`,
      `QueueEndpoint=${urls.queue}/${AZURITE_ACCOUNT}`,
      `TableEndpoint=${tableEndpoint}`,
    ].join(';'),
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(location, { recursive: true, force: true });
    },
  };
}

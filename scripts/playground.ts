/**
 * `npm run playground`: Microsoft 365 Agents Playground (a Teams-like chat, offline) pointed at the bot of a
 * running `npm start`. It is not a dependency of the project (it is only a developer's chat window); when it is
 * not installed, npx fetches the pinned version from the npm registry.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import process from 'node:process';
import { z } from 'zod';

const env = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(3978),
    PLAYGROUND_PORT: z.coerce.number().int().min(1).max(65535).default(56150),
  })
  .parse(process.env);

const endpoint = `http://127.0.0.1:${env.PORT}/api/messages`;
const args = ['-e', endpoint, '-c', 'msteams', '--dt', '-p', String(env.PLAYGROUND_PORT)];
const binary = join(
  process.cwd(),
  'node_modules',
  '.bin',
  process.platform === 'win32' ? 'agentsplayground.cmd' : 'agentsplayground',
);

/** Pinned like every other dependency; fetched from the npm registry on first use when not installed. */
const PLAYGROUND_PACKAGE = '@microsoft/m365agentsplayground@0.2.28';
const [command, commandArgs] = existsSync(binary)
  ? [binary, args]
  : ['npx', ['-y', '-p', PLAYGROUND_PACKAGE, 'agentsplayground', ...args]];

process.stdout.write(
  [
    `Startar Agents Playground mot ${endpoint}; öppna http://localhost:${env.PLAYGROUND_PORT} och skriv t.ex. "hjälp".`,
    'Kör `npm start` i ett annat fönster först. Playgroundens testanvändare finns inte i kontaktlistan, så boten',
    'svarar med vad den kan; kommandon som kräver en roll provas bäst i Teams eller i testerna.',
    '',
  ].join('\n'),
);
const child = spawn(command, commandArgs, { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));

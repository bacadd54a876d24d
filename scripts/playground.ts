/**
 * `npm run playground`: Microsoft 365 Agents Playground (a Teams-like chat, offline) pointed at the bot of a
 * running `npm start`. The playground is optional and not installed by default; without it this prints the
 * exact command to run it through npx.
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

if (!existsSync(binary)) {
  const npx = `npx -y -p @microsoft/m365agentsplayground agentsplayground ${args.join(' ')}`;
  process.stdout.write(
    [
      'Microsoft 365 Agents Playground är inte installerad (paketet @microsoft/m365agentsplayground är valfritt).',
      '',
      'Starta servern med `npm start` i ett annat fönster och kör sedan:',
      `  ${npx}`,
      '',
      'eller installera den i projektet med `npm i -D @microsoft/m365agentsplayground` och kör `npm run playground` igen.',
      `Öppna därefter http://localhost:${env.PLAYGROUND_PORT} i webbläsaren och skriv t.ex. "hjälp" till boten.`,
      '',
    ].join('\n'),
  );
  process.exit(1);
}

process.stdout.write(`Startar Agents Playground mot ${endpoint} (http://localhost:${env.PLAYGROUND_PORT}) …\n`);
const child = spawn(binary, args, { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));

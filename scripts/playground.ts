/**
 * `npm run playground`: Microsoft 365 Agents Playground (a Teams-like chat, offline) pointed at the bot of a
 * running `npm start`. It is not a dependency of the project (it is only a developer's chat window); when it is
 * not installed, npx fetches the pinned version from the npm registry.
 *
 * The Playground's own test user (Alex Wilber, tenant 00000000-…-0001) is in neither the local tenant nor
 * Kontakter, so the bot would refuse the tenant and not know the person. The script writes a Playground
 * configuration (`.data/m365agentsplayground.yml`, given by M365_AGENTS_PLAYGROUND_CONFIG_PATH) in which the
 * chat's user is a seeded contact with a role (the samordnare unless PLAYGROUND_USER names another), in the
 * local tenant, and the team is the seeded team (its Bot Framework id and group id).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import process from 'node:process';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { SEED_PEOPLE } from '../infra/graph-emulator/src/seed/people';
import { SEED_GENERAL_CHANNEL_ID, SEED_TEAM_ID, SEED_TEAM_NAME } from '../infra/graph-emulator/src/resources/teams/ids';
import { DEFAULT_APP, TENANT_ID } from '../infra/graph-emulator/src/tenantConfig';

type SeedPerson = (typeof SEED_PEOPLE)[number];

/** The Playground's configuration schema wants exactly five other users beside the current one. */
const OTHER_USERS = 5;

function userYaml(person: SeedPerson, indent: string): string {
  const [givenName = person.displayName, ...rest] = person.displayName.split(' ');
  const fields: Array<[string, string]> = [
    ['id', `29:${person.id}`],
    ['name', person.displayName],
    // Sic: the Playground's schema spells it so.
    ['userPrincipleName', person.userPrincipalName],
    ['aadObjectId', person.id],
    ['givenName', givenName],
    ['surname', rest.join(' ') || givenName],
    ['email', person.mail],
  ];
  return fields.map(([key, value], i) => `${i === 0 ? '' : indent}${key}: ${JSON.stringify(value)}`).join('\n');
}

/** The Playground configuration: a seeded contact with a role as the user, in the local tenant's team. */
export function playgroundConfig(userMail?: string): { yaml: string; user: SeedPerson } {
  const withRoles = SEED_PEOPLE.filter((p) => p.xRoles.length > 0);
  const user = userMail
    ? withRoles.find((p) => p.mail.toLowerCase() === userMail.toLowerCase())
    : withRoles.find((p) => p.xRoles.includes('samordnare'));
  if (!user) throw new Error(`PLAYGROUND_USER ${userMail ?? ''} är ingen kontakt med en roll i den lokala tenanten.`);
  const others = withRoles.filter((p) => p.id !== user.id).slice(0, OTHER_USERS);
  const yaml = [
    'version: "0.1.1"',
    `tenantId: ${JSON.stringify(TENANT_ID)}`,
    'bot:',
    `  id: ${JSON.stringify(DEFAULT_APP.clientId)}`,
    '  name: "Plan- och bygg"',
    'currentUser:',
    `  ${userYaml(user, '  ')}`,
    'users:',
    ...others.map((p) => `  - ${userYaml(p, '    ')}`),
    'personalChat:',
    '  id: "playground-personal-chat"',
    'groupChat:',
    '  id: "playground-group-chat"',
    '  name: "Gruppchatt"',
    'team:',
    // Bot Framework names the team by its General channel's id; the Playground wants channel ids of their own.
    `  id: ${JSON.stringify(SEED_GENERAL_CHANNEL_ID)}`,
    `  name: ${JSON.stringify(SEED_TEAM_NAME)}`,
    `  aadGroupId: ${JSON.stringify(SEED_TEAM_ID)}`,
    '  channels:',
    '    - id: "playground-channel"',
    '      name: "Playground"',
    '',
  ].join('\n');
  return { yaml, user };
}

function main(): void {
  const env = z
    .object({
      PORT: z.coerce.number().int().min(1).max(65535).default(3978),
      PLAYGROUND_PORT: z.coerce.number().int().min(1).max(65535).default(56150),
      PLAYGROUND_USER: z.string().trim().min(1).optional(),
      DATA_DIR: z.string().min(1).default('.data'),
    })
    .parse(process.env);

  const { yaml, user } = playgroundConfig(env.PLAYGROUND_USER);
  mkdirSync(env.DATA_DIR, { recursive: true });
  const configPath = resolve(env.DATA_DIR, 'm365agentsplayground.yml');
  writeFileSync(configPath, yaml);

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
      `Du skriver som ${user.displayName} (${user.xRoles.join(', ')}) ur Kontakter; PLAYGROUND_USER=<e-post> väljer en annan.`,
      'Kör `npm start` i ett annat fönster först.',
      '',
    ].join('\n'),
  );
  const child = spawn(command, commandArgs, {
    stdio: 'inherit',
    env: { ...process.env, M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath },
  });
  child.on('exit', (code) => process.exit(code ?? 0));
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();

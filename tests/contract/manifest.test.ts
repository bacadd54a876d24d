import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMANDS, manifestCommandLists } from '../../api/bot/commands';
import { PAGES, pageFromLocation } from '../../src/tab/routes';
import {
  APP_PACKAGE_DIR,
  PackageError,
  REPO_ROOT,
  buildAppPackage,
  commandListProblems,
  fillPlaceholders,
  loadEnvironment,
  parseEnvFile,
  placeholdersIn,
  validateManifestSchema,
} from '../../scripts/package';

type Json = Record<string, unknown>;
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Json;
const template = readFileSync(join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8');
const noOverrides = {};

async function buildLocal(overrides: Record<string, string> = {}) {
  const outputDir = mkdtempSync(join(tmpdir(), 'app-package-'));
  return buildAppPackage({ environment: 'local', overrides, outputDir });
}

describe('the Teams app package', () => {
  it('builds for env local with zero schema errors, and the zip opens with unzip', async () => {
    const result = await buildLocal();
    expect(result.files.sort()).toEqual(['color.png', 'en-us.json', 'manifest.json', 'outline.png', 'sv-se.json']);
    expect(await validateManifestSchema(result.manifest)).toEqual([]);
    const listing = spawnSync('unzip', ['-l', result.zipPath], { encoding: 'utf8' });
    expect(listing.status).toBe(0);
    for (const file of result.files) expect(listing.stdout).toContain(file);
    const integrity = spawnSync('unzip', ['-t', result.zipPath], { encoding: 'utf8' });
    expect(integrity.stdout).toContain('No errors detected');
    const zipped = spawnSync('unzip', ['-p', result.zipPath, 'manifest.json'], { encoding: 'utf8' });
    expect(JSON.parse(zipped.stdout)).toEqual(result.manifest);
  });

  it('uses the newest schema @microsoft/app-manifest bundles, and the validator does find errors', async () => {
    const manifest = (await buildLocal()).manifest;
    expect(manifest.manifestVersion).toBe('1.30');
    expect(manifest.supportsChannelFeatures).toBe('tier1');
    const broken = { ...manifest, accentColor: 'red', name: { short: 'x'.repeat(31) } };
    const errors = await validateManifestSchema(broken);
    expect(errors.some((error) => error.includes('/accentColor'))).toBe(true);
    expect(errors.some((error) => error.includes('/name/short'))).toBe(true);
  });

  it('fills placeholders from env/.env.<env>, lets process.env override, and names every missing one', async () => {
    const tunnel = 'pob-3978.euw.devtunnels.ms';
    const manifest = (await buildLocal({ TAB_DOMAIN: tunnel })).manifest;
    expect(manifest.validDomains).toEqual([tunnel]);
    expect(JSON.stringify(manifest)).not.toContain('${{');

    const filled = fillPlaceholders(template, { ...loadEnvironment('local', noOverrides), TAB_DOMAIN: '' });
    expect(filled.missing).toEqual(['TAB_DOMAIN']);
    await expect(buildAppPackage({ environment: 'dev', overrides: noOverrides })).rejects.toThrow(PackageError);
    await expect(buildAppPackage({ environment: 'dev', overrides: noOverrides })).rejects.toThrow(
      /\$\{\{TAB_DOMAIN\}\}/,
    );
    expect(placeholdersIn(template)).toEqual(
      expect.arrayContaining([
        'AAD_APP_CLIENT_ID',
        'BOT_ID',
        'PRIVACY_URL',
        'TAB_DOMAIN',
        'TEAMS_APP_ID',
        'TERMS_OF_USE_URL',
      ]),
    );
  });

  it('defines every placeholder of the manifest in each env file', () => {
    for (const environment of ['local', 'dev', 'prod']) {
      const values = parseEnvFile(readFileSync(join(REPO_ROOT, 'env', `.env.${environment}`), 'utf8'));
      const undefinedNames = placeholdersIn(template).filter((name) => !(name in values));
      expect({ environment, undefinedNames }).toEqual({ environment, undefinedNames: [] });
    }
    expect(parseEnvFile('A=" (lokal)"\n# c\nB=x # note\n')).toEqual({ A: ' (lokal)', B: 'x' });
  });

  it('exits non-zero with a clear message from the command line', () => {
    const run = spawnSync('npx', ['tsx', 'scripts/package.ts', '--env', 'dev'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { PATH: process.env.PATH },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('placeholder ${{TEAMS_APP_ID}} has no value');
  });

  it('has the personal tabs, the channel tab, SSO, RSC, channel types and Swedish first', async () => {
    const manifest = (await buildLocal()).manifest as Json & {
      staticTabs: Array<{ entityId: string; name?: string; contentUrl?: string }>;
      configurableTabs: Array<{ configurationUrl: string; context: string[]; scopes: string[] }>;
      webApplicationInfo: { id: string; resource: string };
      authorization: { permissions: { resourceSpecific: Array<{ name: string; type: string }> } };
      localizationInfo: { defaultLanguageTag: string; additionalLanguages: Array<{ languageTag: string }> };
      developer: { name: string };
    };
    expect(manifest.staticTabs.filter((tab) => tab.contentUrl).map((tab) => tab.entityId)).toEqual([
      'oversikt',
      'moten',
      'aktiviteter',
      'budget',
      'beslut',
      'arbetsgrupper',
      'kontakter',
    ]);
    expect(manifest.staticTabs[0]?.name).toBe('Översikt');
    expect(manifest.configurableTabs[0]?.context).toContain('channelTab');
    // The tab in the Teams meeting (#16): its details tab and side panel; a meeting is a group chat to Teams.
    expect(manifest.configurableTabs[0]?.context).toEqual(
      expect.arrayContaining(['meetingChatTab', 'meetingDetailsTab', 'meetingSidePanel']),
    );
    expect(manifest.configurableTabs[0]?.scopes).toContain('groupChat');
    expect(manifest.supportedChannelTypes).toEqual(['sharedChannels', 'privateChannels']);
    const env = loadEnvironment('local', noOverrides);
    expect(manifest.webApplicationInfo).toEqual({
      id: env.AAD_APP_CLIENT_ID,
      resource: `api://${env.TAB_DOMAIN}/${env.AAD_APP_CLIENT_ID}`,
    });
    expect(manifest.authorization.permissions.resourceSpecific).toEqual([
      { name: 'ChannelSettings.ReadWrite.Group', type: 'Application' },
      { name: 'TeamMember.Read.Group', type: 'Application' },
      { name: 'ChannelMember.Read.Group', type: 'Application' },
      { name: 'TeamsTab.Create.Group', type: 'Application' },
      { name: 'TeamsTab.Read.Group', type: 'Application' },
      { name: 'TeamsAppInstallation.Read.Group', type: 'Application' },
    ]);
    expect(manifest.localizationInfo.defaultLanguageTag).toBe('sv-se');
    expect(manifest.localizationInfo.additionalLanguages).toEqual([{ languageTag: 'en-us', file: 'en-us.json' }]);
    expect(manifest.developer.name).toBe('Region Västerbotten');
  });
});

describe('the tab addresses in the manifest', () => {
  it('opens each personal tab on its page through the hash route the tab reads', async () => {
    const manifest = (await buildLocal()).manifest as Json & {
      staticTabs: Array<{ entityId: string; contentUrl?: string; websiteUrl?: string }>;
    };
    const { TAB_DOMAIN } = loadEnvironment('local', noOverrides);
    const pages = manifest.staticTabs.filter((tab) => tab.contentUrl);
    expect(pages.map((tab) => tab.entityId)).toEqual([...PAGES]);
    for (const tab of pages) {
      const url = new URL(tab.contentUrl as string);
      // The server answers `/` with index.html; the page is in the hash.
      expect({ tab: tab.entityId, origin: url.origin, path: url.pathname }).toEqual({
        tab: tab.entityId,
        origin: `https://${TAB_DOMAIN}`,
        path: '/',
      });
      expect(pageFromLocation(url)).toBe(tab.entityId);
      expect(tab.websiteUrl).toBe(tab.contentUrl);
    }
  });

  it('configures the channel tab on the built configuration page, whose ?view= address the tab opens', async () => {
    const manifest = (await buildLocal()).manifest as Json & {
      configurableTabs: Array<{ configurationUrl: string; canUpdateConfiguration: boolean }>;
    };
    const { TAB_DOMAIN } = loadEnvironment('local', noOverrides);
    expect(manifest.configurableTabs[0]?.configurationUrl).toBe(`https://${TAB_DOMAIN}/config.html`);
    expect(manifest.configurableTabs[0]?.canUpdateConfiguration).toBe(true);
    // config.html is its own page in the build (vite input), served as a static file next to index.html.
    expect(existsSync(join(REPO_ROOT, 'src/tab/config.html'))).toBe(true);
    expect(readFileSync(join(REPO_ROOT, 'vite.config.ts'), 'utf8')).toContain("config: page('config.html')");
    expect(readFileSync(join(REPO_ROOT, 'src/tab/config.html'), 'utf8')).toContain('configMain');
    // The configuration page stores `/?view=<page>` as the tab's contentUrl; the tab starts on that page.
    for (const page of PAGES) {
      expect(pageFromLocation(new URL(`https://${TAB_DOMAIN}/?view=${page}`))).toBe(page);
    }
  });
});

describe('the bot commands in the manifest', () => {
  const manifest = readJson(join(APP_PACKAGE_DIR, 'manifest.json'));
  const english = readJson(join(APP_PACKAGE_DIR, 'en-us.json'));

  it('match the bot command table exactly', () => {
    expect(commandListProblems(manifest, manifestCommandLists())).toEqual([]);
    const altered = manifestCommandLists().map((list) => ({ ...list, commands: list.commands.slice(1) }));
    expect(commandListProblems(manifest, altered)).toHaveLength(1);
  });

  it('are in English in en-us.json under their English aliases', () => {
    manifestCommandLists().forEach((list, listIndex) => {
      list.commands.forEach((entry, index) => {
        const command = COMMANDS.find((c) => c.name === entry.title)!;
        const key = `bots[0].commandLists[${listIndex}].commands[${index}]`;
        expect(english[`${key}.title`]).toBe(command.alias);
        const description = command.args.en ? `${command.args.en} – ${command.description.en}` : command.description.en;
        expect(english[`${key}.description`]).toBe(description);
      });
    });
  });
});

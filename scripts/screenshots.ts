/**
 * `npm run screenshots`: pictures of every page of the tab for each role, as a user sees them. Starts the app as
 * `npm start` does (the local tenant, its demo data, a freshly built tab) on free ports with its own data folder,
 * signs each role in through the local tenant's sign-in page in Debian's Chromium, and saves
 * `docs/screenshots/<roll>-<sida>-<bredd>-<tema>.png` at 1280 and 360 px in the light, dark and contrast themes.
 *
 *   npm run screenshots                     every role, page, width and theme
 *   npm run screenshots -- --roles samordnare --pages budget,moten --themes light
 *   npm run screenshots -- --out .tmp/screenshots     somewhere else than docs/screenshots
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';

/** One person per role of the seed: who signs in, and the file name's role. */
export const SCREENSHOT_ROLES = {
  ordforande: 'Maria Bergström',
  samordnare: 'Karin Nordström',
  stodgrupp: 'Anna Sjöberg',
  samverkansgrupp: 'Erik Lundqvist',
  arbetsgrupp: 'Jonas Lindberg',
} as const;

export const SCREENSHOT_PAGES = [
  'oversikt',
  'moten',
  'aktiviteter',
  'budget',
  'beslut',
  'arbetsgrupper',
  'kontakter',
] as const;
export const SCREENSHOT_WIDTHS = [1280, 360] as const;
export const SCREENSHOT_THEMES = ['light', 'dark', 'contrast'] as const;

const DEFAULT_OUT = 'docs/screenshots';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject()));
    });
  });
}

/** `npm start` in a child process; resolves with the tab's address once the banner says it runs. */
async function startApp(dataDir: string): Promise<{ url: string; stop(): Promise<void> }> {
  const [port, tenantPort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: {
      ...process.env,
      MODE: 'local',
      PORT: String(port),
      LOCAL_TENANT_PORT: String(tenantPort),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      JOBS_INTERVAL_SECONDS: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`appen startade inte inom 180 s:\n${output}`)), 180_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const tab = /Fliken:\s+(\S+)/.exec(output);
      if (tab && output.includes('Avsluta med Ctrl-C.')) {
        clearTimeout(timer);
        resolveUrl(tab[1]!);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`appen avslutades (${code}):\n${output}`));
    });
  });
  return {
    url,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(
    () =>
      ![...document.querySelectorAll('[role="status"]')].some((el) =>
        /Laddar|Loading|Startar/.test(el.textContent ?? ''),
      ),
    undefined,
    { timeout: 30_000 },
  );
}

/**
 * What sticks out past the window's right edge (the page scrolls sideways), named so it can be found. A string, not
 * a function: tsx's name-keeping helper does not exist in the page.
 */
const OVERFLOWING = `(() => {
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth <= width) return [];
  function scrolls(el) {
    for (let at = el; at; at = at.parentElement) {
      if (at !== document.documentElement && at !== document.body && getComputedStyle(at).overflowX !== 'visible') return true;
    }
    return false;
  }
  return [...document.querySelectorAll('body *')]
    .filter((el) => el.getBoundingClientRect().right > width + 1 && !scrolls(el.parentElement))
    .slice(0, 5)
    .map((el) => '<' + el.tagName.toLowerCase() + ' class="' + String(el.className).slice(0, 60) + '"> ' +
      (el.getAttribute('aria-label') || (el.textContent || '').trim().slice(0, 40)));
})()`;

async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(OVERFLOWING);
}

async function signIn(browser: Browser, url: string, person: string, theme: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
  await context.addInitScript((name) => window.localStorage.setItem('pbs.theme', name), theme);
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForURL((at) => at.pathname.endsWith('/oauth2/v2.0/authorize'));
  await page.getByRole('button', { name: person, exact: true }).click();
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await settled(page);
  return page;
}

function listOption(value: string | undefined, all: readonly string[]): string[] {
  if (!value) return [...all];
  const chosen = value.split(',').map((v) => v.trim());
  const unknown = chosen.filter((v) => !all.includes(v));
  if (unknown.length) throw new Error(`Okänt val: ${unknown.join(', ')}. Möjliga: ${all.join(', ')}.`);
  return chosen;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      roles: { type: 'string' },
      pages: { type: 'string' },
      themes: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const roles = listOption(values.roles, Object.keys(SCREENSHOT_ROLES)) as (keyof typeof SCREENSHOT_ROLES)[];
  const pages = listOption(values.pages, SCREENSHOT_PAGES);
  const themes = listOption(values.themes, SCREENSHOT_THEMES);
  const OUT = resolve(values.out ?? DEFAULT_OUT);
  mkdirSync(OUT, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'pbs-screenshots-'));
  console.log('Startar appen i lokalt läge …');
  const app = await startApp(dataDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox'] });
  let saved = 0;
  const warnings: string[] = [];
  try {
    for (const role of roles) {
      for (const theme of themes) {
        const page = await signIn(browser, app.url, SCREENSHOT_ROLES[role], theme);
        for (const pageId of pages) {
          for (const width of SCREENSHOT_WIDTHS) {
            await page.setViewportSize({ width, height: width > 600 ? 900 : 780 });
            await page.goto(`${app.url}#/${pageId}`);
            await page.getByRole('heading', { level: 1 }).first().waitFor();
            await settled(page);
            const file = `${role}-${pageId}-${width}-${theme}.png`;
            await page.screenshot({ path: join(OUT, file), fullPage: true });
            saved += 1;
            const sticking = await overflowing(page);
            if (sticking.length) warnings.push(`${file}: sidan rullar i sidled av\n    ${sticking.join('\n    ')}`);
          }
        }
        await page.context().close();
        console.log(
          `  ${SCREENSHOT_ROLES[role]} (${role}), ${theme}: ${pages.length * SCREENSHOT_WIDTHS.length} bilder`,
        );
      }
    }
  } finally {
    await browser.close();
    await app.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(`${saved} bilder i ${OUT}`);
  for (const warning of warnings) console.log(`  Varning: ${warning}`);
}

main().catch((error: unknown) => {
  console.error('Skärmbilderna misslyckades:', error instanceof Error ? error.message : error);
  process.exit(1);
});

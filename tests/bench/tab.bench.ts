import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../e2e/chromium';
import { startStack } from '../integration/support/stack';
import { bundleSizes, kB } from './bundleSizes';
import { figure, type Figure } from './stats';

const LOADS = 10;
const CHAIR_NAME = 'Maria Bergström';

/**
 * Runs in the page before its scripts: notes when the Översikt heading and the signed-in person's name are both
 * visible (the dashboard's first meaningful render), as the frame after that DOM change, in ms from navigation start.
 * A string, not a function: tsx would add its own helpers to a function's source, which the page does not have.
 */
function firstRenderWatcher(name: string): string {
  return `(() => {
    const name = ${JSON.stringify(name)};
    const visible = (element) => element && element.checkVisibility();
    const ready = () => {
      const main = document.querySelector('main');
      const heading = main && main.querySelector('h1');
      if (!visible(heading) || heading.textContent.trim() !== 'Översikt') return false;
      return [...main.querySelectorAll('dd')].some((dd) => dd.textContent.trim() === name && visible(dd));
    };
    const observer = new MutationObserver(() => {
      if (!ready()) return;
      observer.disconnect();
      requestAnimationFrame(() => { window.firstMeaningfulRender = performance.now(); });
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  })();`;
}

async function firstRender(page: Page, url: string): Promise<number> {
  await page.goto(url);
  // Functions without inner functions of their own, so that tsx adds nothing to their source.
  const handle = await page.waitForFunction(
    () => (window as unknown as { firstMeaningfulRender?: number }).firstMeaningfulRender,
    undefined,
    { timeout: 30_000 },
  );
  return (await handle.jsonValue()) as number;
}

/**
 * Signs in as the chair through the local tenant's persona page and returns the tab's session (msal-browser keeps
 * its accounts and tokens in sessionStorage): put back into a new context, the tab starts signed in.
 */
async function chairSession(browser: Browser, url: string): Promise<Record<string, string>> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${url}/`);
    await page.waitForURL((address) => address.pathname.endsWith('/oauth2/v2.0/authorize'));
    await page.getByRole('button', { name: CHAIR_NAME, exact: true }).click();
    await page.waitForURL((address) => address.origin === url && address.pathname === '/');
    await page.getByRole('heading', { level: 1, name: 'Översikt' }).waitFor();
    const session = await page.evaluate(() => ({ ...window.sessionStorage }));
    if (Object.keys(session).length === 0) throw new Error('no session in sessionStorage after signing in');
    return session;
  } finally {
    await context.close();
  }
}

/**
 * The tab's initial JavaScript (gzip) and the time to the dashboard's first meaningful render in headless
 * Chromium: cold (a new browser context per load: nothing cached) and warm (reloads in one context).
 */
export async function run(): Promise<Figure[]> {
  // TAB_BENCH_DIST measures a build made elsewhere (`vite build --manifest --outDir …`), e.g. of an older commit.
  const given = process.env.TAB_BENCH_DIST;
  const outDir = given ? resolve(given) : mkdtempSync(join(tmpdir(), 'tab-bench-'));
  try {
    if (!given) {
      const vite = resolve('node_modules/vite/bin/vite.js');
      const args = ['build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir', '--manifest'];
      execFileSync(process.execPath, [vite, ...args], { stdio: 'inherit' });
    }
    const sizes = bundleSizes(outDir);
    console.log(
      `tab: initial JS ${kB(sizes.initialGzipBytes)} kB gzip (${sizes.initialFiles.length} files: ${sizes.initialFiles.join(', ')}); with the first request's schemas ${kB(sizes.overviewGzipBytes)} kB; all JS ${kB(sizes.totalGzipBytes)} kB gzip`,
    );
    console.table(sizes.lazyChunks.map((chunk) => ({ 'laddas vid behov': chunk.src, 'kB gzip': kB(chunk.gzipBytes) })));

    const stack = await startStack({ env: { TAB_DIST_DIR: outDir } });
    const browser = await launchChromium();
    try {
      await stack.prepare();
      const session = await chairSession(browser, stack.url);
      const url = `${stack.url}/`;
      const withToken = async (context: Awaited<ReturnType<Browser['newContext']>>) => {
        await context.addInitScript((entries) => {
          if (window.sessionStorage.length > 0) return;
          for (const [key, value] of Object.entries(entries)) window.sessionStorage.setItem(key, value);
        }, session);
        await context.addInitScript(firstRenderWatcher(CHAIR_NAME));
      };

      const cold: number[] = [];
      for (let i = 0; i < LOADS; i += 1) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
        try {
          await withToken(context);
          cold.push(await firstRender(await context.newPage(), url));
        } finally {
          await context.close();
        }
      }

      const warm: number[] = [];
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      try {
        await withToken(context);
        const page = await context.newPage();
        await firstRender(page, url);
        for (let i = 0; i < LOADS; i += 1) warm.push(await firstRender(page, url));
      } finally {
        await context.close();
      }

      const sizeFields = {
        initialJsGzipKb: kB(sizes.initialGzipBytes),
        overviewJsGzipKb: kB(sizes.overviewGzipBytes),
        totalJsGzipKb: kB(sizes.totalGzipBytes),
        initialFiles: sizes.initialFiles,
        lazyChunksGzipKb: Object.fromEntries(sizes.lazyChunks.map((chunk) => [chunk.src, kB(chunk.gzipBytes)])),
      };
      return [
        {
          ...figure(`tab: first render, cold (initial JS ${sizeFields.initialJsGzipKb} kB gzip)`, cold),
          ...sizeFields,
        },
        figure('tab: first render, warm (cached, same context)', warm),
      ];
    } finally {
      await browser.close();
      await stack.close();
    }
  } finally {
    if (!given) rmSync(outDir, { recursive: true, force: true });
  }
}

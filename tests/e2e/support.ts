import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { PNG } from 'pngjs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll } from '@jest/globals';
import { startStack, type Stack } from '../integration/support/stack';
import { launchChromium } from './chromium';

export { launchChromium };

export const ARTIFACTS = resolve('test-artifacts');
export const TAB_DIST = resolve('dist/tab');

/**
 * Builds the tab as the server serves it, so the browser tests run the code as it is now. Under jest the run's
 * global setup (tests/e2e/globalSetup.mjs) has built it once already.
 */
export function buildTab(): void {
  if (process.env.E2E_TAB_BUILT === '1') return;
  execFileSync(process.execPath, [resolve('node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
}

/** The whole stack on random ports: the local tenant, the server (serving dist/tab), lists provisioned. */
export async function startTabStack(): Promise<Stack> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const stack = await startStack({ env: { TAB_DIST_DIR: TAB_DIST } });
  await stack.prepare();
  return stack;
}

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AxeFinding {
  id: string;
  impact?: string | null;
  help: string;
  targets: string[];
}

/**
 * Tabster (Fluent v9's focus manager) puts empty `<i data-tabster-dummy aria-hidden="true" tabindex="0">` elements
 * around focus traps, and at the page's edges once a dialog has existed, whose only job is to pass focus on the
 * moment they get it. axe reports them as aria-hidden-focus; tabster's maintainers call that intended
 * (microsoft/tabster#288), Fluent lists it as a known issue, and Microsoft's own Accessibility Insights leaves exactly
 * these elements out of that rule (microsoft/accessibility-insights-web#7605). So do we, and nothing else: an element
 * with content or any other rule still counts.
 */
const TABSTER_DUMMY = /^<i\b[^>]*\bdata-tabster-dummy=""[^>]*><\/i>$/;

function isTabsterDummy(ruleId: string, html: string): boolean {
  return ruleId === 'aria-hidden-focus' && TABSTER_DUMMY.test(html);
}

/** axe-core's WCAG 2.1 A/AA violations on the page as it is now, in a form that reads well in a failure. */
export async function wcagViolations(page: Page): Promise<AxeFinding[]> {
  await finishedEntranceMotion(page);
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  return results.violations
    .map((violation) => ({ ...violation, nodes: violation.nodes.filter((n) => !isTabsterDummy(violation.id, n.html)) }))
    .filter((violation) => violation.nodes.length > 0)
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    }));
}

/**
 * A dialog fades in over a few hundred milliseconds; axe measuring its text half-transparent reports a contrast the
 * user never sees once it stands. Waits for finite animations (a spinner's infinite one is left running).
 */
async function finishedEntranceMotion(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const finite = document
      .getAnimations()
      .filter((animation) => animation.effect?.getComputedTiming().iterations !== Infinity);
    const done = Promise.all(finite.map((animation) => animation.finished.catch(() => undefined)));
    await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 2_000))]);
  });
}

/** Waits until no loading status is left on the page. */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      ![...document.querySelectorAll('[role="status"]')].some((el) =>
        /Laddar|Loading|Startar/.test(el.textContent ?? ''),
      ),
    undefined,
    { timeout: 20_000 },
  );
}

/**
 * The tab built, the whole stack and Chromium for the test file (started in beforeAll, closed in afterAll):
 * `const env = browserStack()`, then `env.stack` and `env.browser` inside the tests. `prepare` runs on the stack
 * before the browser starts (e.g. the demo data).
 */
export function browserStack(prepare?: (stack: Stack) => Promise<unknown>): { stack: Stack; browser: Browser } {
  const env = {} as { stack: Stack; browser: Browser };
  beforeAll(async () => {
    buildTab();
    env.stack = await startTabStack();
    await prepare?.(env.stack);
    env.browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await env.browser?.close();
    await env.stack?.close();
  });
  return env;
}

/**
 * Fills a kit DateField or TimeField as a person types into it: the text, then leaving the field (both read typed text
 * when left, and turn it into yyyy-mm-dd or HH:MM). Resolves once the field shows `shown` (the typed text by default).
 */
export async function fillDateOrTime(field: Locator, text: string, shown = text): Promise<void> {
  await field.fill(text);
  await field.blur();
  const handle = await field.elementHandle();
  await field.page().waitForFunction(([input, want]) => (input as HTMLInputElement).value === want, [handle, shown], {
    timeout: 5_000,
  });
}

/**
 * How many colours the page's navigation shows at the top of the page while an overlay (dialog, popover) is
 * open: the page drawn behind a backdrop shows its text (many shades), a box covering it one flat colour.
 * FluentProvider hands its className to every portal, and a className with a height and a background once
 * covered the page's first screen behind every overlay.
 */
export async function coloursBehindOverlay(page: Page): Promise<number> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  // By its element: a modal dialog hides the rest of the page from the accessibility tree.
  const nav = await page.locator('nav').first().boundingBox();
  if (!nav) throw new Error('no navigation on the page');
  const clip = { x: nav.x, y: nav.y, width: Math.min(nav.width, 200), height: Math.min(nav.height, 300) };
  const png = PNG.sync.read(await page.screenshot({ clip }));
  const colours = new Set<number>();
  for (let i = 0; i < png.data.length; i += 4) colours.add(png.data.readUInt32BE(i));
  return colours.size;
}

/** A page in a new Swedish browser context of `viewport`, with the tab's theme (`pbs.theme`) set before it loads. */
export async function themedPage(
  browser: Browser,
  theme: string,
  viewport: { width: number; height: number },
): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'sv-SE' });
  await context.addInitScript((name) => window.localStorage.setItem('pbs.theme', name), theme);
  return context.newPage();
}

/**
 * Opens the tab on `page`, which sends the browser to the local tenant's persona page, picks `name` there, and
 * waits until the tab is back at its start and Översikt stands loaded. Returns the page.
 */
export async function signInAs(stack: Stack, page: Page, name: string): Promise<Page> {
  await page.goto(`${stack.url}/`);
  await page.waitForURL((url) => url.pathname.endsWith('/oauth2/v2.0/authorize'));
  await page.getByRole('button', { name, exact: true }).click();
  await page.waitForURL((url) => url.origin === stack.url && url.pathname === '/');
  await page.getByRole('heading', { level: 1, name: 'Översikt' }).waitFor();
  await settled(page);
  return page;
}

/**
 * Signs in on the persona page as `name` and opens Möten, collecting what went wrong on the way (page errors,
 * the stack's 4xx/5xx answers) for the test to assert is empty.
 */
export async function signInToMeetings(
  stack: Stack,
  context: BrowserContext,
  name: string,
): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400 && response.url().startsWith(stack.url)) {
      problems.push(`${response.status()} ${response.url()}`);
    }
  });
  await signInAs(stack, page, name);
  await page.getByRole('navigation').getByRole('link', { name: 'Möten', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Möten' }).waitFor();
  await settled(page);
  return { page, problems };
}

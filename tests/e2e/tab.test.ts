import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CHAIR, COORDINATOR, MEMBER_GUEST } from '../../infra/graph-emulator/tests/support';
import type { Stack } from '../integration/support/stack';
import {
  ARTIFACTS,
  buildTab,
  coloursBehindOverlay,
  launchChromium,
  settled,
  startTabStack,
  wcagViolations,
  type AxeFinding,
} from './support';

const PAGES = [
  { hash: 'oversikt', sv: 'Översikt', en: 'Overview' },
  { hash: 'moten', sv: 'Möten', en: 'Meetings' },
  { hash: 'aktiviteter', sv: 'Aktiviteter', en: 'Activities' },
  { hash: 'budget', sv: 'Budget', en: 'Budget' },
  { hash: 'beslut', sv: 'Beslut', en: 'Decisions' },
  { hash: 'arbetsgrupper', sv: 'Arbetsgrupper', en: 'Working groups' },
  { hash: 'kontakter', sv: 'Kontakter', en: 'Contacts' },
] as const;

const THEMES = [
  { value: 'light', label: 'Ljust' },
  { value: 'dark', label: 'Mörkt' },
  { value: 'contrast', label: 'Hög kontrast' },
] as const;

const PERSONAS = [
  { key: 'chair', upn: CHAIR, name: 'Maria Bergström', role: 'Ordförande', work: 'Kalla till samverkansgruppens möte' },
  {
    key: 'coordinator',
    upn: COORDINATOR,
    name: 'Karin Nordström',
    role: 'Samordnare',
    work: 'Håll kontaktlistan aktuell',
  },
  { key: 'member', upn: MEMBER_GUEST, name: 'Erik Lundqvist', role: 'Samverkansgruppen', work: 'Justera protokoll' },
] as const;

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  buildTab();
  stack = await startTabStack();
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

/** Opens the tab, which sends the browser to the local tenant's persona page; picks the person there. */
async function signIn(context: BrowserContext, personaName: string): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  // Failed requests are recorded with their address; the persona page's own favicon (the local tenant's,
  // not the tab's) is not the tab's concern.
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      problems.push(`console: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && response.url().startsWith(stack.url))
      problems.push(`${response.status()} ${response.url()}`);
  });
  await page.goto(`${stack.url}/`);
  await page.waitForURL((url) => url.pathname.endsWith('/oauth2/v2.0/authorize'));
  expect(await page.title()).toContain('lokal testmiljö');
  await page.getByRole('button', { name: personaName, exact: true }).click();
  await page.waitForURL((url) => url.origin === stack.url && url.pathname === '/');
  await page.getByRole('heading', { level: 1, name: 'Översikt' }).waitFor();
  await settled(page);
  return { page, problems };
}

async function visit(page: Page, hash: string, heading: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: heading, exact: true }).click();
  await page.waitForURL((url) => url.hash === `#/${hash}`);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await settled(page);
}

function report(findings: Record<string, AxeFinding[]>): Record<string, AxeFinding[]> {
  return Object.fromEntries(Object.entries(findings).filter(([, list]) => list.length > 0));
}

describe('the tab in a browser against the whole stack', () => {
  for (const persona of PERSONAS) {
    it(`${persona.key}: signs in on the persona page, visits every page in three themes, axe finds nothing`, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
      try {
        const { page, problems } = await signIn(context, persona.name);
        const banner = page.getByText(`Inloggad som ${persona.name}`);
        await banner.waitFor();
        expect(await page.getByText('Lokal testmiljö – inte riktig inloggning.').isVisible()).toBe(true);
        expect(await page.locator('main').getByText(persona.role, { exact: true }).first().isVisible()).toBe(true);
        expect(await page.getByRole('link', { name: persona.work }).isVisible()).toBe(true);
        expect(await page.locator('main').getByText(persona.upn, { exact: true }).isVisible()).toBe(true);

        const findings: Record<string, AxeFinding[]> = {};
        for (const theme of THEMES) {
          await page.getByRole('combobox', { name: 'Tema' }).selectOption(theme.value);
          for (const target of PAGES) {
            await visit(page, target.hash, target.sv);
            await page.screenshot({
              path: join(ARTIFACTS, `${persona.key}-${theme.value}-${target.hash}.png`),
              fullPage: true,
            });
            findings[`${theme.value} ${target.hash}`] = await wcagViolations(page);
          }
        }
        // The theme choice is applied: the page background differs between light and dark.
        await page.getByRole('combobox', { name: 'Tema' }).selectOption('dark');
        const dark = await page.locator('nav').evaluate((el) => getComputedStyle(el).backgroundColor);
        await page.getByRole('combobox', { name: 'Tema' }).selectOption('light');
        const light = await page.locator('nav').evaluate((el) => getComputedStyle(el).backgroundColor);
        expect(dark).not.toBe(light);

        // English, and back: headings, navigation and <html lang> follow.
        await page.getByRole('button', { name: 'Byt språk till engelska' }).click();
        await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor();
        expect(await page.locator('html').getAttribute('lang')).toBe('en');
        await visit(page, 'oversikt', 'Overview');
        await page.screenshot({ path: join(ARTIFACTS, `${persona.key}-light-oversikt-en.png`), fullPage: true });
        findings['light oversikt en'] = await wcagViolations(page);
        await page.getByRole('button', { name: 'Switch language to Swedish' }).click();
        await page.getByRole('heading', { level: 1, name: 'Översikt' }).waitFor();
        expect(await page.locator('html').getAttribute('lang')).toBe('sv');

        expect(report(findings)).toEqual({});
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it('exports the contact list as CSV (BOM, semicolons) and vCard', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    try {
      const { page } = await signIn(context, 'Erik Lundqvist');
      await visit(page, 'kontakter', 'Kontakter');
      expect(await page.getByRole('button', { name: /^Redigera / }).count()).toBe(0);

      const [csv] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Exportera CSV' }).click(),
      ]);
      expect(csv.suggestedFilename()).toBe('kontakter.csv');
      const bytes = readFileSync((await csv.path())!);
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.subarray(3).toString('utf8');
      const lines = text.trim().split('\r\n');
      expect(lines[0]).toBe('"Namn";"Organisation";"Roller";"Titel";"E-post";"Telefon"');
      expect(lines.find((line) => line.startsWith('"Karin Nordström";"Region Västerbotten";'))).toBeDefined();
      expect(lines.length).toBeGreaterThan(20);
      expect(lines.every((line) => /^"(?:[^"]|"")*"(;"(?:[^"]|"")*"){5}$/.test(line))).toBe(true);

      await page.getByRole('searchbox', { name: /Sök bland kontakter/ }).fill('umeå');
      const [vcf] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Exportera vCard' }).click(),
      ]);
      expect(vcf.suggestedFilename()).toBe('kontakter.vcf');
      const vcard = readFileSync((await vcf.path())!, 'utf8');
      expect(vcard).toContain('FN:Erik Lundqvist');
      expect(vcard).toContain('ORG:Umeå\r\n');
      expect(vcard).not.toContain('Karin Nordström');
      const cards = vcard.match(/BEGIN:VCARD\r\nVERSION:4\.0/g) ?? [];
      expect(cards.length).toBeGreaterThan(1);
    } finally {
      await context.close();
    }
  });

  it('the coordinator edits a contact through the dialog; axe finds nothing in it', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const { page, problems } = await signIn(context, 'Karin Nordström');
      await visit(page, 'kontakter', 'Kontakter');
      await page.getByRole('button', { name: 'Redigera Erik Lundqvist' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      const findings: Record<string, AxeFinding[]> = {};
      findings.dialog = await wcagViolations(page);
      await page.screenshot({ path: join(ARTIFACTS, 'coordinator-light-kontakter-dialog.png') });
      // The page stays drawn behind the dialog's backdrop, also at the top of the page.
      expect(await coloursBehindOverlay(page)).toBeGreaterThan(8);
      await page.screenshot({ path: join(ARTIFACTS, 'coordinator-light-kontakter-dialog-top.png') });
      await dialog.getByRole('textbox', { name: 'Telefon' }).fill('090-16 10 00');
      await dialog.getByRole('button', { name: 'Spara' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByText('Ändringarna för Erik Lundqvist är sparade.').waitFor();
      // The rest of the page is back in the accessibility tree once the modal has closed.
      await page
        .getByRole('table', { name: 'Kontaktlista' })
        .getByRole('row', { name: /Erik Lundqvist/ })
        .getByText('090-16 10 00')
        .waitFor();
      await page.screenshot({ path: join(ARTIFACTS, 'coordinator-light-kontakter-saved.png'), fullPage: true });
      expect(report(findings)).toEqual({});
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('switches persona and signs out', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const { page } = await signIn(context, 'Maria Bergström');
      await page.getByText('Inloggad som Maria Bergström').waitFor();
      await page.getByRole('button', { name: 'Byt person' }).click();
      await page.waitForURL((url) => url.pathname.endsWith('/oauth2/v2.0/authorize'));
      await page.getByRole('button', { name: 'Karin Nordström', exact: true }).click();
      await page.getByText('Inloggad som Karin Nordström').waitFor();
      await page.getByRole('button', { name: 'Logga ut' }).click();
      await page.getByRole('heading', { level: 1, name: 'Du är utloggad' }).waitFor();
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Du är utloggad' }).waitFor();
      expect(await page.evaluate(() => window.sessionStorage.getItem('pbs.token'))).toBeNull();
    } finally {
      await context.close();
    }
  });
});

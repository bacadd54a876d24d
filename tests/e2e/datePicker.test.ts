import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { ARTIFACTS, browserStack, settled, signInAs, themedPage } from './support';

/**
 * The kit's date picker as a Swedish user meets it (#18): open on the Budget page's Rapportdag, in light and dark, at
 * 1280 and 360 px: Monday first, ISO week numbers, Swedish month names, the whole calendar inside the window.
 */

const env = browserStack();

const CASES = [
  { theme: 'light', width: 1280 },
  { theme: 'dark', width: 1280 },
  { theme: 'light', width: 360 },
  { theme: 'dark', width: 360 },
] as const;

describe('the Swedish date picker', () => {
  it.each(CASES)('opens Monday first with week numbers and fits ($theme, $width px)', async ({ theme, width }) => {
    const page = await themedPage(env.browser, theme, { width, height: 800 });
    try {
      await signInAs(env.stack, page, 'Karin Nordström');
      await page.getByRole('navigation').getByRole('link', { name: 'Budget', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Budget och ekonomisk lägesrapport' }).waitFor();
      await settled(page);
      const field = page.getByLabel('Rapportdag');
      await field.fill('2026-12-03');
      await field.blur();
      await field.click();
      const grid = page.getByRole('grid', { name: 'december 2026' });
      await grid.waitFor();
      const headers = await grid.locator('th').allTextContents();
      expect(headers.filter((h) => h.trim() !== '').slice(0, 7)).toEqual(['må', 'ti', 'on', 'to', 'fr', 'lö', 'sö']);
      // ISO weeks of December 2026: 49 (30 Nov–6 Dec) to 53 (28 Dec–3 Jan).
      for (const week of [49, 50, 51, 52, 53]) await page.getByText(String(week), { exact: true }).first().waitFor();
      await page.getByRole('button', { name: /Gå till idag/ }).waitFor();
      const surface = page.locator('.fui-DatePicker__popupSurface');
      await page.waitForTimeout(400); // the popup's entrance motion
      const box = await surface.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(width);
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(sideways).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(ARTIFACTS, `datepicker-${theme}-${width}.png`) });
      // Choosing a day gives the ISO date back in the field.
      await grid.getByRole('button', { name: /^10, december/ }).click();
      expect(await field.inputValue()).toBe('2026-12-10');
    } finally {
      await page.context().close();
    }
  });
});

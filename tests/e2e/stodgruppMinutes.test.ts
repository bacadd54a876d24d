import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { COORDINATOR } from '../../infra/graph-emulator/tests/support';
import { candidateDays, seasonWindow, toIsoDate } from '../../src/domain';
import { ARTIFACTS, browserStack, settled, signInAs, themedPage, wcagViolations } from './support';

/**
 * Stödgruppen's minnesanteckningar in the browser (#16): the part is named by its kind, has no justering, and the
 * secretary fastställer them after a confirmation whose safe choice has the focus. Axe-clean in all three themes.
 */

const STODGRUPP_MEMBER = 'anna.sjoberg@skelleftea.se';
const today = toIsoDate(new Date());
const thisYear = Number(today.slice(0, 4));
const pastYear = today.slice(5, 7) >= '11' ? thisYear : thisYear - 1;
const pastDay = candidateDays(seasonWindow(pastYear, 'host'))[9] as string;
const THEMES = ['light', 'dark', 'contrast'] as const;

let meetingId = '';

/** A held stödgrupp meeting with närvaro taken, as the samordnare records it after the meeting. */
const env = browserStack(async (stack) => {
  const token = await stack.token(COORDINATOR);
  const sent = await stack.call('/api/meetings', {
    token,
    method: 'POST',
    body: {
      group: 'stodgrupp',
      date: pastDay,
      startTime: '10:00',
      endTime: '11:30',
      online: true,
      idempotencyKey: randomUUID(),
    },
  });
  if (sent.status !== 201) throw new Error(`kallelse: ${sent.status} ${await sent.text()}`);
  meetingId = ((await sent.json()) as { meeting: { id: string } }).meeting.id;
  const rows = [COORDINATOR, STODGRUPP_MEMBER].map((email) => ({ email, present: true }));
  const attendance = await stack.call(`/api/meetings/${meetingId}/attendance`, {
    token,
    method: 'PUT',
    body: { rows },
  });
  if (attendance.status !== 200) throw new Error(`närvaro: ${attendance.status}`);
});

async function openMinutes(theme: string, width: number): Promise<{ page: Page; problems: string[] }> {
  const page = await signInAs(
    env.stack,
    await themedPage(env.browser, theme, { width, height: 900 }),
    'Karin Nordström',
  );
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await page.goto(`${env.stack.url}/#/moten/${meetingId}/minnesanteckningar`);
  await page.getByRole('heading', { name: 'Minnesanteckningar och fastställande' }).waitFor();
  await settled(page);
  return { page, problems };
}

describe('stödgruppen’s minnesanteckningar in the browser', () => {
  it('the samordnare names herself secretary and fastställer them once, after a confirmation', async () => {
    const { page, problems } = await openMinutes('light', 1280);
    expect(await page.getByRole('tab', { name: 'Minnesanteckningar', selected: true }).count()).toBe(1);
    expect(await page.getByRole('tab', { name: 'Protokoll' }).count()).toBe(0);
    expect(await page.getByRole('combobox', { name: /Justerare/ }).count()).toBe(0);

    await page.getByRole('button', { name: 'Spara sekreteraren' }).click();
    await page.getByText('Inte fastställda ännu. Sekreterare: Karin Nordström.').waitFor();
    await settled(page);
    expect(await wcagViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, 'stodgrupp-minutes-draft-1280-light.png'), fullPage: true });

    await page.getByRole('button', { name: 'Fastställ minnesanteckningarna' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Fastställa minnesanteckningarna?' });
    await dialog.waitFor();
    // The safe choice has the focus: Enter right away changes nothing.
    await page.waitForFunction(() => document.activeElement?.textContent === 'Avbryt', undefined, { timeout: 5_000 });
    await dialog.getByRole('button', { name: 'Fastställ minnesanteckningarna' }).click();
    await page.getByText(/^Fastställda av Karin Nordström /).waitFor();
    await settled(page);
    expect(await page.getByRole('button', { name: 'Fastställ minnesanteckningarna' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Ladda ned minnesanteckningarna (PDF)' }).count()).toBe(1);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it.each(THEMES)('the fastställda minnesanteckningar are axe-clean and fit 360 px in the %s theme', async (theme) => {
    const { page, problems } = await openMinutes(theme, 1280);
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 900 });
      await page.getByText(/^Fastställda av Karin Nordström /).waitFor();
      await settled(page);
      expect(await wcagViolations(page)).toEqual([]);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(ARTIFACTS, `stodgrupp-minutes-${width}-${theme}.png`), fullPage: true });
    }
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

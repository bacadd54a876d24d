import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SEED_PEOPLE } from '../../infra/graph-emulator/src/seed/people';
import type { Stack } from '../integration/support/stack';
import {
  ARTIFACTS,
  buildTab,
  launchChromium,
  settled,
  signInToMeetings,
  startTabStack,
  wcagViolations,
} from './support';

const samverkansgruppen = SEED_PEOPLE.filter((p) =>
  p.xRoles.some((role) => ['ordforande', 'samverkansgrupp', 'samordnare'].includes(role)),
);

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  buildTab();
  stack = await startTabStack();
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

function signIn(context: BrowserContext, name: string): Promise<{ page: Page; problems: string[] }> {
  return signInToMeetings(stack, context, name);
}

describe('Möten: the chair and the samordnare prepare the vårmöte together (issue #16)', () => {
  it('both edit, one conflict shown, a 6 MB handling with its progress bar, preview and send', async () => {
    const chairContext = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const coordinatorContext = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    try {
      const chair = await signIn(chairContext, 'Maria Bergström');
      await chair.page.getByRole('tab', { name: 'Förbered' }).click();
      await chair.page.getByRole('button', { name: 'Nytt utkast' }).click();
      const form = chair.page.getByRole('dialog');
      await form.getByRole('button', { name: 'Skapa utkast' }).click();
      await chair.page.getByRole('heading', { level: 3, name: /^Dagordning: Samverkansgruppen – vårmöte/ }).waitFor();
      await settled(chair.page);

      const coordinator = await signIn(coordinatorContext, 'Karin Nordström');
      await coordinator.page.getByRole('tab', { name: 'Förbered' }).click();
      await coordinator.page.getByRole('button', { name: /^Öppna utkastet Samverkansgruppen – vårmöte/ }).click();
      await coordinator.page.getByRole('heading', { level: 3, name: /^Dagordning:/ }).waitFor();

      // The samordnare saves first; the chair's save on the older version is the conflict.
      await coordinator.page.getByRole('button', { name: /^Flytta ner punkt 1,/ }).click();
      await coordinator.page.getByRole('button', { name: 'Spara dagordningen' }).click();
      await coordinator.page.getByText('Dagordningen är sparad.').waitFor();
      await chair.page.getByRole('button', { name: /^Flytta upp punkt 3,/ }).click();
      await chair.page.getByRole('button', { name: 'Spara dagordningen' }).click();
      await chair.page.getByText('Någon annan har ändrat dagordningen').waitFor();
      expect(await wcagViolations(chair.page)).toEqual([]);
      await chair.page.getByRole('button', { name: 'Behåll mina ändringar och spara igen' }).click();
      await chair.page.getByText('Dagordningen är sparad.').waitFor();

      // A 6 MB handling on the first point: the bar is seen before the upload completes.
      const values: string[] = [];
      await chair.page.exposeFunction('recordProgress', (v: string) => values.push(v));
      await chair.page.evaluate(() => {
        new MutationObserver(() => {
          const bar = document.querySelector('[role="progressbar"]');
          const value = bar?.getAttribute('aria-valuenow');
          if (value) (window as unknown as { recordProgress(v: string): void }).recordProgress(value);
        }).observe(document.body, { subtree: true, childList: true, attributes: true });
      });
      await chair.page.getByLabel('Lägg till handling till punkt 1').setInputFiles({
        name: 'budget-2027.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.alloc(6 * 1024 * 1024, 7),
      });
      await chair.page.getByText('Handlingen budget-2027.pdf är uppladdad.').waitFor({ timeout: 60_000 });
      expect(values.length).toBeGreaterThan(0);
      await chair.page.getByRole('link', { name: 'budget-2027.pdf' }).waitFor();
      for (const theme of ['light', 'dark']) {
        await chair.page.getByRole('combobox', { name: 'Tema' }).selectOption(theme);
        await settled(chair.page);
        expect(await wcagViolations(chair.page)).toEqual([]);
      }
      await chair.page.setViewportSize({ width: 360, height: 900 });
      await settled(chair.page);
      await chair.page.screenshot({ path: join(ARTIFACTS, 'meetings-draft-360.png'), fullPage: true });
      await chair.page.setViewportSize({ width: 1280, height: 1000 });

      // The kallelse from the draft: the preview's dagordning is the draft's, with the handling.
      // It opens the Planera view with the draft.
      await chair.page.getByRole('button', { name: 'Kalla till mötet med detta utkast' }).click();
      await chair.page.getByRole('tab', { name: 'Planera', selected: true }).waitFor();
      await chair.page.getByText(/^Kallelsen får dagordningen och handlingarna från utkastet/).waitFor();
      await chair.page.getByRole('textbox', { name: 'Lokal' }).fill('Regionens hus, sal Vindeln');
      await chair.page.getByRole('button', { name: 'Föreslå tider' }).click();
      await chair.page.getByRole('heading', { name: 'Förslag på tider' }).waitFor();
      await chair.page.getByRole('radio').first().check();
      await chair.page.getByRole('button', { name: 'Förhandsgranska kallelsen' }).click();
      const dialog = chair.page.getByRole('alertdialog', { name: 'Kontrollera kallelsen innan den skickas' });
      await dialog.waitFor();
      await dialog.getByText('budget-2027.pdf').first().waitFor();
      expect(await wcagViolations(chair.page)).toEqual([]);
      await dialog.getByRole('button', { name: 'Skicka kallelsen' }).click();
      await chair.page.getByText(`Kallelsen är skickad till ${samverkansgruppen.length - 1} personer.`).waitFor();
      expect(chair.problems.filter((p) => !p.startsWith('409 '))).toEqual([]);
      expect(coordinator.problems).toEqual([]);
    } finally {
      await chairContext.close();
      await coordinatorContext.close();
    }
  }, 240_000);
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Client } from '@microsoft/microsoft-graph-client';
import type { Channel } from '@microsoft/microsoft-graph-types';
import type { Browser, Page } from 'playwright-core';
import { adminClient } from '../../infra/graph-emulator/tests/support';
import { SEED_TEAM_ID } from '../../infra/graph-emulator/src/resources/teams';
import type { Stack } from '../integration/support/stack';
import { buildTab, launchChromium, settled, startTabStack, wcagViolations, fillDateOrTime } from './support';

let stack: Stack;
let browser: Browser;
let graph: Client;

beforeAll(async () => {
  buildTab();
  stack = await startTabStack();
  browser = await launchChromium();
  graph = await adminClient(stack.tenant);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

async function signInAsCoordinator(page: Page): Promise<void> {
  await page.goto(`${stack.url}/`);
  await page.waitForURL((url) => url.pathname.endsWith('/oauth2/v2.0/authorize'));
  await page.getByRole('button', { name: 'Karin Nordström', exact: true }).click();
  await page.waitForURL((url) => url.origin === stack.url && url.pathname === '/');
  await page.getByRole('heading', { level: 1, name: 'Översikt' }).waitFor();
  await settled(page);
}

async function channelNamed(name: string): Promise<Channel | undefined> {
  const channels = (await graph.api(`/teams/${SEED_TEAM_ID}/channels`).get()) as { value: Channel[] };
  return channels.value.find((c) => c.displayName === name);
}

describe('Arbetsgrupper in a browser', () => {
  it('the coordinator appoints a group (its channel is created) and ends it (the channel is archived)', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    try {
      await signInAsCoordinator(page);
      await page.getByRole('navigation').getByRole('link', { name: 'Arbetsgrupper', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Arbetsgrupper' }).waitFor();
      await settled(page);
      expect(await page.getByText('Det finns inga aktiva arbetsgrupper.').isVisible()).toBe(true);

      await page.getByRole('button', { name: 'Tillsätt arbetsgrupp' }).click();
      const form = page.getByRole('form', { name: 'Tillsätt en arbetsgrupp' });
      await form.getByRole('textbox', { name: /^Namn/ }).fill('Tillgänglighet i detaljplaner');
      await form.getByRole('textbox', { name: /^Syfte/ }).fill('Gemensam syn på tillgänglighetskrav.');
      await form.getByRole('textbox', { name: /^Uppdrag/ }).fill('Ta fram en checklista för granskning.');
      await form.getByRole('textbox', { name: /^Målsättning/ }).fill('Checklistan används av alla kommuner 2027.');
      for (const person of ['Maria Bergström', 'Erik Lundqvist', 'Per Holmberg'])
        await form.getByRole('checkbox', { name: new RegExp(person) }).check();
      await form.getByRole('combobox', { name: /^Sammankallande/ }).selectOption({ label: 'Maria Bergström' });
      await fillDateOrTime(form.getByLabel(/^Från/), '2026-09-01');
      await fillDateOrTime(form.getByLabel(/^Till/), '2027-06-30');
      await form.getByRole('radio', { name: /^Privat/ }).check();
      expect(await wcagViolations(page)).toEqual([]);
      await form.getByRole('button', { name: 'Tillsätt och skapa kanal' }).click();

      await page
        .getByText('Arbetsgruppen Tillgänglighet i detaljplaner är tillsatt och kanalen är skapad.')
        .waitFor({ timeout: 30_000 });
      const active = page.getByRole('region', { name: 'Aktiva arbetsgrupper' });
      const card = active.getByRole('article', { name: 'Tillgänglighet i detaljplaner' });
      await card.waitFor();
      expect(await card.getByText('Maria Bergström, Umeå (sammankallande)').isVisible()).toBe(true);
      expect(await card.getByRole('link', { name: /Öppna kanalen i Teams/ }).getAttribute('href')).toContain(
        'teams.microsoft.com/l/channel/',
      );
      const channel = await channelNamed('Tillgänglighet i detaljplaner');
      expect(channel).toMatchObject({ membershipType: 'private', isArchived: false });

      await card.getByRole('button', { name: 'Avsluta', exact: true }).click();
      await card.getByRole('textbox', { name: /^Slutrapport/ }).fill('Checklistan är klar och publicerad.');
      await card.getByRole('button', { name: 'Avsluta och arkivera kanalen' }).click();
      const confirm = page.getByRole('alertdialog', { name: 'Avsluta Tillgänglighet i detaljplaner?' });
      await confirm.waitFor();
      expect(await wcagViolations(page)).toEqual([]);
      await confirm.getByRole('button', { name: 'Avsluta gruppen' }).click();
      await page
        .getByText('Arbetsgruppen Tillgänglighet i detaljplaner är avslutad och kanalen är arkiverad.')
        .waitFor({ timeout: 30_000 });
      await page.getByRole('tab', { name: /^Avslutade/ }).click();
      const ended = page.getByRole('region', { name: 'Avslutade arbetsgrupper' });
      await ended.getByText('Checklistan är klar och publicerad.').waitFor();
      expect(await channelNamed('Tillgänglighet i detaljplaner')).toMatchObject({ isArchived: true });
      expect(await wcagViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

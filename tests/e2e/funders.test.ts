import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { COORDINATOR } from '../../infra/graph-emulator/tests/support';
import type { Stack } from '../integration/support/stack';
import { buildTab, launchChromium, settled, signInAs, startTabStack, wcagViolations, type AxeFinding } from './support';

// Held yesterday (Stockholm): its participants can be reported.
const HELD_ON = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm' }).format(
  new Date(Date.now() - 86_400_000),
);
const YEAR = Number(
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm', year: 'numeric' }).format(new Date()),
);
const TITLE = 'Energikrav i nybyggnad';

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  buildTab();
  stack = await startTabStack();
  browser = await launchChromium();
  const token = await stack.token(COORDINATOR);
  const gateway = stack.server.services.graph.forApp();
  const { siteId, listId } = await stack.server.services.site.list(gateway, 'meetings');
  const start = new Date(Date.now() - 60_000);
  const meeting = await gateway.createItem(siteId, listId, {
    Title: 'Samverkansgruppen',
    MeetingGroup: 'samverkansgrupp',
    StartDateTime: start.toISOString(),
    EndDateTime: new Date(start.getTime() + 3 * 3600_000).toISOString(),
    Status: 'planerat',
  });
  const proposed = await stack.call('/api/activities', {
    token,
    method: 'POST',
    body: {
      title: TITLE,
      area: 'kompetensutveckling',
      targetGroups: ['kommuner'],
      startDate: HELD_ON,
      endDate: HELD_ON,
      responsibleOrganisationId: 'skelleftea',
    },
  });
  const { activity } = (await proposed.json()) as { activity: { id: string; etag: string } };
  const decided = await stack.call(`/api/activities/${activity.id}/decision`, {
    token,
    method: 'POST',
    body: { meetingId: meeting.id },
    headers: { 'if-match': activity.etag },
  });
  expect(decided.status).toBe(200);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

async function signIn(page: Page): Promise<void> {
  await signInAs(stack, page, 'Karin Nordström');
  await page.getByRole('navigation').getByRole('link', { name: 'Aktiviteter', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Aktiviteter' }).waitFor();
  await settled(page);
}

describe("funders' figures in a browser: tags in the form, participant counts, the report", () => {
  it('reports participants on a held activity and shows them in Uppföljning för finansiärer, axe clean', async () => {
    const findings: Record<string, AxeFinding[]> = {};
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await signIn(page);
      // The table says the held activity waits for its counts (#17) …
      const row = page.getByRole('table', { name: 'Aktiviteter' }).getByRole('row').filter({ hasText: TITLE });
      await row.getByText('Väntar på rapport', { exact: true }).waitFor();
      await page.getByRole('button', { name: `Rapportera deltagare: ${TITLE}` }).click();
      const dialog = page.getByRole('dialog', { name: `Deltagare: ${TITLE}` });
      await dialog.waitFor();
      await dialog.getByRole('group', { name: 'Deltagare per organisation' }).getByRole('spinbutton').first().fill('5');
      const genders = dialog.getByRole('group', { name: 'Samma deltagare per kön' });
      await genders.getByRole('spinbutton', { name: 'Kvinnor' }).fill('3');
      await genders.getByRole('spinbutton', { name: 'Män' }).fill('1');
      await dialog.getByText('Summa per organisation: 5. Summa per kön: 4.').waitFor();
      findings['counts dialog'] = await wcagViolations(page);
      await dialog.getByRole('button', { name: 'Spara antalen' }).click();
      await dialog.getByText('Summan per kön (4) måste vara lika med summan per organisation (5).').waitFor();
      await genders.getByRole('spinbutton', { name: 'Annat/vill ej ange' }).fill('1');
      await dialog.getByRole('button', { name: 'Spara antalen' }).click();
      await page.getByText(`Deltagarna för ${TITLE} är sparade.`).waitFor();
      await dialog.waitFor({ state: 'detached' });
      // … and that they are reported once saved.
      await row.getByText('Deltagare rapporterade', { exact: true }).waitFor();

      await page.getByRole('tab', { name: 'Uppföljning för finansiärer' }).click();
      await page.getByRole('heading', { name: `Uppföljning för finansiärer ${YEAR}` }).waitFor();
      await settled(page);
      const chart = page.getByRole('img', { name: new RegExp(`Deltagare per samverkansområde och kön ${YEAR}`) });
      await expect(chart.getAttribute('aria-labelledby')).resolves.toBeTruthy();
      const total = page.getByRole('table', { name: 'Totalt' });
      await expect(total.getByRole('row').nth(1).innerText()).resolves.toMatch(/Totalt\s+1\s+1\s+0\s+5\s+3\s+1\s+1/);
      await page.getByRole('heading', { name: 'Ämnestaggar' }).waitFor();
      findings['uppfoljning'] = await wcagViolations(page);
      // The proposal form (a dialog) offers the seeded tags in a multiselect combobox.
      await page.getByRole('button', { name: 'Föreslå en aktivitet' }).click();
      const proposal = page.getByRole('dialog', { name: 'Föreslå en aktivitet' });
      const tags = proposal.getByRole('combobox', { name: /Ämnestaggar/ });
      await tags.focus();
      await page.keyboard.press('ArrowDown');
      // Fluent's multiselect listbox names its options as checkable items (role menuitemcheckbox).
      const option = page.getByRole('menuitemcheckbox', { name: 'Klimatanpassning' });
      await option.click();
      await expect(option.getAttribute('aria-checked')).resolves.toBe('true');
      await page.keyboard.press('Escape');
      await page.waitForFunction(
        () => document.querySelector('[role="combobox"][aria-expanded="true"]') === null,
        undefined,
        { timeout: 5_000 },
      );
      await expect(tags.inputValue()).resolves.toBe('Klimatanpassning');
      findings['form with tags'] = await wcagViolations(page);
      // The page stays usable once the listbox and the dialog have closed.
      await proposal.getByRole('button', { name: 'Avbryt' }).click({ timeout: 5_000 });
      await proposal.waitFor({ state: 'detached' });
      await page.getByRole('tab', { name: 'Tabell' }).click({ timeout: 5_000 });
      await page.getByRole('table', { name: 'Aktiviteter' }).waitFor();
    } finally {
      await context.close();
    }
    expect(Object.fromEntries(Object.entries(findings).filter(([, list]) => list.length > 0))).toEqual({});
  }, 240_000);
});

import { describe, expect, it } from '@jest/globals';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { COORDINATOR, MEMBER_GUEST } from '../../infra/graph-emulator/tests/support';
import type { Stack } from '../integration/support/stack';
import { browserStack, settled, signInAs, wcagViolations } from './support';

// The agreement's rules in a browser (#17): Mina uppdrag, the budget's version history, contacts kept current.
const YEAR = Number(
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm', year: 'numeric' }).format(new Date()),
);
const ASSIGNMENT = 'Sammanställ handläggningstiderna';
const EXTERNAL = { name: 'Kerstin Vallgren', email: 'kerstin.vallgren@konsult.example', org: 'Umeå' };

let meetingId = '';

/** A samverkansgrupp meeting that began an hour ago (decisions need a meeting that has started), an uppdrag for
 * Erik Lundqvist delegated by a decision at it, and a budget line for the year. */
async function prepare(stack: Stack): Promise<void> {
  const coordinator = await stack.token(COORDINATOR);
  const app = stack.server.services.graph.forApp();
  const { siteId, listId } = await stack.server.services.site.list(app, 'meetings');
  const start = new Date(Date.now() - 60 * 60_000);
  const meeting = await app.createItem(siteId, listId, {
    Title: `Samverkansgruppen hösten ${YEAR}`,
    MeetingGroup: 'samverkansgrupp',
    StartDateTime: start.toISOString(),
    EndDateTime: new Date(start.getTime() + 3 * 60 * 60_000).toISOString(),
    Status: 'planerat',
  });
  meetingId = meeting.id;
  const decision = await stack.call('/api/decisions', {
    token: coordinator,
    method: 'POST',
    body: { meetingId, kind: 'delegering', text: 'Samverkansgruppen delegerar en sammanställning.' },
  });
  expect(decision.status).toBe(201);
  const decisionId = ((await decision.json()) as { decision: { id: string } }).decision.id;
  const erik = (await stack.server.services.contacts.list(app)).find((p) => p.email === MEMBER_GUEST)!;
  const due = `${YEAR + 1}-03-31`;
  const delegated = await stack.call(`/api/decisions/${decisionId}/assignments`, {
    token: coordinator,
    method: 'POST',
    body: { assignments: [{ assigneeKind: 'person', assigneeId: erik.id, description: ASSIGNMENT, due }] },
    headers: { 'idempotency-key': 'governance-uppdrag-1' },
  });
  expect(delegated.status).toBe(201);
  const line = await stack.call('/api/budget/lines', {
    token: coordinator,
    method: 'POST',
    body: { year: YEAR, category: 'aktivitet', name: 'Utbildningar', amountOre: 80_000_00 },
  });
  expect(line.status).toBe(201);
}

const env = browserStack(prepare);

async function signIn(context: BrowserContext, name: string): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await signInAs(env.stack, page, name);
  return { page, problems };
}

async function visit(page: Page, link: string): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name: link, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: link }).waitFor();
  await settled(page);
}

/** The theme chooser sits behind an open modal dialog: chosen as a script would, so the dialog stays as it is. */
async function theme(page: Page, value: 'light' | 'dark'): Promise<void> {
  const chooser = page.getByRole('combobox', { name: 'Tema', includeHidden: true });
  await chooser.selectOption(value, { force: true, timeout: 5_000 });
  expect(await chooser.inputValue()).toBe(value);
}

/** axe finds nothing with the dialog open, in the light and the dark theme (back to light afterwards). */
async function axeInLightAndDark(page: Page, dialog: Locator): Promise<void> {
  await dialog.waitFor();
  expect(await wcagViolations(page)).toEqual([]);
  await theme(page, 'dark');
  await dialog.waitFor();
  expect(await wcagViolations(page)).toEqual([]);
  await theme(page, 'light');
}

describe('the agreement’s rules in a browser (#17)', () => {
  it('Mina uppdrag: the owner sets status and report in the dialog; a stale second tab gets the newer version', async () => {
    const stale = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const fresh = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      // The second tab reads the uppdrag before the first one saves it.
      const second = await signIn(stale, 'Erik Lundqvist');
      const mineB = second.page.getByRole('list', { name: 'Mina uppdrag' });
      await mineB.getByText(ASSIGNMENT).waitFor();

      const { page, problems } = await signIn(fresh, 'Erik Lundqvist');
      const mine = page.getByRole('list', { name: 'Mina uppdrag' });
      const item = mine.getByRole('listitem').filter({ hasText: ASSIGNMENT });
      expect(await item.textContent()).toContain('Ej påbörjat');
      await item.getByRole('button', { name: 'Uppdatera' }).click();
      const dialog = page.getByRole('dialog', { name: `Uppdatera uppdraget ”${ASSIGNMENT}”` });
      await axeInLightAndDark(page, dialog);
      await dialog.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Pågår' });
      await dialog.getByRole('textbox', { name: /^Rapport/ }).fill('Tio av femton kommuner har svarat.');
      await dialog.getByRole('button', { name: 'Spara' }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.getByRole('status').filter({ hasText: 'Uppdraget är sparat.' }).waitFor();
      await item.getByText('Rapport: Tio av femton kommuner har svarat.').waitFor();
      expect(await item.textContent()).toContain('Pågår');
      expect(problems).toEqual([]);

      await mineB
        .getByRole('listitem')
        .filter({ hasText: ASSIGNMENT })
        .getByRole('button', { name: 'Uppdatera' })
        .click();
      const dialogB = second.page.getByRole('dialog', { name: `Uppdatera uppdraget ”${ASSIGNMENT}”` });
      await dialogB.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Klart' });
      await dialogB.getByRole('button', { name: 'Spara' }).click();
      await dialogB.getByText('Någon annan har ändrat uppdraget: nu Pågår. Kontrollera och spara igen.').waitFor();
      // Still open, on the newer version: nothing of the stale tab was saved.
      expect(await dialogB.isVisible()).toBe(true);
      await axeInLightAndDark(second.page, dialogB);
      const listed = await env.stack.call('/api/assignments?mine=1', { token: await env.stack.token(MEMBER_GUEST) });
      const { assignments } = (await listed.json()) as { assignments: { status: string; report?: string }[] };
      expect(assignments).toEqual([
        expect.objectContaining({ status: 'pagar', report: 'Tio av femton kommuner har svarat.' }),
      ]);
    } finally {
      await stale.close();
      await fresh.close();
    }
  });

  it('the budget’s versions: proposed, decided, named in the lägesrapport; a change after the decision needs a revidering', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const coordinator = await env.stack.token(COORDINATOR);
    const decide = async () => {
      const listed = await env.stack.call(`/api/budget/versions?year=${YEAR}`, { token: coordinator });
      const { versions } = (await listed.json()) as { versions: { etag: string }[] };
      const decided = await env.stack.call(`/api/budget/versions/${YEAR}/decision`, {
        token: coordinator,
        method: 'POST',
        body: { meetingId },
        headers: { 'if-match': versions.at(-1)!.etag },
      });
      expect(decided.status).toBe(200);
    };
    try {
      const { page, problems } = await signIn(context, 'Karin Nordström');
      await visit(page, 'Budget');
      const versions = page.getByRole('region', { name: 'Budgetversioner' });
      await versions.getByText(`Budgeten för ${YEAR} är inte beslutad.`, { exact: false }).waitFor();
      await versions.getByRole('button', { name: 'Lägg fram förslag till budget' }).click();
      await versions.getByText('Version 1 är framlagd som förslag.').waitFor();
      const table = versions.getByRole('table', { name: 'Budgetversioner' });
      await table.getByRole('row', { name: /Version 1 Förslag, väntar på beslut Inte beslutad/ }).waitFor();
      expect(await wcagViolations(page)).toEqual([]);

      // Samverkansgruppen decides at its meeting (the Beslut page has no budget form; the API is what it calls).
      await decide();
      await visit(page, 'Översikt');
      await visit(page, 'Budget');
      await versions
        .getByText(/mäts mot budgeten som samverkansgruppen beslutade: version 1, beslutad \d{1,2} \p{L}+ \d{4}\./u)
        .waitFor();
      await table.getByRole('row', { name: /^Version 1 Beslutad, gäller/ }).waitFor();

      // A change to the decided budget is refused with the way forward, in the add dialog.
      await page.getByRole('tab', { name: 'Budgetposter' }).click();
      await page.getByRole('button', { name: 'Lägg till budgetpost' }).click();
      const add = page.getByRole('dialog', { name: 'Lägg till budgetpost' });
      await add.getByRole('textbox', { name: /^Namn/ }).fill('Studieresa');
      await add.getByRole('textbox', { name: /^Budget \(kr\)/ }).fill('12 000');
      await add.getByRole('button', { name: 'Lägg till', exact: true }).click();
      await add.getByText(/Lägg ett förslag till revidering för att ändra den\./).waitFor();
      await axeInLightAndDark(page, add);
      await add.getByRole('button', { name: 'Avbryt' }).click();
      await add.waitFor({ state: 'detached' });

      await page.getByRole('tab', { name: 'Lägesrapport' }).click();
      await versions.getByRole('button', { name: 'Föreslå revidering' }).click();
      await versions.getByText('Version 2 (revidering 1) är framlagd som förslag.').waitFor();
      await table.getByRole('row', { name: /^Version 2 \(revidering 1\) Förslag, väntar på beslut/ }).waitFor();
      await versions
        .getByText('Version 2 (revidering 1) väntar på samverkansgruppens beslut.', { exact: false })
        .waitFor();
      // The report still measures against the decided version 1 while the revidering is drafted.
      await versions.getByText(/beslutade: version 1,/).waitFor();

      await page.getByRole('tab', { name: 'Budgetposter' }).click();
      await page.getByRole('button', { name: 'Lägg till budgetpost' }).click();
      await add.getByRole('textbox', { name: /^Namn/ }).fill('Studieresa');
      await add.getByRole('textbox', { name: /^Budget \(kr\)/ }).fill('12 000');
      await add.getByRole('button', { name: 'Lägg till', exact: true }).click();
      await page.getByText('Budgetposten är tillagd.').waitFor();

      await decide();
      await visit(page, 'Översikt');
      await visit(page, 'Budget');
      await versions.getByText(/beslutade: version 2,/).waitFor();
      await table.getByRole('row', { name: /^Version 1 Beslutad, ersatt av en senare version/ }).waitFor();
      await table.getByRole('row', { name: /^Version 2 \(revidering 1\) Beslutad, gäller/ }).waitFor();
      expect(await wcagViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('contacts: an external person added and one deactivated, warnings before saving, the kallelse follows', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const { page, problems } = await signIn(context, 'Karin Nordström');
      await visit(page, 'Kontakter');
      await page.getByRole('button', { name: 'Lägg till kontakt' }).click();
      const add = page.getByRole('dialog', { name: 'Lägg till kontakt' });
      await add.getByRole('combobox', { name: 'Varifrån' }).selectOption({ label: 'Extern person' });
      await add.getByRole('textbox', { name: /^E-postadress/ }).fill(EXTERNAL.email);
      await add.getByRole('textbox', { name: /^Namn/ }).fill(EXTERNAL.name);
      await add.getByRole('combobox', { name: /^Organisation/ }).selectOption({ label: EXTERNAL.org });
      await add.getByRole('checkbox', { name: 'Samverkansgruppen' }).check();
      await add.getByRole('button', { name: 'Lägg till', exact: true }).click();
      // Umeå already has two representatives: the check says so before anything is saved.
      await add.getByText('Umeå har 3 representanter i samverkansgruppen; högst 2 är tillåtna.').waitFor();
      const before = (await (
        await env.stack.call('/api/people', { token: await env.stack.token(COORDINATOR) })
      ).json()) as {
        people: { email: string }[];
      };
      expect(before.people.map((p) => p.email)).not.toContain(EXTERNAL.email);
      await axeInLightAndDark(page, add);
      await add.getByRole('button', { name: 'Spara ändå' }).click();
      await add.waitFor({ state: 'detached' });
      await page.getByText(`${EXTERNAL.name} är tillagd i kontaktlistan.`).waitFor();
      await page.getByRole('row').filter({ hasText: EXTERNAL.name }).first().waitFor();

      const bjurholm = page;
      await bjurholm.getByRole('button', { name: 'Avaktivera Kristina Burman' }).click();
      const leave = page.getByRole('alertdialog', { name: 'Avaktivera Kristina Burman?' });
      await leave.getByText('Bjurholm saknar representant i samverkansgruppen.').waitFor();
      await axeInLightAndDark(page, leave);
      await leave.getByRole('button', { name: 'Ja, avaktivera' }).click();
      await leave.waitFor({ state: 'detached' });
      await page.getByText('Kristina Burman är avaktiverad.').waitFor();
      const row = bjurholm.getByRole('row').filter({ hasText: 'Kristina Burman' });
      await row.getByText(/^Avaktiverad /).waitFor();
      expect(await row.getByRole('button', { name: 'Avaktivera Kristina Burman' }).count()).toBe(0);
      expect(await wcagViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }

    // The chair's next kallelse: its preview lists the recipients, the added person in, the deactivated one out.
    const chairContext = await env.browser.newContext({ viewport: { width: 1280, height: 1000 } });
    try {
      const { page } = await signIn(chairContext, 'Maria Bergström');
      await visit(page, 'Möten');
      await page.getByRole('tab', { name: 'Planera' }).click();
      await page.getByRole('textbox', { name: 'Lokal' }).fill('Regionens hus, sal Vindeln');
      await page.getByRole('button', { name: 'Föreslå tider' }).click();
      await page.getByRole('heading', { name: 'Förslag på tider' }).waitFor();
      await page.getByRole('radio').first().check();
      await page.getByRole('button', { name: 'Förhandsgranska kallelsen' }).click();
      const preview = page.getByRole('alertdialog', { name: 'Kontrollera kallelsen innan den skickas' });
      await preview.getByText(/^Mottagare \(\d+\)$/).waitFor();
      const recipients = (await preview.textContent()) ?? '';
      expect(recipients).toContain(EXTERNAL.name);
      expect(recipients).toContain('Erik Lundqvist');
      expect(recipients).not.toContain('Kristina Burman');
      await preview.getByRole('button', { name: 'Tillbaka' }).click();
      await preview.waitFor({ state: 'detached' });
    } finally {
      await chairContext.close();
    }
  });
});

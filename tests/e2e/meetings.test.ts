import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SEED_PEOPLE } from '../../infra/graph-emulator/src/seed/people';
import { CHAIR, COORDINATOR } from '../../infra/graph-emulator/tests/support';
import { candidateDays, seasonWindow, toIsoDate } from '../../src/domain';
import { control, type Stack } from '../integration/support/stack';
import {
  ARTIFACTS,
  buildTab,
  launchChromium,
  settled,
  signInToMeetings,
  startTabStack,
  wcagViolations,
} from './support';

const today = toIsoDate(new Date());
const thisYear = Number(today.slice(0, 4));
const pastAutumnYear = today.slice(5, 7) >= '11' ? thisYear : thisYear - 1;
const heldDay = candidateDays(seasonWindow(pastAutumnYear, 'host'))[10] as string;
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

/** Opens the meeting from the register, on its part (Svar, Protokoll) when named. */
async function openMeeting(page: Page, date: string, part?: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`^Visa .* ${date}$`) }).click();
  await page.getByRole('heading', { level: 2, name: /^Mötet:/ }).waitFor();
  if (part) await page.getByRole('tab', { name: part }).click();
  await settled(page);
}

/** The dialog's screenshots at 1280 and 360 px in the current theme; axe finds nothing in it. */
async function shootPreview(page: Page, theme: string): Promise<void> {
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 1000 });
    await settled(page);
    expect(await wcagViolations(page)).toEqual([]);
    await page.screenshot({ path: join(ARTIFACTS, `meetings-preview-${width}-${theme}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 1000 });
}

/** "Förhandsgranska kallelsen" opens the kallelse as it will go; "Tillbaka" sends nothing, "Skicka kallelsen" sends. */
async function previewAndSend(page: Page): Promise<void> {
  const dialogName = 'Kontrollera kallelsen innan den skickas';
  const open = async () => {
    await page.getByRole('button', { name: 'Förhandsgranska kallelsen' }).click();
    const dialog = page.getByRole('alertdialog', { name: dialogName });
    await dialog.waitFor();
    return dialog;
  };
  let dialog = await open();
  await dialog.getByText(/^Samverkansgruppen – vårmöte \d{4}$/).waitFor();
  await dialog
    .getByText(/^(måndag|tisdag|onsdag|torsdag|fredag) \d{1,2} \p{L}+ \d{4} kl\. \d{2}\.\d{2}–\d{2}\.\d{2}$/u)
    .waitFor();
  await dialog.getByText('Regionens hus, sal Vindeln').waitFor();
  await dialog.getByText(`Mottagare (${samverkansgruppen.length - 1})`).waitFor();
  expect(await dialog.getByRole('listitem').filter({ hasText: 'Val av två justerare' }).count()).toBe(1);
  await shootPreview(page, 'light');
  await dialog.getByRole('button', { name: 'Tillbaka' }).click();
  await dialog.waitFor({ state: 'detached' });

  await page.getByRole('combobox', { name: 'Tema' }).selectOption('dark');
  dialog = await open();
  await shootPreview(page, 'dark');
  await dialog.getByRole('button', { name: 'Skicka kallelsen' }).click();
}

/** Screenshots at 1280 and 360 px in light and dark: axe finds nothing, the page does not scroll sideways at 360. */
async function shootMeeting(page: Page, name: string): Promise<void> {
  for (const theme of ['light', 'dark']) {
    await page.getByRole('combobox', { name: 'Tema' }).selectOption(theme);
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 1000 });
      await settled(page);
      expect(await wcagViolations(page)).toEqual([]);
      if (width === 360) {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
      }
      await page.screenshot({ path: join(ARTIFACTS, `${name}-${width}-${theme}.png`), fullPage: true });
    }
  }
  await page.getByRole('combobox', { name: 'Tema' }).selectOption('light');
  await page.setViewportSize({ width: 1280, height: 1000 });
  await settled(page);
}

describe('Möten in a browser against the whole stack', () => {
  it('the chair plans the spring meeting, picks a time and sends the kallelse', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    try {
      const { page, problems } = await signIn(context, 'Maria Bergström');
      await page.getByRole('tab', { name: 'Planera' }).click();
      await page.getByRole('textbox', { name: 'Lokal' }).fill('Regionens hus, sal Vindeln');
      await page.getByRole('button', { name: 'Föreslå tider' }).click();
      await page.getByRole('heading', { name: 'Förslag på tider' }).waitFor();
      await page.getByText(/kan inte slås upp/).waitFor();
      const options = page.getByRole('radio');
      expect(await options.count()).toBeGreaterThan(0);
      await page.locator('details').first().locator('summary').click();
      await page
        .getByText(/Okänd tillgänglighet \(annan organisation\): Erik Lundqvist/)
        .first()
        .waitFor();
      expect(await wcagViolations(page)).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, 'meetings-plan.png'), fullPage: true });

      await options.first().check();
      const label = (await options.first().evaluate((el) => el.closest('label, div')?.textContent ?? '')).trim();
      await previewAndSend(page);
      await page.getByText(`Kallelsen är skickad till ${samverkansgruppen.length - 1} personer.`).waitFor();
      await page.getByRole('heading', { level: 2, name: /^Mötet: Samverkansgruppen – vårmöte/ }).waitFor();
      await settled(page);
      await page.getByRole('heading', { name: 'Svar på kallelsen' }).waitFor();
      expect(await wcagViolations(page)).toEqual([]);
      await shootMeeting(page, 'meetings-detail');

      // Moving and cancelling are in dialogs; the cancel's safe choice has the focus and changes nothing.
      await page.getByRole('button', { name: 'Flytta mötet' }).click();
      const move = page.getByRole('dialog', { name: 'Flytta mötet' });
      await move.getByText('De kallade får ändringen i sin kalender.').waitFor();
      expect(await wcagViolations(page)).toEqual([]);
      await move.getByRole('button', { name: 'Avbryt' }).click();
      await move.waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Ställ in mötet' }).click();
      const cancel = page.getByRole('alertdialog', { name: /^Ställa in / });
      await cancel.waitFor();
      await page.waitForFunction(() => document.activeElement?.textContent === 'Behåll mötet');
      expect(await cancel.getByRole('button', { name: 'Ställ in mötet' }).isDisabled()).toBe(true);
      expect(await wcagViolations(page)).toEqual([]);
      await page.keyboard.press('Enter');
      await cancel.waitFor({ state: 'detached' });
      await page.getByRole('button', { name: 'Tillbaka till mötena' }).click();
      await page.getByRole('heading', { level: 2, name: 'Mötesregister' }).waitFor();
      await settled(page);
      await shootMeeting(page, 'meetings-register');

      const records = (await (
        await stack.call('/api/meetings/records', { token: await stack.token(CHAIR) })
      ).json()) as { meetings: { eventId: string; status: string; date: string }[] };
      expect(records.meetings).toHaveLength(1);
      expect(label).toContain(String(records.meetings[0]?.date.slice(0, 4)));
      const outbox = (await (await control(stack.tenant, 'GET', '/outbox')).json()) as {
        value: { type: string; to: string }[];
      };
      expect(outbox.value.filter((m) => m.type === 'invitation')).toHaveLength(
        samverkansgruppen.filter((p) => !p.xHasMailbox).length,
      );
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the coordinator records närvaro and beslut, drafts the protokoll; it is approved in order; the PDF downloads', async () => {
    const chair = await stack.token(CHAIR);
    const sent = await stack.call('/api/meetings', {
      token: chair,
      method: 'POST',
      body: {
        group: 'samverkansgrupp',
        season: 'host',
        date: heldDay,
        startTime: '09:30',
        endTime: '12:00',
        room: 'Regionens hus',
        online: true,
        idempotencyKey: randomUUID(),
      },
    });
    expect(sent.status).toBe(201);

    const coordinatorContext = await browser.newContext({
      viewport: { width: 1280, height: 1000 },
      acceptDownloads: true,
    });
    try {
      const { page, problems } = await signIn(coordinatorContext, 'Karin Nordström');
      await openMeeting(page, heldDay, 'Protokoll');
      for (const name of ['Maria Bergström', 'Karin Nordström', 'Erik Lundqvist', 'Anna Sjöberg', 'Helena Nilsson']) {
        await page.getByRole('checkbox', { name, exact: true }).check();
      }
      await page.getByRole('button', { name: 'Spara närvaro' }).click();
      await page.getByText('Närvaron är sparad.').waitFor();
      await settled(page);

      await page.getByRole('combobox', { name: 'Beslutstyp' }).selectOption('budget');
      await page.getByRole('textbox', { name: 'Beslut' }).fill('Budgeten för nästa år fastställs enligt förslaget.');
      await page.getByRole('button', { name: 'Registrera beslut' }).click();
      await page.getByText('Beslutet är registrerat.').waitFor();
      await page.getByText('Budgeten för nästa år fastställs enligt förslaget.', { exact: false }).first().waitFor();
      await settled(page);

      await page.getByRole('combobox', { name: 'Sekreterare' }).selectOption(COORDINATOR);
      await page.getByRole('combobox', { name: 'Mötesordförande' }).selectOption(CHAIR);
      await page.getByRole('combobox', { name: 'Justerare 1' }).selectOption('erik.lundqvist@umea.se');
      await page.getByRole('combobox', { name: 'Justerare 2' }).selectOption('anna.sjoberg@skelleftea.se');
      await page.getByRole('button', { name: 'Skapa protokollutkast' }).click();
      await page.getByText('Protokollutkastet är skapat; sekreteraren godkänner det först.').waitFor();
      // The order (#16), and the button only for whose turn it is: the secretary's.
      const order = page.getByRole('list', { name: 'Godkännanden' });
      expect(await order.getByRole('listitem').allTextContents()).toEqual([
        'Sekreterare: Karin Nordström, på tur att godkänna',
        'Ordförande: Maria Bergström, har inte godkänt ännu',
        'Justerare: Erik Lundqvist, har inte godkänt ännu',
        'Justerare: Anna Sjöberg, har inte godkänt ännu',
      ]);
      expect(await wcagViolations(page)).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, 'meetings-protocol.png'), fullPage: true });
      await page.getByRole('button', { name: 'Godkänn protokollet' }).click();
      await page.getByText('Du har godkänt protokollet.').waitFor();
      expect(await order.getByRole('listitem').first().textContent()).toMatch(
        /^Sekreterare: Karin Nordström, godkände .+ kl\. \d\d:\d\d$/,
      );
      expect(await page.getByRole('button', { name: 'Godkänn protokollet' }).count()).toBe(0);

      const meetingId = (
        (await (await stack.call('/api/meetings/records', { token: chair })).json()) as {
          meetings: { id: string; date: string }[];
        }
      ).meetings.find((m) => m.date === heldDay)?.id;
      // The chair through the API, then the justerare: one in the tab and one through the API.
      const byChair = await stack.call(`/api/meetings/${meetingId}/protocol/approve`, { token: chair, method: 'POST' });
      expect(byChair.status).toBe(200);
      const memberContext = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
      try {
        const erik = await signIn(memberContext, 'Erik Lundqvist');
        await openMeeting(erik.page, heldDay, 'Protokoll');
        await erik.page.getByRole('button', { name: 'Justera protokollet' }).click();
        await erik.page.getByText('Du har godkänt protokollet.').waitFor();
        expect(erik.problems).toEqual([]);
      } finally {
        await memberContext.close();
      }
      const anna = await stack.call(`/api/meetings/${meetingId}/protocol/approve`, {
        token: await stack.token('anna.sjoberg@skelleftea.se'),
        method: 'POST',
      });
      expect(((await anna.json()) as { protocol: { status: string } }).protocol.status).toBe('justerat');

      await page.reload();
      await page.getByRole('navigation').getByRole('link', { name: 'Möten', exact: true }).click();
      await settled(page);
      await openMeeting(page, heldDay, 'Protokoll');
      await page.getByText('Status: Justerat').waitFor();
      expect(await page.getByRole('button', { name: 'Spara närvaro' }).count()).toBe(0);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Ladda ner protokollet (PDF)' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(`protokoll-${meetingId}.pdf`);
      const path = join(ARTIFACTS, 'protokoll.pdf');
      await download.saveAs(path);
      expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');

      // The samordnare files the meeting (#16); the folder is then listed over Graph and every file downloaded.
      await page.getByRole('tab', { name: 'Arkiv' }).click();
      await page.getByRole('button', { name: 'Arkivera mötet' }).click();
      await page.getByRole('link', { name: 'Arkiv (mötets handlingar)' }).waitFor({ timeout: 60_000 });
      const app = stack.server.services.graph.forApp();
      const driveId = await stack.server.services.site.resolveDrive(app);
      const held = (
        (await (await stack.call('/api/meetings/records', { token: chair })).json()) as {
          meetings: { date: string; title: string }[];
        }
      ).meetings.find((m) => m.date === heldDay);
      const folder = await app.itemAtPath(driveId, ['Arkiv', heldDay.slice(0, 4), held?.title ?? '']);
      const files = await app.listFolder(driveId, folder?.id ?? 'saknas');
      const names = files.map((file) => file.name).sort();
      expect(names).toEqual(
        expect.arrayContaining(['dagordning.txt', 'kallelse.html', 'metadata.json', 'narvaro.csv', 'protokoll.pdf']),
      );
      for (const file of files) {
        expect((await app.downloadFile(driveId, file.id ?? '')).length).toBe(file.size);
      }
      expect(problems).toEqual([]);
    } finally {
      await coordinatorContext.close();
    }
  });
});

import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import type { BrowserContext, Page } from 'playwright-core';
import { SEED_PEOPLE } from '../../infra/graph-emulator/src/seed/people';
import { CHAIR, COORDINATOR } from '../../infra/graph-emulator/tests/support';
import { candidateDays, seasonWindow, threadIdFromJoinUrl, toIsoDate } from '../../src/domain';
import { control } from '../integration/support/stack';
import { PREPARED_DECISION, sendPreparedMeeting } from '../integration/support/preparedMeeting';
import { ARTIFACTS, browserStack, settled, signInAs, wcagViolations } from './support';
import { openInTeamsHost } from './teamsHost';

/**
 * The tab inside the Teams meeting (#16): the local mode's `?meetingChat={thread}&frameContext=sidePanel` gives the
 * tab the meeting context teams-js gives it in Teams (src/tab/teams.ts), in a 320 px side panel.
 */

const today = toIsoDate(new Date());
const thisYear = Number(today.slice(0, 4));
const pastAutumnYear = today.slice(5, 7) >= '11' ? thisYear : thisYear - 1;
const autumn = candidateDays(seasonWindow(pastAutumnYear, 'host'));
const PANEL = { width: 320, height: 900 };
const STODGRUPP = SEED_PEOPLE.filter((p) => p.xRoles.includes('stodgrupp') && p.mail !== COORDINATOR);

const env = browserStack();

/** Signs in as the samordnare in the plain browser, then opens the tab as Teams' side panel of the meeting. */
async function openSidePanel(context: BrowserContext, joinUrl: string): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  await signInAs(env.stack, page, 'Karin Nordström');
  const chat = encodeURIComponent(threadIdFromJoinUrl(joinUrl)!);
  await page.goto(`${env.stack.url}/?meetingChat=${chat}&frameContext=sidePanel`);
  await settled(page);
  return { page, problems };
}

async function fitsThePanel(page: Page): Promise<void> {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(PANEL.width);
}

describe('the meeting side panel in a browser against the whole stack', () => {
  it('the samordnare sees the dagordning, records närvaro by hand and a beslut under its point', async () => {
    const chair = await env.stack.token(CHAIR);
    const meeting = await sendPreparedMeeting(env.stack, chair, { season: 'host', date: autumn[10] as string });
    const context = await env.browser.newContext({ viewport: PANEL });
    try {
      const { page, problems } = await openSidePanel(context, meeting.joinUrl!);
      await page.getByRole('heading', { level: 1, name: meeting.title }).waitFor();
      await page.getByRole('heading', { level: 2, name: 'Dagordning' }).waitFor();
      const point = page.getByRole('listitem').filter({ hasText: PREPARED_DECISION.title }).first();
      await point.getByText('Beslut', { exact: true }).waitFor();
      const link = point.getByRole('link', { name: new RegExp(PREPARED_DECISION.handling.replace('.', '\\.')) });
      expect(await link.getAttribute('href')).toMatch(/^https:\/\/.+Verksamhetsplan|^https:\/\/.+verksamhetsplan/i);
      expect(await page.getByRole('navigation').count()).toBe(0);
      await fitsThePanel(page);
      expect(await wcagViolations(page)).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, 'meeting-panel-320-light.png'), fullPage: true });

      // Närvaro is folded away so that the dagordning shows at once in the narrow panel.
      await page.getByText(/^Närvaro: 0 av \d+ markerade$/).click();
      // The chair organised the Teams meeting: Graph shows its attendance report to her only.
      await page.getByRole('button', { name: 'Hämta från Teams närvarorapport' }).click();
      await page
        .getByText(
          'Teams visar närvarorapporten bara för mötets organisatör (Maria Bergström). Markera närvaron för hand.',
        )
        .waitFor();
      for (const name of ['Maria Bergström', 'Karin Nordström', 'Erik Lundqvist', 'Anna Sjöberg']) {
        await page.getByRole('checkbox', { name, exact: true }).check();
      }
      await page.getByText('Närvaro: 4 av').waitFor();
      await page.getByRole('button', { name: 'Spara närvaro' }).click();
      await page.getByText('Närvaron är sparad.').waitFor();

      // The secretary's notes on the point (#16), saved on their own under If-Match.
      const notes = point.getByRole('textbox', { name: /^Anteckningar till punkt \d+$/ });
      await notes.fill('Samordnaren föredrog förslaget; frågor om budgeten besvarades.');
      await point.getByRole('button', { name: 'Spara anteckningarna' }).click();
      await point.getByText(/^Anteckningarna till punkt \d+ är sparade\.$/).waitFor();
      await fitsThePanel(page);
      expect(await wcagViolations(page)).toEqual([]);
      await point.screenshot({ path: join(ARTIFACTS, 'meeting-panel-notes-320-light.png') });

      await point.getByRole('button', { name: 'Protokollför beslut' }).click();
      const form = page.getByRole('group', { name: /^Beslut under punkt \d+$/ });
      await form.getByRole('combobox', { name: 'Beslutstyp' }).selectOption('verksamhetsplan');
      await form.getByRole('textbox', { name: 'Beslutet' }).fill('Samverkansgruppen antar verksamhetsplanen.');
      await fitsThePanel(page);
      expect(await wcagViolations(page)).toEqual([]);
      await form.getByRole('button', { name: 'Spara beslutet' }).click();
      await point.getByText('Beslutat: Samverkansgruppen antar verksamhetsplanen.').waitFor();

      const decisions = (await (
        await env.stack.call(`/api/meetings/${meeting.id}/decisions`, { token: chair })
      ).json()) as { decisions: { kind: string; text: string; agendaItemId?: string }[] };
      expect(decisions.decisions).toEqual([
        expect.objectContaining({
          kind: 'verksamhetsplan',
          text: 'Samverkansgruppen antar verksamhetsplanen.',
          agendaItemId: expect.any(String),
        }),
      ]);
      const attendance = (await (
        await env.stack.call(`/api/meetings/${meeting.id}/attendance`, { token: chair })
      ).json()) as { attendance: { email: string; present: boolean }[] };
      expect(
        attendance.attendance
          .filter((row) => row.present)
          .map((row) => row.email)
          .sort(),
      ).toEqual([CHAIR, COORDINATOR, 'erik.lundqvist@umea.se', 'anna.sjoberg@skelleftea.se'].sort());

      // The protokoll has the point's section with the notes and the decision taken under it.
      const drafted = await env.stack.call(`/api/meetings/${meeting.id}/protocol`, {
        token: await env.stack.token(COORDINATOR),
        method: 'PUT',
        headers: { 'idempotency-key': randomUUID() },
        body: {
          secretaryEmail: COORDINATOR,
          chairEmail: CHAIR,
          adjusterEmails: ['erik.lundqvist@umea.se', 'anna.sjoberg@skelleftea.se'],
        },
      });
      expect(drafted.status).toBe(200);
      const { protocol } = (await drafted.json()) as {
        protocol: { sections: { punkter: { heading: string; notes?: string; beslut: { text: string }[] }[] } };
      };
      const section = protocol.sections.punkter.find((p) => p.heading.endsWith(`. ${PREPARED_DECISION.title}`));
      expect(section).toMatchObject({
        notes: 'Samordnaren föredrog förslaget; frågor om budgeten besvarades.',
        beslut: [expect.objectContaining({ text: 'Samverkansgruppen antar verksamhetsplanen.' })],
      });

      await page.evaluate(() => window.localStorage.setItem('pbs.theme', 'dark'));
      await page.reload();
      await page.getByRole('heading', { level: 1, name: meeting.title }).waitFor();
      await settled(page);
      await point.getByText('Beslutat: Samverkansgruppen antar verksamhetsplanen.').waitFor();
      await fitsThePanel(page);
      expect(await wcagViolations(page)).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, 'meeting-panel-320-dark.png'), fullPage: true });
      await point.screenshot({ path: join(ARTIFACTS, 'meeting-panel-notes-320-dark.png') });
      await page.setViewportSize({ width: 360, height: 900 });
      await settled(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await point.screenshot({ path: join(ARTIFACTS, 'meeting-panel-notes-360-dark.png') });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("takes närvaro from the Teams meeting's attendance report when the samordnare organised it, corrected by hand", async () => {
    const coordinator = await env.stack.token(COORDINATOR);
    const date = autumn[12] as string;
    const sent = await env.stack.call('/api/meetings', {
      token: coordinator,
      method: 'POST',
      body: {
        group: 'stodgrupp',
        date,
        startTime: '13:00',
        endTime: '15:00',
        online: true,
        idempotencyKey: randomUUID(),
      },
    });
    expect(sent.status).toBe(201);
    const { meeting } = (await sent.json()) as { meeting: { id: string; title: string; joinUrl: string } };
    const [joined, late] = STODGRUPP as [(typeof STODGRUPP)[number], (typeof STODGRUPP)[number]];
    const presence = (what: string, user: string, at: string) =>
      control(env.stack.tenant, 'POST', `/online-meetings/${what}`, { joinWebUrl: meeting.joinUrl, user, at });
    await presence('join', COORDINATOR, `${date}T12:00:00Z`);
    await presence('join', joined.mail, `${date}T12:05:00Z`);
    await presence('leave', joined.mail, `${date}T13:30:00Z`);
    await presence('leave', COORDINATOR, `${date}T14:00:00Z`);

    const context = await env.browser.newContext({ viewport: PANEL });
    try {
      const { page, problems } = await openSidePanel(context, meeting.joinUrl);
      await page.getByRole('heading', { level: 1, name: meeting.title }).waitFor();
      await page.getByText('Stödgruppen fattar inga beslut; samverkansgruppen beslutar.').waitFor();
      await page.getByText(/^Närvaro: 0 av \d+ markerade$/).click();
      await page.getByRole('button', { name: 'Hämta från Teams närvarorapport' }).click();
      await page.getByText(/^Från Teams närvarorapport: 2 av de kallade deltog\./).waitFor();
      expect(await page.getByRole('checkbox', { name: joined.displayName, exact: true }).isChecked()).toBe(true);
      expect(await page.getByRole('checkbox', { name: 'Karin Nordström', exact: true }).isChecked()).toBe(true);
      // Corrected by hand: one who was in the room without Teams.
      await page.getByRole('checkbox', { name: late.displayName, exact: true }).check();
      await fitsThePanel(page);
      expect(await wcagViolations(page)).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, 'meeting-panel-320-report.png'), fullPage: true });
      await page.getByRole('button', { name: 'Spara närvaro' }).click();
      await page.getByText('Närvaron är sparad.').waitFor();
      const attendance = (await (
        await env.stack.call(`/api/meetings/${meeting.id}/attendance`, { token: coordinator })
      ).json()) as { attendance: { email: string; present: boolean }[] };
      expect(
        attendance.attendance
          .filter((row) => row.present)
          .map((row) => row.email)
          .sort(),
      ).toEqual([COORDINATOR, joined.mail.toLowerCase(), late.mail.toLowerCase()].sort());
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('runs in a Teams host page: teams-js gives the side panel, the chat, the dark theme and the SSO token', async () => {
    const records = (await (
      await env.stack.call('/api/meetings/records', { token: await env.stack.token(CHAIR) })
    ).json()) as { meetings: { title: string; group: string; joinUrl?: string }[] };
    const meeting = records.meetings.find((m) => m.group === 'samverkansgrupp')!;
    const context = await env.browser.newContext({ viewport: { width: 320, height: 900 } });
    try {
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
      const threadId = threadIdFromJoinUrl(meeting.joinUrl)!;
      await openInTeamsHost(
        page,
        env.stack.url,
        {
          frameContext: 'sidePanel',
          meetingId: Buffer.from(`0#${threadId}#0`).toString('base64'),
          chatId: threadId,
          theme: 'dark',
          userPrincipalName: COORDINATOR,
        },
        await env.stack.token(COORDINATOR),
      );
      const tab = page.frameLocator('#tab');
      await tab.getByRole('heading', { level: 1, name: meeting.title }).waitFor({ timeout: 20_000 });
      await tab.getByText('Beslutat: Samverkansgruppen antar verksamhetsplanen.').waitFor();
      // No sign-in page and no local banner: the token came from the host, the page is the meeting view.
      expect(await tab.getByRole('navigation').count()).toBe(0);
      const background = await tab
        .locator('body > div, #root > div')
        .first()
        .evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(background).not.toBe('rgb(255, 255, 255)');
      expect(await wcagViolations(page)).toEqual([]);
      await page.screenshot({ path: join(ARTIFACTS, 'meeting-panel-320-teams-host-dark.png'), fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

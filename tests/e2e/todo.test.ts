import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { CHAIR, COORDINATOR } from '../../infra/graph-emulator/tests/support';
import { candidateDays, comingSeason, seasonWindow, toIsoDate } from '../../src/domain';
import {
  approveAsSecretaryAndChair,
  draftProtocol,
  sendSamverkansKallelse,
} from '../integration/support/meetingJourney';
import { browserStack, settled, signInAs } from './support';

/** "Att göra för dig" on Översikt follows the data, per role (#18). */

const today = toIsoDate(new Date());
const coming = comingSeason(today);
const comingDay = candidateDays(seasonWindow(coming.year, coming.season)).find((day) => day > today) as string;
const thisYear = Number(today.slice(0, 4));
const pastAutumnYear = today.slice(5, 7) >= '11' ? thisYear : thisYear - 1;
const heldDay = candidateDays(seasonWindow(pastAutumnYear, 'host'))[10] as string;
const ERIK = 'erik.lundqvist@umea.se';
const ANNA = 'anna.sjoberg@skelleftea.se';

const env = browserStack();

async function signIn(person: string): Promise<Page> {
  const page = await (await env.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  return signInAs(env.stack, page, person);
}

/** The links of "Att göra för dig" as the page shows them now (after a reload, as a user coming back would). */
async function todoLinks(page: Page): Promise<{ text: string; href: string }[]> {
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Översikt' }).waitFor();
  await settled(page);
  const list = page.getByRole('list', { name: 'Att göra för dig' });
  if ((await list.count()) === 0) return [];
  return list
    .getByRole('link')
    .evaluateAll((links) => links.map((a) => ({ text: a.textContent ?? '', href: a.getAttribute('href') ?? '' })));
}

describe('"Att göra för dig" in a browser', () => {
  it('the chair: the season call disappears once the kallelse is sent; the invitee: the answer appears, then the justering', async () => {
    const chair = await signIn('Maria Bergström');
    const erik = await signIn('Erik Lundqvist');
    try {
      const seasonName = coming.season === 'var' ? 'vårmöte' : 'höstmöte';
      const call = `Kalla till samverkansgruppens ${seasonName} ${coming.year}`;
      expect((await todoLinks(chair)).map((l) => l.text)).toContain(call);
      expect((await todoLinks(erik)).filter((l) => l.text.startsWith('Svara på kallelsen'))).toEqual([]);

      const id = await sendSamverkansKallelse(env.stack, comingDay, coming.season);
      expect((await todoLinks(chair)).map((l) => l.text)).not.toContain(call);
      const answer = (await todoLinks(erik)).find((l) => l.text.startsWith('Svara på kallelsen till'));
      expect(answer?.href).toBe(`#/moten/${id}`);

      // A held meeting whose protokoll waits for Erik as justerare.
      const held = await sendSamverkansKallelse(env.stack, heldDay, 'host');
      await draftProtocol(env.stack, held, [CHAIR, COORDINATOR, ERIK, ANNA], [ERIK, ANNA]);
      // The secretary and the chair approve first (#16): until then it is not Erik's turn.
      expect((await todoLinks(erik)).some((l) => l.text.startsWith('Justera protokollet'))).toBe(false);
      await approveAsSecretaryAndChair(env.stack, held);
      const justering = (await todoLinks(erik)).find((l) => l.text.startsWith('Justera protokollet från'));
      expect(justering?.href).toBe(`#/moten/${held}`);
      expect((await todoLinks(chair)).some((l) => l.text.startsWith('Justera protokollet'))).toBe(false);
      // The link opens that meeting.
      await erik.getByRole('link', { name: justering!.text }).click();
      await erik.getByRole('heading', { level: 1, name: 'Möten' }).waitFor();
      expect(new URL(erik.url()).hash).toBe(`#/moten/${held}`);
      await erik.getByRole('heading', { level: 2, name: /^Mötet:/ }).waitFor();
    } finally {
      await chair.context().close();
      await erik.context().close();
    }
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { COORDINATOR } from '../../infra/graph-emulator/tests/support';
import { seedDemoData } from '../../scripts/seedDemo';
import { ARTIFACTS, browserStack, settled, signInAs, themedPage, wcagViolations } from './support';

/**
 * Möten and Aktiviteter show one thing at a time (#18): each view, and a meeting on its own view, measured with a
 * year of demo data at Teams' widths (personal tab 1280, channel tab 1000, phone 360) in light and dark: axe finds
 * nothing, no page scrolls sideways, and no view is the old long scroll (Möten was 4 300 px high at 1280).
 */
const env = browserStack((stack) => seedDemoData(stack.server.services.graph.forApp(), stack.server.services));

/** The samordnare signed in, in a window of Teams' 1280 px with `theme`. */
async function signIn(theme: string): Promise<Page> {
  return signInAs(env.stack, await themedPage(env.browser, theme, { width: 1280, height: 900 }), 'Karin Nordström');
}

async function firstMeetingId(): Promise<string> {
  const answer = await env.stack.call('/api/meetings/records', { token: await env.stack.token(COORDINATOR) });
  const { meetings } = (await answer.json()) as { meetings: { id: string; group: string }[] };
  const meeting = meetings.find((m) => m.group === 'samverkansgrupp') ?? meetings[0];
  if (!meeting) throw new Error('The demo data has no meeting.');
  return meeting.id;
}

describe('Möten and Aktiviteter, one thing at a time', () => {
  it.each(['light', 'dark'])(
    'the samordnare in the %s theme: every view at 1280, 1000 and 360 px is short, axe-clean and fits',
    async (theme) => {
      const id = await firstMeetingId();
      const views = [
        'moten',
        'moten/planera',
        `moten/${id}`,
        `moten/${id}/protokoll`,
        'aktiviteter',
        'aktiviteter/verksamhetsplan',
      ];
      const page = await signIn(theme);
      const heights: Record<string, Record<number, number>> = {};
      const problems: Record<string, unknown> = {};
      try {
        for (const view of views) {
          await page.goto(`${env.stack.url}/#/${view}`);
          await page.reload();
          await page.getByRole('heading', { level: 1 }).first().waitFor();
          await settled(page);
          heights[view] = {};
          for (const width of [1280, 1000, 360]) {
            await page.setViewportSize({ width, height: 900 });
            await settled(page);
            const { height, sideways } = await page.evaluate(() => ({
              height: document.documentElement.scrollHeight,
              sideways: document.documentElement.scrollWidth - window.innerWidth,
            }));
            heights[view]![width] = height;
            if (sideways > 0) problems[`${view} ${width} sideways`] = sideways;
            if (width !== 1000) {
              const findings = await wcagViolations(page);
              if (findings.length > 0) problems[`${view} ${width} axe`] = findings;
              const name = view.replace(id, 'mote').replaceAll('/', '-');
              await page.screenshot({ path: join(ARTIFACTS, `calm-${name}-${width}-${theme}.png`), fullPage: true });
            }
          }
          await page.setViewportSize({ width: 1280, height: 900 });
        }
      } finally {
        await page.context().close();
      }
      writeFileSync(join(ARTIFACTS, `calm-heights-${theme}.json`), JSON.stringify(heights, null, 2));
      expect(problems).toEqual({});
      // The register view at 1280 px, once 4 300 px high with everything stacked, fits in a few screens.
      expect(heights['moten']![1280]).toBeLessThan(2000);
      expect(heights['aktiviteter']![1280]).toBeLessThan(2500);
    },
    600_000,
  );
});

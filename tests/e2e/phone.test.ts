import { describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { seedDemoData } from '../../scripts/seedDemo';
import { ARTIFACTS, browserStack, settled, signInAs, themedPage, wcagViolations, type AxeFinding } from './support';

/**
 * Every page as Teams mobile shows it (360 px) with a year of demo data, for the role that sees most of it (the
 * samordnare): nothing scrolls the page sideways, no text lies over other text, no internal id is on screen (#18).
 */

const PAGES = [
  { hash: 'oversikt', heading: 'Översikt' },
  { hash: 'moten', heading: 'Möten' },
  { hash: 'aktiviteter', heading: 'Aktiviteter' },
  { hash: 'budget', heading: 'Budget och ekonomisk lägesrapport' },
  { hash: 'beslut', heading: 'Beslut' },
  { hash: 'arbetsgrupper', heading: 'Arbetsgrupper' },
  { hash: 'kontakter', heading: 'Kontakter' },
  // Views of their own (#18), after a page of another kind so that each opens as the page loads.
  { hash: 'moten/planera', heading: 'Möten' },
  { hash: 'aktiviteter/verksamhetsplan', heading: 'Aktiviteter' },
] as const;

/**
 * Ids and role keys that are not also Swedish words, so finding one in the text means an id leaked (e-mail
 * addresses and links, which legitimately carry domains such as umea.se, are taken out before the scan).
 */
const INTERNAL_IDS = [
  'region-vasterbotten',
  'lansstyrelsen-vasterbotten',
  'umea',
  'skelleftea',
  'vannas',
  'asele',
  'norsjo',
  'ordforande',
  'stodgrupp',
];

const env = browserStack((stack) => seedDemoData(stack.server.services.graph.forApp(), stack.server.services));

/** The samordnare signed in, in a window of Teams' 360 px with `theme`. */
async function signIn(theme: string): Promise<Page> {
  return signInAs(env.stack, await themedPage(env.browser, theme, { width: 360, height: 780 }), 'Karin Nordström');
}

/** What the page shows, and what of it breaks a phone's layout; computed in the page. */
interface Layout {
  text: string;
  sideways: number;
  overlaps: string[];
}

// A string, not a function: the test's transpiler adds helpers the page does not have.
const LAYOUT = `(() => {
  const main = document.querySelector('main');
  const sideways = document.documentElement.scrollWidth - document.documentElement.clientWidth;
  function clipped(el) {
    for (let at = el.parentElement; at && at !== document.body; at = at.parentElement) {
      if (getComputedStyle(at).overflowX !== 'visible') return at;
    }
    return null;
  }
  // The glyphs' own boxes (a range over each text), not the elements': padding may overlap, letters may not.
  const texts = [];
  const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim()) continue;
    const el = node.parentElement;
    // A chart is an image (role="img", its figures in the table beside it): its labels are laid out by the SVG.
    if (el.closest('svg')) continue;
    // Text for screen readers only (1 px and clipped) is laid out at full width but never drawn.
    const box = el.getBoundingClientRect();
    if (box.width <= 2 || box.height <= 2) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.opacity === '0') continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) {
      if (r.width > 2 && r.height > 2) texts.push({ el, r, text: node.textContent.trim().slice(0, 30) });
    }
  }
  const overlaps = [];
  for (let i = 0; i < texts.length && overlaps.length < 5; i++) {
    for (let j = i + 1; j < texts.length && overlaps.length < 5; j++) {
      const a = texts[i], b = texts[j];
      if (a.el === b.el || clipped(a.el) !== clipped(b.el)) continue;
      const x = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
      const y = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
      if (x > 2 && y > 2) overlaps.push(a.text + ' / ' + b.text);
    }
  }
  return { text: main.innerText, sideways, overlaps };
})()`;

function leakedIds(text: string): string[] {
  const words = text.replace(/\S+@\S+/g, ' ').replace(/https?:\/\/\S+/g, ' ');
  return INTERNAL_IDS.filter((id) => new RegExp(`(^|[^\\p{L}\\d-])${id}($|[^\\p{L}\\d-])`, 'u').test(words));
}

describe('the tab at 360 px with a year of data', () => {
  it.each(['light', 'dark'])(
    'the samordnare in the %s theme: no page scrolls sideways, no text overlaps, no internal ids, axe finds nothing',
    async (theme) => {
      const page = await signIn(theme);
      const problems: Record<string, { sideways: number; overlaps: string[]; ids: string[] }> = {};
      const findings: Record<string, AxeFinding[]> = {};
      try {
        for (const target of PAGES) {
          await page.goto(`${env.stack.url}/#/${target.hash}`);
          await page.getByRole('heading', { level: 1, name: target.heading }).waitFor();
          await settled(page);
          const layout = await page.evaluate<Layout>(LAYOUT);
          const found = { sideways: layout.sideways, overlaps: layout.overlaps, ids: leakedIds(layout.text) };
          if (found.sideways > 0 || found.overlaps.length > 0 || found.ids.length > 0) problems[target.hash] = found;
          findings[target.hash] = await wcagViolations(page);
          await page.screenshot({
            path: join(ARTIFACTS, `phone-${target.hash.replace('/', '-')}-${theme}.png`),
            fullPage: true,
          });
        }
      } finally {
        await page.context().close();
      }
      expect(problems).toEqual({});
      expect(Object.entries(findings).filter(([, list]) => list.length > 0)).toEqual([]);
    },
    240_000,
  );
});

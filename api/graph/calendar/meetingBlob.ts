import { escapeHtml } from '../../../src/domain';

/**
 * Exchange's Teams meeting blob in an online meeting's HTML body, found so that an update can keep it (Learn,
 * *Update event*: "preserve the meeting blob for online meeting. Inadvertently removing the meeting blob from the
 * body would disable meeting online"). Exchange writes it as a block between two lines of underscores
 * (`<div class="me-email-text">` with a `________…` line at its top and bottom today; older invitations had
 * `<span>____</span>` lines), with the join link to `onlineMeeting.joinUrl` between them.
 *
 * The extraction, in order:
 * 1. **Separator lines**: from the first line of at least 20 underscores before the join link to the last one
 *    after it, widened to the tags that open right before the first line (a wrapper such as
 *    `<div class="me-email-text">`) and the closing tags right after the last one that those, and the lines' own
 *    elements, leave open. `html`, `head` and `body` are never taken.
 * 2. Otherwise **the element containing the join link**: the innermost `div`, `p` or `table` around it, or the
 *    link (`<a>`) itself.
 * The block is kept exactly as Exchange wrote it. Without a join URL to look for, the separators must enclose a
 * link to teams.microsoft.com.
 */

const SEPARATOR = /_{20,}/g;
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>/g;
const VOID = new Set(['br', 'hr', 'img', 'meta', 'link', 'input', 'wbr', 'col', 'area', 'base', 'source']);
const OUTER = new Set(['html', 'head', 'body']);

interface Tag {
  start: number;
  end: number;
  name: string;
  closing: boolean;
}

function tagsOf(html: string): Tag[] {
  return [...html.matchAll(TAG)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    name: (m[2] ?? '').toLowerCase(),
    closing: m[1] === '/',
  }));
}

/** Where the join URL stands in the body (as written or HTML-escaped, case-insensitive), or -1. */
function joinAt(html: string, joinUrl: string | undefined): number {
  const lower = html.toLowerCase();
  if (!joinUrl) return lower.search(/https:\/\/teams\.microsoft\.com\//);
  const plain = lower.indexOf(joinUrl.toLowerCase());
  return plain >= 0 ? plain : lower.indexOf(escapeHtml(joinUrl).toLowerCase());
}

/** Opening tags directly before `at` (only whitespace between), outermost first; stops at `html`/`head`/`body`. */
function openersBefore(html: string, tags: Tag[], at: number): Tag[] {
  const found: Tag[] = [];
  let position = at;
  for (let i = tags.length - 1; i >= 0; i--) {
    const tag = tags[i]!;
    if (tag.end > position) continue;
    if (html.slice(tag.end, position).trim() !== '') break;
    if (tag.closing || VOID.has(tag.name) || OUTER.has(tag.name)) break;
    found.unshift(tag);
    position = tag.start;
  }
  return found;
}

/** How many of each element a slice opens and does not close. */
function unclosed(tags: Tag[], from: number, to: number): Map<string, number> {
  const open = new Map<string, number>();
  for (const tag of tags) {
    if (tag.start < from || tag.end > to || VOID.has(tag.name)) continue;
    open.set(tag.name, (open.get(tag.name) ?? 0) + (tag.closing ? -1 : 1));
  }
  return open;
}

function bySeparators(html: string, at: number): string | undefined {
  const lines = [...html.matchAll(SEPARATOR)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const first = lines.find((l) => l.end <= at);
  const last = lines.filter((l) => l.start > at).at(-1);
  if (!first || !last) return undefined;
  const tags = tagsOf(html);
  const openers = openersBefore(html, tags, first.start);
  const start = openers[0]?.start ?? first.start;
  const open = unclosed(tags, start, last.end);
  let end = last.end;
  for (const tag of tags) {
    if (tag.start < end) continue;
    if (html.slice(end, tag.start).trim() !== '' || !tag.closing || (open.get(tag.name) ?? 0) <= 0) break;
    open.set(tag.name, open.get(tag.name)! - 1);
    end = tag.end;
  }
  return html.slice(start, end);
}

function byElement(html: string, at: number): string | undefined {
  const stack: Tag[] = [];
  const tags = tagsOf(html);
  let i = 0;
  for (; i < tags.length && tags[i]!.start <= at; i++) {
    const tag = tags[i]!;
    if (VOID.has(tag.name)) continue;
    if (!tag.closing) stack.push(tag);
    else {
      const match = stack.map((t) => t.name).lastIndexOf(tag.name);
      if (match >= 0) stack.length = match;
    }
  }
  const around =
    [...stack].reverse().find((t) => ['div', 'p', 'table'].includes(t.name)) ??
    [...stack].reverse().find((t) => t.name === 'a');
  if (!around) return undefined;
  let depth = 1;
  for (; i < tags.length; i++) {
    const tag = tags[i]!;
    if (tag.name !== around.name) continue;
    depth += tag.closing ? -1 : 1;
    if (depth === 0) return html.slice(around.start, tag.end);
  }
  return undefined;
}

/** Exchange's Teams block in an HTML body, as written; undefined when the body has none. */
export function meetingBlobOf(html: string, joinUrl?: string): string | undefined {
  const at = joinAt(html, joinUrl);
  if (at < 0) return undefined;
  return bySeparators(html, at) ?? byElement(html, at);
}

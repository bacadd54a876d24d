/**
 * Pure date text helpers for the date field: the forms keep ISO dates (yyyy-mm-dd) as strings; people type dates
 * the Swedish way ("2026-12-03", "3/12 2026", "3.12.2026", "20261203"). Local calendar dates, no time zone.
 */

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A Date's local calendar day as yyyy-mm-dd. */
export function toIsoDate(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function build(year: number, month: number, day: number): Date | null {
  const date = new Date(year, month - 1, day);
  const valid = date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day;
  return valid ? date : null;
}

const PATTERNS: readonly { re: RegExp; order: 'ymd' | 'dmy' }[] = [
  { re: /^(\d{4})-(\d{1,2})-(\d{1,2})$/, order: 'ymd' },
  { re: /^(\d{4})(\d{2})(\d{2})$/, order: 'ymd' },
  { re: /^(\d{1,2})\/(\d{1,2})[ ,/-]+(\d{4})$/, order: 'dmy' },
  { re: /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/, order: 'dmy' },
];

/** Parses typed text to a local Date, or null when it is not a real calendar date in a known format. */
export function parseDateText(text: string): Date | null {
  const trimmed = text.trim();
  for (const { re, order } of PATTERNS) {
    const m = re.exec(trimmed);
    if (!m) continue;
    const [a, b, c] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return order === 'ymd' ? build(a, b, c) : build(c, b, a);
  }
  return null;
}

/** An ISO date string (yyyy-mm-dd) to a local Date; undefined for '' or invalid text. */
export function fromIsoDate(iso: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return (m && build(Number(m[1]), Number(m[2]), Number(m[3]))) || undefined;
}

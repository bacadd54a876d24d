/**
 * Pure time text helpers for the time field: the forms keep times as HH:MM (24 hours); people type them the Swedish
 * way ("09:30", "9.30", "9:5", "0930", "930", "9", "14 30"). Wall-clock times, no time zone.
 */

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function build(hours: number, minutes: number): string | null {
  return hours >= 0 && hours <= 23 && minutes >= 0 && minutes <= 59 ? `${pad(hours)}:${pad(minutes)}` : null;
}

/** Typed text to HH:MM, or null when it is not a time of day in a known form. */
export function parseTimeText(text: string): string | null {
  const trimmed = text.trim().replace(/^kl\.?\s*/i, '');
  const separated = /^(\d{1,2})\s*[:.,\s]\s*(\d{1,2})$/.exec(trimmed);
  if (separated) return build(Number(separated[1]), Number(separated[2]));
  const digits = /^\d{1,4}$/.exec(trimmed)?.[0];
  if (!digits) return null;
  // "9" and "14" are whole hours; "930" is 9:30; "0930" and "1430" are hours and minutes.
  if (digits.length <= 2) return build(Number(digits), 0);
  return build(Number(digits.slice(0, -2)), Number(digits.slice(-2)));
}

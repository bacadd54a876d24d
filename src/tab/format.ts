import { ROLE_LABELS, isRole } from '../domain/roles';
import type { Language } from './i18n';

// Dates are formatted here with Intl rather than through src/domain/calendar, which imports date-holidays
// (every country's holiday data, ~1 MB) at module level and would more than double the tab's bundle.
const TIME_ZONE = 'Europe/Stockholm';

const MEETING_GROUP_LABELS: Record<string, Record<Language, string>> = {
  samverkansgrupp: { sv: 'Samverkansgruppen', en: 'Collaboration group' },
  stodgrupp: { sv: 'Stödgruppen', en: 'Support group' },
};

const stockholmParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** ISO 8601 week number of the Stockholm calendar date of an instant. */
export function isoWeekInStockholm(instant: Date): number {
  const parts = Object.fromEntries(stockholmParts.formatToParts(instant).map((p) => [p.type, p.value]));
  const date = new Date(Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day)));
  const weekday = date.getUTCDay() || 7;
  // The Thursday of the same week decides the week-numbering year.
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  return Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
}

const dateFormats: Record<Language, Intl.DateTimeFormat> = {
  sv: new Intl.DateTimeFormat('sv-SE', {
    timeZone: TIME_ZONE,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    timeZone: TIME_ZONE,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }),
};

const timeFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' });

/** "måndag 26 oktober 2026 kl. 09:00 (v. 44)" / "Monday 26 October 2026, 09:00 (week 44)", Stockholm time. */
export function formatMeetingTime(instant: string, language: Language): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  const week = isoWeekInStockholm(date);
  const day = dateFormats[language].format(date).replace(/,/g, '');
  const time = timeFormat.format(date);
  return language === 'sv' ? `${day} kl. ${time} (v. ${week})` : `${day}, ${time} (week ${week})`;
}

export function roleName(role: string, language: Language): string {
  return isRole(role) ? ROLE_LABELS[role][language] : role;
}

export function meetingGroupName(group: string, language: Language): string {
  return MEETING_GROUP_LABELS[group]?.[language] ?? group;
}

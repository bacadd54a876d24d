import { MEETING_GROUP_LABELS, MEETING_GROUPS, type MeetingGroup } from '../domain/meetingLists';
import { TIME_ZONE, stockholmDateOf, stockholmIsoWeek } from '../domain/wallClock';
import { ROLE_LABELS, isRole } from '../domain/roles';
import type { Language } from './i18n';

/** Today's calendar date in Stockholm, as the API's dates are written (YYYY-MM-DD). */
export function todayInStockholm(now: Date = new Date()): string {
  return stockholmDateOf(now);
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
  const week = stockholmIsoWeek(date);
  const day = dateFormats[language].format(date).replace(/,/g, '');
  const time = timeFormat.format(date);
  return language === 'sv' ? `${day} kl. ${time} (v. ${week})` : `${day}, ${time} (week ${week})`;
}

/** "måndag 26 oktober 2026 kl. 14:05" / "Monday 26 October 2026, 14:05", Stockholm time. */
export function formatInstant(instant: string, language: Language): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  const day = dateFormats[language].format(date).replace(/,/g, '');
  const time = timeFormat.format(date);
  return language === 'sv' ? `${day} kl. ${time}` : `${day}, ${time}`;
}

export function roleName(role: string, language: Language): string {
  return isRole(role) ? ROLE_LABELS[role][language] : role;
}

function isMeetingGroup(group: string): group is MeetingGroup {
  return (MEETING_GROUPS as readonly string[]).includes(group);
}

/** An organisation as a list or a sentence names it: "Bjurholms kommun", "Region Västerbotten" (the file's officialName). */
export function organisationLabel(org: { name: string; officialName?: string }): string {
  return org.officialName ?? org.name;
}

export function meetingGroupName(group: string, language: Language): string {
  return isMeetingGroup(group) ? MEETING_GROUP_LABELS[group][language] : group;
}

const pluralRules: Record<Language, Intl.PluralRules> = {
  sv: new Intl.PluralRules('sv-SE'),
  en: new Intl.PluralRules('en-GB'),
};

/** The plural form for `count` ("one" or "other" in Swedish and English), from Intl.PluralRules. */
export function pluralForm(count: number, language: Language): 'one' | 'other' {
  return pluralRules[language].select(count) === 'one' ? 'one' : 'other';
}

const dayFormats: Record<Language, Intl.DateTimeFormat> = {
  sv: new Intl.DateTimeFormat('sv-SE', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }),
};

/** A calendar date (YYYY-MM-DD) as "6 oktober 2026" / "6 October 2026". */
export function formatDay(isoDate: string, language: Language): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : dayFormats[language].format(date);
}

import type { Request, Response } from 'express';
import type { DateTimeTimeZone } from '@microsoft/microsoft-graph-types';
import { DateTime, IANAZone } from 'luxon';
import { graphErrors } from '../../errors';

/**
 * Windows time zone names (what Outlook and Graph write) and their IANA equivalent (CLDR's windowsZones
 * "001" territory). Graph accepts both kinds; a client may send either, so both are resolved here.
 */
const WINDOWS_TO_IANA: Record<string, string> = {
  UTC: 'UTC',
  'Coordinated Universal Time': 'UTC',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Central European Standard Time': 'Europe/Warsaw',
  'Romance Standard Time': 'Europe/Paris',
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'FLE Standard Time': 'Europe/Kiev',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'GTB Standard Time': 'Europe/Bucharest',
  'Russian Standard Time': 'Europe/Moscow',
  'Eastern Standard Time': 'America/New_York',
  'Central Standard Time': 'America/Chicago',
  'Mountain Standard Time': 'America/Denver',
  'Pacific Standard Time': 'America/Los_Angeles',
  'India Standard Time': 'Asia/Calcutta',
  'China Standard Time': 'Asia/Shanghai',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'AUS Eastern Standard Time': 'Australia/Sydney',
};

export interface TimeZoneName {
  /** The name as the client wrote it; Graph echoes it back. */
  name: string;
  iana: string;
}

/** Zone validation builds an Intl formatter each time: slow enough to matter when seeding, so remember answers. */
const resolved = new Map<string, TimeZoneName | undefined>();

export function resolveTimeZone(name: string): TimeZoneName | undefined {
  if (resolved.has(name)) return resolved.get(name);
  const zone = lookUpTimeZone(name.trim());
  if (resolved.size < 1000) resolved.set(name, zone);
  return zone;
}

function lookUpTimeZone(trimmed: string): TimeZoneName | undefined {
  const windows = Object.entries(WINDOWS_TO_IANA).find(([w]) => w.toLowerCase() === trimmed.toLowerCase());
  if (windows) return { name: windows[0], iana: windows[1] };
  if (/^(utc|etc\/utc|gmt|z)$/i.test(trimmed)) return { name: 'UTC', iana: 'UTC' };
  if (IANAZone.isValidZone(trimmed)) return { name: trimmed, iana: trimmed };
  return undefined;
}

export function requireTimeZone(name: string): TimeZoneName {
  const zone = resolveTimeZone(name);
  if (!zone) throw graphErrors.badRequest(`The time zone '${name}' is not supported.`, 'TimeZoneNotSupportedException');
  return zone;
}

export const UTC_ZONE: TimeZoneName = { name: 'UTC', iana: 'UTC' };

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2})?(\.\d{1,7})?$/;

/** A Graph dateTimeTimeZone as epoch milliseconds; the wall time is read in the given zone. */
export function toEpoch(value: { dateTime?: string | null; timeZone?: string | null }, field: string): number {
  const raw = value.dateTime ?? '';
  const match = LOCAL_DATE_TIME.exec(raw.replace(/Z$/, ''));
  if (!match)
    throw graphErrors.badRequest(`${field}: '${raw}' is not a valid dateTime (expected e.g. 2026-09-01T15:00:00).`);
  const fraction = (match[3] ?? '').slice(0, 4);
  const zone = requireTimeZone(value.timeZone ?? 'UTC');
  if (zone.iana === 'UTC') {
    const utc = Date.parse(`${match[1]}${match[2] ?? ':00'}${fraction}Z`);
    if (Number.isNaN(utc)) throw graphErrors.badRequest(`${field}: '${raw}' is not a valid dateTime.`);
    return utc;
  }
  const parsed = DateTime.fromISO(`${match[1]}${match[2] ?? ':00'}${fraction}`, { zone: zone.iana });
  if (!parsed.isValid) throw graphErrors.badRequest(`${field}: '${raw}' is not a valid dateTime.`);
  return parsed.toMillis();
}

/** Graph's shape: seven fractional digits and the zone's name, no offset. */
export function fromEpoch(epoch: number, zone: TimeZoneName = UTC_ZONE): DateTimeTimeZone {
  if (zone.iana === 'UTC')
    return { dateTime: `${new Date(epoch).toISOString().slice(0, 19)}.0000000`, timeZone: zone.name };
  const local = DateTime.fromMillis(epoch, { zone: zone.iana });
  return { dateTime: `${local.toFormat("yyyy-MM-dd'T'HH:mm:ss")}.0000000`, timeZone: zone.name };
}

/** An ISO instant from a query string: its own offset if it has one, else UTC. */
export function parseInstant(raw: string, name: string): number {
  // An unencoded '+' of an offset arrives as a space (the Graph client does not encode query values).
  const parsed = DateTime.fromISO(raw.replace(/ (\d{2}:?\d{2})$/, '+$1'), { zone: 'UTC', setZone: false });
  if (!parsed.isValid)
    throw graphErrors.badRequest(
      `The value '${raw}' of parameter '${name}' is not a valid date and time.`,
      'ErrorInvalidParameter',
    );
  return parsed.toMillis();
}

/** `Prefer: outlook.timezone="…"`, possibly among other preferences. */
export function preferredTimeZone(req: Request): TimeZoneName | undefined {
  const header = req.headers.prefer;
  const values = Array.isArray(header) ? header : header ? [header] : [];
  for (const value of values) {
    const match = /outlook\.timezone\s*=\s*"?([^",;]+)"?/i.exec(value);
    if (match) return requireTimeZone(match[1]!);
  }
  return undefined;
}

export function answerZone(req: Request, res: Response): TimeZoneName {
  const preferred = preferredTimeZone(req);
  if (!preferred) return UTC_ZONE;
  res.setHeader('Preference-Applied', `outlook.timezone="${preferred.name}"`);
  return preferred;
}

export function isoUtc(epoch: number): string {
  return new Date(epoch).toISOString();
}

/** ISO-8601 durations as findMeetingTimes takes them (PT1H, PT1H30M, P1D…), in minutes. */
export function durationMinutes(raw: string): number {
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(raw);
  if (!match || raw === 'P' || raw === 'PT')
    throw graphErrors.badRequest(`meetingDuration: '${raw}' is not an ISO 8601 duration.`);
  const [, d, h, m, s] = match;
  return Number(d ?? 0) * 1440 + Number(h ?? 0) * 60 + Number(m ?? 0) + Math.ceil(Number(s ?? 0) / 60);
}

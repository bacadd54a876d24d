import {
  MEETING_DRAFT_STATUS,
  MEETING_GROUPS,
  MEETING_STATUSES,
  SEASONS,
  utcToStockholm,
  type Meeting,
  type MeetingGroup,
  type MeetingStatus,
  type Person,
  type Role,
  type Season,
} from '../../../src/domain';
import type { ListItemWithFields } from '../../graph/gateway';
import type { FieldsOf } from '../lists';

/** Möten's fields by internal name (lists/schema.ts). */
export type MeetingFields = FieldsOf<'meetings'>;

/** A meeting of the register with what the app needs to act on its calendar event. */
export interface MeetingRecord {
  id: string;
  etag: string;
  title: string;
  group: MeetingGroup;
  season?: Season;
  year: number;
  /** Stockholm wall clock. */
  date: string;
  startTime: string;
  endTime: string;
  /** UTC instants. */
  startUtc: string;
  endUtc: string;
  status: MeetingStatus;
  eventId?: string;
  operationKey?: string;
  location?: string;
  isOnline: boolean;
  joinUrl?: string;
  convenerEmail?: string;
  outsideWindowReason?: string;
  /** Called as an "extra möte" (a second samverkansgrupp meeting in the season), with this reason. */
  extraMeetingReason?: string;
  agendaText?: string;
  cancelComment?: string;
  /** The archive folder of the signed protokoll (Arkiv/<year>/<title>). */
  archiveUrl?: string;
}

const oneOf = <T extends string>(values: readonly T[], value: unknown): T | undefined =>
  typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : undefined;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** SharePoint answers dateTime columns as `2026-04-21T07:00:00Z`; the domain wants full ISO instants. */
function instant(value: unknown): string | undefined {
  const raw = text(value);
  if (!raw) return undefined;
  const parsed = new Date(raw);
  return Number.isNaN(parsed.getTime()) ? undefined : parsed.toISOString();
}

/** Reads a register item (drafts excepted); items missing their group or times (typed in by hand, half-written) are skipped. */
export function toMeetingRecord(item: ListItemWithFields<MeetingFields>): MeetingRecord | undefined {
  const f = item.fields;
  // A meeting being prepared is no meeting yet (drafts.ts reads it): the register's readers never see it.
  if (f.Status === MEETING_DRAFT_STATUS) return undefined;
  const group = oneOf(MEETING_GROUPS, f.MeetingGroup);
  const startUtc = instant(f.StartDateTime);
  const endUtc = instant(f.EndDateTime);
  if (!group || !startUtc || !endUtc) return undefined;
  const start = utcToStockholm(startUtc);
  const end = utcToStockholm(endUtc);
  const season = oneOf(SEASONS, f.Season);
  return {
    id: item.id,
    etag: item.eTag,
    title: text(f.Title) ?? '',
    group,
    ...(season ? { season } : {}),
    year: typeof f.Year === 'number' ? f.Year : Number(start.date.slice(0, 4)),
    date: start.date,
    startTime: start.time,
    endTime: end.time,
    startUtc,
    endUtc,
    status: oneOf(MEETING_STATUSES, f.Status) ?? 'planerat',
    ...optional('eventId', text(f.EventId)),
    ...optional('operationKey', text(f.OperationKey)),
    ...optional('location', text(f.Location)),
    isOnline: f.IsOnline === true,
    ...optional('joinUrl', text(f.JoinUrl)),
    ...optional('convenerEmail', text(f.ConvenerEmail)?.toLowerCase()),
    ...optional('outsideWindowReason', text(f.OutsideWindowReason)),
    ...optional('extraMeetingReason', text(f.ExtraMeetingReason)),
    ...optional('agendaText', text(f.Agenda)),
    ...optional('cancelComment', text(f.CancelComment)),
    ...optional('archiveUrl', text(f.ArchiveUrl)),
  };
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

export function toDomainMeeting(record: MeetingRecord): Meeting {
  return {
    id: record.id,
    group: record.group,
    title: record.title,
    date: record.date,
    startTime: record.startTime,
    endTime: record.endTime,
    startUtc: record.startUtc,
    endUtc: record.endUtc,
    ...(record.season ? { season: record.season } : {}),
    ...(record.outsideWindowReason ? { outsideWindowReason: record.outsideWindowReason } : {}),
    ...(record.location ? { location: record.location } : {}),
    status: record.status,
  };
}

const GROUP_ROLES: Record<MeetingGroup, readonly Role[]> = {
  // The coordinator is the samverkansgrupp's secretary and attends its meetings.
  samverkansgrupp: ['ordforande', 'samverkansgrupp', 'samordnare'],
  stodgrupp: ['stodgrupp', 'samordnare'],
};

/** The people a group's kallelse goes to, from the contact list's roles. */
export function groupMembers<P extends Person>(people: readonly P[], group: MeetingGroup): P[] {
  const roles = GROUP_ROLES[group];
  return people.filter((person) => person.email !== '' && person.roles.some((role) => roles.includes(role)));
}

export function meetingTitle(group: MeetingGroup, season: Season | undefined, year: number): string {
  if (group === 'samverkansgrupp') {
    return `Samverkansgruppen – ${season === 'host' ? 'höstmöte' : 'vårmöte'} ${year}`;
  }
  return `Stödgruppen – möte`;
}

/** The groups a person is called to (the roles groupMembers reads). */
export function groupsOf(person: Person): MeetingGroup[] {
  return MEETING_GROUPS.filter((group) => groupMembers([person], group).length > 0);
}

/** The soonest called meeting of these groups that has not ended at `from` (cancelled ones and sends cut short left out). */
export function nextCalledMeeting(
  records: readonly MeetingRecord[],
  groups: readonly MeetingGroup[],
  from: Date,
): MeetingRecord | undefined {
  const at = from.toISOString();
  return records
    .filter((r) => groups.includes(r.group) && r.status === 'planerat' && r.endUtc > at)
    .sort((a, b) => a.startUtc.localeCompare(b.startUtc))[0];
}

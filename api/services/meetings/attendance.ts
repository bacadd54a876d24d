import type { MeetingGroup } from '../../../src/domain';
import { DomainRuleError } from '../../../src/domain';
import type { GraphGateway, ListItemWithFields } from '../../graph/gateway';
import { ConflictError, GraphRequestError } from '../../graph/errors';
import { eq } from '../../graph/odata';
import type { ContactRecord } from '../contacts';
import type { FieldsOf, ListStore } from '../lists';
import { groupMembers } from './register';

/** Närvaro of a meeting: one row per person and meeting in the Närvaro list, kept by its natural key. */

type AttendanceFields = FieldsOf<'attendance'>;
type AttendanceItem = ListItemWithFields<AttendanceFields>;

export interface AttendanceRow {
  email: string;
  displayName: string;
  organisationId: string;
  present: boolean;
  /** Whether the row is stored in Närvaro (false: a member not yet marked). */
  recorded: boolean;
}

/** The natural key of a närvaro row (OperationKey): one per meeting and person, however often it is sent. */
export const attendanceKey = (meetingId: string, email: string) => `attendance:${meetingId}:${email.toLowerCase()}`;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const emailOf = (item: AttendanceItem) => (text(item.fields.PersonEmail) ?? '').toLowerCase();

/** Every member of the group, with the stored närvaro where there is one, then stored rows of others. */
export function attendanceRows(
  people: readonly ContactRecord[],
  group: MeetingGroup,
  items: readonly AttendanceItem[],
): AttendanceRow[] {
  const stored = new Map(items.map((item) => [emailOf(item), item]));
  const rows: AttendanceRow[] = groupMembers(people, group).map((person) => {
    const item = stored.get(person.email);
    stored.delete(person.email);
    return {
      email: person.email,
      displayName: person.displayName,
      organisationId: person.organisationId,
      present: item?.fields.Present === true,
      recorded: item !== undefined,
    };
  });
  for (const [address, item] of stored) {
    const person = people.find((p) => p.email === address);
    rows.push({
      email: address,
      displayName: person?.displayName ?? address,
      organisationId: person?.organisationId ?? text(item.fields.OrganisationId) ?? '',
      present: item.fields.Present === true,
      recorded: true,
    });
  }
  return rows;
}

/**
 * Writes the rows: a changed row under its ETag, the new ones through $batch each with its natural key, so a
 * save sent again (a lost answer, a timeout, the tab's retry) finds the rows Graph wrote (issue #15). A 412 on
 * a row that already holds the wanted value is its own earlier write answered late, not someone else's change.
 */
export async function saveAttendance(
  store: ListStore<AttendanceFields>,
  gateway: GraphGateway,
  meeting: { id: string; people: readonly ContactRecord[]; stored: readonly AttendanceItem[] },
  rows: readonly { email: string; present: boolean }[],
): Promise<void> {
  const byEmail = new Map(meeting.stored.map((item) => [emailOf(item), item]));
  const creates: { fields: AttendanceFields; operationKey: string }[] = [];
  for (const row of rows) {
    const item = byEmail.get(row.email);
    if (!item) {
      const person = meeting.people.find((p) => p.email === row.email);
      const fields = {
        Title: person?.displayName ?? row.email,
        MeetingId: meeting.id,
        PersonEmail: row.email,
        OrganisationId: person?.organisationId ?? '',
        Present: row.present,
      };
      creates.push({ fields, operationKey: attendanceKey(meeting.id, row.email) });
    } else if ((item.fields.Present === true) !== row.present) {
      await store.update(gateway, item.id, item.eTag, { Present: row.present }).catch((error: unknown) => {
        const now = error instanceof ConflictError ? (error.current as AttendanceItem) : undefined;
        if (now?.fields.Present !== row.present) throw error;
      });
    }
  }
  if (creates.length === 0) return;
  try {
    await store.createManyOnce(gateway, creates, eq('MeetingId', meeting.id), meeting.stored);
  } catch (error) {
    if (!(error instanceof GraphRequestError) || error.transient) throw error;
    throw new DomainRuleError('ATTENDANCE_NOT_SAVED', 'Närvaron kunde inte sparas helt. Försök igen.');
  }
}

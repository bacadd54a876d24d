import {
  createTimeEntry,
  parseOrThrow,
  timeReport,
  type IsoDate,
  type TimeEntry,
  type TimeReport,
} from '../../../src/domain';
import type { GraphGateway, ListItemWithFields } from '../../graph/gateway';
import { eq } from '../../graph/odata';
import { READ_PAGE_SIZE, dateValue, integerValue, numberValue, textValue } from './listFields';
import type { FieldsOf, ListStores } from '../lists';
import { type NewTimeEntry, newTimeEntrySchema } from '../../../src/contract';

/** coordinatorTime's fields by internal name (lists/schema.ts). */
export type TimeEntryFields = FieldsOf<'coordinatorTime'>;

export interface TimeEntryRecord extends TimeEntry {
  id: string;
  etag: string;
}

function toRecord(item: ListItemWithFields<TimeEntryFields>): TimeEntryRecord {
  const f = item.fields;
  const activityId = textValue(f.ActivityId);
  const note = textValue(f.Note);
  return {
    id: item.id,
    etag: item.eTag,
    date: dateValue(f.EntryDate) ?? `${integerValue(f.Year) ?? 1900}-01-01`,
    hours: numberValue(f.Hours) ?? 0,
    assignment: textValue(f.Assignment) ?? textValue(f.Title) ?? '',
    ...(activityId ? { activityId } : {}),
    ...(note ? { note } : {}),
  };
}

/** The samordnare's hours for samverkansgruppen (20 % of the post), logged per assignment. */
export class CoordinatorTimeService {
  constructor(private readonly lists: Pick<ListStores, 'coordinatorTime'>) {}

  async list(gateway: GraphGateway, year: number): Promise<TimeEntryRecord[]> {
    const items = await this.lists.coordinatorTime.find(gateway, eq('Year', year), { top: READ_PAGE_SIZE });
    return items.map(toRecord).sort((a, b) => b.date.localeCompare(a.date) || Number(b.id) - Number(a.id));
  }

  async log(gateway: GraphGateway, input: NewTimeEntry): Promise<TimeEntryRecord> {
    const entry = createTimeEntry(parseOrThrow(newTimeEntrySchema, input));
    const fields: TimeEntryFields = {
      Title: entry.assignment.slice(0, 255),
      Year: Number(entry.date.slice(0, 4)),
      EntryDate: entry.date,
      Hours: entry.hours,
      Assignment: entry.assignment,
      ...(entry.activityId ? { ActivityId: entry.activityId } : {}),
      ...(entry.note ? { Note: entry.note } : {}),
    };
    return toRecord(await this.lists.coordinatorTime.create(gateway, fields));
  }

  async report(
    gateway: GraphGateway,
    year: number,
    asOf: IsoDate,
  ): Promise<{ entries: TimeEntryRecord[]; report: TimeReport }> {
    const entries = await this.list(gateway, year);
    return { entries, report: timeReport(entries, year, asOf) };
  }
}

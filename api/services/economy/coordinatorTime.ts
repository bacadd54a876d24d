import { z } from 'zod';
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
import { READ_PAGE_SIZE, dateValue, integerValue, isoDateInput, numberValue, textValue } from './listFields';
import type { SiteDirectory } from '../lists';

/** Samordnarens tid's fields by internal name (see listSchema). */
export interface TimeEntryFields extends Record<string, unknown> {
  Title?: string;
  Year?: number;
  EntryDate?: string;
  Hours?: number;
  Assignment?: string;
  ActivityId?: string;
  Note?: string;
}

export interface TimeEntryRecord extends TimeEntry {
  id: string;
  etag: string;
}

export const newTimeEntrySchema = z
  .object({
    date: isoDateInput,
    hours: z.number({ error: 'Antalet timmar måste vara ett tal.' }),
    assignment: z.string().trim().min(1, 'Ange vilket uppdrag tiden avser.').max(255),
    activityId: z
      .string()
      .regex(/^\d{1,12}$/, 'Ogiltig aktivitet.')
      .optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .strict();
export type NewTimeEntry = z.infer<typeof newTimeEntrySchema>;

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
  constructor(private readonly directory: SiteDirectory) {}

  async list(gateway: GraphGateway, year: number): Promise<TimeEntryRecord[]> {
    const { siteId, listId } = await this.directory.list(gateway, 'coordinatorTime');
    const items = await gateway.listItems<TimeEntryFields>(siteId, listId, {
      filter: eq('Year', year),
      top: READ_PAGE_SIZE,
    });
    return items.map(toRecord).sort((a, b) => b.date.localeCompare(a.date) || Number(b.id) - Number(a.id));
  }

  async log(gateway: GraphGateway, input: NewTimeEntry): Promise<TimeEntryRecord> {
    const entry = createTimeEntry(parseOrThrow(newTimeEntrySchema, input));
    const { siteId, listId } = await this.directory.list(gateway, 'coordinatorTime');
    const fields: TimeEntryFields = {
      Title: entry.assignment.slice(0, 255),
      Year: Number(entry.date.slice(0, 4)),
      EntryDate: entry.date,
      Hours: entry.hours,
      Assignment: entry.assignment,
      ...(entry.activityId ? { ActivityId: entry.activityId } : {}),
      ...(entry.note ? { Note: entry.note } : {}),
    };
    return toRecord(await gateway.createItem<TimeEntryFields>(siteId, listId, fields));
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

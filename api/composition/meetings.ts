import { utcToStockholm, type DateRange, type Meeting } from '../../src/domain';
import type { GraphGateway } from '../graph/gateway';
import type { MeetingSummary, MeetingsService } from '../services/meetings';

/**
 * A row of the Möten list as the domain's Meeting. Rows the register cannot place (no group, status or
 * start/end instant) are left out rather than guessed: the bot and the reminders need all of them.
 */
export function meetingFromSummary(summary: MeetingSummary): Meeting | undefined {
  const { group, status, start, end } = summary;
  if (!group || !status || !start || !end) return undefined;
  try {
    const from = utcToStockholm(start);
    const to = utcToStockholm(end);
    return {
      id: summary.id,
      group,
      title: summary.title,
      date: from.date,
      startTime: from.time,
      endTime: to.time,
      startUtc: new Date(start).toISOString(),
      endUtc: new Date(end).toISOString(),
      status,
    };
  } catch {
    return undefined;
  }
}

export async function registerMeetings(meetings: MeetingsService, gateway: GraphGateway): Promise<Meeting[]> {
  const summaries = await meetings.list(gateway, { upcoming: false });
  return summaries.map(meetingFromSummary).filter((meeting): meeting is Meeting => meeting !== undefined);
}

/** Meetings whose Stockholm date falls in the range (inclusive), any status: what the reminder jobs ask for. */
export async function meetingsInRange(
  meetings: MeetingsService,
  gateway: GraphGateway,
  range: DateRange,
): Promise<Meeting[]> {
  return (await registerMeetings(meetings, gateway)).filter(
    (meeting) => meeting.date >= range.start && meeting.date <= range.end,
  );
}

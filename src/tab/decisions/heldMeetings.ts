import { PER_CAPSULAM_MEETING_ID, type MeetingSummaryDto } from '../../contract';

/**
 * The meetings a decision can be recorded at (#17): those that have started (or are marked genomfört), never a
 * cancelled one or one still ahead, oldest first. The latest of them is the one to preselect.
 */
export function heldMeetings(meetings: readonly MeetingSummaryDto[], nowMs: number): MeetingSummaryDto[] {
  const startOf = (m: MeetingSummaryDto) => (m.start ? Date.parse(m.start) : Number.NaN);
  return meetings
    .filter((m) => m.status !== 'installt')
    .filter((m) => m.status === 'genomfort' || startOf(m) <= nowMs)
    .slice()
    .sort((a, b) => (a.start ?? '').localeCompare(b.start ?? ''));
}

/** The choice that records a decision per capsulam, with its own date instead of a meeting's. */
export const PER_CAPSULAM = PER_CAPSULAM_MEETING_ID;

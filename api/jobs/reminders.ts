import type { IAdaptiveCard } from '@microsoft/teams.cards';
import type { ILogger } from '@microsoft/teams.common';
import {
  SEASON_LABELS,
  addDays,
  hasRole,
  seasonWindow,
  toIsoDate,
  type DateRange,
  type IsoDate,
  type Meeting,
  type Person,
  type Season,
} from '../../src/domain';
import { meetingReminderCard, seasonCallReminderCard, type TabLinks } from '../cards/cards';
import type { AssignmentReminderSubject } from './assignmentReminders';
import { answerMayBeLost, type Clock, type ProactiveSender } from '../services/ports';
import type { ConversationStore, StoredConversation } from '../state/store';
import type { ReminderJournal, ReminderKey } from './journal';
import { LEASE_LOST } from './lease';

export interface ReminderDeps {
  clock: Clock;
  conversations: ConversationStore;
  proactive: ProactiveSender;
  journal: ReminderJournal;
  /** Meetings whose date falls in the range (inclusive), any status. */
  listMeetings(range: DateRange): Promise<Meeting[]>;
  listPeople(): Promise<Person[]>;
  /**
   * The open uppdrag with whom to remind (the person, or the arbetsgrupp's convener or else its members, each
   * with the Entra object id their personal chat is keyed by). Left out: no uppdrag reminders.
   */
  listOpenAssignments?(): Promise<AssignmentReminderSubject[]>;
  /** Where reminder cards open the tab (Teams deep links in tenant mode). */
  tabLinks?: TabLinks;
  /** False once this instance no longer holds the job lease: the run stops before its next send. */
  inCharge?: () => boolean;
  logger?: ILogger;
}

export interface JobRunReport {
  job: string;
  sent: ReminderKey[];
  /** Reminders that were due but already in the journal. */
  alreadySent: ReminderKey[];
  /** Reminders that were due but had nowhere to go, or failed; retried on the next run. */
  notSent: Array<{ key: ReminderKey; reason: string }>;
  /** Not run: another instance holds the job lease. */
  skipped?: boolean;
  /** Stopped part-way: the lease was lost. */
  stopped?: string;
}

export interface Job {
  name: string;
  run(): Promise<JobRunReport>;
}

/** Days before a meeting that the General channel is reminded; a later (smaller) one supersedes an earlier one missed. */
export const MEETING_REMINDER_OFFSETS = [14, 2] as const;

/** When the chair is reminded to call the samverkansgrupp meeting of the season, if it is not called yet. */
export const SEASON_CALL_REMINDER_DATES: Record<Season, { month: number; day: number }> = {
  var: { month: 3, day: 1 },
  host: { month: 8, day: 15 },
};

/** Claims the reminder in the journal, sends it, then marks it sent (released only when the send failed). */
export async function deliver(
  deps: ReminderDeps,
  report: JobRunReport,
  key: ReminderKey,
  conversation: StoredConversation | undefined,
  card: IAdaptiveCard,
  summary: string,
): Promise<void> {
  if (!conversation) {
    report.notSent.push({ key, reason: 'no conversation to send to' });
    return;
  }
  if (deps.inCharge && !deps.inCharge()) {
    report.stopped = LEASE_LOST;
    return;
  }
  const now = deps.clock.now();
  if (!(await deps.journal.claim(key, now))) {
    report.alreadySent.push(key);
    return;
  }
  try {
    const sent = await deps.proactive.sendCard(conversation, card, summary);
    await deps.journal.markSent(key, deps.clock.now(), sent.activityId);
    report.sent.push(key);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (answerMayBeLost(error)) {
      // The connector may have posted it (Bot Framework takes no idempotency key): kept as sent, never twice (#15).
      await deps.journal.markSent(key, deps.clock.now(), undefined);
      deps.logger?.warn(`reminder ${key.job}/${key.subject}/${key.offsetDays} sent, answer lost`, reason);
      report.sent.push(key);
      return;
    }
    await deps.journal.release(key);
    deps.logger?.warn(`reminder ${key.job}/${key.subject}/${key.offsetDays} not sent`, reason);
    report.notSent.push({ key, reason });
  }
}

/** The offset whose day has come for this meeting, the smallest when several have (one reminder per run). */
export function dueMeetingOffset(meetingDate: IsoDate, today: IsoDate): number | undefined {
  if (today >= meetingDate) return undefined;
  const due = MEETING_REMINDER_OFFSETS.filter((offset) => today >= addDays(meetingDate, -offset));
  return due.length > 0 ? Math.min(...due) : undefined;
}

export function meetingReminderJob(deps: ReminderDeps): Job {
  const name = 'meeting-reminder';
  return {
    name,
    async run() {
      const report: JobRunReport = { job: name, sent: [], alreadySent: [], notSent: [] };
      const today = toIsoDate(deps.clock.now());
      const horizon = addDays(today, Math.max(...MEETING_REMINDER_OFFSETS));
      const meetings = (await deps.listMeetings({ start: addDays(today, 1), end: horizon })).filter(
        (meeting) => meeting.status === 'planerat',
      );
      if (meetings.length === 0) return report;
      const general = await deps.conversations.findTeamGeneral();
      for (const meeting of meetings) {
        const offset = dueMeetingOffset(meeting.date, today);
        if (offset === undefined) continue;
        if (report.stopped) break;
        const key = { job: name, subject: meeting.id, offsetDays: offset };
        await deliver(
          deps,
          report,
          key,
          general,
          meetingReminderCard(meeting, offset, deps.tabLinks),
          `Påminnelse: ${meeting.title}`,
        );
      }
      return report;
    },
  };
}

/** The season whose call reminder is due today (from its reminder date until the season window closes). */
export function dueSeason(today: IsoDate): { year: number; season: Season; window: DateRange } | undefined {
  const year = Number(today.slice(0, 4));
  for (const season of ['var', 'host'] as const) {
    const { month, day } = SEASON_CALL_REMINDER_DATES[season];
    const from = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const window = seasonWindow(year, season);
    if (today >= from && today <= window.end) return { year, season, window };
  }
  return undefined;
}

export function seasonCallReminderJob(deps: ReminderDeps): Job {
  const name = 'season-call-reminder';
  return {
    name,
    async run() {
      const report: JobRunReport = { job: name, sent: [], alreadySent: [], notSent: [] };
      const due = dueSeason(toIsoDate(deps.clock.now()));
      if (!due) return report;
      const meetings = await deps.listMeetings(due.window);
      const called = meetings.some((meeting) => meeting.group === 'samverkansgrupp' && meeting.status !== 'installt');
      if (called) return report;
      const chairs = (await deps.listPeople()).filter((person) => hasRole(person, 'ordforande'));
      const label = SEASON_LABELS[due.season].sv;
      const period = due.season === 'var' ? 'under april–maj' : 'under september–oktober';
      for (const chair of chairs) {
        if (report.stopped) break;
        const key = { job: name, subject: `samverkansgrupp-${due.year}-${due.season}-${chair.id}`, offsetDays: 0 };
        await deliver(
          deps,
          report,
          key,
          await deps.conversations.findPersonal(chair.id),
          seasonCallReminderCard(due.year, label, period),
          `Dags att kalla till samverkansgruppens ${label.toLowerCase()}möte`,
        );
      }
      return report;
    },
  };
}

/** The meeting reminders; the uppdrag reminders are assignmentReminderJob (assignmentReminders.ts). */
export function reminderJobs(deps: ReminderDeps): Job[] {
  return [meetingReminderJob(deps), seasonCallReminderJob(deps)];
}

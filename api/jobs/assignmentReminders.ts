import { dueAssignmentReminder, toIsoDate, type Person } from '../../src/domain';
import { LOCAL_TAB_LINKS, assignmentReminderCard, type AssignmentCardRow } from '../cards/cards';
import { deliver, type Job, type JobRunReport, type ReminderDeps } from './reminders';

/** An open uppdrag and the people its reminders go to. */
export interface AssignmentReminderSubject {
  row: AssignmentCardRow;
  /** The arbetsgrupp's name, when the uppdrag went to one. */
  group?: string;
  /** Each with `id` = their Entra object id, which their personal chat with the bot is keyed by. */
  recipients: Pick<Person, 'id' | 'displayName'>[];
}

export const ASSIGNMENT_REMINDER_JOB = 'assignment-reminder';

/** The journal's offset for each kind: days before the due date (the overdue one is the day after). */
const OFFSET_DAYS = { weekBefore: 7, overdue: -1 } as const;

/**
 * Reminds the owner of an uppdrag in Teams a week before its due date and once it is overdue, each once: the
 * journal key is the uppdrag, its due date, the recipient and the kind, so a new due date reminds again, and a
 * crash between the send and its record leaves the reminder claimed (never sent twice; deliver()).
 */
export function assignmentReminderJob(deps: ReminderDeps): Job {
  const links = deps.tabLinks ?? LOCAL_TAB_LINKS;
  return {
    name: ASSIGNMENT_REMINDER_JOB,
    async run() {
      const report: JobRunReport = { job: ASSIGNMENT_REMINDER_JOB, sent: [], alreadySent: [], notSent: [] };
      const today = toIsoDate(deps.clock.now());
      const subjects = (await deps.listOpenAssignments?.()) ?? [];
      for (const subject of subjects) {
        const kind = dueAssignmentReminder(subject.row, today);
        if (!kind) continue;
        const card = assignmentReminderCard({
          row: subject.row,
          kind,
          today,
          tabUrl: links.page('oversikt'),
          ...(subject.group ? { group: subject.group } : {}),
        });
        const summary =
          kind === 'overdue' ? `Försenat uppdrag: ${subject.row.description}` : `Uppdrag: ${subject.row.description}`;
        for (const recipient of subject.recipients) {
          if (report.stopped) return report;
          const key = {
            job: ASSIGNMENT_REMINDER_JOB,
            subject: `assignment-${subject.row.id}-${subject.row.due}-${recipient.id}`,
            offsetDays: OFFSET_DAYS[kind],
          };
          const conversation = await deps.conversations.findPersonal(recipient.id);
          await deliver(deps, report, key, conversation, card, summary);
        }
      }
      return report;
    },
  };
}

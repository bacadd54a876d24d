import type { Clock, ProactiveSender } from '../services/ports';
import type { ServerStateStore } from '../state/store';
import type { AppConfig } from '../config';
import type { Logger } from '../http/logger';
import { JobLease } from '../jobs/lease';
import { reminderJobs, type ReminderDeps } from '../jobs/reminders';
import { assignmentReminderJob, type AssignmentReminderSubject } from '../jobs/assignmentReminders';
import { tabLinks } from '../cards/links';
import { createJobRunner, type JobRunner } from '../jobs/runner';
import type { AppServices } from '../services';
import { toDomainMeeting } from '../services/meetings';
import { personFromContact } from './botDeps';
import { teamsLogger } from './logger';

export interface ServerJobs {
  runner: JobRunner;
  close(): Promise<void>;
}

/** The open uppdrag with their recipients by Entra object id (personal chats are keyed by it). */
async function assignmentSubjects(services: AppServices): Promise<AssignmentReminderSubject[]> {
  const open = await services.assignments.openWithRecipients(services.graph.forApp());
  return open.map(({ view, group, recipients }) => ({
    row: {
      id: view.id,
      etag: view.etag,
      description: view.description,
      ownerName: view.assigneeName,
      due: view.due,
      status: view.status,
      ...(view.report ? { report: view.report } : {}),
    },
    ...(group ? { group } : {}),
    recipients: recipients.flatMap((r) =>
      r.entraObjectId ? [{ id: r.entraObjectId, displayName: r.displayName }] : [],
    ),
  }));
}

/** The lease that makes one instance at a time the job runner. */
export const JOB_RUNNER_LEASE = 'job-runner';

/**
 * The timed jobs (reminders) with the bot's proactive sender, and from the state store the conversation
 * references the bot stored, the reminder journal and the job lease (one runner among the instances).
 */
export function createServerJobs(parts: {
  config: AppConfig;
  services: AppServices;
  clock: Clock;
  state: ServerStateStore;
  proactive: ProactiveSender;
  logger: Logger;
  /** false: run without the job lease (the bench's comparison); every server takes it. */
  lease?: boolean;
}): ServerJobs {
  const { config, services, clock, state, proactive, logger } = parts;
  const jobLogger = teamsLogger(logger, 'jobs');
  const lease = new JobLease({
    leases: state.leases,
    name: JOB_RUNNER_LEASE,
    durationSeconds: config.jobs.leaseSeconds,
    logger: jobLogger,
  });
  const reminderDeps: ReminderDeps = {
    clock,
    conversations: state.conversations,
    proactive,
    journal: state.reminders,
    ...(parts.lease === false ? {} : { inCharge: () => lease.held() }),
    listMeetings: async (range) =>
      (await services.meetings.records(services.graph.forApp()))
        .filter((record) => record.date >= range.start && record.date <= range.end)
        .map(toDomainMeeting),
    // Personal chats are keyed by the user's Entra object id, so the reminders address people by it.
    listPeople: async () =>
      (await services.contacts.list(services.graph.forApp())).flatMap((record) =>
        record.entraObjectId ? [{ ...personFromContact(record), id: record.entraObjectId }] : [],
      ),
    listOpenAssignments: () => assignmentSubjects(services),
    tabLinks: tabLinks({ mode: config.mode, publicUrl: config.publicUrl, teamsAppId: config.teamsAppId }),
    logger: jobLogger,
  };
  const runner = createJobRunner({
    jobs: [...reminderJobs(reminderDeps), assignmentReminderJob(reminderDeps)],
    intervalMs: config.jobs.intervalSeconds * 1000,
    ...(parts.lease === false ? {} : { lease }),
    logger: jobLogger,
  });
  return {
    runner,
    async close() {
      await runner.stop();
    },
  };
}

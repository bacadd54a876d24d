import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Clock, ProactiveSender } from '../services/ports';
import type { ConversationStore } from '../state/store';
import type { AppConfig } from '../config';
import type { Logger } from '../http/logger';
import { SqliteReminderJournal } from '../jobs/journal';
import { reminderJobs } from '../jobs/reminders';
import { createJobRunner, type JobRunner } from '../jobs/runner';
import type { AppServices } from '../services';
import { toDomainMeeting } from '../services/meetings';
import { personFromContact } from './botDeps';
import { teamsLogger } from './logger';

export interface ServerJobs {
  runner: JobRunner;
  close(): Promise<void>;
}

/**
 * The timed jobs (reminders) with the bot's proactive sender, the conversation references the bot stored and
 * a reminder journal in DATA_DIR. A second instance would share neither journal nor lease yet
 * (JOBS_LEASE_CONTAINER comes with the Azure state store): run one instance with jobs on.
 */
export function createServerJobs(parts: {
  config: AppConfig;
  services: AppServices;
  clock: Clock;
  conversations: ConversationStore;
  proactive: ProactiveSender;
  logger: Logger;
  journalFile?: string;
}): ServerJobs {
  const { config, services, clock, conversations, proactive, logger } = parts;
  const journalFile = parts.journalFile ?? join(config.dataDir, 'server-state.sqlite');
  mkdirSync(dirname(journalFile), { recursive: true });
  const journal = new SqliteReminderJournal(journalFile);
  const jobLogger = teamsLogger(logger, 'jobs');
  const runner = createJobRunner({
    jobs: reminderJobs({
      clock,
      conversations,
      proactive,
      journal,
      listMeetings: async (range) =>
        (await services.meetings.records(services.graph.forApp()))
          .filter((record) => record.date >= range.start && record.date <= range.end)
          .map(toDomainMeeting),
      // Personal chats are keyed by the user's Entra object id, so the reminders address people by it.
      listPeople: async () =>
        (await services.contacts.list(services.graph.forApp())).flatMap((record) =>
          record.entraObjectId ? [{ ...personFromContact(record), id: record.entraObjectId }] : [],
        ),
      logger: jobLogger,
    }),
    intervalMs: config.jobs.intervalSeconds * 1000,
    logger: jobLogger,
  });
  return {
    runner,
    async close() {
      await runner.stop();
      journal.close();
    },
  };
}

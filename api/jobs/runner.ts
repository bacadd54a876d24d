import type { ILogger } from '@microsoft/teams.common';
import type { Job, JobRunReport } from './reminders';

export interface JobRunnerOptions {
  jobs: readonly Job[];
  /** How often every job runs; the jobs themselves decide whether anything is due (an hour is plenty). */
  intervalMs: number;
  logger?: ILogger;
}

export interface JobRunner {
  /** Runs every job once, one after the other; a failing job does not stop the others. */
  runOnce(): Promise<JobRunReport[]>;
  start(): void;
  stop(): Promise<void>;
}

/**
 * Runs the timed jobs in this process. Jobs are idempotent through their journal, so a second instance
 * or a restart sends nothing twice; with several instances a lease would still save the duplicate work.
 */
export function createJobRunner({ jobs, intervalMs, logger }: JobRunnerOptions): JobRunner {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<JobRunReport[]> | undefined;

  async function runAll(): Promise<JobRunReport[]> {
    const reports: JobRunReport[] = [];
    for (const job of jobs) {
      try {
        reports.push(await job.run());
      } catch (error) {
        logger?.error(`job ${job.name} failed`, error instanceof Error ? error.message : String(error));
        reports.push({ job: job.name, sent: [], alreadySent: [], notSent: [] });
      }
    }
    return reports;
  }

  function runOnce(): Promise<JobRunReport[]> {
    // Never two runs at once in one process: the second caller waits for the first run's result.
    running ??= runAll().finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    runOnce,
    start() {
      if (timer) return;
      timer = setInterval(() => void runOnce(), intervalMs);
      timer.unref();
      void runOnce();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}

import type { ILogger } from '@microsoft/teams.common';
import type { JobLease } from './lease';
import type { Job, JobRunReport } from './reminders';

export interface JobRunnerOptions {
  jobs: readonly Job[];
  /** How often every job runs; the jobs themselves decide whether anything is due (an hour is plenty). */
  intervalMs: number;
  /** One runner at a time across instances: a tick without the lease is skipped. */
  lease?: JobLease;
  logger?: ILogger;
}

export interface JobRunner {
  /** Runs every job once, one after the other; a failing job does not stop the others. */
  runOnce(): Promise<JobRunReport[]>;
  start(): void;
  stop(): Promise<void>;
}

/**
 * Runs the timed jobs in this process, when this instance holds the job lease. The reminder journal still makes
 * each send happen once if two runners ever overlap (a lease lost during a slow send, a restart).
 */
export function createJobRunner({ jobs, intervalMs, lease, logger }: JobRunnerOptions): JobRunner {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<JobRunReport[]> | undefined;

  async function runAll(): Promise<JobRunReport[]> {
    const reports: JobRunReport[] = [];
    const inCharge = lease
      ? await lease.ensure().catch((error: unknown) => {
          logger?.warn('job lease not reachable', error instanceof Error ? error.message : String(error));
          return false;
        })
      : true;
    if (!inCharge) {
      logger?.debug('another instance holds the job lease: this tick is skipped');
      return jobs.map((job) => ({ job: job.name, sent: [], alreadySent: [], notSent: [], skipped: true }));
    }
    for (const [index, job] of jobs.entries()) {
      try {
        const report = await job.run();
        reports.push(report);
        if (report.stopped) {
          logger?.warn(`job ${job.name} stopped: ${report.stopped}`);
          for (const rest of jobs.slice(index + 1))
            reports.push({ job: rest.name, sent: [], alreadySent: [], notSent: [], skipped: true });
          break;
        }
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
      await lease?.release().catch((error: unknown) => {
        logger?.warn('job lease not released', error instanceof Error ? error.message : String(error));
      });
    },
  };
}

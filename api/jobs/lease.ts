import type { ILogger } from '@microsoft/teams.common';
import type { HeldLease, LeaseStore } from '../state/store';

/** Why a run stopped part-way (JobRunReport.stopped): the lease is gone, so the run stops before its next send. */
export const LEASE_LOST = 'the job lease was lost; the run stopped before its next send';

export interface JobLeaseOptions {
  leases: LeaseStore;
  /** The lease's name (a blob in JOBS_LEASE_CONTAINER, or a row in SQLite). */
  name: string;
  durationSeconds: number;
  logger?: ILogger;
  /** Milliseconds, for the local view of when the lease runs out. */
  now?: () => number;
}

/**
 * One job runner at a time: the instance that holds the lease runs the jobs and keeps it, renewed every third of
 * its duration, until it stops; the others skip their ticks. A renewal that fails, or a lease whose renewal has not
 * come back before it would run out, counts as lost at once: `held()` turns false and the run stops before its next
 * send. If the holder dies, the lease runs out and the next tick of another instance takes it.
 */
export class JobLease {
  private lease: HeldLease | undefined;
  private validUntil = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly now: () => number;
  /** Of the local clock's view, this much is kept in hand for the storage round trip and clock drift. */
  private readonly marginMs: number;

  constructor(private readonly options: JobLeaseOptions) {
    this.now = options.now ?? Date.now;
    this.marginMs = Math.min(5000, (options.durationSeconds * 1000) / 6);
  }

  /** Before a run: keeps the lease if still ours, else tries to take it. True when this instance runs the jobs. */
  async ensure(): Promise<boolean> {
    if (this.lease && this.held()) return true;
    if (this.lease) {
      // Renewals did not come back in time; as a blob lease it is still ours unless another has taken it since.
      const lease = this.lease;
      const renewedAt = this.now();
      if (await lease.renew().catch(() => false)) {
        this.validUntil = renewedAt + lease.durationSeconds * 1000;
        return true;
      }
      this.lose('ran out before it was renewed, and another instance has it');
    }
    const started = this.now();
    const lease = await this.options.leases.acquire(this.options.name, this.options.durationSeconds);
    if (!lease) return false;
    this.lease = lease;
    this.validUntil = started + lease.durationSeconds * 1000;
    this.options.logger?.info(`job lease ${this.options.name} taken (${lease.id})`);
    const every = (lease.durationSeconds * 1000) / 3;
    this.timer = setInterval(() => void this.renew(), every);
    this.timer.unref();
    return true;
  }

  /** While a run goes on: still ours, with time left. */
  held(): boolean {
    return this.lease !== undefined && this.now() < this.validUntil - this.marginMs;
  }

  async release(): Promise<void> {
    const lease = this.lease;
    this.stopRenewing();
    this.lease = undefined;
    if (lease) await lease.release();
  }

  private async renew(): Promise<void> {
    const lease = this.lease;
    if (!lease) return;
    const started = this.now();
    try {
      if (await lease.renew()) {
        if (this.lease === lease) this.validUntil = started + lease.durationSeconds * 1000;
        return;
      }
      this.lose('taken by another instance');
    } catch (error) {
      // Storage unreachable: the lease may still be ours, but only until validUntil; the next tick retries.
      this.options.logger?.warn(
        `job lease ${this.options.name} not renewed`,
        error instanceof Error ? error.message : String(error),
      );
    }
  }

  private lose(reason: string): void {
    this.options.logger?.warn(`job lease ${this.options.name} lost: ${reason}`);
    this.stopRenewing();
    this.lease = undefined;
  }

  private stopRenewing(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}

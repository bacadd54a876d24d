import { randomUUID } from 'node:crypto';
import type { ContainerClient } from '@azure/storage-blob';
import { assertLeaseSeconds, type HeldLease, type LeaseStore } from '../store';
import { statusOf } from './tables';

/** The job lease as a blob lease: one instance at a time holds it and runs the jobs. */
export function blobLeaseStore(container: ContainerClient, opened: Promise<void>): LeaseStore {
  return {
    async acquire(name, durationSeconds): Promise<HeldLease | undefined> {
      assertLeaseSeconds(durationSeconds);
      await opened;
      const blob = container.getBlockBlobClient(name);
      try {
        await blob.upload('', 0, { conditions: { ifNoneMatch: '*' } });
      } catch (error) {
        // 409 BlobAlreadyExists, or 412 when it is leased (a leased blob cannot be overwritten): it exists.
        if (statusOf(error) !== 409 && statusOf(error) !== 412) throw error;
      }
      const lease = blob.getBlobLeaseClient(randomUUID());
      try {
        await lease.acquireLease(durationSeconds);
      } catch (error) {
        if (statusOf(error) === 409) return undefined; // LeaseAlreadyPresent: another instance runs the jobs
        throw error;
      }
      return {
        id: lease.leaseId,
        durationSeconds,
        async renew() {
          try {
            await lease.renewLease();
            return true;
          } catch (error) {
            // 409 LeaseIdMismatch / LeaseNotPresent: it expired and another took it, or it was broken.
            if (statusOf(error) === 409 || statusOf(error) === 412) return false;
            throw error;
          }
        },
        async release() {
          try {
            await lease.releaseLease();
          } catch (error) {
            if (statusOf(error) !== 409 && statusOf(error) !== 412) throw error;
          }
        },
      };
    },
  };
}

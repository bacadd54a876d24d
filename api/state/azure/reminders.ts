import type { TableClient } from '@azure/data-tables';
import type { ReminderJournal, ReminderKey } from '../../jobs/journal';
import { StateConflictError } from '../store';
import { PARTITION, orUndefinedOn404, statusOf, tableKey } from './tables';

interface ReminderEntity {
  job: string;
  subject: string;
  offsetDays: number;
  status: 'claimed' | 'sent';
  claimedAt: string;
  sentAt?: string;
  activityId?: string;
}

/** The reminder journal on the table: an insert claims a reminder (first one wins), If-Match marks it sent. */
export function tableReminderJournal(table: TableClient, opened: Promise<void>): ReminderJournal {
  const rowKey = (key: ReminderKey) => tableKey(`${key.job}|${key.subject}|${key.offsetDays}`);
  const get = (key: ReminderKey) => orUndefinedOn404(table.getEntity<ReminderEntity>(PARTITION.reminder, rowKey(key)));
  return {
    async claim(key, at) {
      await opened;
      try {
        await table.createEntity<ReminderEntity>({
          partitionKey: PARTITION.reminder,
          rowKey: rowKey(key),
          job: key.job,
          subject: key.subject,
          offsetDays: key.offsetDays,
          status: 'claimed',
          claimedAt: at.toISOString(),
        });
        return true;
      } catch (error) {
        if (statusOf(error) === 409) return false;
        throw error;
      }
    },
    async markSent(key, at, activityId) {
      await opened;
      const entity = await get(key);
      if (!entity) throw new StateConflictError(`reminder ${rowKey(key)} was not claimed`);
      await table.updateEntity(
        {
          partitionKey: PARTITION.reminder,
          rowKey: rowKey(key),
          status: 'sent',
          sentAt: at.toISOString(),
          ...(activityId ? { activityId } : {}),
        },
        'Merge',
        { etag: entity.etag },
      );
    },
    async release(key) {
      await opened;
      const entity = await get(key);
      if (entity?.status !== 'claimed') return;
      try {
        await table.deleteEntity(PARTITION.reminder, rowKey(key), { etag: entity.etag });
      } catch (error) {
        // Marked sent (or released) in between: nothing of ours to give back.
        if (statusOf(error) !== 412 && statusOf(error) !== 404) throw error;
      }
    },
    async wasSent(key) {
      await opened;
      return (await get(key))?.status === 'sent';
    },
  };
}

import { RestError } from '@azure/data-tables';

/** What the Azure Table stores share: the partitions of the one table, its key encoding, its errors. */

/** One table holds every kind of record; the partition names the kind, so one query never mixes them. */
export const PARTITION = {
  conversation: 'conversation',
  operation: 'operation',
  reminder: 'reminder',
  idempotency: 'idempotency',
} as const;

/** A table key may not hold / \ # ? or control characters: percent-encode, with '!' for '%' ('!' is escaped too). */
export function tableKey(key: string): string {
  return encodeURIComponent(key)
    .replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%/g, '!');
}

export const statusOf = (error: unknown) => (error instanceof RestError ? error.statusCode : undefined);

export async function orUndefinedOn404<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}

export const plusSeconds = (at: Date, seconds: number) => new Date(at.getTime() + seconds * 1000).toISOString();

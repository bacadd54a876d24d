import type { IsoDate } from '../../../src/domain';
import { ConflictError, GraphRequestError } from '../../graph/errors';
import { dateOnlyFromGraph } from '../../graph/dates';
import type { ListItemFields, ListItemWithFields } from '../../graph/gateway';

/**
 * Reading and writing the economy and activity lists' values. SharePoint leaves empty values out and answers
 * dateOnly columns as an instant (midnight in the site's zone), so every read goes through these.
 */
export function textValue(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Whole numbers only: amounts are öre in number columns with no decimals, so a fraction means a broken record. */
export function integerValue(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isSafeInteger(number) ? number : undefined;
}

export function numberValue(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : undefined;
}

/** A dateOnly value as the Stockholm calendar date (api/graph/dates: the one conversion). */
export function dateValue(value: unknown): IsoDate | undefined {
  return dateOnlyFromGraph(value);
}

export function oneOfValue<T extends string>(values: readonly T[], value: unknown): T | undefined {
  return typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : undefined;
}

export function splitList(value: unknown): string[] {
  return (textValue(value) ?? '')
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** Runs an If-Match write; a lost race is re-thrown with the record as it is now, in the caller's shape. */
export async function withConflict<F extends ListItemFields, R>(
  write: () => Promise<R>,
  toRecord: (item: ListItemWithFields<F>) => R,
): Promise<R> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof ConflictError) throw new ConflictError(toRecord(error.current as ListItemWithFields<F>));
    throw error;
  }
}

/** Page size for reads: one request answers a year of a list in all but the largest cases. */
export const READ_PAGE_SIZE = 5000;

/** ETags compared as SharePoint does: quotes and a weak prefix do not matter. */
export function sameEtag(a: string, b: string): boolean {
  const bare = (etag: string) => etag.trim().replace(/^W\//, '').replace(/^"|"$/g, '');
  return bare(a) === bare(b);
}

/** When SharePoint created the item (its Created field, an instant): when a proposal was made. */
export function createdAt(item: ListItemWithFields): string | undefined {
  return textValue((item.fields as Record<string, unknown>).Created);
}

/** Participants per organisation as the Aktiviteter list keeps them: `organisations-id=antal;…`. */
export function parseParticipants(text: string | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of splitList(text)) {
    const [org, count] = part.split('=');
    const n = integerValue(count);
    if (org && n !== undefined) out[org.trim()] = n;
  }
  return out;
}

export function formatParticipants(counts: Record<string, number>): string {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([org, n]) => `${org}=${n}`)
    .join(';');
}

/**
 * A write whose answer may have been its own: a 412 on the re-send of an If-Match PATCH Graph had done, or an
 * answer lost (dropped, 503, 504, the client's timeout). The caller reads the item and checks (issue #15).
 */
export function mayBeOwnWrite(error: unknown): boolean {
  return (
    error instanceof ConflictError || (error instanceof GraphRequestError && error.transient && error.status !== 429)
  );
}

import { createHash } from 'node:crypto';

/**
 * A deterministic UUID for an operation (e.g. "meeting:samverkansgrupp:2026:var"), sent as an event's
 * `transactionId` so that a retried POST creates no second event.
 */
export function transactionIdFor(operationKey: string): string {
  const h = createHash('sha256').update(`planochbygg:${operationKey}`).digest('hex');
  const variant = ((parseInt(h[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

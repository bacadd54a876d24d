import { DomainRuleError } from './errors';

/** A booked outcome as far as correction by reversal cares: its amount and what it reverses, if anything. */
export interface ReversibleBooking {
  id: string;
  amountOre: number;
  /** The id of the booking this one reverses (a reversal is itself never reversed). */
  reversesId?: string;
}

/**
 * Checks that `original` may be reversed given the year's bookings, and gives the reversal's amount: the
 * opposite of the original's. A reversal cannot be reversed, and a booking is reversed at most once.
 */
export function reversalAmount(original: ReversibleBooking, bookings: readonly ReversibleBooking[]): number {
  if (original.reversesId) {
    throw new DomainRuleError('REVERSAL_OF_REVERSAL', 'En återföring kan inte återföras. Boka om utfallet i stället.');
  }
  if (bookings.some((b) => b.reversesId === original.id)) {
    throw new DomainRuleError('ALREADY_REVERSED', 'Bokningen är redan återförd.');
  }
  return -original.amountOre;
}

/** Marks each booking with the id of the booking that reverses it, if there is one. */
export function withReversedBy<T extends ReversibleBooking>(bookings: readonly T[]): (T & { reversedById?: string })[] {
  const reversedBy = new Map<string, string>();
  for (const b of bookings) if (b.reversesId) reversedBy.set(b.reversesId, b.id);
  return bookings.map((b) => {
    const by = reversedBy.get(b.id);
    return by ? { ...b, reversedById: by } : b;
  });
}

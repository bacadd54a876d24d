/** Which of the year's bookings the Budget page lists (#18): by budget line, by period and by who booked. */
export interface BookingFilter {
  budgetLineId?: string;
  /** Inclusive ISO dates (YYYY-MM-DD); either may be absent. */
  from?: string;
  to?: string;
  bookedByEmail?: string;
}

export interface FilterableBooking {
  budgetLineId: string;
  date: string;
  bookedByEmail?: string;
}

export function filterBookings<T extends FilterableBooking>(bookings: readonly T[], filter: BookingFilter): T[] {
  const by = filter.bookedByEmail?.toLowerCase();
  return bookings.filter(
    (b) =>
      (!filter.budgetLineId || b.budgetLineId === filter.budgetLineId) &&
      (!filter.from || b.date >= filter.from) &&
      (!filter.to || b.date <= filter.to) &&
      (!by || b.bookedByEmail?.toLowerCase() === by),
  );
}

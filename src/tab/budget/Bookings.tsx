import { useState } from 'react';
import type { BudgetLineDto } from '../../contract';
import { useI18n } from '../i18n';
import { useLoad } from '../services';
import { ActionStatus } from '../ui/ActionStatus';
import { ErrorMessage, Loading } from '../ui/status';
import { usePageStyles } from '../ui/styles';
import { useReloadOn } from '../ui/useReloadOn';
import { budgetApi } from './api';
import { applyFilters, BookingFilters, NO_FILTER, type Filters } from './BookingFilters';
import { useBookingNames } from './bookingNames';
import { BookingTable } from './BookingTable';
import { ReverseDialog, useReversal } from './ReverseBooking';

export { COLLAPSED_COUNT } from './BookingTable';

/** The year's booked outcomes (Utfall), filterable, each correctable by reversal ("Återför") (#18). */
export function Bookings({
  year,
  lines,
  canBook,
  onChanged,
}: {
  year: number;
  lines: readonly BudgetLineDto[];
  canBook: boolean;
  onChanged(): void;
}) {
  const { t } = useI18n();
  const page = usePageStyles();
  const outcomes = useLoad((client) => budgetApi(client).outcomes(year));
  useReloadOn(String(year), outcomes.reload);
  const [filters, setFilters] = useState<Filters>(NO_FILTER);
  const all = outcomes.status === 'ready' ? outcomes.data : [];
  const names = useBookingNames(lines, all);
  const reversal = useReversal(() => {
    outcomes.reload();
    onChanged();
  });
  return (
    <section className={page.section} aria-labelledby="budget-bookings">
      <h2 id="budget-bookings" className={page.sectionHeading}>
        {t('bookings.title')}
      </h2>
      {outcomes.status === 'loading' && <Loading />}
      {outcomes.status === 'error' && <ErrorMessage error={outcomes.error} onRetry={outcomes.reload} />}
      {outcomes.status === 'ready' && (
        <>
          {/* Filters over a year without bookings would only be noise. */}
          {all.length > 0 && (
            <BookingFilters filters={filters} onChange={setFilters} lines={lines} bookings={all} names={names} />
          )}
          <BookingTable
            bookings={applyFilters(all, filters)}
            anyBooked={all.length > 0}
            names={names}
            {...(canBook ? { onReverse: reversal.ask } : {})}
          />
        </>
      )}
      <ActionStatus state={reversal.action.state} />
      <ReverseDialog reversal={reversal} lineName={names.line} />
    </section>
  );
}

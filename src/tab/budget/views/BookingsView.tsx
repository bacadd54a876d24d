import { useState } from 'react';
import { BookOutcome } from '../BudgetForms';
import { Bookings } from '../Bookings';
import type { BudgetData } from '../useBudgetData';

/** Bokningar: book an outcome (who may), and the year's bookings. Loaded when the view is first opened. */
export function BookingsView({ data, canBook }: { data: BudgetData; canBook: boolean }) {
  const { lines, report, year, effectiveAsOf, reloadAll } = data;
  // The bookings list loads its own data: a new booking remounts it, so it shows the booking at once.
  const [booked, setBooked] = useState(0);
  return (
    <>
      {canBook && lines.status === 'ready' && lines.data.length > 0 && (
        <BookOutcome
          lines={lines.data}
          year={year}
          reportAsOf={report.status === 'ready' ? report.data.status.asOf : effectiveAsOf}
          onBooked={() => {
            reloadAll();
            setBooked((n) => n + 1);
          }}
        />
      )}
      {lines.status === 'ready' && (
        <Bookings key={booked} year={year} lines={lines.data} canBook={canBook} onChanged={reloadAll} />
      )}
    </>
  );
}

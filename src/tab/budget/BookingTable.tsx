import { Button, makeStyles } from '@fluentui/react-components';
import { useState } from 'react';
import type { OutcomeDto } from '../../contract';
import { formatSek } from '../../domain/money';
import { useI18n } from '../i18n';
import { DataTable, type DataColumn } from '../ui/DataTable';
import { TableScroll } from '../ui/TableScroll';
import { byDate, byNumber, byText } from '../ui/sortBy';
import type { BookingNames } from './bookingNames';

// A DataGrid's rows are flex boxes that squeeze every column into the width (texts overlapped at 360 px): it
// keeps a readable width and TableScroll scrolls it sideways instead.
// A long single word ("Förbrukningsmaterial") still breaks inside its own cell rather than running into the next.
const useStyles = makeStyles({ wide: { minWidth: '60rem' }, text: { overflowWrap: 'anywhere', minWidth: 0 } });

/** How many bookings show before the list collapses behind "Visa alla N bokningar". */
export const COLLAPSED_COUNT = 10;

function useColumns(names: BookingNames, onReverse: ((b: OutcomeDto) => void) | undefined): DataColumn<OutcomeDto>[] {
  const { t } = useI18n();
  const styles = useStyles();
  const columns: DataColumn<OutcomeDto>[] = [
    {
      id: 'date',
      header: t('bookings.col.date'),
      cell: (b) => b.date,
      compare: byDate((b) => b.date),
      nowrap: true,
    },
    {
      id: 'line',
      header: t('bookings.col.line'),
      cell: (b) => <span className={styles.text}>{names.line(b.budgetLineId)}</span>,
      compare: byText((b) => names.line(b.budgetLineId)),
    },
    {
      id: 'text',
      header: t('bookings.col.text'),
      cell: (b) => <span className={styles.text}>{names.describe(b)}</span>,
    },
    {
      id: 'amount',
      header: t('bookings.col.amount'),
      cell: (b) => formatSek(b.amountOre),
      compare: byNumber((b) => b.amountOre),
      numeric: true,
    },
    {
      id: 'by',
      header: t('bookings.col.by'),
      cell: (b) => <span className={styles.text}>{names.person(b.bookedByEmail)}</span>,
      compare: byText((b) => names.person(b.bookedByEmail)),
    },
  ];
  if (!onReverse) return columns;
  // A reversal is not reversed, nor is a booking reversed twice: neither offers "Återför".
  const action = (b: OutcomeDto) =>
    b.reversesId || b.reversedById ? null : (
      <Button
        size="small"
        aria-label={t('bookings.reverse.aria', { line: names.line(b.budgetLineId), date: b.date })}
        onClick={() => onReverse(b)}
      >
        {t('bookings.reverse')}
      </Button>
    );
  return [...columns, { id: 'actions', header: t('bookings.col.actions'), cell: action }];
}

/** The filtered bookings as a table, collapsed to the first few with a count of all (#18). */
export function BookingTable({
  bookings,
  anyBooked,
  names,
  onReverse,
}: {
  bookings: readonly OutcomeDto[];
  /** Whether the year has bookings at all (else the empty list says the filter matches none). */
  anyBooked: boolean;
  names: BookingNames;
  /** Offered only to those who may book. */
  onReverse?: (booking: OutcomeDto) => void;
}) {
  const { t } = useI18n();
  const [showAll, setShowAll] = useState(false);
  const styles = useStyles();
  const columns = useColumns(names, onReverse);
  const visible = showAll ? bookings : bookings.slice(0, COLLAPSED_COUNT);
  return (
    <>
      <TableScroll labelledBy="budget-bookings">
        <div className={visible.length > 0 ? styles.wide : undefined}>
          <DataTable
            items={visible}
            columns={columns}
            getRowId={(b) => b.id}
            label={t('bookings.title')}
            emptyMessage={anyBooked ? t('bookings.emptyFiltered') : t('bookings.empty')}
          />
        </div>
      </TableScroll>
      {bookings.length > COLLAPSED_COUNT && (
        <Button appearance="subtle" aria-expanded={showAll} onClick={() => setShowAll(!showAll)}>
          {showAll ? t('bookings.showFewer') : t('bookings.showAll', { count: bookings.length })}
        </Button>
      )}
    </>
  );
}

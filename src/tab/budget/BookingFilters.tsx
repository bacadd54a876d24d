import type { BudgetLineDto, OutcomeDto } from '../../contract';
import { filterBookings } from '../../domain/bookingFilter';
import { useI18n } from '../i18n';
import { ChoiceField } from '../ui/ChoiceField';
import { DateField } from '../ui/DateField';
import { useFormStyles } from '../ui/styles';
import type { BookingNames } from './bookingNames';

export interface Filters {
  line: string;
  by: string;
  from: string;
  to: string;
}

export const NO_FILTER: Filters = { line: '', by: '', from: '', to: '' };

/** The bookings the filters let through (an empty filter lets all through). */
export function applyFilters(bookings: readonly OutcomeDto[], filters: Filters): OutcomeDto[] {
  return filterBookings(bookings, {
    ...(filters.line ? { budgetLineId: filters.line } : {}),
    ...(filters.by ? { bookedByEmail: filters.by } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
  });
}

/** Filters the bookings by budget line, by who booked and by period (inclusive dates). */
export function BookingFilters({
  filters,
  onChange,
  lines,
  bookings,
  names,
}: {
  filters: Filters;
  onChange(filters: Filters): void;
  lines: readonly BudgetLineDto[];
  bookings: readonly OutcomeDto[];
  names: BookingNames;
}) {
  const { t } = useI18n();
  const styles = useFormStyles();
  const bookers = [...new Set(bookings.map((b) => b.bookedByEmail).filter((e): e is string => !!e))];
  return (
    <div className={styles.toolbar} role="group" aria-label={t('bookings.filter.label')}>
      <ChoiceField
        label={t('bookings.filter.line')}
        value={filters.line}
        allLabel={t('bookings.filter.all')}
        choices={lines.map((l) => ({ value: l.id, label: l.name }))}
        onChange={(line) => onChange({ ...filters, line })}
      />
      <ChoiceField
        label={t('bookings.filter.by')}
        value={filters.by}
        allLabel={t('bookings.filter.all')}
        choices={bookers.map((email) => ({ value: email, label: names.person(email) }))}
        onChange={(by) => onChange({ ...filters, by })}
      />
      <DateField
        label={t('bookings.filter.from')}
        value={filters.from}
        onChange={(from) => onChange({ ...filters, from })}
      />
      <DateField label={t('bookings.filter.to')} value={filters.to} onChange={(to) => onChange({ ...filters, to })} />
    </div>
  );
}

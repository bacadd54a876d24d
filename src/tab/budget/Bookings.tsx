import { Button, Field, Input } from '@fluentui/react-components';
import { useMemo, useRef, useState } from 'react';
import { filterBookings } from '../../domain/bookingFilter';
import { formatSek } from '../../domain/money';
import type { BudgetLineDto, OutcomeDto } from '../../contract';
import { todayInStockholm } from '../format';
import { useI18n } from '../i18n';
import { useLoad, useServices } from '../services';
import { ActionStatus } from '../ui/ActionStatus';
import { ChoiceField } from '../ui/ChoiceField';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { DataTable, type DataColumn } from '../ui/DataTable';
import { ErrorMessage, Loading } from '../ui/status';
import { useFormStyles, usePageStyles } from '../ui/styles';
import { TableScroll } from '../ui/TableScroll';
import { useAction } from '../ui/useAction';
import { useReloadOn } from '../ui/useReloadOn';
import { budgetApi } from './api';

/** How many bookings show before the list collapses behind "Visa alla N bokningar". */
export const COLLAPSED_COUNT = 10;

interface Filters {
  line: string;
  by: string;
  from: string;
  to: string;
}

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
  const styles = useFormStyles();
  const outcomes = useLoad((client) => budgetApi(client).outcomes(year));
  const people = useLoad((client) => client.people());
  useReloadOn(String(year), outcomes.reload);
  const [filters, setFilters] = useState<Filters>({ line: '', by: '', from: '', to: '' });
  const [showAll, setShowAll] = useState(false);
  const { api } = useServices();
  // The dialog is mounted only while asking (a closed Fluent Dialog left mounted trips axe's aria-hidden-focus).
  const [asking, setAsking] = useState<OutcomeDto | undefined>();
  const [open, setOpen] = useState(false);
  const target = useRef<OutcomeDto | undefined>(undefined);
  const reverse = useAction();
  const ask = (o: OutcomeDto) => {
    target.current = o;
    setAsking(o);
    setOpen(true);
  };
  const close = () => {
    setOpen(false);
    // Unmounted once the closing motion (and a confirm's onConfirm) has run.
    window.setTimeout(() => setAsking(undefined), 600);
  };

  const lineName = useMemo(() => new Map(lines.map((l) => [l.id, l.name])), [lines]);
  const nameOf = useMemo(() => {
    const names = new Map(
      (people.status === 'ready' ? people.data : []).map((p) => [p.email.toLowerCase(), p.displayName]),
    );
    return (email?: string) => (email ? (names.get(email.toLowerCase()) ?? t('bookings.unknownPerson')) : '–');
  }, [people, t]);

  if (outcomes.status === 'loading') return <Loading />;
  if (outcomes.status === 'error') return <ErrorMessage error={outcomes.error} onRetry={outcomes.reload} />;
  const all = outcomes.data;
  const byId = new Map(all.map((o) => [o.id, o]));
  const shown = filterBookings(all, {
    ...(filters.line ? { budgetLineId: filters.line } : {}),
    ...(filters.by ? { bookedByEmail: filters.by } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
  });
  const visible = showAll ? shown : shown.slice(0, COLLAPSED_COUNT);
  const bookers = [...new Set(all.map((o) => o.bookedByEmail).filter((e): e is string => !!e))];

  const describe = (o: OutcomeDto) => {
    const parts = [o.text ?? ''];
    const reversed = o.reversesId ? byId.get(o.reversesId) : undefined;
    if (o.reversesId) parts.push(t('bookings.reversalOf', { date: reversed?.date ?? o.reversesId }));
    if (o.reversedById) parts.push(t('bookings.reversed'));
    return parts.filter(Boolean).join(' · ');
  };
  const columns: DataColumn<OutcomeDto>[] = [
    {
      id: 'date',
      header: t('bookings.col.date'),
      cell: (o) => o.date,
      compare: (a, b) => a.date.localeCompare(b.date),
    },
    { id: 'line', header: t('bookings.col.line'), cell: (o) => lineName.get(o.budgetLineId) ?? '–' },
    { id: 'text', header: t('bookings.col.text'), cell: describe },
    { id: 'amount', header: t('bookings.col.amount'), cell: (o) => formatSek(o.amountOre) },
    { id: 'by', header: t('bookings.col.by'), cell: (o) => nameOf(o.bookedByEmail) },
    ...(canBook
      ? [
          {
            id: 'actions',
            header: t('bookings.col.actions'),
            cell: (o: OutcomeDto) =>
              o.reversesId || o.reversedById ? null : (
                <Button size="small" onClick={() => ask(o)}>
                  {t('bookings.reverse')}
                </Button>
              ),
          },
        ]
      : []),
  ];

  const confirm = () => {
    const original = target.current;
    if (!original) return;
    void reverse
      .run(
        () => budgetApi(api).reverseOutcome(original.id, {}),
        () => t('bookings.reverse.done'),
      )
      .then((result) => {
        if (result === undefined) return;
        outcomes.reload();
        onChanged();
      });
  };

  return (
    <section className={page.section} aria-labelledby="budget-bookings">
      <h2 id="budget-bookings" className={page.sectionHeading}>
        {t('bookings.title')}
      </h2>
      <div className={styles.toolbar}>
        <ChoiceField
          label={t('bookings.filter.line')}
          value={filters.line}
          allLabel={t('bookings.filter.all')}
          choices={lines.map((l) => ({ value: l.id, label: l.name }))}
          onChange={(line) => setFilters({ ...filters, line })}
        />
        <ChoiceField
          label={t('bookings.filter.by')}
          value={filters.by}
          allLabel={t('bookings.filter.all')}
          choices={bookers.map((email) => ({ value: email, label: nameOf(email) }))}
          onChange={(by) => setFilters({ ...filters, by })}
        />
        <Field label={t('bookings.filter.from')}>
          <Input type="date" value={filters.from} onChange={(_, d) => setFilters({ ...filters, from: d.value })} />
        </Field>
        <Field label={t('bookings.filter.to')}>
          <Input type="date" value={filters.to} onChange={(_, d) => setFilters({ ...filters, to: d.value })} />
        </Field>
      </div>
      <TableScroll labelledBy="budget-bookings">
        <DataTable
          items={visible}
          columns={columns}
          getRowId={(o) => o.id}
          label={t('bookings.title')}
          emptyMessage={all.length === 0 ? t('bookings.empty') : t('bookings.emptyFiltered')}
        />
      </TableScroll>
      {shown.length > COLLAPSED_COUNT && (
        <Button appearance="subtle" onClick={() => setShowAll(!showAll)}>
          {showAll ? t('bookings.showFewer') : t('bookings.showAll', { count: shown.length })}
        </Button>
      )}
      <ActionStatus state={reverse.state} />
      {asking && (
        <ConfirmDialog
          open={open}
          title={t('bookings.reverse.title')}
          consequence={t('bookings.reverse.consequence', {
            amount: formatSek(-asking.amountOre),
            date: todayInStockholm(),
          })}
          confirmLabel={t('bookings.reverse')}
          cancelLabel={t('bookings.reverse.cancel')}
          busy={reverse.busy}
          onConfirm={confirm}
          onCancel={close}
        />
      )}
    </section>
  );
}

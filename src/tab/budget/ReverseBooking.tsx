import { useRef, useState } from 'react';
import type { OutcomeDto } from '../../contract';
import { formatSek } from '../../domain/money';
import { todayInStockholm } from '../format';
import { useI18n } from '../i18n';
import { useServices } from '../services';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { useAction, type Action } from '../ui/useAction';
import { budgetApi } from './api';

export interface Reversal {
  /** The booking being asked about while the dialog is mounted. */
  asking: OutcomeDto | undefined;
  open: boolean;
  action: Action;
  ask(booking: OutcomeDto): void;
  close(): void;
  confirm(): void;
}

/**
 * Asks before correcting a booking by reversal, then POSTs it (the API client adds the Idempotency-Key). The
 * dialog is mounted only while asking: a closed Fluent Dialog left mounted trips axe's aria-hidden-focus.
 */
export function useReversal(onReversed: () => void): Reversal {
  const { t } = useI18n();
  const { api } = useServices();
  const action = useAction();
  const [asking, setAsking] = useState<OutcomeDto | undefined>();
  const [open, setOpen] = useState(false);
  const target = useRef<OutcomeDto | undefined>(undefined);
  const unmountTimer = useRef<number | undefined>(undefined);
  const ask = (booking: OutcomeDto) => {
    // A dialog asked for again within the closing delay must not be unmounted by the earlier close's timer.
    window.clearTimeout(unmountTimer.current);
    target.current = booking;
    action.reset();
    setAsking(booking);
    setOpen(true);
  };
  const close = () => {
    setOpen(false);
    // Unmounted once the closing motion (and a confirm's onConfirm) has run.
    window.clearTimeout(unmountTimer.current);
    unmountTimer.current = window.setTimeout(() => setAsking(undefined), 600);
  };
  const confirm = () => {
    const original = target.current;
    if (!original) return;
    void action
      .run(
        () => budgetApi(api).reverseOutcome(original.id, {}),
        () => t('bookings.reverse.done'),
      )
      // Also after a refusal: a 409 means someone else reversed it meanwhile, and the list should show that.
      .then(() => onReversed());
  };
  return { asking, open, action, ask, close, confirm };
}

/** "En motbokning på −12 500,00 kr bokas på Lokalhyra …": what the reversal does, before it is done. */
export function ReverseDialog({ reversal, lineName }: { reversal: Reversal; lineName(id: string): string }) {
  const { t } = useI18n();
  const booking = reversal.asking;
  if (!booking) return null;
  return (
    <ConfirmDialog
      open={reversal.open}
      title={t('bookings.reverse.title')}
      consequence={t('bookings.reverse.consequence', {
        amount: formatSek(-booking.amountOre),
        line: lineName(booking.budgetLineId),
        original: booking.date,
        date: todayInStockholm(),
      })}
      confirmLabel={t('bookings.reverse')}
      cancelLabel={t('bookings.reverse.cancel')}
      busy={reversal.action.busy}
      onConfirm={reversal.confirm}
      onCancel={reversal.close}
    />
  );
}

import { useMemo } from 'react';
import type { BudgetLineDto, OutcomeDto } from '../../contract';
import { formatSek } from '../../domain/money';
import { useI18n } from '../i18n';
import { useLoad } from '../services';

/** Names for what a booking refers to: people by their display name, lines by their name, never an id (#18). */
export interface BookingNames {
  person(email?: string): string;
  line(id: string): string;
  /** The booking's text, with what it reverses or that it is reversed. */
  describe(booking: OutcomeDto): string;
}

export function useBookingNames(lines: readonly BudgetLineDto[], bookings: readonly OutcomeDto[]): BookingNames {
  const { t } = useI18n();
  const people = useLoad((client) => client.people());
  return useMemo(() => {
    const names = new Map(
      (people.status === 'ready' ? people.data : []).map((p) => [p.email.toLowerCase(), p.displayName]),
    );
    const lineNames = new Map(lines.map((l) => [l.id, l.name]));
    const byId = new Map(bookings.map((b) => [b.id, b]));
    const person = (email?: string) => (email ? (names.get(email.toLowerCase()) ?? t('bookings.unknownPerson')) : '–');
    const line = (id: string) => lineNames.get(id) ?? t('bookings.unknownLine');
    const describe = (b: OutcomeDto) => {
      const parts = [b.text ?? ''];
      if (b.reversesId) {
        const original = byId.get(b.reversesId);
        parts.push(
          original
            ? t('bookings.reversalOf', { date: original.date, amount: formatSek(original.amountOre) })
            : t('bookings.reversalOfEarlier'),
        );
      }
      if (b.reversedById) {
        const reversal = byId.get(b.reversedById);
        parts.push(reversal ? t('bookings.reversedOn', { date: reversal.date }) : t('bookings.reversed'));
      }
      return parts.filter(Boolean).join(' · ');
    };
    return { person, line, describe };
  }, [people, lines, bookings, t]);
}

import { z } from 'zod';
import { isoDateInput } from './common';

// Apart from decisions.ts so that the meetings contract (in the tab's first load) does not pull the decision
// rules and their calendar in with it.

const personIdText = z.string({ error: 'Ange personen som utses.' }).regex(/^[A-Za-z0-9-]{1,64}$/, 'Ogiltig person.');

/**
 * An appointment of another sammankallande (kind `sammankallande`, convener.ts) names a person of Kontakter and
 * may end on a day; no other kind takes them.
 */
export const appointmentFields = {
  personId: personIdText.optional(),
  /** The last day the appointment is in force (inclusive); absent: until samverkansgruppen decides otherwise. */
  validUntil: isoDateInput.optional(),
};

export function appointmentRefinement(
  value: { kind: string; personId?: string | undefined; validUntil?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (value.kind === 'sammankallande' && value.personId === undefined) {
    ctx.addIssue({ code: 'custom', path: ['personId'], message: 'Ange vem som utses till sammankallande.' });
  }
  if (value.kind !== 'sammankallande' && value.personId !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['personId'],
      message: 'Bara ett utseende av sammankallande anger en person.',
    });
  }
  if (value.kind !== 'sammankallande' && value.validUntil !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['validUntil'],
      message: 'Bara ett utseende av sammankallande har ett slutdatum.',
    });
  }
}

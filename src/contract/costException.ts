import { z } from 'zod';
import { oreAmount } from './common';

// Apart from decisions.ts, as appointment.ts is: a kostnadsundantag's own fields and their rule (#17).

const organisationIdText = z
  .string({ error: 'Ange organisationen som id.' })
  .regex(/^[a-z0-9-]{1,64}$/, 'Ogiltig organisation.');

/**
 * An exception agreed for a kommun's own costs (kind `kostnadsundantag`) names the kommuner it concerns and may
 * have a ceiling in öre; no other kind takes them.
 */
export const costExceptionFields = {
  organisationIds: z
    .array(organisationIdText, { error: 'Ange vilka kommuner undantaget gäller.' })
    .max(50, 'Högst 50 organisationer.')
    .optional(),
  /** The most the exception covers, in öre; absent: no ceiling. */
  ceilingOre: oreAmount().optional(),
};

export function costExceptionRefinement(
  value: { kind: string; organisationIds?: string[] | undefined; ceilingOre?: number | undefined },
  ctx: z.RefinementCtx,
): void {
  const isException = value.kind === 'kostnadsundantag';
  if (isException && (value.organisationIds === undefined || value.organisationIds.length === 0)) {
    ctx.addIssue({ code: 'custom', path: ['organisationIds'], message: 'Ange vilka kommuner undantaget gäller.' });
  }
  if (isException && value.organisationIds && new Set(value.organisationIds).size !== value.organisationIds.length) {
    ctx.addIssue({ code: 'custom', path: ['organisationIds'], message: 'Samma organisation är angiven två gånger.' });
  }
  if (!isException && value.organisationIds !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['organisationIds'],
      message: 'Bara ett undantag för egna kostnader anger organisationer.',
    });
  }
  if (!isException && value.ceilingOre !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['ceilingOre'],
      message: 'Bara ett undantag för egna kostnader har ett takbelopp.',
    });
  }
}

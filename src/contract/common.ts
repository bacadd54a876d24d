import { z } from 'zod';
import { isValidIsoDate } from '../domain/validation';

/** Pieces every feature's requests share. */
export const isoDateInput = z
  .string({ error: 'Datum måste anges som text (ÅÅÅÅ-MM-DD).' })
  .refine(isValidIsoDate, { message: 'Ogiltigt datum; ange ÅÅÅÅ-MM-DD.' });

export const yearInput = z.coerce
  .number({ error: 'Året måste vara ett heltal.' })
  .int('Året måste vara ett heltal.')
  .min(2000, 'Året måste vara 2000 eller senare.')
  .max(2199, 'Året måste vara före 2200.');

/** List items' ids are SharePoint's integer ids. */
export const itemIdParam = z.object({ id: z.string().regex(/^\d{1,12}$/, 'Ogiltigt id.') });

/** Meeting, poll and contact ids in a path. */
export const idParam = z.object({ id: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'Ogiltigt id.') }).strict();

/** An endpoint that takes no query string. */
export const noQuery = z.object({}).strict();

/** Every error answer of the API: a code, a Swedish message for the user, the request id, and what is there now (409). */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    requestId: z.string().optional(),
    issues: z.array(z.object({ path: z.unknown().optional(), message: z.string() }).loose()).optional(),
    current: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

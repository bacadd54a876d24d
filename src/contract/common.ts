import { z } from 'zod';
import { boundedDate, boundedText, lineAmountSchema } from '../domain/bounds';

/**
 * Pieces every feature's requests share, with the bounds of src/domain/bounds.ts: one place per kind, so
 * that every refusal happens before the first Graph write.
 */

/** A date the user names: a real date from 2020, at most five years ahead. */
export const isoDateInput = boundedDate();

/** A single line of text (SharePoint: 255 UTF-16 units), trimmed, not blank, no control or bidi characters. */
export const lineText = (max?: number) => boundedText(max === undefined ? {} : { max });

/** A single line that may be emptied (a title, a phone number): as lineText, but '' clears it. */
export const clearableText = (max: number) => boundedText({ max, min: 0 });

/** Multiple lines of text (at most `max`, never more than SharePoint's 63 999). */
export const longText = (max: number) => boundedText({ kind: 'multiLine', max });

/** A PATCH changes something: an empty body is refused, not answered with the unchanged record. */
export const nonEmpty = <T extends object>(value: T) => Object.keys(value).length > 0;
export const NOTHING_TO_CHANGE = { message: 'Ange minst ett fält att ändra.' };

/** An amount on one line in öre: 0 to 1 000 000 000 kr (or down to -1 000 000 000 kr with allowNegative). */
export const oreAmount = (options: { allowNegative?: boolean; allowZero?: boolean } = {}) => lineAmountSchema(options);

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

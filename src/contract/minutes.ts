import { z } from 'zod';
import { MINUTES_NOTE_MAX_CHARS } from '../domain/minutes';
import { DRAFT_ITEM_KINDS } from '../domain/meetingLists';
import { boundedText } from '../domain/bounds';

/**
 * The protokoll from the dagordning (issue #16): GET /api/meetings/:id/minutes gives the points with the secretary's
 * notes; PUT /api/meetings/:id/minutes/:itemId writes one point's notes under If-Match (the note's ETag, or `*`
 * for a point without notes yet): a stale ETag is a 409 with the newer note, and nothing is lost.
 */

/** A point's id: a prepared point's id, or `punkt-<n>` for a generated dagordning's point. */
export const agendaItemIdSchema = z
  .string({ error: 'Ange dagordningspunkten.' })
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'Ogiltig dagordningspunkt.');

export const minutesItemParams = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'Ogiltigt id.'),
    itemId: agendaItemIdSchema,
  })
  .strict();

export const minutesNoteRequestSchema = z
  .object({
    text: boundedText({
      kind: 'multiLine',
      max: MINUTES_NOTE_MAX_CHARS,
      min: 0,
      tooLong: `Anteckningen får vara högst ${MINUTES_NOTE_MAX_CHARS.toLocaleString('sv-SE')} tecken.`,
    }),
  })
  .strict();
export type MinutesNoteRequest = z.infer<typeof minutesNoteRequestSchema>;

export const minutesNoteSchema = z.object({
  itemId: z.string(),
  text: z.string(),
  /** The note's version, for the next write's If-Match; absent for a point without notes. */
  etag: z.string().optional(),
  updatedBy: z.string().optional(),
});
export type MinutesNoteDto = z.infer<typeof minutesNoteSchema>;

export const minutesItemSchema = z.object({
  id: z.string(),
  number: z.number(),
  title: z.string(),
  kind: z.enum(DRAFT_ITEM_KINDS).optional(),
  presenter: z.string().optional(),
  note: minutesNoteSchema,
});
export type MinutesItemDto = z.infer<typeof minutesItemSchema>;

export const minutesViewSchema = z.object({
  meetingId: z.string(),
  items: z.array(minutesItemSchema),
  /** The samordnare's address among the meeting's people: the secretary the protokoll form proposes. */
  samordnareEmail: z.string().optional(),
  locked: z.boolean(),
});
export type MinutesViewDto = z.infer<typeof minutesViewSchema>;

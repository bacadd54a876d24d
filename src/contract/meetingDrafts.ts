import { z } from 'zod';
import { DRAFT_ITEM_KINDS, DRAFT_MAX_ITEMS, DRAFT_SOURCE_KINDS, MEETING_GROUPS, SEASONS } from '../domain/meetingLists';
import { isoDateInput, lineText, longText } from './common';

/** Meetings being prepared (/api/meetings/drafts, issue #16): the draft, its dagordning and handlingar. */

const year = z
  .number({ error: 'Året måste vara ett heltal.' })
  .int('Året måste vara ett heltal.')
  .min(2020, 'Året måste vara 2020 eller senare.')
  .max(2099, 'Året måste vara före 2100.');

/** January–July is the spring's half-year, August–December the autumn's (as the domain's seasonOf). */
const seasonOfDate = (date: string) => (Number(date.slice(5, 7)) <= 7 ? 'var' : 'host');

/** POST /api/meetings/drafts: a group, a season or a proposed day, and a title (the group's by default). */
export const draftCreateSchema = z
  .object({
    group: z.enum(MEETING_GROUPS, { error: 'Välj samverkansgruppen eller stödgruppen.' }),
    year: year.optional(),
    season: z.enum(SEASONS, { error: 'Välj vår eller höst.' }).optional(),
    date: isoDateInput.optional(),
    title: lineText(200).optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.year === undefined && value.date === undefined) {
      ctx.addIssue({ code: 'custom', path: ['year'], message: 'Ange året eller ett föreslaget datum.' });
    }
    if (value.group === 'samverkansgrupp' && value.season === undefined && value.date === undefined) {
      ctx.addIssue({ code: 'custom', path: ['season'], message: 'Välj vår- eller höstmötet, eller ett datum.' });
    }
    if (value.date && value.season && seasonOfDate(value.date) !== value.season) {
      ctx.addIssue({ code: 'custom', path: ['date'], message: 'Datumet ligger inte i den valda säsongen.' });
    }
    if (value.date && value.year !== undefined && Number(value.date.slice(0, 4)) !== value.year) {
      ctx.addIssue({ code: 'custom', path: ['date'], message: 'Datumet ligger inte i det valda året.' });
    }
  });
export type DraftCreateRequest = z.input<typeof draftCreateSchema>;

const itemId = z.string().regex(/^p\d{1,4}$/, 'Ogiltig punkt.');
const personId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'Ogiltig person.');

/** PUT /api/meetings/drafts/:id/agenda (If-Match): the whole dagordning in its new order. */
export const agendaPutSchema = z
  .object({
    items: z
      .array(
        z
          .object({
            id: itemId.optional(),
            kind: z.enum(DRAFT_ITEM_KINDS, { error: 'Välj beslut, information, diskussion eller anmälan.' }),
            title: lineText(255),
            text: longText(1000).optional(),
            presenterId: personId.optional(),
          })
          .strict(),
        { error: 'Punkterna måste anges som en lista.' },
      )
      .max(DRAFT_MAX_ITEMS, `Högst ${DRAFT_MAX_ITEMS} punkter.`),
  })
  .strict();
export type AgendaPutRequest = z.input<typeof agendaPutSchema>;

/** ?name=… of an upload: the file's name as it will be in the document library. */
export const documentUploadQuery = z
  .object({
    name: lineText(120).refine((name) => !/["*:<>?/\\|#%~]/.test(name) && !/^[.\s]|[.\s]$/.test(name), {
      message: 'Filnamnet får inte innehålla " * : < > ? / \\ | # % ~ eller börja eller sluta med punkt.',
    }),
  })
  .strict();

export const draftItemParams = z
  .object({ id: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'Ogiltigt id.'), itemId })
  .strict();
export const draftDocumentParams = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'Ogiltigt id.'),
    itemId,
    documentId: z.string().regex(/^[A-Za-z0-9!._-]{1,128}$/, 'Ogiltig handling.'),
  })
  .strict();

export const draftDocumentSchema = z.object({
  id: z.string(),
  name: z.string(),
  size: z.number(),
  webUrl: z.string(),
});

export const draftItemSchema = z.object({
  id: z.string(),
  kind: z.enum(DRAFT_ITEM_KINDS),
  title: z.string(),
  text: z.string().optional(),
  presenterId: z.string().optional(),
  /** The föredragande's name from Kontakter (the id is not shown). */
  presenterName: z.string().optional(),
  source: z.object({ kind: z.enum(DRAFT_SOURCE_KINDS), ref: z.string().optional(), label: z.string() }),
  documents: z.array(draftDocumentSchema),
});
export type DraftItemView = z.infer<typeof draftItemSchema>;

/** A draft with its dagordning; `etag` is what PUT …/agenda sends as If-Match. */
export const meetingDraftSchema = z.object({
  id: z.string(),
  etag: z.string(),
  title: z.string(),
  group: z.enum(MEETING_GROUPS),
  year: z.number(),
  season: z.enum(SEASONS).optional(),
  date: z.string().optional(),
  items: z.array(draftItemSchema),
  /** The kallelse is sent: a saved change goes to this many called people as an update (the tab confirms it). */
  called: z.object({ attendees: z.number().int() }).optional(),
});
export type MeetingDraftView = z.infer<typeof meetingDraftSchema>;

export const draftAnswerSchema = z.object({ draft: meetingDraftSchema });
export const draftListSchema = z.object({ drafts: z.array(meetingDraftSchema) });

import { z } from 'zod';
import { agendaItemIdSchema } from './minutes';
import { DECISION_KINDS, FOLLOW_UP_STATUSES } from '../domain/decisions';
import { PER_CAPSULAM_MEETING_ID } from '../domain/decisionRules';
import { isoDateInput, lineText, longText } from './common';
import { appointmentFields, appointmentRefinement } from './appointment';
import { costExceptionFields, costExceptionRefinement } from './costException';

export { appointmentFields, appointmentRefinement } from './appointment';
export { costExceptionFields, costExceptionRefinement } from './costException';

const meetingIdText = z
  .string({ error: 'Ange mötet där beslutet fattades.' })
  .regex(/^[A-Za-z0-9-]{1,64}$/, 'Ogiltigt möte.');

/** The decision register (/api/decisions) and how activities and the verksamhetsplan point at a decision. */

/** A per capsulam decision needs its date; a decision at a meeting takes the meeting's date and gets none. */
function perCapsulamDate(value: { meetingId: string; decidedOn?: string | undefined }, ctx: z.RefinementCtx): void {
  if (value.meetingId === PER_CAPSULAM_MEETING_ID && value.decidedOn === undefined) {
    ctx.addIssue({ code: 'custom', path: ['decidedOn'], message: 'Ange datum för beslutet per capsulam.' });
  }
  if (value.meetingId !== PER_CAPSULAM_MEETING_ID && value.decidedOn !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['decidedOn'],
      message: 'Ett beslut på ett möte får mötets datum; ange inget eget beslutsdatum.',
    });
  }
}

export const newDecisionSchema = z
  .object({
    meetingId: meetingIdText,
    kind: z.enum(DECISION_KINDS, {
      error: (issue) => `Okänd beslutstyp: ${issue.input === undefined ? 'saknas' : String(issue.input)}.`,
    }),
    title: lineText().optional(),
    text: longText(10_000),
    ownerEmail: z.string().trim().toLowerCase().email('Ogiltig e-postadress.').max(255).optional(),
    followUpDue: isoDateInput.optional(),
    subjectRef: z
      .string()
      .regex(/^[A-Za-z]+:[A-Za-z0-9-]{1,64}$/, 'Ogiltig hänvisning.')
      .optional(),
    /** Only for a decision per capsulam (meetingId `per-capsulam`): a meeting's decision takes its date. */
    decidedOn: isoDateInput.optional(),
    /** The point of the meeting's dagordning it was taken under (issue #16). */
    agendaItemId: agendaItemIdSchema.optional(),
    ...appointmentFields,
    ...costExceptionFields,
  })
  .strict()
  .superRefine(perCapsulamDate)
  .superRefine(appointmentRefinement)
  .superRefine(costExceptionRefinement);

export type NewDecision = z.infer<typeof newDecisionSchema>;

export const followUpPatchSchema = z
  .object({
    followUp: z.enum(FOLLOW_UP_STATUSES, {
      error: (issue) => `Okänd uppföljningsstatus: ${issue.input === undefined ? 'saknas' : String(issue.input)}.`,
    }),
    note: longText(10_000).optional(),
  })
  .strict();

export type FollowUpPatch = z.infer<typeof followUpPatchSchema>;

/**
 * How an activity or a verksamhetsplan points at samverkansgruppen's decision: an existing Beslut item, or one
 * to record now at the meeting where it was taken.
 */
export const decisionReferenceSchema = z.union([
  z.object({ decisionId: z.string().regex(/^\d{1,12}$/, 'Ogiltigt beslut.') }).strict(),
  z
    .object({
      meetingId: meetingIdText,
      text: longText(10_000).optional(),
      followUpDue: isoDateInput.optional(),
      decidedOn: isoDateInput.optional(),
    })
    .strict()
    .superRefine(perCapsulamDate),
]);

export type DecisionReferenceInput = z.infer<typeof decisionReferenceSchema>;

// Answers

export const decisionSchema = z.object({
  id: z.string(),
  etag: z.string(),
  title: z.string(),
  meetingId: z.string(),
  kind: z.string(),
  text: z.string(),
  decidedOn: z.string().optional(),
  followUp: z.enum(FOLLOW_UP_STATUSES),
  followUpDue: z.string().optional(),
  followUpNote: z.string().optional(),
  subjectRef: z.string().optional(),
  /** Its paragraph in the year's numbering (§ 1, § 2, …); absent on decisions recorded before numbering. */
  paragraph: z.number().int().optional(),
  /** An appointment of a sammankallande: its last day in force, when it has one. */
  validUntil: z.string().optional(),
  /** A kostnadsundantag: the kommuner it concerns (ids; the tab shows their names) and its ceiling. */
  organisationIds: z.array(z.string()).optional(),
  ceilingOre: z.number().int().optional(),
});
export type DecisionDto = z.infer<typeof decisionSchema>;

/** What stödgruppen has proposed that samverkansgruppen has not decided (GET /api/decisions/open-proposals). */
export const openProposalSchema = z.object({
  kind: z.string(),
  title: z.string(),
  text: z.string(),
  subjectRef: z.string(),
});
export type OpenProposalDto = z.infer<typeof openProposalSchema>;

import { z } from 'zod';
import { ASSIGNEE_KINDS, ASSIGNMENT_STATUSES } from '../domain/assignmentLists';
import { isoDateInput, lineText, longText } from './common';

/** Uppdrag delegated by a decision (/api/decisions/:id/assignments, /api/assignments). */

const itemId = z.string({ error: 'Ange vem uppdraget går till.' }).regex(/^\d{1,12}$/, 'Ogiltigt id.');

export const newAssignmentSchema = z
  .object({
    assigneeKind: z.enum(ASSIGNEE_KINDS, { error: 'Välj en person eller en arbetsgrupp.' }),
    /** The contact's (person) or the arbetsgrupp's list item id. */
    assigneeId: itemId,
    description: lineText(255),
    due: isoDateInput,
  })
  .strict();

export type NewAssignment = z.infer<typeof newAssignmentSchema>;

/** One or more uppdrag delegated by the same decision, written in one request. */
export const newAssignmentsSchema = z
  .object({
    assignments: z.array(newAssignmentSchema).min(1, 'Ange minst ett uppdrag.').max(20, 'Högst 20 uppdrag åt gången.'),
  })
  .strict();

export const ASSIGNMENT_REPORT_MAX = 2000;

export const assignmentPatchSchema = z
  .object({
    status: z.enum(ASSIGNMENT_STATUSES, {
      error: (issue) => `Okänd status: ${issue.input === undefined ? 'saknas' : String(issue.input)}.`,
    }),
    report: longText(ASSIGNMENT_REPORT_MAX).optional(),
  })
  .strict();

export type AssignmentPatch = z.infer<typeof assignmentPatchSchema>;

export const assignmentsQuerySchema = z
  .object({ mine: z.enum(['1', 'true'], { error: 'mine ska vara 1.' }).optional() })
  .strict();

/** An uppdrag as the API answers it: the owner by name, never only an id. */
export const assignmentViewSchema = z.object({
  id: z.string(),
  etag: z.string(),
  decisionId: z.string(),
  assigneeKind: z.enum(ASSIGNEE_KINDS),
  assigneeId: z.string(),
  assigneeName: z.string(),
  description: z.string(),
  due: z.string(),
  status: z.enum(ASSIGNMENT_STATUSES),
  report: z.string().optional(),
  /** With PLANNER_MIRROR=on: whether its Planner task is up to date ("Inte speglad i Planner" otherwise). */
  planner: z.enum(['speglad', 'inte_speglad']).optional(),
});

export type AssignmentView = z.infer<typeof assignmentViewSchema>;

/** GET /api/assignments and GET /api/decisions/:id/assignments. */
export const assignmentListSchema = z.object({ assignments: z.array(assignmentViewSchema) });

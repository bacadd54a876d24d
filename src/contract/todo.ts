import { z } from 'zod';
import { MEETING_GROUPS, SEASONS } from '../domain/meetingLists';
import { PROTOCOL_KINDS } from '../domain/protocolKind';

/** GET /api/todo: "Att göra" for the signed-in person, derived from the data (src/domain/todo.ts). */

const meetingRef = { meetingId: z.string(), meetingTitle: z.string(), date: z.string() };
/** Stödgruppen's minnesanteckningar (absent: a protokoll). */
const document = z.enum(PROTOCOL_KINDS).optional();

export const todoItemSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('callSeasonMeeting'),
    page: z.literal('moten'),
    season: z.enum(SEASONS),
    year: z.number(),
  }),
  z.object({
    kind: z.literal('approveProtocol'),
    page: z.literal('moten'),
    ...meetingRef,
    step: z.enum(['sekreterare', 'ordforande', 'justerare']),
    document,
  }),
  z.object({ kind: z.literal('answerKallelse'), page: z.literal('moten'), ...meetingRef }),
  z.object({ kind: z.literal('archiveProtocol'), page: z.literal('moten'), ...meetingRef, document }),
  z.object({ kind: z.literal('decideProposals'), page: z.literal('beslut'), count: z.number().int() }),
  z.object({
    kind: z.literal('coFinancingGaps'),
    page: z.literal('budget'),
    year: z.number(),
    count: z.number().int(),
  }),
  z.object({
    kind: z.literal('yearRhythm'),
    page: z.literal('moten'),
    group: z.enum(MEETING_GROUPS),
    year: z.number(),
    held: z.number().int(),
    called: z.number().int(),
    target: z.number().int(),
    missingSeasons: z.array(z.enum(SEASONS)),
  }),
  z.object({
    kind: z.literal('assignmentDue'),
    page: z.literal('oversikt'),
    assignmentId: z.string(),
    description: z.string(),
    due: z.string(),
    overdue: z.boolean(),
  }),
]);

export const todoAnswerSchema = z.object({
  items: z.array(todoItemSchema),
  /** Parts that could not be read now (e.g. the answers to the kallelser): the list may lack their items. */
  unavailable: z.array(z.enum(['answers', 'protocols', 'proposals', 'coFinancing', 'meetings', 'assignments'])),
});

export type TodoItemDto = z.infer<typeof todoItemSchema>;
export type TodoAnswerDto = z.infer<typeof todoAnswerSchema>;

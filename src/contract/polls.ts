import { z } from 'zod';
import { MEETING_GROUPS, SEASONS } from '../domain/meetingLists';
import { POLL_STATUSES, VOTE_VALUES } from '../domain/pollLists';
import { longText } from './common';

/** Shared with the meetings' requests. */
export const meetingYearSchema = z
  .number({ error: 'Året måste vara ett heltal.' })
  .int('Året måste vara ett heltal.')
  .min(2020, 'Året måste vara 2020 eller senare.')
  .max(2099, 'Året måste vara före 2100.');

export const windowReasonSchema = longText(1000).optional();

const year = meetingYearSchema;
const reasonSchema = windowReasonSchema;

export const pollRequestSchema = z
  .object({
    group: z.enum(MEETING_GROUPS, { error: 'Välj samverkansgruppen eller stödgruppen.' }),
    year,
    season: z.enum(SEASONS, { error: 'Välj vår eller höst.' }).optional(),
    candidates: z.array(z.object({ start: z.string().max(40), end: z.string().max(40) }).strict()).max(8),
    deadline: z.string().max(40),
    outsideWindowReason: reasonSchema,
  })
  .strict();

export const voteRequestSchema = z
  .object({ choices: z.record(z.string().regex(/^k\d{1,2}$/), z.enum(VOTE_VALUES)) })
  .strict();

const pollCandidateSchema = z.object({ id: z.string(), label: z.string(), start: z.string(), end: z.string() }).loose();

export const tallySchema = z.object({
  candidate: pollCandidateSchema,
  ja: z.number(),
  omDetBehovs: z.number(),
  nej: z.number(),
  kommunerCovered: z.number(),
  kommunerTotal: z.number(),
});

export const pollSchema = z.object({
  id: z.string(),
  group: z.string(),
  year: z.number(),
  status: z.enum(POLL_STATUSES),
  deadline: z.string(),
  candidates: z.array(pollCandidateSchema),
  tally: z.array(tallySchema),
  best: tallySchema.optional(),
  voters: z.number(),
  myChoices: z.record(z.string(), z.enum(VOTE_VALUES)).optional(),
});
export type PollViewDto = z.infer<typeof pollSchema>;

export const pollSummarySchema = pollSchema.pick({ id: true, group: true, year: true, status: true, deadline: true });

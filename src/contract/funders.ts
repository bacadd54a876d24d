import { z } from 'zod';
import { GENDERS, participantCountsSchema } from '../domain/funders';
import { lineText } from './common';

/** Funders' figures (#17): topic tags (/api/topic-tags), participant counts and the yearly report. */

export const tagIdList = z
  .array(z.string().regex(/^\d{1,12}$/, 'Ogiltig ämnestagg.'))
  .max(20, 'Högst 20 ämnestaggar per aktivitet.');

export const newTopicTagSchema = z.object({ name: lineText(60) }).strict();
export type NewTopicTag = z.input<typeof newTopicTagSchema>;

/** Retire a tag (no longer offered) or take it into use again. */
export const topicTagPatchSchema = z
  .object({ retired: z.boolean({ error: 'Ange om taggen ska användas eller inte.' }) })
  .strict();

export const topicTagSchema = z.object({
  id: z.string(),
  etag: z.string(),
  name: z.string(),
  retiredOn: z.string().optional(),
});
export type TopicTagDto = z.infer<typeof topicTagSchema>;

/** POST /api/activities/:id/participants (If-Match): the counts after the event. */
export const participantCountsInputSchema = participantCountsSchema;
export type ParticipantCountsInput = z.input<typeof participantCountsInputSchema>;

const genderCounts = z.object(
  Object.fromEntries(GENDERS.map((g) => [g, z.number().int()])) as Record<(typeof GENDERS)[number], z.ZodNumber>,
);

export const participantReportSchema = z.object({
  byOrganisation: z.record(z.string(), z.number().int()),
  byGender: genderCounts,
  reportedOn: z.string(),
});
export type ParticipantReportDto = z.infer<typeof participantReportSchema>;

export const funderRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  retired: z.boolean().optional(),
  activities: z.number().int(),
  reported: z.number().int(),
  notReported: z.number().int(),
  participants: z.number().int(),
  kvinnor: z.number().int(),
  man: z.number().int(),
  annat: z.number().int(),
});
export type FunderRowDto = z.infer<typeof funderRowSchema>;

/** GET /api/funders/report/:year (and .csv). */
export const funderReportSchema = z.object({
  year: z.number().int(),
  total: funderRowSchema,
  byArea: z.array(funderRowSchema),
  byTargetGroup: z.array(funderRowSchema),
  byTag: z.array(funderRowSchema),
});
export type FunderReportDto = z.infer<typeof funderReportSchema>;

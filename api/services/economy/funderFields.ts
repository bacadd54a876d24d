import { z } from 'zod';
import { GENDERS, type ParticipantReport } from '../../../src/domain';
import { jsonColumn } from '../lists';

const count = z.number().int().min(0);

/** The ParticipantReport column (#17): JSON read through the one helper, never trusted. */
export const participantReportColumn = jsonColumn(
  z
    .object({
      byOrganisation: z.record(z.string(), count),
      byGender: z.object(
        Object.fromEntries(GENDERS.map((g) => [g, count])) as Record<(typeof GENDERS)[number], typeof count>,
      ),
      reportedOn: z.string(),
    })
    .nullable(),
  null,
) as { read(value: unknown): ParticipantReport | null; write(value: ParticipantReport): string };

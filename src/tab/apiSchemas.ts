// zod's Swedish messages first: every answer the tab checks goes through this module.
import '../zodLocale';
import { z } from 'zod';
import { assignmentListSchema } from '../contract/assignments';
import { errorBodySchema } from '../contract/common';
import {
  breachSchema,
  contactSchema,
  meSchema,
  organisationSchema,
  savedContactSchema,
  tabConfigSchema,
} from '../contract/contacts';
import { meetingSummarySchema } from '../contract/meetings';
import { todoAnswerSchema } from '../contract/todo';

/**
 * The schemas of the tab's own API client (src/tab/api.ts), with zod itself: loaded on demand, by the first
 * request, while its answer is on the way, so that zod and the contract are not in the tab's first load (#18).
 */
export const apiSchemas = {
  errorBody: errorBodySchema,
  tabConfig: tabConfigSchema,
  me: meSchema,
  contact: contactSchema,
  organisations: z.object({ organisations: z.array(organisationSchema) }),
  people: z.object({ people: z.array(contactSchema) }),
  savedPerson: z.union([z.object({ person: savedContactSchema }), savedContactSchema]),
  commitments: z.object({ breaches: z.array(breachSchema) }),
  upcomingMeetings: z.object({ meetings: z.array(meetingSummarySchema) }),
  /** Översikt's "Att göra för dig" and "Mina uppdrag". */
  todoAnswer: todoAnswerSchema,
  assignmentList: assignmentListSchema,
};
export type ApiSchemas = typeof apiSchemas;

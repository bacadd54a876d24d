import { z } from 'zod';
import { breachSchema, contactSchema, type NewContactInput } from '../../contract';
import type { ApiClient } from '../api';

/** A change of the contact list as the API answers it: the person and the commitments' warnings (#17). */
export const contactChangeSchema = z.object({
  person: contactSchema.partial({ etag: true }),
  saved: z.boolean(),
  breaches: z.array(breachSchema),
  introduced: z.array(breachSchema),
});
export type ContactChangeDto = z.infer<typeof contactChangeSchema>;

/** Adding and deactivating people: `dryRun` asks for the warnings, `confirm` saves in spite of them. */
export const contactChangesApi = (api: ApiClient) => ({
  add: (body: NewContactInput) => api.request('/api/people', contactChangeSchema, { method: 'POST', body }),
  deactivate: (id: string, etag: string, flags: { dryRun?: boolean; confirm?: boolean }) =>
    api.request(`/api/people/${encodeURIComponent(id)}/deactivate`, contactChangeSchema, {
      method: 'POST',
      body: flags,
      headers: { 'if-match': etag },
    }),
});

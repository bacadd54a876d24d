import { contactChangeSchema, type ContactChangeDto, type NewContactInput } from '../../contract';
import type { ApiClient } from '../api';

export type { ContactChangeDto };

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

import {
  draftAnswerSchema,
  draftListSchema,
  meetingDraftSchema,
  type AgendaPutRequest,
  type DraftCreateRequest,
} from '../../../contract';
import { z } from 'zod';
import type { ApiClient } from '../../api';

const id = (value: string) => encodeURIComponent(value);
const uploadAnswerSchema = z.object({ draft: meetingDraftSchema });

/** The drafts endpoints (api/routes/meetingDrafts.ts): a meeting being prepared, its dagordning and handlingar. */
export function meetingDraftsApi(api: ApiClient) {
  const base = (draftId: string) => `/api/meetings/drafts/${id(draftId)}`;
  return {
    list: async () => (await api.request('/api/meetings/drafts', draftListSchema)).drafts,
    create: async (body: DraftCreateRequest) =>
      (await api.request('/api/meetings/drafts', draftAnswerSchema, { method: 'POST', body })).draft,
    get: async (draftId: string) => (await api.request(`${base(draftId)}/agenda`, draftAnswerSchema)).draft,
    /** If-Match the version edited: another editor's save in between is a 409 whose `current` is the newer draft. */
    putAgenda: async (draftId: string, items: AgendaPutRequest['items'], etag: string) =>
      (
        await api.request(`${base(draftId)}/agenda`, draftAnswerSchema, {
          method: 'PUT',
          body: { items },
          headers: { 'if-match': etag },
        })
      ).draft,
    /** A handling for one point, its progress reported as the bytes go. */
    upload: async (draftId: string, itemId: string, file: File, onProgress?: (sent: number, total: number) => void) =>
      (
        await api.upload(
          `${base(draftId)}/items/${id(itemId)}/documents?name=${encodeURIComponent(file.name)}`,
          file,
          uploadAnswerSchema,
          onProgress,
        )
      ).draft,
    removeDocument: async (draftId: string, itemId: string, documentId: string) =>
      (
        await api.request(`${base(draftId)}/items/${id(itemId)}/documents/${id(documentId)}`, draftAnswerSchema, {
          method: 'DELETE',
        })
      ).draft,
  };
}
export type MeetingDraftsApi = ReturnType<typeof meetingDraftsApi>;

/** The newer draft a 409 carries, when it is one. */
export function conflictDraft(current: unknown) {
  const parsed = meetingDraftSchema.safeParse(current);
  return parsed.success ? parsed.data : undefined;
}

import { z } from 'zod';
import { minutesNoteSchema, minutesViewSchema } from '../../contract';
import type { ApiClient } from '../api';

const id = (value: string) => encodeURIComponent(value);

/** The protokoll's points with the secretary's notes (#16; api/routes/minutes.ts). */
export function minutesApi(api: ApiClient) {
  return {
    minutes: async (meetingId: string) =>
      (await api.request(`/api/meetings/${id(meetingId)}/minutes`, z.object({ minutes: minutesViewSchema }))).minutes,
    /** One point's notes, If-Match the note as read (`*`: it had none): a newer note is a 409 with it. */
    saveNote: async (meetingId: string, itemId: string, text: string, etag: string) =>
      (
        await api.request(
          `/api/meetings/${id(meetingId)}/minutes/${id(itemId)}`,
          z.object({ note: minutesNoteSchema }),
          {
            method: 'PUT',
            body: { text },
            headers: { 'if-match': etag },
          },
        )
      ).note,
  };
}

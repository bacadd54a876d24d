import { z } from 'zod';
import {
  activitySchema,
  funderReportSchema,
  topicTagSchema,
  type ActivityDto,
  type ParticipantCountsInput,
  type TopicTagDto,
} from '../../contract';
import type { ApiClient } from '../api';

const tagAnswer = z.object({ tag: topicTagSchema });

/** Funders' figures (#17): Ämnestaggar, participant counts after the event and the yearly report. */
export const fundersApi = (api: ApiClient) => ({
  tags: async () => (await api.request('/api/topic-tags', z.object({ tags: z.array(topicTagSchema) }))).tags,
  addTag: (name: string) => api.request('/api/topic-tags', tagAnswer, { method: 'POST', body: { name } }),
  setRetired: (tag: TopicTagDto, retired: boolean) =>
    api.request(`/api/topic-tags/${tag.id}`, tagAnswer, {
      method: 'PATCH',
      body: { retired },
      headers: { 'if-match': tag.etag },
    }),
  reportParticipants: (activity: ActivityDto, body: ParticipantCountsInput) =>
    api.request(`/api/activities/${activity.id}/participants`, z.object({ activity: activitySchema }), {
      method: 'POST',
      body,
      headers: { 'if-match': activity.etag },
    }),
  report: (year: number) => api.request(`/api/funders/report/${year}`, funderReportSchema),
  csv: (year: number) => api.download(`/api/funders/report/${year}/csv`),
});

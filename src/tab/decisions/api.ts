import { z } from 'zod';
import {
  decisionSchema,
  openProposalSchema,
  type DecisionDto,
  type FollowUpStatus,
  type NewDecision,
} from '../../contract';
import type { ApiClient } from '../api';

export interface DecisionFilters {
  meetingId?: string;
  kind?: string;
  followUp?: string;
}

export function decisionsQuery(filters: DecisionFilters): string {
  const params = new URLSearchParams();
  if (filters.meetingId) params.set('meetingId', filters.meetingId);
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.followUp) params.set('followUp', filters.followUp);
  return params.toString();
}

const one = z.object({ decision: decisionSchema });

/** The decision register's endpoints (/api/decisions), requests and answers as the contract has them. */
export const decisionsApi = (api: ApiClient) => ({
  list: async (filters: DecisionFilters = {}) => {
    const query = decisionsQuery(filters);
    return (
      await api.request(`/api/decisions${query ? `?${query}` : ''}`, z.object({ decisions: z.array(decisionSchema) }))
    ).decisions;
  },
  openProposals: async () =>
    (await api.request('/api/decisions/open-proposals', z.object({ proposals: z.array(openProposalSchema) })))
      .proposals,
  record: async (body: NewDecision) => (await api.request('/api/decisions', one, { method: 'POST', body })).decision,
  /** Sets the follow-up with the ETag the decision was read with. */
  setFollowUp: async (decision: DecisionDto, followUp: FollowUpStatus) =>
    (
      await api.request(`/api/decisions/${encodeURIComponent(decision.id)}/follow-up`, one, {
        method: 'PATCH',
        body: { followUp },
        headers: { 'if-match': decision.etag },
      })
    ).decision,
});

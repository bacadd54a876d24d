import { z } from 'zod';
import { channelDifferenceSchema, workingGroupSchema, type AppointInput } from '../../contract';
import type { ApiClient } from '../api';

const one = z.object({ group: workingGroupSchema });

const base = '/api/working-groups';
const path = (id: string, rest = '') => `${base}/${encodeURIComponent(id)}${rest}`;

/** The Arbetsgrupper endpoints, answers checked with the contract's schemas. */
export function workingGroupsApi(api: ApiClient) {
  return {
    list: async () => (await api.request(base, z.object({ groups: z.array(workingGroupSchema) }))).groups,
    appoint: async (body: AppointInput) => (await api.request(base, one, { method: 'POST', body })).group,
    resume: async (id: string) => (await api.request(path(id, '/resume'), one, { method: 'POST', body: {} })).group,
    end: async (id: string, finalReport: string) =>
      (await api.request(path(id, '/end'), one, { method: 'POST', body: { finalReport } })).group,
    addMember: async (id: string, personId: string) =>
      (await api.request(path(id, '/members'), one, { method: 'POST', body: { personId } })).group,
    removeMember: async (id: string, personId: string) =>
      (await api.request(path(id, `/members/${encodeURIComponent(personId)}`), one, { method: 'DELETE' })).group,
    difference: (id: string) => api.request(path(id, '/channel-difference'), channelDifferenceSchema),
    accept: async (id: string, userId: string) =>
      (await api.request(path(id, '/channel-difference/accept'), one, { method: 'POST', body: { userId } })).group,
    undo: (id: string, userId: string) =>
      api.request(path(id, '/channel-difference/undo'), channelDifferenceSchema, { method: 'POST', body: { userId } }),
  };
}

import { z } from 'zod';
import type { ApiClient } from '../api';

const memberSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  email: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  convener: z.boolean(),
  guest: z.boolean(),
});

export const workingGroupSchema = z.object({
  id: z.string(),
  etag: z.string(),
  name: z.string(),
  syfte: z.string(),
  uppdrag: z.string(),
  malsattning: z.string().optional(),
  members: z.array(memberSchema),
  convenerId: z.string(),
  period: z.object({ start: z.string(), end: z.string().optional() }),
  status: z.enum(['aktiv', 'avslutad']),
  membershipType: z.enum(['standard', 'private', 'shared']),
  decisionId: z.string().optional(),
  finalReport: z.string().optional(),
  channel: z.object({ id: z.string(), name: z.string(), webUrl: z.string().optional() }).optional(),
  setupStep: z.enum(['registrerad', 'kanal', 'klar']),
  notInChannel: z.array(z.object({ personId: z.string(), reason: z.string() })),
});
export type WorkingGroupDto = z.infer<typeof workingGroupSchema>;
export type MembershipTypeDto = WorkingGroupDto['membershipType'];

const differenceSchema = z.object({
  extra: z.array(
    z.object({
      userId: z.string(),
      displayName: z.string(),
      email: z.string().optional(),
      personId: z.string().optional(),
    }),
  ),
  missing: z.array(z.object({ personId: z.string(), displayName: z.string(), reason: z.string().optional() })),
  note: z.string().optional(),
});
export type ChannelDifferenceDto = z.infer<typeof differenceSchema>;

const one = z.object({ group: workingGroupSchema });

export interface AppointRequest {
  name: string;
  syfte: string;
  uppdrag: string;
  malsattning?: string;
  memberIds: string[];
  convenerId: string;
  period: { start: string; end?: string };
  membershipType: MembershipTypeDto;
  decisionId?: string;
}

const base = '/api/working-groups';
const path = (id: string, rest = '') => `${base}/${encodeURIComponent(id)}${rest}`;

/** The Arbetsgrupper endpoints, answers checked with the schemas above. */
export function workingGroupsApi(api: ApiClient) {
  return {
    list: async () => (await api.request(base, z.object({ groups: z.array(workingGroupSchema) }))).groups,
    appoint: async (body: AppointRequest) => (await api.request(base, one, { method: 'POST', body })).group,
    resume: async (id: string) => (await api.request(path(id, '/resume'), one, { method: 'POST', body: {} })).group,
    end: async (id: string, finalReport: string) =>
      (await api.request(path(id, '/end'), one, { method: 'POST', body: { finalReport } })).group,
    addMember: async (id: string, personId: string) =>
      (await api.request(path(id, '/members'), one, { method: 'POST', body: { personId } })).group,
    removeMember: async (id: string, personId: string) =>
      (await api.request(path(id, `/members/${encodeURIComponent(personId)}`), one, { method: 'DELETE' })).group,
    difference: (id: string) => api.request(path(id, '/channel-difference'), differenceSchema),
    accept: async (id: string, userId: string) =>
      (await api.request(path(id, '/channel-difference/accept'), one, { method: 'POST', body: { userId } })).group,
    undo: (id: string, userId: string) =>
      api.request(path(id, '/channel-difference/undo'), differenceSchema, { method: 'POST', body: { userId } }),
  };
}

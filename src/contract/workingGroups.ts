import { z } from 'zod';
import { MEMBERSHIP_TYPES, WORKING_GROUP_STATUSES } from '../domain/workingGroups';

/** The Arbetsgrupper endpoints (/api/working-groups). */

const dateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Datum ska anges som ÅÅÅÅ-MM-DD.');

export const appointSchema = z
  .object({
    name: z.string().trim().min(1, 'Namnet får inte vara tomt.').max(200, 'Namnet är för långt.'),
    syfte: z.string().trim().min(1, 'Syftet får inte vara tomt.').max(4000),
    uppdrag: z.string().trim().min(1, 'Uppdraget får inte vara tomt.').max(4000),
    malsattning: z.string().trim().max(4000).optional(),
    memberIds: z.array(z.string().trim().min(1).max(64)).min(1, 'Välj minst en medlem.').max(200),
    convenerId: z.string().trim().min(1, 'Välj sammankallande.').max(64),
    period: z.object({ start: dateText, end: dateText.optional() }),
    membershipType: z.enum(MEMBERSHIP_TYPES, { error: 'Välj kanaltyp: standard, privat eller delad.' }),
    decisionId: z.string().trim().min(1).max(64).optional(),
  })
  .strict();

export type AppointInput = z.infer<typeof appointSchema>;

export const endSchema = z
  .object({ finalReport: z.string().trim().min(1, 'Skriv en kort slutrapport.').max(4000) })
  .strict();

/** Adding a member, or taking in / removing someone added in Teams directly. */
export const memberRequestSchema = z.object({ personId: z.string().trim().min(1, 'Välj en person.').max(64) }).strict();
export const channelUserRequestSchema = z
  .object({ userId: z.string().trim().min(1, 'Ange personens id.').max(64) })
  .strict();

// Answers

export const SETUP_STEPS = ['registrerad', 'kanal', 'klar'] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

export const workingGroupMemberSchema = z.object({
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
  members: z.array(workingGroupMemberSchema),
  convenerId: z.string(),
  period: z.object({ start: z.string(), end: z.string().optional() }),
  status: z.enum(WORKING_GROUP_STATUSES),
  membershipType: z.enum(MEMBERSHIP_TYPES),
  decisionId: z.string().optional(),
  finalReport: z.string().optional(),
  channel: z.object({ id: z.string(), name: z.string(), webUrl: z.string().optional() }).optional(),
  setupStep: z.enum(SETUP_STEPS),
  notInChannel: z.array(z.object({ personId: z.string(), reason: z.string() })),
});
export type WorkingGroupDto = z.infer<typeof workingGroupSchema>;

export const channelDifferenceSchema = z.object({
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
export type ChannelDifferenceDto = z.infer<typeof channelDifferenceSchema>;

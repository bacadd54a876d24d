import { z } from 'zod';
import { MEMBERSHIP_TYPES, WORKING_GROUP_STATUSES } from '../domain/workingGroups';
import { BOUNDS, boundedText } from '../domain/bounds';
import { isoDateInput, lineText, longText } from './common';

/** The Arbetsgrupper endpoints (/api/working-groups). */

export const appointSchema = z
  .object({
    // The name is the channel's: Teams holds 50 characters (BOUNDS.channelName).
    name: boundedText({ max: BOUNDS.channelName, tooLong: `Namnet får vara högst ${BOUNDS.channelName} tecken.` }),
    syfte: longText(4000),
    uppdrag: longText(4000),
    malsattning: longText(4000).optional(),
    memberIds: z
      .array(lineText(64))
      .min(1, 'Välj minst en medlem.')
      .max(BOUNDS.groupMembers, `Högst ${BOUNDS.groupMembers} medlemmar.`),
    convenerId: lineText(64),
    period: z.object({ start: isoDateInput, end: isoDateInput.optional() }).strict(),
    membershipType: z.enum(MEMBERSHIP_TYPES, { error: 'Välj kanaltyp: standard, privat eller delad.' }),
    decisionId: lineText(64).optional(),
  })
  .strict();

export type AppointInput = z.infer<typeof appointSchema>;

export const endSchema = z.object({ finalReport: longText(4000) }).strict();

/** Adding a member, or taking in / removing someone added in Teams directly. */
const idText = z.string({ error: 'Välj en person.' }).regex(/^[A-Za-z0-9-]{1,64}$/, 'Ogiltigt id.');
export const memberRequestSchema = z.object({ personId: idText }).strict();
export const channelUserRequestSchema = z.object({ userId: idText }).strict();

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

import { z } from 'zod';
import type { EmulatorContext } from '../../context';
import { graphErrors } from '../../errors';
import type { StoredUser } from '../../model';
import { findUser, userKey } from '../users';

/** `{"@odata.type":"#microsoft.graph.aadUserConversationMember","user@odata.bind":"…/users('id')","roles":[…]}` */
export const conversationMemberInput = z.object({
  '@odata.type': z.literal('#microsoft.graph.aadUserConversationMember', {
    error: "'@odata.type' must be '#microsoft.graph.aadUserConversationMember'",
  }),
  'user@odata.bind': z.string().min(1),
  roles: z.array(z.string()).default([]),
});
export type ConversationMemberInput = z.infer<typeof conversationMemberInput>;

export const rolesPatch = z.object({
  '@odata.type': z.literal('#microsoft.graph.aadUserConversationMember').optional(),
  roles: z.array(z.string()),
});

/** Resolves `https://graph.microsoft.com/v1.0/users('id-or-upn')` or `…/users/id` to a user of this tenant. */
export function boundUser(ctx: EmulatorContext, bind: string): StoredUser {
  const match = /\/users(\('.+'\)|\/[^/?]+)$/.exec(bind);
  if (!match) throw graphErrors.badRequest(`Invalid 'user@odata.bind' value '${bind}'.`);
  const raw = match[1]!.startsWith('/') ? match[1]!.slice(1) : match[1]!;
  const user = findUser(ctx, userKey(raw));
  if (!user || user.accountEnabled === false)
    throw graphErrors.notFound(`User '${userKey(raw)}' was not found in the tenant or is disabled.`);
  return user;
}

/** Teams' refusal when a guest is named as owner of a team or a channel. */
export const GUEST_OWNER_MESSAGE = 'A guest user cannot be added with the owner role.';

/**
 * Roles of a channel member as channel-post-members documents them: "The role for the user. Must be `owner` or
 * empty." A guest cannot be an owner. Read back, a guest's roles are `['guest']`, as conversationMember says
 * ("if the member is an in-tenant guest, the roles property contains guest").
 */
export function channelMemberRoles(user: StoredUser, requested: string[]): string[] {
  const roles = [...new Set(requested.map((r) => r.toLowerCase()))];
  for (const role of roles)
    if (role !== 'owner')
      throw graphErrors.badRequest(`Role '${role}' is not valid for a channel member: roles must be 'owner' or empty.`);
  if (user.userType === 'Guest') {
    if (roles.includes('owner')) throw graphErrors.badRequest(GUEST_OWNER_MESSAGE);
    return ['guest'];
  }
  return roles;
}

/**
 * Roles of a team member as Teams records them: a guest is always 'guest' and can never be an owner; a member is
 * owner or nothing. Anything else is a 400, as Graph answers it.
 */
export function normalisedRoles(user: StoredUser, requested: string[]): string[] {
  const roles = [...new Set(requested.map((r) => r.toLowerCase()))];
  for (const role of roles)
    if (role !== 'owner' && role !== 'guest')
      throw graphErrors.badRequest(`Role '${role}' is not supported; use [], ['owner'] or ['guest'].`);
  if (user.userType === 'Guest') {
    if (roles.includes('owner')) throw graphErrors.badRequest(GUEST_OWNER_MESSAGE);
    return ['guest'];
  }
  if (roles.includes('guest'))
    throw graphErrors.badRequest(
      `User '${user.userPrincipalName}' is a member of the tenant and cannot have the guest role.`,
    );
  return roles;
}

/** Characters the Teams client refuses in channel names. */
const FORBIDDEN_NAME_CHARACTERS = /[~#%&*{}+/\\:<>?|'"]/;

export function validateChannelName(raw: string): string {
  const name = raw.trim();
  if (name.length === 0) throw graphErrors.badRequest('Channel displayName must not be empty.');
  if (name.length > 50) throw graphErrors.badRequest('Channel name length exceeds the maximum of 50 characters.');
  if (FORBIDDEN_NAME_CHARACTERS.test(name))
    throw graphErrors.badRequest(
      `Channel name contains invalid characters: ~ # % & * { } + / \\ : < > ? | ' " are not allowed.`,
    );
  if (name.startsWith('_')) throw graphErrors.badRequest('Channel name cannot start with an underscore.');
  if (name.endsWith('.')) throw graphErrors.badRequest('Channel name cannot end with a period.');
  return name;
}

const attachmentInput = z.object({
  id: z.string().min(1),
  contentType: z.string().min(1),
  content: z
    .string({ error: 'attachments[].content must be a JSON-encoded string, not an object' })
    .nullable()
    .optional(),
  contentUrl: z.string().nullable().optional(),
  name: z.string().nullable().optional(),
  thumbnailUrl: z.string().nullable().optional(),
  teamsAppId: z.string().nullable().optional(),
});

const identity = z.object({ id: z.string(), displayName: z.string().nullable().optional() }).loose();

const mentionInput = z.object({
  id: z.number().int().min(0),
  mentionText: z.string(),
  mentioned: z
    .object({
      user: identity.optional(),
      application: identity.optional(),
      conversation: identity.optional(),
      tag: identity.optional(),
    })
    .loose(),
});

export const chatMessageInput = z.object({
  body: z.object({ contentType: z.enum(['html', 'text']).default('text'), content: z.string() }),
  subject: z.string().nullable().optional(),
  importance: z.enum(['normal', 'high', 'urgent']).optional(),
  attachments: z.array(attachmentInput).optional(),
  mentions: z.array(mentionInput).optional(),
});
export type ChatMessageInput = z.infer<typeof chatMessageInput>;

/** Graph requires the body to place each attachment and mention it declares. */
export function assertBodyReferences(input: ChatMessageInput): void {
  const content = input.body.content;
  for (const attachment of input.attachments ?? [])
    if (!content.includes(`<attachment id="${attachment.id}"></attachment>`))
      throw graphErrors.badRequest(`Attachment with id '${attachment.id}' is not referenced in the message body.`);
  for (const mention of input.mentions ?? [])
    if (!new RegExp(`<at id=["']?${mention.id}["']?>`).test(content))
      throw graphErrors.badRequest(`Mention with id '${mention.id}' is not referenced in the message body.`);
}

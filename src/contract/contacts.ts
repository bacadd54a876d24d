import { z } from 'zod';
import { ORGANISATION_KINDS } from '../domain/organisations';
import { ROLES } from '../domain/roles';

/** Who is signed in (/api/me), the organisations, the contact list (/api/people) and the commitments check. */

export const contactPatchSchema = z
  .object({
    displayName: z.string().trim().min(1, 'Namnet får inte vara tomt.').max(255).optional(),
    email: z.string().trim().toLowerCase().email('Ogiltig e-postadress.').max(255).optional(),
    organisationId: z.string().trim().min(1).max(64).optional(),
    roles: z.array(z.string()).max(10).optional(),
    title: z.string().trim().max(255).optional(),
    phone: z.string().trim().max(40).optional(),
  })
  .strict();

export type ContactPatch = z.infer<typeof contactPatchSchema>;

// Answers

const personSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  email: z.string(),
  organisationId: z.string(),
  organisationName: z.string().optional(),
  roles: z.array(z.enum(ROLES)),
  title: z.string().nullish(),
  phone: z.string().nullish(),
});

export const meSchema = z.object({
  person: personSchema.extend({ organisationName: z.string() }),
  allowedActions: z.array(z.string()),
});
export type MeDto = z.infer<typeof meSchema>;

export const organisationSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(ORGANISATION_KINDS),
  emailDomain: z.string(),
});
export type OrganisationDto = z.infer<typeof organisationSchema>;

export const contactSchema = personSchema.extend({ etag: z.string() });
export type ContactDto = z.infer<typeof contactSchema>;

/** A changed contact as PATCH /api/people/{id} answers it (the ETag may be absent when SharePoint gave none). */
export const savedContactSchema = contactSchema.partial({ etag: true });
export type SavedContactDto = z.infer<typeof savedContactSchema>;

/** A rule of the samverkan's commitments a roster breaks (GET /api/commitments). */
export const breachSchema = z.object({
  code: z.string(),
  organisationId: z.string().optional(),
  personIds: z.array(z.string()).optional(),
  message: z.string(),
});
export type BreachDto = z.infer<typeof breachSchema>;

/** The tab's configuration (GET /api/config, before sign-in). */
export const tabConfigSchema = z.object({
  mode: z.enum(['local', 'tenant']),
  tenantId: z.string(),
  clientId: z.string(),
  scope: z.string(),
  /** Entra's authority for msal-browser, and in local mode the local tenant's endpoints (openid-configuration JSON). */
  authority: z.string(),
  authorityMetadata: z.string().optional(),
});
export type TabConfigDto = z.infer<typeof tabConfigSchema>;

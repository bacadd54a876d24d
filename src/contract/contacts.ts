import { z } from 'zod';
import { ORGANISATION_KINDS } from '../domain/organisations';
import { ROLES } from '../domain/roles';
import { NOTHING_TO_CHANGE, clearableText, lineText, nonEmpty } from './common';

/** Who is signed in (/api/me), the organisations, the contact list (/api/people) and the commitments check. */

/**
 * Every change of the contact list is checked against the commitments first (#17): `dryRun` answers with the
 * warnings and writes nothing; a change that brings new warnings is saved only with `confirm`.
 */
const rosterFlags = {
  confirm: z.boolean({ error: 'confirm ska vara true eller false.' }).optional(),
  dryRun: z.boolean({ error: 'dryRun ska vara true eller false.' }).optional(),
};

export const contactPatchSchema = z
  .object({
    displayName: lineText().optional(),
    email: z.string().trim().toLowerCase().email('Ogiltig e-postadress.').max(255).optional(),
    organisationId: lineText(64).optional(),
    roles: z.array(z.string()).max(10).optional(),
    // Empty clears the title or the phone number.
    title: clearableText(255).optional(),
    phone: clearableText(40).optional(),
    /** A samordnare whose service is bought from another organisation, recorded as such (#17). */
    boughtInService: z.boolean({ error: 'Ange ja eller nej.' }).optional(),
    ...rosterFlags,
  })
  .strict()
  .refine(({ confirm: _c, dryRun: _d, ...change }) => nonEmpty(change), NOTHING_TO_CHANGE);

export type ContactPatch = z.infer<typeof contactPatchSchema>;

const emailInput = z
  .string({ error: 'Ange e-postadressen.' })
  .trim()
  .toLowerCase()
  .email('Ogiltig e-postadress.')
  .max(255);

/** What a new contact may say besides who it is: roles, title, phone, a bought-in service. */
const newContactExtras = {
  roles: z.array(z.string()).max(10).optional(),
  title: lineText().optional(),
  phone: lineText(40).optional(),
  boughtInService: z.boolean({ error: 'Ange ja eller nej.' }).optional(),
  ...rosterFlags,
};

/**
 * A new contact (POST /api/people): a user of the Region's directory, found by address (a guest's address is
 * their home one), or an external person with name, organisation and address.
 */
export const newContactSchema = z.discriminatedUnion(
  'source',
  [
    z
      .object({ source: z.literal('directory'), email: emailInput, organisationId: lineText(64).optional() })
      .extend(newContactExtras)
      .strict(),
    z
      .object({
        source: z.literal('external'),
        displayName: lineText(),
        email: emailInput,
        organisationId: lineText(64),
      })
      .extend(newContactExtras)
      .strict(),
  ],
  { error: 'Ange källa: directory (katalogen) eller external (extern person).' },
);

export type NewContactInput = z.infer<typeof newContactSchema>;

/** Deactivating a contact (POST /api/people/{id}/deactivate). */
export const deactivateContactSchema = z.object(rosterFlags).strict();
export type DeactivateContactInput = z.infer<typeof deactivateContactSchema>;

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
  /** Set when the person has left: kept for history, with no roles. */
  deactivatedOn: z.string().optional(),
  formerRoles: z.array(z.enum(ROLES)).optional(),
  boughtInService: z.boolean().optional(),
});

export const meSchema = z.object({
  person: personSchema.extend({ organisationName: z.string() }),
  allowedActions: z.array(z.string()),
});
export type MeDto = z.infer<typeof meSchema>;

export const organisationSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The name as a sentence says it, with its genitive ("Bjurholms kommun"); absent where it is the name. */
  officialName: z.string().optional(),
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

/** What a change of the contact list does to the commitments: all warnings after it, and those it brings. */
export const rosterPreviewSchema = z.object({
  breaches: z.array(breachSchema),
  introduced: z.array(breachSchema),
});
export type RosterPreviewDto = z.infer<typeof rosterPreviewSchema>;

/** A change of the contact list as the API answers it (POST /api/people, …/deactivate): the person and the warnings. */
export const contactChangeSchema = rosterPreviewSchema.extend({
  person: contactSchema.partial({ etag: true }),
  saved: z.boolean(),
});
export type ContactChangeDto = z.infer<typeof contactChangeSchema>;

import { z } from 'zod';
import { parseOrThrow, throwIssues } from './validation';
import type { ValidationIssue } from './errors';

export const ORGANISATION_KINDS = ['kommun', 'region', 'lansstyrelse'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, { sv: string; en: string }> = {
  kommun: { sv: 'Kommun', en: 'Municipality' },
  region: { sv: 'Region', en: 'Region' },
  lansstyrelse: { sv: 'Länsstyrelse', en: 'County administrative board' },
};

export interface Organisation {
  id: string;
  name: string;
  /** The full name with the genitive the language wants ("Bjurholms kommun", "Umeå kommun"); else the name. */
  officialName?: string;
  kind: OrganisationKind;
  emailDomain: string;
  isHost?: boolean;
  /** The organisation's own Entra tenant, if its people sign in from it (else they are guests of the Region's). */
  tenantId?: string;
}

export interface OrganisationConfig {
  region: string;
  organisations: Organisation[];
}

const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DOMAIN_RE = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

const TENANT_ID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const organisationSchema = z.object({
  id: z
    .string({ error: 'Organisationens id saknas.' })
    .regex(SLUG_RE, 'Organisationens id ska bestå av små bokstäver a–z, siffror och bindestreck (t.ex. ”umea”).'),
  name: z.string({ error: 'Namnet saknas.' }).trim().min(1, 'Namnet får inte vara tomt.'),
  officialName: z
    .string({ error: 'officialName måste vara text.' })
    .trim()
    .min(1, 'officialName får inte vara tomt.')
    .max(120, 'officialName får vara högst 120 tecken.')
    .optional(),
  kind: z.enum(ORGANISATION_KINDS, {
    error: (issue) =>
      `Okänd organisationstyp: ${issue.input === undefined ? 'saknas' : String(issue.input)}. Tillåtna: kommun, region, lansstyrelse.`,
  }),
  emailDomain: z
    .string({ error: 'E-postdomänen saknas.' })
    .trim()
    .toLowerCase()
    .regex(DOMAIN_RE, 'Ogiltig e-postdomän (t.ex. ”umea.se”).'),
  isHost: z.boolean({ error: 'isHost måste vara true eller false.' }).optional(),
  tenantId: z
    .string({ error: 'tenantId måste vara text.' })
    .trim()
    .toLowerCase()
    .regex(TENANT_ID_RE, 'tenantId ska vara ett Entra-katalog-id (GUID).')
    .optional(),
});

const organisationListSchema = z.array(organisationSchema, { error: 'Organisationerna måste anges som en lista.' });

const configSchema = z.object({
  region: z.string({ error: 'Regionens namn saknas.' }).trim().min(1, 'Regionens namn får inte vara tomt.'),
  organisations: organisationListSchema,
});

function checkList(organisations: Organisation[], pathPrefix: string): void {
  const issues: ValidationIssue[] = [];
  const seenIds = new Set<string>();
  organisations.forEach((org, index) => {
    if (seenIds.has(org.id)) {
      issues.push({
        path: `${pathPrefix}${index}.id`,
        message: `Organisations-id förekommer flera gånger: ${org.id}.`,
      });
    }
    seenIds.add(org.id);
  });
  if (organisations.length === 0) {
    issues.push({ path: pathPrefix.replace(/\.$/, ''), message: 'Listan över organisationer är tom.' });
  }
  const hosts = organisations.filter((org) => org.isHost === true);
  if (organisations.length > 0 && hosts.length !== 1) {
    issues.push({
      path: pathPrefix.replace(/\.$/, ''),
      message:
        hosts.length === 0
          ? 'Ingen organisation är huvudman; exakt en ska ha isHost: true.'
          : `Flera organisationer är huvudman (${hosts.map((h) => h.id).join(', ')}); exakt en ska ha isHost: true.`,
    });
  }
  throwIssues(issues);
}

/** Parses a configuration file `{ region, organisations: [...] }`. */
export function parseOrganisationConfig(json: unknown): OrganisationConfig {
  const config = parseOrThrow(configSchema, json);
  checkList(config.organisations, 'organisations.');
  return config;
}

/** Accepts either the configuration file shape or a bare list of organisations. */
export function parseOrganisations(json: unknown): Organisation[] {
  if (Array.isArray(json)) {
    const list = parseOrThrow(organisationListSchema, json);
    checkList(list, '');
    return list;
  }
  return parseOrganisationConfig(json).organisations;
}

/** The organisation as a sentence names it: "Bjurholms kommun", from the file's officialName (Swedish genitives are not derivable). */
export function officialName(org: Pick<Organisation, 'name' | 'officialName'>): string {
  return org.officialName ?? org.name;
}

export function findOrganisation(organisations: readonly Organisation[], id: string): Organisation | undefined {
  return organisations.find((org) => org.id === id);
}

export function hostOrganisation(organisations: readonly Organisation[]): Organisation | undefined {
  return organisations.find((org) => org.isHost === true);
}

export function kommuner(organisations: readonly Organisation[]): Organisation[] {
  return organisations.filter((org) => org.kind === 'kommun');
}

/** Maps an e-mail address to the organisation owning its domain (sub-domains included). */
export function organisationForEmail(organisations: readonly Organisation[], email: string): Organisation | undefined {
  const domain = email.trim().toLowerCase().split('@')[1];
  if (!domain) return undefined;
  return organisations.find((org) => domain === org.emailDomain || domain.endsWith(`.${org.emailDomain}`));
}

/**
 * The tenants a contact of `organisationId` may sign in from: the organisation's own tenant (from the
 * organisations file) and the Region's, where people of any organisation can be guests. The Region's is the
 * host's `tenantId`, else the deployment's own (`regionTenantId`).
 */
export function acceptedTenantIds(
  organisations: readonly Organisation[],
  organisationId: string,
  regionTenantId: string,
): string[] {
  const host = organisations.find((org) => org.isHost === true);
  const region = (host?.tenantId ?? regionTenantId).toLowerCase();
  const own = organisations.find((org) => org.id === organisationId)?.tenantId;
  return own && own !== region ? [own, region] : [region];
}

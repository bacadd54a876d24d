import type { Contact, OrganisationDto } from '../api';
import { roleName } from '../format';
import type { Language } from '../i18n';

const KIND_ORDER: Record<OrganisationDto['kind'], number> = { region: 0, lansstyrelse: 1, kommun: 2 };

function normalise(text: string): string {
  return text.toLocaleLowerCase('sv-SE').normalize('NFC');
}

export function filterContacts(
  contacts: readonly Contact[],
  organisations: readonly OrganisationDto[],
  query: string,
  role: string,
  language: Language,
  /** Only this organisation's people; '' (or none) for all. */
  organisationId = '',
): Contact[] {
  const words = normalise(query).split(/\s+/).filter(Boolean);
  const orgName = new Map(organisations.map((org) => [org.id, org.name]));
  return contacts.filter((contact) => {
    if (role && !contact.roles.includes(role as Contact['roles'][number])) return false;
    if (organisationId && contact.organisationId !== organisationId) return false;
    const haystack = normalise(
      [
        contact.displayName,
        contact.email,
        contact.title ?? '',
        contact.phone ?? '',
        orgName.get(contact.organisationId) ?? '',
        ...contact.roles.map((r) => roleName(r, language)),
      ].join(' '),
    );
    return words.every((word) => haystack.includes(word));
  });
}

export interface OrganisationGroup {
  organisation: OrganisationDto;
  contacts: Contact[];
}

export function groupByOrganisation(
  contacts: readonly Contact[],
  organisations: readonly OrganisationDto[],
): OrganisationGroup[] {
  const known = new Map(organisations.map((org) => [org.id, org]));
  const groups = new Map<string, OrganisationGroup>();
  for (const contact of contacts) {
    const organisation = known.get(contact.organisationId) ?? {
      id: contact.organisationId,
      name: contact.organisationName ?? contact.organisationId,
      kind: 'kommun' as const,
      emailDomain: '',
    };
    const group = groups.get(organisation.id) ?? { organisation, contacts: [] };
    group.contacts.push(contact);
    groups.set(organisation.id, group);
  }
  const collator = new Intl.Collator('sv-SE');
  return [...groups.values()]
    .sort(
      (a, b) =>
        KIND_ORDER[a.organisation.kind] - KIND_ORDER[b.organisation.kind] ||
        collator.compare(a.organisation.name, b.organisation.name),
    )
    .map((group) => ({
      ...group,
      contacts: group.contacts.sort((a, b) => collator.compare(a.displayName, b.displayName)),
    }));
}

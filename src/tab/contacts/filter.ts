import type { Contact, OrganisationDto } from '../api';
import { roleName } from '../format';
import type { Language } from '../i18n';

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
  const orgName = new Map(organisations.map((org) => [org.id, `${org.name} ${org.officialName ?? ''}`]));
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

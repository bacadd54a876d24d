import { toCsv } from '../../domain/csv';
import { foldVcardLine, vcardText } from '../../domain/vcard';
import type { Contact, OrganisationDto } from '../api';
import { roleName } from '../format';
import type { Language } from '../i18n';

function organisationName(contact: Contact, organisations: readonly OrganisationDto[]): string {
  return organisations.find((org) => org.id === contact.organisationId)?.name ?? contact.organisationName ?? '';
}

/**
 * The contact list as Excel opens it in a Swedish locale (see domain/csv), every field quoted, cells that
 * would read as formulas neutralised.
 */
export function contactsToCsv(
  contacts: readonly Contact[],
  organisations: readonly OrganisationDto[],
  language: Language = 'sv',
): string {
  const header =
    language === 'sv'
      ? ['Namn', 'Organisation', 'Roller', 'Titel', 'E-post', 'Telefon']
      : ['Name', 'Organisation', 'Roles', 'Title', 'Email', 'Phone'];
  const rows = contacts.map((contact) => [
    contact.displayName,
    organisationName(contact, organisations),
    contact.roles.map((role) => roleName(role, language)).join(', '),
    contact.title ?? '',
    contact.email,
    contact.phone ?? '',
  ]);
  return toCsv([header, ...rows], { quote: 'always' });
}

function splitName(displayName: string): { given: string; family: string } {
  const words = displayName.trim().split(/\s+/);
  if (words.length < 2) return { given: displayName.trim(), family: '' };
  return { given: words.slice(0, -1).join(' '), family: words[words.length - 1] ?? '' };
}

/** All contacts as one vCard 4.0 file (RFC 6350), one card each. */
export function contactsToVcard(contacts: readonly Contact[], organisations: readonly OrganisationDto[]): string {
  const cards = contacts.map((contact) => {
    const { given, family } = splitName(contact.displayName);
    const lines = [
      'BEGIN:VCARD',
      'VERSION:4.0',
      `FN:${vcardText(contact.displayName)}`,
      `N:${vcardText(family)};${vcardText(given)};;;`,
      `ORG:${vcardText(organisationName(contact, organisations))}`,
      contact.title ? `TITLE:${vcardText(contact.title)}` : undefined,
      `EMAIL;TYPE=work:${vcardText(contact.email)}`,
      contact.phone ? `TEL;TYPE=work,voice;VALUE=uri:tel:${contact.phone.replace(/[^+0-9]/g, '')}` : undefined,
      contact.roles.length
        ? `NOTE:${vcardText(contact.roles.map((role) => roleName(role, 'sv')).join(', '))}`
        : undefined,
      `UID:${vcardText(contact.id)}`,
      'END:VCARD',
    ];
    return lines
      .filter((line): line is string => line !== undefined)
      .map(foldVcardLine)
      .join('\r\n');
  });
  return cards.join('\r\n') + '\r\n';
}

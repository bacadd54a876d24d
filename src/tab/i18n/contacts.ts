/** Strings of adding and deactivating contacts (#17), spread into the sv/en dictionaries of i18n.tsx. */
const sv = {
  'contacts.add': 'Lägg till kontakt',
  'contacts.add.title': 'Lägg till kontakt',
  'contacts.add.source': 'Varifrån',
  'contacts.add.directory': 'Region Västerbottens katalog (användare eller gäst)',
  'contacts.add.external': 'Extern person',
  'contacts.add.email': 'E-postadress',
  'contacts.add.name': 'Namn',
  'contacts.add.organisation': 'Organisation',
  'contacts.add.organisationFromEmail': 'Enligt e-postadressen',
  'contacts.add.boughtIn': 'Samordnartjänsten är köpt från en annan organisation',
  'contacts.add.submit': 'Lägg till',
  'contacts.added': '{name} är tillagd i kontaktlistan.',
  'contacts.warnings': 'Ändringen ger avvikelser från åtagandena',
  'contacts.warningsHint': 'Kontrollera avvikelserna. Du kan spara ändå.',
  'contacts.saveAnyway': 'Spara ändå',
  'contacts.deactivate': 'Avaktivera',
  'contacts.deactivatePerson': 'Avaktivera {name}',
  'contacts.deactivate.title': 'Avaktivera {name}?',
  'contacts.deactivate.text':
    '{name} finns kvar i kontaktlistan för historiken, men tas bort ur grupperna och får inga fler kallelser.',
  'contacts.deactivate.confirm': 'Ja, avaktivera',
  'contacts.deactivated': '{name} är avaktiverad.',
  'contacts.inactive': 'Avaktiverad {date}',
};

const en: Record<keyof typeof sv, string> = {
  'contacts.add': 'Add contact',
  'contacts.add.title': 'Add contact',
  'contacts.add.source': 'From',
  'contacts.add.directory': "Region Västerbotten's directory (user or guest)",
  'contacts.add.external': 'External person',
  'contacts.add.email': 'E-mail address',
  'contacts.add.name': 'Name',
  'contacts.add.organisation': 'Organisation',
  'contacts.add.organisationFromEmail': 'From the e-mail address',
  'contacts.add.boughtIn': 'The coordinator service is bought from another organisation',
  'contacts.add.submit': 'Add',
  'contacts.added': '{name} is added to the contact list.',
  'contacts.warnings': 'The change departs from the commitments',
  'contacts.warningsHint': 'Check the departures. You can save anyway.',
  'contacts.saveAnyway': 'Save anyway',
  'contacts.deactivate': 'Deactivate',
  'contacts.deactivatePerson': 'Deactivate {name}',
  'contacts.deactivate.title': 'Deactivate {name}?',
  'contacts.deactivate.text':
    '{name} stays in the contact list for the record, but leaves the groups and gets no further invitations.',
  'contacts.deactivate.confirm': 'Yes, deactivate',
  'contacts.deactivated': '{name} is deactivated.',
  'contacts.inactive': 'Deactivated {date}',
};

export const contactsMessages = { sv, en };

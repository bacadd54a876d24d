/** Kontakter: the people of the samverkan, their organisations and roles. */
export { ContactsService, toRecord } from './service';
export type { ContactFields, ContactRecord, NewContact } from './service';
export { ContactChanges } from './changes';
export type { ContactChange } from './changes';

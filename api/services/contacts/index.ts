/** Kontakter: the people of the samverkan, their organisations and roles. */
export { contactPatchSchema, ContactsService, toRecord } from './service';
export type { ContactFields, ContactRecord, NewContact } from './service';

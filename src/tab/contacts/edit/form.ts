import { z } from 'zod';
import { ROLES, type Role } from '../../../domain/roles';
import type { Contact, PersonPatch } from '../../api';
import type { MessageKey } from '../../i18n';

const PHONE_RE = /^\+?[0-9 ()-]{5,20}$/;

export interface ContactForm {
  displayName: string;
  title: string;
  phone: string;
  roles: Role[];
}

const formSchema = z.object({
  displayName: z.string().trim().min(1, { error: 'contacts.nameRequired' }),
  title: z.string().trim().max(255, { error: 'contacts.titleTooLong' }),
  phone: z
    .string()
    .trim()
    .refine((phone) => phone === '' || PHONE_RE.test(phone), { error: 'contacts.phoneInvalid' }),
  roles: z.array(z.enum(ROLES)),
});

export type FieldErrors = Partial<Record<keyof ContactForm, MessageKey>>;

export function validateContactForm(
  form: ContactForm,
): { ok: true; value: ContactForm } | { ok: false; errors: FieldErrors } {
  const parsed = formSchema.safeParse(form);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as keyof ContactForm;
    errors[field] ??= issue.message as MessageKey;
  }
  return { ok: false, errors };
}

export function formOf(contact: Contact): ContactForm {
  return {
    displayName: contact.displayName,
    title: contact.title ?? '',
    phone: contact.phone ?? '',
    roles: [...contact.roles],
  };
}

/** Only what the user changed is sent, so that a field nobody touched is never written back. */
export function patchFor(original: Contact, form: ContactForm): PersonPatch {
  const patch: PersonPatch = {};
  if (form.displayName !== original.displayName) patch.displayName = form.displayName;
  // An emptied field is sent as '' so that the server clears it.
  if (form.title !== (original.title ?? '')) patch.title = form.title;
  if (form.phone !== (original.phone ?? '')) patch.phone = form.phone;
  const sortedRoles = (roles: readonly string[]) => [...roles].sort().join(',');
  if (sortedRoles(form.roles) !== sortedRoles(original.roles)) patch.roles = form.roles;
  return patch;
}

import { useState, type FormEvent } from 'react';
import { ROLES, type Role } from '../../../domain/roles';
import { conflictCurrent, type ApiError, type Contact } from '../../api';
import { useI18n } from '../../i18n';
import { useServices } from '../../services';
import { asApiError } from '../../ui/errors';
import { formOf, patchFor, validateContactForm, type ContactForm, type FieldErrors } from './form';

/**
 * The edit's state: the contact it started from (`base`), the form, its errors, and a conflict with a newer
 * version that the user can load in place of `base`.
 */
export function useEditContact(contact: Contact, onClose: () => void, onSaved: (name: string) => void) {
  const { t } = useI18n();
  const { api } = useServices();
  const [base, setBase] = useState<Contact>(contact);
  const [form, setForm] = useState<ContactForm>(() => formOf(contact));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<ApiError>();
  const [conflict, setConflict] = useState<Contact>();
  const [notice, setNotice] = useState<string>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(undefined);
    const result = validateContactForm(form);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setFailure(undefined);
    const patch = patchFor(base, result.value);
    if (Object.keys(patch).length === 0) {
      onClose();
      return;
    }
    setSaving(true);
    try {
      await api.updatePerson(base.id, base.etag, patch);
      onSaved(result.value.displayName);
    } catch (error) {
      const apiError = asApiError(error);
      if (apiError.code === 'CONFLICT') {
        const current = conflictCurrent(apiError) ?? (await api.people().catch(() => [])).find((p) => p.id === base.id);
        setConflict(current);
      }
      setFailure(apiError);
    } finally {
      setSaving(false);
    }
  };

  const loadNewer = () => {
    if (!conflict) return;
    setBase(conflict);
    setForm(formOf(conflict));
    setConflict(undefined);
    setFailure(undefined);
    setNotice(t('contacts.reloaded'));
  };

  const toggleRole = (role: Role, checked: boolean) =>
    setForm((f) => ({
      ...f,
      roles: checked ? ROLES.filter((r) => r === role || f.roles.includes(r)) : f.roles.filter((r) => r !== role),
    }));

  return { base, form, setForm, errors, saving, failure, conflict, notice, submit, loadNewer, toggleRole };
}

export type EditContactState = ReturnType<typeof useEditContact>;

import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { ROLES, type Role } from '../../domain/roles';
import { ApiError, conflictCurrent, type Contact, type PersonPatch } from '../api';
import { roleName } from '../format';
import { useI18n, type MessageKey } from '../i18n';
import { useServices } from '../services';
import { asApiError } from '../ui/errors';

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

type FieldErrors = Partial<Record<keyof ContactForm, MessageKey>>;

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

function formOf(contact: Contact): ContactForm {
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

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  roles: { border: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0, marginBottom: tokens.spacingVerticalXS },
  current: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    margin: `${tokens.spacingVerticalS} 0 0`,
    '& dt': { fontWeight: tokens.fontWeightSemibold },
    '& dd': { margin: 0 },
  },
});

/** Longer than tabster's own 250 ms deferred update of aria-hidden. */
const RESTORE_AFTER_CLOSE_MS = 300;

interface EditContactProps {
  onClose(): void;
  onSaved(name: string): void;
}

/**
 * The coordinator's edit dialog. It stays mounted and is opened and closed through `open`: unmounting a
 * modal Fluent dialog outright can leave the rest of the page hidden from assistive technology.
 */
export function EditContactDialog({
  contact,
  open,
  returnFocusTo,
  onClose,
  onSaved,
}: EditContactProps & { contact?: Contact; open: boolean; returnFocusTo?: HTMLElement | null }) {
  useEffect(() => {
    if (open) return;
    // Fluent's modal (tabster's modalizer) can leave aria-hidden on the app root after it closes
    // (microsoft/fluentui#35139, microsoft/tabster#530): the page would stay invisible to screen readers.
    const timer = window.setTimeout(() => {
      document.getElementById('root')?.removeAttribute('aria-hidden');
      if (returnFocusTo?.isConnected) returnFocusTo.focus();
    }, RESTORE_AFTER_CLOSE_MS);
    return () => window.clearTimeout(timer);
  }, [open, returnFocusTo]);
  return (
    <Dialog open={open && contact !== undefined} onOpenChange={(_, data) => !data.open && onClose()} modalType="modal">
      <DialogSurface aria-describedby={undefined}>
        {contact && (
          <EditContactForm
            key={`${contact.id}:${contact.etag}`}
            contact={contact}
            onClose={onClose}
            onSaved={onSaved}
          />
        )}
      </DialogSurface>
    </Dialog>
  );
}

function EditContactForm({ contact, onClose, onSaved }: EditContactProps & { contact: Contact }) {
  const { t, language } = useI18n();
  const { api } = useServices();
  const styles = useStyles();
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

  return (
    <form onSubmit={submit} noValidate>
      <DialogBody>
        <DialogTitle>{t('contacts.editPerson', { name: base.displayName })}</DialogTitle>
        <DialogContent className={styles.form}>
          <div aria-live="polite">
            {notice && (
              <MessageBar intent="success">
                <MessageBarBody>{notice}</MessageBarBody>
              </MessageBar>
            )}
          </div>
          <div role="alert">
            {failure && failure.code === 'CONFLICT' && (
              <MessageBar intent="warning" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>{t('contacts.conflictTitle')}</MessageBarTitle>
                  <span lang="sv">{failure.message}</span> {t('contacts.conflictText')}
                  {conflict && (
                    <dl className={styles.current}>
                      <dt>{t('contacts.name')}</dt>
                      <dd>{conflict.displayName}</dd>
                      <dt>{t('contacts.jobTitle')}</dt>
                      <dd>{conflict.title || t('contacts.noValue')}</dd>
                      <dt>{t('contacts.phone')}</dt>
                      <dd>{conflict.phone || t('contacts.noValue')}</dd>
                      <dt>{t('contacts.roles')}</dt>
                      <dd>{conflict.roles.map((r) => roleName(r, language)).join(', ') || t('contacts.noValue')}</dd>
                    </dl>
                  )}
                </MessageBarBody>
                {conflict && (
                  <MessageBarActions>
                    <Button onClick={loadNewer}>{t('contacts.reload')}</Button>
                  </MessageBarActions>
                )}
              </MessageBar>
            )}
            {failure && failure.code !== 'CONFLICT' && (
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody>
                  <MessageBarTitle>{t('errorTitle')}</MessageBarTitle>
                  <span lang="sv">{failure.message}</span>
                  {failure.issues && (
                    <ul lang="sv">
                      {failure.issues.map((issue, index) => (
                        <li key={index}>{issue.message}</li>
                      ))}
                    </ul>
                  )}
                </MessageBarBody>
              </MessageBar>
            )}
          </div>
          <Field label={t('contacts.name')} required validationMessage={errors.displayName && t(errors.displayName)}>
            <Input
              value={form.displayName}
              onChange={(_, data) => setForm((f) => ({ ...f, displayName: data.value }))}
              autoComplete="name"
            />
          </Field>
          <Field label={t('contacts.jobTitle')} validationMessage={errors.title && t(errors.title)}>
            <Input
              value={form.title}
              onChange={(_, data) => setForm((f) => ({ ...f, title: data.value }))}
              autoComplete="organization-title"
            />
          </Field>
          <Field label={t('contacts.phone')} validationMessage={errors.phone && t(errors.phone)}>
            <Input
              type="tel"
              value={form.phone}
              onChange={(_, data) => setForm((f) => ({ ...f, phone: data.value }))}
              autoComplete="tel"
            />
          </Field>
          <fieldset className={styles.roles}>
            <legend className={styles.legend}>{t('contacts.roles')}</legend>
            {ROLES.map((role) => (
              <Checkbox
                key={role}
                label={roleName(role, language)}
                checked={form.roles.includes(role)}
                onChange={(_, data) => toggleRole(role, data.checked === true)}
              />
            ))}
          </fieldset>
        </DialogContent>
        <DialogActions>
          <Button appearance="primary" type="submit" disabled={saving || conflict !== undefined}>
            {saving ? t('contacts.saving') : t('contacts.save')}
          </Button>
          <Button onClick={onClose}>{t('contacts.cancel')}</Button>
        </DialogActions>
      </DialogBody>
    </form>
  );
}

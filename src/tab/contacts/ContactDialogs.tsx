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
  MessageBarBody,
  MessageBarTitle,
  Select,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { ROLES, type Role } from '../../domain/roles';
import type { BreachDto, NewContactInput } from '../../contract';
import type { Contact, OrganisationDto } from '../api';
import { roleName } from '../format';
import { useI18n } from '../i18n';
import { useServices } from '../services';
import { asApiError } from '../ui/errors';
import { FormDialog } from '../ui/FormDialog';
import { contactChangesApi, type ContactChangeDto } from './api';

/** The warnings a change brings, shown before it is saved. */
function Warnings({ breaches }: { breaches: readonly BreachDto[] }) {
  const { t } = useI18n();
  if (breaches.length === 0) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('contacts.warnings')}</MessageBarTitle>
        <ul>
          {breaches.map((b) => (
            <li key={`${b.code}-${b.organisationId ?? ''}`}>{b.message}</li>
          ))}
        </ul>
        {t('contacts.warningsHint')}
      </MessageBarBody>
    </MessageBar>
  );
}

function ErrorBar({ message }: { message: string }) {
  return (
    <MessageBar intent="error">
      <MessageBarBody>{message}</MessageBarBody>
    </MessageBar>
  );
}

interface AddForm {
  source: 'directory' | 'external';
  email: string;
  displayName: string;
  organisationId: string;
  roles: Role[];
  boughtInService: boolean;
}

const EMPTY: AddForm = {
  source: 'directory',
  email: '',
  displayName: '',
  organisationId: '',
  roles: [],
  boughtInService: false,
};

function requestOf(form: AddForm): NewContactInput {
  const extras = {
    roles: form.roles,
    ...(form.roles.includes('samordnare') && form.boughtInService ? { boughtInService: true } : {}),
  };
  return form.source === 'directory'
    ? {
        source: 'directory',
        email: form.email,
        ...(form.organisationId ? { organisationId: form.organisationId } : {}),
        ...extras,
      }
    : {
        source: 'external',
        email: form.email,
        displayName: form.displayName,
        organisationId: form.organisationId,
        ...extras,
      };
}

function AddContactFields({
  form,
  set,
  organisations,
}: {
  form: AddForm;
  set: (patch: Partial<AddForm>) => void;
  organisations: readonly OrganisationDto[];
}) {
  const { t, language } = useI18n();
  const external = form.source === 'external';
  return (
    <>
      <Field label={t('contacts.add.source')}>
        <Select value={form.source} onChange={(_, d) => set({ source: d.value as AddForm['source'] })}>
          <option value="directory">{t('contacts.add.directory')}</option>
          <option value="external">{t('contacts.add.external')}</option>
        </Select>
      </Field>
      <Field label={t('contacts.add.email')} required>
        <Input type="email" value={form.email} onChange={(_, d) => set({ email: d.value })} />
      </Field>
      {external && (
        <Field label={t('contacts.add.name')} required>
          <Input value={form.displayName} onChange={(_, d) => set({ displayName: d.value })} />
        </Field>
      )}
      <Field label={t('contacts.add.organisation')} required={external}>
        <Select value={form.organisationId} onChange={(_, d) => set({ organisationId: d.value })}>
          {!external && <option value="">{t('contacts.add.organisationFromEmail')}</option>}
          {external && <option value="" />}
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </Select>
      </Field>
      <fieldset>
        <legend>{t('contacts.roles')}</legend>
        {ROLES.map((role) => (
          <Checkbox
            key={role}
            label={roleName(role, language)}
            checked={form.roles.includes(role)}
            onChange={(_, d) =>
              set({ roles: d.checked ? [...form.roles, role] : form.roles.filter((r) => r !== role) })
            }
          />
        ))}
      </fieldset>
      {form.roles.includes('samordnare') && (
        <Checkbox
          label={t('contacts.add.boughtIn')}
          checked={form.boughtInService}
          onChange={(_, d) => set({ boughtInService: d.checked === true })}
        />
      )}
    </>
  );
}

/** The samordnare adds a person: the commitments are checked first (a dry run); warnings need "Spara ändå". */
export function AddContactDialog({
  open,
  organisations,
  onClose,
  onSaved,
}: {
  open: boolean;
  organisations: readonly OrganisationDto[];
  onClose(): void;
  onSaved(name: string): void;
}) {
  const { t } = useI18n();
  const { api } = useServices();
  const [form, setForm] = useState<AddForm>(EMPTY);
  const [checked, setChecked] = useState<ContactChangeDto>();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<AddForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setChecked(undefined);
  };
  const submit = async () => {
    setBusy(true);
    setError('');
    try {
      const changes = contactChangesApi(api);
      const request = requestOf(form);
      // Warnings already shown: the samordnare saves in spite of them.
      const preview = checked ?? (await changes.add({ ...request, dryRun: true }));
      if (!checked && preview.introduced.length > 0) return setChecked(preview);
      const saved = await changes.add({ ...request, ...(checked ? { confirm: true } : {}) });
      setForm(EMPTY);
      setChecked(undefined);
      onSaved(saved.person.displayName);
    } catch (caught) {
      setError(asApiError(caught).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <FormDialog
      open={open}
      title={t('contacts.add.title')}
      submitLabel={checked ? t('contacts.saveAnyway') : t('contacts.add.submit')}
      cancelLabel={t('contacts.cancel')}
      busy={busy}
      onSubmit={() => void submit()}
      onCancel={onClose}
      footer={
        <>
          {checked && <Warnings breaches={checked.introduced} />}
          {error && <ErrorBar message={error} />}
        </>
      }
    >
      <AddContactFields form={form} set={set} organisations={organisations} />
    </FormDialog>
  );
}

/** Confirmation before a person is deactivated, with the warnings it brings (a kommun left without anyone). */
export function DeactivateContactDialog({
  contact,
  open,
  onClose,
  onDone,
}: {
  contact: Contact;
  open: boolean;
  onClose(): void;
  onDone(name: string): void;
}) {
  const { t } = useI18n();
  const { api } = useServices();
  const [preview, setPreview] = useState<ContactChangeDto>();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!open) return;
    let live = true;
    contactChangesApi(api)
      .deactivate(contact.id, contact.etag, { dryRun: true })
      .then((answer) => live && setPreview(answer))
      .catch((caught: unknown) => live && setError(asApiError(caught).message));
    return () => {
      live = false;
    };
  }, [api, contact, open]);
  const confirm = async () => {
    setBusy(true);
    try {
      await contactChangesApi(api).deactivate(contact.id, contact.etag, { confirm: true });
      onDone(contact.displayName);
    } catch (caught) {
      setError(asApiError(caught).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('contacts.deactivate.title', { name: contact.displayName })}</DialogTitle>
          <DialogContent>
            <p>{t('contacts.deactivate.text', { name: contact.displayName })}</p>
            {preview && <Warnings breaches={preview.introduced} />}
            {error && <ErrorBar message={error} />}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={busy || !preview} onClick={() => void confirm()}>
              {t('contacts.deactivate.confirm')}
            </Button>
            <Button onClick={onClose}>{t('contacts.cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

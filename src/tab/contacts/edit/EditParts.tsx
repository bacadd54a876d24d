import {
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { ROLES } from '../../../domain/roles';
import type { ApiError, Contact } from '../../api';
import { roleName } from '../../format';
import { useI18n } from '../../i18n';
import { useEditContactStyles } from './styles';
import type { EditContactState } from './useEditContact';

/** A conflict with the newer version (shown, with a button to load it) or any other failure of the save. */
export function EditFailure({
  failure,
  conflict,
  onLoadNewer,
}: {
  failure: ApiError | undefined;
  conflict: Contact | undefined;
  onLoadNewer(): void;
}) {
  const { t } = useI18n();
  return (
    <div role="alert">
      {failure && failure.code === 'CONFLICT' && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('contacts.conflictTitle')}</MessageBarTitle>
            <span lang="sv">{failure.message}</span> {t('contacts.conflictText')}
            {conflict && <NewerVersion contact={conflict} />}
          </MessageBarBody>
          {conflict && (
            <MessageBarActions>
              <Button onClick={onLoadNewer}>{t('contacts.reload')}</Button>
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
  );
}

function NewerVersion({ contact }: { contact: Contact }) {
  const { t, language } = useI18n();
  const styles = useEditContactStyles();
  return (
    <dl className={styles.current}>
      <dt>{t('contacts.name')}</dt>
      <dd>{contact.displayName}</dd>
      <dt>{t('contacts.jobTitle')}</dt>
      <dd>{contact.title || t('contacts.noValue')}</dd>
      <dt>{t('contacts.phone')}</dt>
      <dd>{contact.phone || t('contacts.noValue')}</dd>
      <dt>{t('contacts.roles')}</dt>
      <dd>{contact.roles.map((r) => roleName(r, language)).join(', ') || t('contacts.noValue')}</dd>
    </dl>
  );
}

/** Name, job title, phone and roles. */
export function ContactFields({ edit: { form, setForm, errors, toggleRole } }: { edit: EditContactState }) {
  const { t, language } = useI18n();
  const styles = useEditContactStyles();
  return (
    <>
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
    </>
  );
}

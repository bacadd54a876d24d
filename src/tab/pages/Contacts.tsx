import { useMemo, useState } from 'react';
import type { Me } from '../api';
import { OpenContactDialog } from '../contacts/OpenContactDialog';
import { ContactsToolbar } from '../contacts/ContactsToolbar';
import { useContactExports } from '../contacts/useContactExports';
import { useContactList } from '../contacts/useContactList';
import { ContactTable } from '../contacts/ContactTable';
import { useContactDialogs } from '../contacts/useContactDialogs';
import { useI18n } from '../i18n';
import { ErrorMessage, Loading } from '../ui/status';
import { PageHeading } from '../ui/PageHeading';

export { filterContacts } from '../contacts/filter';

export function ContactsPage({ me }: { me: Me }) {
  const { t } = useI18n();
  const { data, visible, organisationName, filters } = useContactList();
  const { query, setQuery, role, setRole, organisationId, setOrganisationId } = filters;
  const [announcement, setAnnouncement] = useState('');
  const dialogs = useContactDialogs();
  const canEdit = me.allowedActions.includes('contacts.edit');

  const { exportCsv, exportVcard } = useContactExports(
    visible,
    data.status === 'ready' ? data.data.organisations : undefined,
    setAnnouncement,
  );
  const actions = useMemo(
    () => ({ edit: dialogs.openEditor, deactivate: dialogs.openLeaving }),
    [dialogs.openEditor, dialogs.openLeaving],
  );
  const done = (message: string) => {
    setAnnouncement(message);
    data.reload();
  };

  return (
    <>
      <PageHeading>{t('contacts.title')}</PageHeading>
      {data.status === 'loading' && <Loading />}
      {data.status === 'error' && <ErrorMessage error={data.error} onRetry={data.reload} />}
      {data.status === 'ready' && (
        <>
          <ContactsToolbar
            query={query}
            onQuery={setQuery}
            role={role}
            onRole={setRole}
            organisations={data.data.organisations}
            organisationId={organisationId}
            onOrganisation={setOrganisationId}
            canEdit={canEdit}
            onAdd={dialogs.openAdding}
            exportable={visible.length > 0}
            onExportCsv={exportCsv}
            onExportVcard={exportVcard}
          />
          <p role="status" aria-live="polite">
            {t('contacts.count', { count: visible.length })}
            {announcement && ` ${announcement}`}
          </p>
          <ContactTable
            contacts={visible}
            organisationName={organisationName}
            canEdit={canEdit}
            actions={actions}
            emptyMessage={
              data.data.people.length > 0
                ? t('contacts.none')
                : canEdit
                  ? t('contacts.emptyAction')
                  : t('contacts.empty')
            }
          />
          <OpenContactDialog
            dialogs={dialogs}
            canEdit={canEdit}
            organisations={data.data.organisations}
            onDone={done}
          />
        </>
      )}
    </>
  );
}

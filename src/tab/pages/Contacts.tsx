import { useMemo, useState } from 'react';
import type { Me } from '../api';
import { OpenContactDialog } from '../contacts/OpenContactDialog';
import { ContactsToolbar } from '../contacts/ContactsToolbar';
import { useContactExports } from '../contacts/useContactExports';
import { filterContacts, groupByOrganisation } from '../contacts/filter';
import { OrganisationTable } from '../contacts/OrganisationTable';
import { useContactDialogs } from '../contacts/useContactDialogs';
import { useI18n } from '../i18n';
import { useLoad } from '../services';
import { ErrorMessage, Loading } from '../ui/status';
import { PageHeading } from '../ui/PageHeading';

export { filterContacts } from '../contacts/filter';

export function ContactsPage({ me }: { me: Me }) {
  const { t, language } = useI18n();
  const data = useLoad(async (api) => {
    const [people, organisations] = await Promise.all([api.people(), api.organisations()]);
    return { people, organisations };
  });
  const [query, setQuery] = useState('');
  const [role, setRole] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const dialogs = useContactDialogs();
  const canEdit = me.allowedActions.includes('contacts.edit');

  const { visible, groups } = useMemo(() => {
    if (data.status !== 'ready') return { visible: [], groups: [] };
    const { people, organisations } = data.data;
    const shown = filterContacts(people, organisations, query, role, language, organisationId);
    return { visible: shown, groups: groupByOrganisation(shown, organisations) };
  }, [data, query, role, organisationId, language]);

  const { exportCsv, exportVcard } = useContactExports(
    visible,
    data.status === 'ready' ? data.data.organisations : undefined,
    setAnnouncement,
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
          {data.data.people.length === 0 && <p>{t('contacts.empty')}</p>}
          {data.data.people.length > 0 && visible.length === 0 && <p>{t('contacts.none')}</p>}
          {groups.map((group) => (
            <OrganisationTable
              key={group.organisation.id}
              group={group}
              canEdit={canEdit}
              actions={{ edit: dialogs.openEditor, deactivate: dialogs.openLeaving }}
            />
          ))}
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

import { useMemo, useState } from 'react';
import type { Me, OrganisationDto } from '../api';
import { OpenContactDialog } from '../contacts/OpenContactDialog';
import { ContactsToolbar } from '../contacts/ContactsToolbar';
import { contactsToCsv, contactsToVcard } from '../contacts/export';
import { filterContacts, groupByOrganisation } from '../contacts/filter';
import { OrganisationTable } from '../contacts/OrganisationTable';
import { useContactDialogs } from '../contacts/useContactDialogs';
import { useI18n } from '../i18n';
import { useLoad } from '../services';
import { ErrorMessage, Loading } from '../ui/status';
import { CSV_MIME_TYPE } from '../../domain/csv';
import { saveText } from '../ui/saveBlob';
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
  const [announcement, setAnnouncement] = useState('');
  const dialogs = useContactDialogs();
  const canEdit = me.allowedActions.includes('contacts.edit');

  const visible = useMemo(
    () =>
      data.status === 'ready' ? filterContacts(data.data.people, data.data.organisations, query, role, language) : [],
    [data, query, role, language],
  );
  const groups = useMemo(
    () => (data.status === 'ready' ? groupByOrganisation(visible, data.data.organisations) : []),
    [data, visible],
  );

  const exportFile = (file: string, content: (organisations: OrganisationDto[]) => string, type: string) => {
    if (data.status !== 'ready') return;
    saveText(file, content(data.data.organisations), type);
    setAnnouncement(t('contacts.exported', { file }));
  };
  const exportCsv = () =>
    exportFile('kontakter.csv', (organisations) => contactsToCsv(visible, organisations, language), CSV_MIME_TYPE);
  const exportVcard = () =>
    exportFile('kontakter.vcf', (organisations) => contactsToVcard(visible, organisations), 'text/vcard;charset=utf-8');
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

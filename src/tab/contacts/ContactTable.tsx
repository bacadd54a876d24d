import { Button, Link } from '@fluentui/react-components';
import { EditRegular, PersonDeleteRegular } from '@fluentui/react-icons';
import { useMemo } from 'react';
import type { Contact } from '../api';
import { formatDay, roleName } from '../format';
import { useI18n } from '../i18n';
import { DataTable, type DataColumn } from '../ui/DataTable';
import { byText } from '../ui/sortBy';
import { useContactsStyles } from './styles';
import { TableScroll } from '../ui/TableScroll';

export interface RowActions {
  edit(contact: Contact, button: HTMLElement): void;
  deactivate(contact: Contact): void;
}

/**
 * Every contact in one table (#18): name, organisation (by its name), roles (by their Swedish names), title, e-mail
 * and phone, sortable by name, organisation, roles and title in Swedish order; the coordinator's edit and deactivate
 * buttons per row. The page filters it (search, organisation, role); an empty list says why it is empty.
 */
export function ContactTable({
  contacts,
  organisationName,
  canEdit,
  actions,
  emptyMessage,
}: {
  contacts: readonly Contact[];
  organisationName(contact: Contact): string;
  canEdit: boolean;
  actions: RowActions;
  emptyMessage: string;
}) {
  const { t } = useI18n();
  const styles = useContactsStyles();
  const columns = useContactColumns(canEdit, actions, organisationName);
  return (
    <TableScroll label={t('contacts.list')}>
      <DataTable
        items={contacts}
        columns={columns}
        getRowId={(contact) => contact.id}
        label={t('contacts.list')}
        emptyMessage={emptyMessage}
        defaultSort={{ columnId: 'name', direction: 'ascending' }}
        className={styles.table}
        rowClassName={styles.row}
      />
    </TableScroll>
  );
}

function useContactColumns(
  canEdit: boolean,
  actions: RowActions,
  organisationName: (contact: Contact) => string,
): DataColumn<Contact>[] {
  const { t, language } = useI18n();
  const styles = useContactsStyles();
  return useMemo(() => {
    const roles = (contact: Contact) =>
      contact.deactivatedOn
        ? t('contacts.inactive', { date: formatDay(contact.deactivatedOn, language) })
        : contact.roles.map((r) => roleName(r, language)).join(', ') || t('contacts.noValue');
    const columns: DataColumn<Contact>[] = [
      {
        id: 'name',
        header: t('contacts.name'),
        cell: (contact) => <span className={styles.nameCell}>{contact.displayName}</span>,
        compare: byText((contact) => contact.displayName),
      },
      {
        id: 'organisation',
        header: t('contacts.organisation'),
        cell: organisationName,
        compare: byText(organisationName),
      },
      { id: 'roles', header: t('contacts.roles'), cell: roles, compare: byText(roles) },
      {
        id: 'title',
        header: t('contacts.jobTitle'),
        cell: (contact) => contact.title || t('contacts.noValue'),
        compare: byText((contact) => contact.title),
      },
      // E-mail and phone in one column, so that the list fits the personal tab's width without scrolling.
      {
        id: 'reach',
        header: t('contacts.reach'),
        cell: (contact) => (
          <>
            <Link href={`mailto:${contact.email}`}>{contact.email}</Link>
            {contact.phone && <div>{contact.phone}</div>}
          </>
        ),
      },
    ];
    if (!canEdit) return columns;
    return [
      ...columns,
      {
        id: 'actions',
        header: t('contacts.actions'),
        cell: (contact) => <ContactActions contact={contact} actions={actions} />,
        nowrap: true,
      },
    ];
  }, [t, language, styles, canEdit, actions, organisationName]);
}

function ContactActions({ contact, actions }: { contact: Contact; actions: RowActions }) {
  const { t } = useI18n();
  return (
    <>
      <Button
        size="small"
        icon={<EditRegular />}
        appearance="subtle"
        aria-label={t('contacts.editPerson', { name: contact.displayName })}
        title={t('contacts.edit')}
        onClick={(event) => actions.edit(contact, event.currentTarget)}
      />
      {!contact.deactivatedOn && (
        <Button
          size="small"
          icon={<PersonDeleteRegular />}
          appearance="subtle"
          aria-label={t('contacts.deactivatePerson', { name: contact.displayName })}
          title={t('contacts.deactivate')}
          onClick={() => actions.deactivate(contact)}
        />
      )}
    </>
  );
}

import { Button, Link } from '@fluentui/react-components';
import { EditRegular, PersonDeleteRegular } from '@fluentui/react-icons';
import { useMemo } from 'react';
import type { Contact } from '../api';
import { formatDay, roleName } from '../format';
import { useI18n } from '../i18n';
import { DataTable, type DataColumn } from '../ui/DataTable';
import { ShowAllButton, useShowAll } from '../ui/ShowAll';
import { byText } from '../ui/sortBy';
import { usePageStyles } from '../ui/styles';
import type { OrganisationGroup } from './filter';
import { useContactsStyles } from './styles';
import { TableScroll } from '../ui/TableScroll';

export interface RowActions {
  edit(contact: Contact, button: HTMLElement): void;
  deactivate(contact: Contact): void;
}

/** How many people an organisation's table shows before "Visa alla N kontakter". */
export const CONTACTS_SHOWN = 12;

/**
 * One organisation's people as a table, sortable by name, roles and title (Swedish order); the coordinator's edit
 * and deactivate buttons per row. A long list is collapsed with its count.
 */
export function OrganisationTable({
  group: { organisation, contacts },
  canEdit,
  actions,
}: {
  group: OrganisationGroup;
  canEdit: boolean;
  actions: RowActions;
}) {
  const { t } = useI18n();
  const page = usePageStyles();
  const styles = useContactsStyles();
  const columns = useContactColumns(canEdit, actions);
  const shown = useShowAll(contacts, CONTACTS_SHOWN);
  return (
    <section aria-labelledby={`org-${organisation.id}`} className={page.section}>
      <h2 id={`org-${organisation.id}`} className={page.sectionHeading}>
        {organisation.name}
      </h2>
      <TableScroll labelledBy={`org-${organisation.id}`}>
        <DataTable
          items={shown.visible}
          columns={columns}
          getRowId={(contact) => contact.id}
          label={organisation.name}
          emptyMessage={t('contacts.none')}
          className={styles.table}
          rowClassName={styles.row}
        />
      </TableScroll>
      <ShowAllButton
        state={shown}
        showAllLabel={t('contacts.showAll', { count: contacts.length })}
        showFewerLabel={t('contacts.showFewer')}
      />
    </section>
  );
}

function useContactColumns(canEdit: boolean, actions: RowActions): DataColumn<Contact>[] {
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
      { id: 'roles', header: t('contacts.roles'), cell: roles, compare: byText(roles) },
      {
        id: 'title',
        header: t('contacts.jobTitle'),
        cell: (contact) => contact.title || t('contacts.noValue'),
        compare: byText((contact) => contact.title),
      },
      {
        id: 'email',
        header: t('contacts.email'),
        cell: (contact) => <Link href={`mailto:${contact.email}`}>{contact.email}</Link>,
      },
      { id: 'phone', header: t('contacts.phone'), cell: (contact) => contact.phone || t('contacts.noValue') },
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
  }, [t, language, styles, canEdit, actions]);
}

function ContactActions({ contact, actions }: { contact: Contact; actions: RowActions }) {
  const { t } = useI18n();
  return (
    <>
      <Button
        size="small"
        icon={<EditRegular />}
        aria-label={t('contacts.editPerson', { name: contact.displayName })}
        onClick={(event) => actions.edit(contact, event.currentTarget)}
      >
        {t('contacts.edit')}
      </Button>
      {!contact.deactivatedOn && (
        <Button
          size="small"
          icon={<PersonDeleteRegular />}
          aria-label={t('contacts.deactivatePerson', { name: contact.displayName })}
          onClick={() => actions.deactivate(contact)}
        >
          {t('contacts.deactivate')}
        </Button>
      )}
    </>
  );
}

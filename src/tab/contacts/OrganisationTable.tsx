import {
  Button,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { EditRegular, PersonDeleteRegular } from '@fluentui/react-icons';
import type { Contact } from '../api';
import { roleName } from '../format';
import { useI18n } from '../i18n';
import { usePageStyles } from '../ui/styles';
import type { OrganisationGroup } from './filter';
import { useContactsStyles } from './styles';
import { TableScroll } from '../ui/TableScroll';

export interface RowActions {
  edit(contact: Contact, button: HTMLElement): void;
  deactivate(contact: Contact): void;
}

/** One organisation's people as a table; the coordinator's edit and deactivate buttons per row. */
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
  return (
    <section aria-labelledby={`org-${organisation.id}`} className={page.section}>
      <h2 id={`org-${organisation.id}`} className={page.sectionHeading}>
        {organisation.name}
      </h2>
      <TableScroll labelledBy={`org-${organisation.id}`}>
        <Table className={styles.table} aria-labelledby={`org-${organisation.id}`} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('contacts.name')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('contacts.roles')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('contacts.jobTitle')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('contacts.email')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('contacts.phone')}</TableHeaderCell>
              {canEdit && <TableHeaderCell scope="col">{t('contacts.actions')}</TableHeaderCell>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {contacts.map((contact) => (
              <ContactRow key={contact.id} contact={contact} canEdit={canEdit} actions={actions} />
            ))}
          </TableBody>
        </Table>
      </TableScroll>
    </section>
  );
}

function ContactRow({ contact, canEdit, actions }: { contact: Contact; canEdit: boolean; actions: RowActions }) {
  const { t, language } = useI18n();
  const styles = useContactsStyles();
  return (
    <TableRow className={styles.row}>
      <TableCell className={styles.nameCell}>{contact.displayName}</TableCell>
      <TableCell>
        {contact.deactivatedOn
          ? t('contacts.inactive', { date: contact.deactivatedOn })
          : contact.roles.map((r) => roleName(r, language)).join(', ') || t('contacts.noValue')}
      </TableCell>
      <TableCell>{contact.title || t('contacts.noValue')}</TableCell>
      <TableCell>
        <Link href={`mailto:${contact.email}`}>{contact.email}</Link>
      </TableCell>
      <TableCell>{contact.phone || t('contacts.noValue')}</TableCell>
      {canEdit && (
        <TableCell>
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
        </TableCell>
      )}
    </TableRow>
  );
}

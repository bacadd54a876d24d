import {
  Button,
  Field,
  Input,
  Link,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import {
  AddRegular,
  ArrowDownloadRegular,
  EditRegular,
  PersonDeleteRegular,
  SearchRegular,
} from '@fluentui/react-icons';
import { useMemo, useRef, useState } from 'react';
import { ROLES } from '../../domain/roles';
import type { Contact, Me, OrganisationDto } from '../api';
import { EditContactDialog } from '../contacts/EditContactDialog';
import { AddContactDialog, DeactivateContactDialog } from '../contacts/ContactDialogs';
import { contactsToCsv, contactsToVcard } from '../contacts/export';
import { roleName } from '../format';
import { useI18n, type Language } from '../i18n';
import { useLoad } from '../services';
import { ErrorMessage, Loading } from '../ui/status';
import { CSV_MIME_TYPE } from '../../domain/csv';
import { saveText } from '../ui/saveBlob';
import { PageHeading } from '../ui/PageHeading';
import { usePageStyles } from '../ui/styles';

const DIALOG_EXIT_MS = 600;

const KIND_ORDER: Record<OrganisationDto['kind'], number> = { region: 0, lansstyrelse: 1, kommun: 2 };

function normalise(text: string): string {
  return text.toLocaleLowerCase('sv-SE').normalize('NFC');
}

export function filterContacts(
  contacts: readonly Contact[],
  organisations: readonly OrganisationDto[],
  query: string,
  role: string,
  language: Language,
): Contact[] {
  const words = normalise(query).split(/\s+/).filter(Boolean);
  const orgName = new Map(organisations.map((org) => [org.id, org.name]));
  return contacts.filter((contact) => {
    if (role && !contact.roles.includes(role as Contact['roles'][number])) return false;
    const haystack = normalise(
      [
        contact.displayName,
        contact.email,
        contact.title ?? '',
        contact.phone ?? '',
        orgName.get(contact.organisationId) ?? '',
        ...contact.roles.map((r) => roleName(r, language)),
      ].join(' '),
    );
    return words.every((word) => haystack.includes(word));
  });
}

interface OrganisationGroup {
  organisation: OrganisationDto;
  contacts: Contact[];
}

function groupByOrganisation(
  contacts: readonly Contact[],
  organisations: readonly OrganisationDto[],
): OrganisationGroup[] {
  const known = new Map(organisations.map((org) => [org.id, org]));
  const groups = new Map<string, OrganisationGroup>();
  for (const contact of contacts) {
    const organisation = known.get(contact.organisationId) ?? {
      id: contact.organisationId,
      name: contact.organisationName ?? contact.organisationId,
      kind: 'kommun' as const,
      emailDomain: '',
    };
    const group = groups.get(organisation.id) ?? { organisation, contacts: [] };
    group.contacts.push(contact);
    groups.set(organisation.id, group);
  }
  const collator = new Intl.Collator('sv-SE');
  return [...groups.values()]
    .sort(
      (a, b) =>
        KIND_ORDER[a.organisation.kind] - KIND_ORDER[b.organisation.kind] ||
        collator.compare(a.organisation.name, b.organisation.name),
    )
    .map((group) => ({
      ...group,
      contacts: group.contacts.sort((a, b) => collator.compare(a.displayName, b.displayName)),
    }));
}

const useStyles = makeStyles({
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalL,
    marginBottom: tokens.spacingVerticalL,
  },
  search: { minWidth: '16rem', flexGrow: 1, maxWidth: '28rem' },
  table: { marginBottom: tokens.spacingVerticalXL, tableLayout: 'auto' },
  // Rows are not interactive; Fluent's hover background would put the links' colour on a clashing
  // background in high contrast (yellow on cyan).
  row: { ':hover': { backgroundColor: 'transparent' }, ':active': { backgroundColor: 'transparent' } },
  nameCell: { fontWeight: tokens.fontWeightSemibold },
  tableWrap: { overflowX: 'auto' },
});

export function ContactsPage({ me }: { me: Me }) {
  const { t, language } = useI18n();
  const page = usePageStyles();
  const styles = useStyles();
  const data = useLoad(async (api) => {
    const [people, organisations] = await Promise.all([api.people(), api.organisations()]);
    return { people, organisations };
  });
  const [query, setQuery] = useState('');
  const [role, setRole] = useState('');
  const [editing, setEditing] = useState<Contact>();
  const [editorOpen, setEditorOpen] = useState(false);
  const editButton = useRef<HTMLElement | null>(null);
  const [announcement, setAnnouncement] = useState('');
  // Mounted while open and through the closing animation, as the editor below.
  const [adding, setAdding] = useState<'open' | 'closing'>();
  const [leaving, setLeaving] = useState<{ contact: Contact; open: boolean }>();
  const closeAdding = () => {
    setAdding('closing');
    window.setTimeout(() => setAdding(undefined), DIALOG_EXIT_MS);
  };
  const closeLeaving = () => {
    setLeaving((current) => current && { ...current, open: false });
    window.setTimeout(() => setLeaving(undefined), DIALOG_EXIT_MS);
  };
  const canEdit = me.allowedActions.includes('contacts.edit');
  // Close first, unmount after the closing animation: a modal unmounted while open can leave the page
  // hidden from assistive technology, and a dialog kept mounted leaves focus sentinels in the page.
  const closeEditor = () => {
    setEditorOpen(false);
    window.setTimeout(() => setEditing(undefined), DIALOG_EXIT_MS);
  };

  const visible = useMemo(
    () =>
      data.status === 'ready' ? filterContacts(data.data.people, data.data.organisations, query, role, language) : [],
    [data, query, role, language],
  );
  const groups = useMemo(
    () => (data.status === 'ready' ? groupByOrganisation(visible, data.data.organisations) : []),
    [data, visible],
  );

  const exportCsv = () => {
    if (data.status !== 'ready') return;
    const file = 'kontakter.csv';
    saveText(file, contactsToCsv(visible, data.data.organisations, language), CSV_MIME_TYPE);
    setAnnouncement(t('contacts.exported', { file }));
  };
  const exportVcard = () => {
    if (data.status !== 'ready') return;
    const file = 'kontakter.vcf';
    saveText(file, contactsToVcard(visible, data.data.organisations), 'text/vcard;charset=utf-8');
    setAnnouncement(t('contacts.exported', { file }));
  };

  return (
    <>
      <PageHeading>{t('contacts.title')}</PageHeading>
      {data.status === 'loading' && <Loading />}
      {data.status === 'error' && <ErrorMessage error={data.error} onRetry={data.reload} />}
      {data.status === 'ready' && (
        <>
          <div className={styles.toolbar} role="search">
            <Field label={t('contacts.search')} hint={t('contacts.searchHint')} className={styles.search}>
              <Input
                type="search"
                value={query}
                contentBefore={<SearchRegular aria-hidden />}
                onChange={(_, value) => setQuery(value.value)}
              />
            </Field>
            <Field label={t('contacts.roleFilter')}>
              <Select value={role} onChange={(_, value) => setRole(value.value)}>
                <option value="">{t('contacts.allRoles')}</option>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {roleName(r, language)}
                  </option>
                ))}
              </Select>
            </Field>
            {canEdit && (
              <Button icon={<AddRegular />} appearance="primary" onClick={() => setAdding('open')}>
                {t('contacts.add')}
              </Button>
            )}
            <Button icon={<ArrowDownloadRegular />} onClick={exportCsv} disabled={visible.length === 0}>
              {t('contacts.exportCsv')}
            </Button>
            <Button icon={<ArrowDownloadRegular />} onClick={exportVcard} disabled={visible.length === 0}>
              {t('contacts.exportVcard')}
            </Button>
          </div>
          <p role="status" aria-live="polite">
            {t('contacts.count', { count: visible.length })}
            {announcement && ` ${announcement}`}
          </p>
          {data.data.people.length === 0 && <p>{t('contacts.empty')}</p>}
          {data.data.people.length > 0 && visible.length === 0 && <p>{t('contacts.none')}</p>}
          {groups.map(({ organisation, contacts }) => (
            <section key={organisation.id} aria-labelledby={`org-${organisation.id}`} className={page.section}>
              <h2 id={`org-${organisation.id}`} className={page.sectionHeading}>
                {organisation.name}
              </h2>
              <div className={styles.tableWrap}>
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
                      <TableRow key={contact.id} className={styles.row}>
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
                              onClick={(event) => {
                                editButton.current = event.currentTarget;
                                setEditing(contact);
                                setEditorOpen(true);
                              }}
                            >
                              {t('contacts.edit')}
                            </Button>
                            {!contact.deactivatedOn && (
                              <Button
                                size="small"
                                icon={<PersonDeleteRegular />}
                                aria-label={t('contacts.deactivatePerson', { name: contact.displayName })}
                                onClick={() => setLeaving({ contact, open: true })}
                              >
                                {t('contacts.deactivate')}
                              </Button>
                            )}
                          </TableCell>
                        )}
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            </section>
          ))}
          {canEdit && adding && (
            <AddContactDialog
              open={adding === 'open'}
              organisations={data.data.organisations}
              onClose={closeAdding}
              onSaved={(name) => {
                closeAdding();
                setAnnouncement(t('contacts.added', { name }));
                data.reload();
              }}
            />
          )}
          {leaving && (
            <DeactivateContactDialog
              contact={leaving.contact}
              open={leaving.open}
              onClose={closeLeaving}
              onDone={(name) => {
                closeLeaving();
                setAnnouncement(t('contacts.deactivated', { name }));
                data.reload();
              }}
            />
          )}
          {editing && (
            <EditContactDialog
              contact={editing}
              open={editorOpen}
              returnFocusTo={editButton.current}
              onClose={closeEditor}
              onSaved={(name) => {
                closeEditor();
                setAnnouncement(t('contacts.saved', { name }));
                data.reload();
              }}
            />
          )}
        </>
      )}
    </>
  );
}

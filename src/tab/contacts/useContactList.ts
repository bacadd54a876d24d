import { useMemo, useState } from 'react';
import type { Contact } from '../api';
import { organisationLabel } from '../format';
import { useI18n } from '../i18n';
import { useLoad } from '../services';
import { filterContacts } from './filter';

/**
 * Kontakter's data and its one list (#18): the people and organisations, the search, role and organisation
 * filters, the contacts they leave, and each contact's organisation by its name.
 */
export function useContactList() {
  const { t, language } = useI18n();
  const data = useLoad(async (api) => {
    const [people, organisations] = await Promise.all([api.people(), api.organisations()]);
    return { people, organisations };
  });
  const [query, setQuery] = useState('');
  const [role, setRole] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const visible = useMemo(() => {
    if (data.status !== 'ready') return [];
    const { people, organisations } = data.data;
    return filterContacts(people, organisations, query, role, language, organisationId);
  }, [data, query, role, organisationId, language]);
  const organisationName = useMemo(() => {
    const names = new Map(
      data.status === 'ready' ? data.data.organisations.map((org) => [org.id, organisationLabel(org)]) : [],
    );
    return (contact: Contact) => names.get(contact.organisationId) ?? contact.organisationName ?? t('contacts.noValue');
  }, [data, t]);
  return {
    data,
    visible,
    organisationName,
    filters: { query, setQuery, role, setRole, organisationId, setOrganisationId },
  };
}

import { Button, Field, Input, Select } from '@fluentui/react-components';
import { AddRegular, ArrowDownloadRegular, SearchRegular } from '@fluentui/react-icons';
import { ROLES } from '../../domain/roles';
import type { OrganisationDto } from '../api';
import { roleName } from '../format';
import { useI18n } from '../i18n';
import { compareSwedish } from '../ui/sortBy';
import { useContactsStyles } from './styles';

/** Search, role and organisation filters, the coordinator's add button and the two exports of what is shown. */
export function ContactsToolbar({
  query,
  onQuery,
  role,
  onRole,
  organisations,
  organisationId,
  onOrganisation,
  canEdit,
  onAdd,
  exportable,
  onExportCsv,
  onExportVcard,
}: {
  query: string;
  onQuery(value: string): void;
  role: string;
  onRole(value: string): void;
  organisations: readonly OrganisationDto[];
  /** '' for all organisations. */
  organisationId: string;
  onOrganisation(value: string): void;
  canEdit: boolean;
  onAdd(): void;
  exportable: boolean;
  onExportCsv(): void;
  onExportVcard(): void;
}) {
  const { t, language } = useI18n();
  const styles = useContactsStyles();
  return (
    <div className={styles.toolbar} role="search">
      <Field label={t('contacts.search')} hint={t('contacts.searchHint')} className={styles.search}>
        <Input
          type="search"
          value={query}
          contentBefore={<SearchRegular aria-hidden />}
          onChange={(_, value) => onQuery(value.value)}
        />
      </Field>
      <Field label={t('contacts.roleFilter')}>
        <Select value={role} onChange={(_, value) => onRole(value.value)}>
          <option value="">{t('contacts.allRoles')}</option>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {roleName(r, language)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('contacts.organisationFilter')}>
        <Select value={organisationId} onChange={(_, value) => onOrganisation(value.value)}>
          <option value="">{t('contacts.allOrganisations')}</option>
          {[...organisations]
            .sort((a, b) => compareSwedish(a.name, b.name))
            .map((org) => (
              <option key={org.id} value={org.id}>
                {org.name}
              </option>
            ))}
        </Select>
      </Field>
      {canEdit && (
        <Button icon={<AddRegular />} appearance="primary" onClick={onAdd}>
          {t('contacts.add')}
        </Button>
      )}
      <Button icon={<ArrowDownloadRegular />} onClick={onExportCsv} disabled={!exportable}>
        {t('contacts.exportCsv')}
      </Button>
      <Button icon={<ArrowDownloadRegular />} onClick={onExportVcard} disabled={!exportable}>
        {t('contacts.exportVcard')}
      </Button>
    </div>
  );
}

import { useMemo } from 'react';
import type { OrganisationDto } from '../../contract';
import { organisationLabel } from '../format';
import { useI18n } from '../i18n';
import { useLoad } from '../services';
import { SearchCombobox } from '../ui/SearchCombobox';

const KIND_ORDER: Record<OrganisationDto['kind'], number> = { kommun: 0, region: 1, lansstyrelse: 2 };

/**
 * An organisation chosen by its Swedish name from the samverkan's organisations (a searchable Combobox), never a
 * typed id: `onChange` gets the chosen organisation's id, or '' for none.
 */
export function OrganisationField({
  label,
  value,
  onChange,
  required,
}: {
  label: string;
  value: string;
  onChange(id: string): void;
  required?: boolean;
}) {
  const { t } = useI18n();
  const organisations = useLoad((api) => api.organisations());
  const options = useMemo(() => {
    const all = organisations.status === 'ready' ? organisations.data : [];
    return [...all]
      .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.name.localeCompare(b.name, 'sv-SE'))
      .map((org) => ({ value: org.id, text: organisationLabel(org) }));
  }, [organisations]);
  return (
    <SearchCombobox
      label={label}
      required={required}
      options={options}
      value={value}
      onChange={onChange}
      placeholder={organisations.status === 'loading' ? t('loading') : t('budget.addLine.organisationNone')}
      emptyText={t('budget.addLine.organisationNoMatch')}
      validationMessage={organisations.status === 'error' ? organisations.error.message : undefined}
    />
  );
}

import { Combobox, Field, Option } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { OrganisationDto } from '../../contract';
import { organisationLabel } from '../format';
import { useI18n } from '../i18n';
import { useLoad } from '../services';

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
  const [query, setQuery] = useState<string>();
  const options = useMemo(() => {
    const all = organisations.status === 'ready' ? organisations.data : [];
    return [...all]
      .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.name.localeCompare(b.name, 'sv-SE'))
      .map((org) => ({ id: org.id, label: organisationLabel(org) }));
  }, [organisations]);
  const selected = options.find((option) => option.id === value);
  const needle = (query ?? '').trim().toLocaleLowerCase('sv-SE');
  const shown = needle ? options.filter((o) => o.label.toLocaleLowerCase('sv-SE').includes(needle)) : options;
  return (
    <Field
      label={label}
      required={required}
      validationMessage={organisations.status === 'error' ? organisations.error.message : undefined}
    >
      <Combobox
        freeform
        clearable
        placeholder={organisations.status === 'loading' ? t('loading') : t('budget.addLine.organisationNone')}
        value={query ?? selected?.label ?? ''}
        selectedOptions={value ? [value] : []}
        onChange={(event) => setQuery(event.target.value)}
        onOptionSelect={(_, data) => {
          setQuery(undefined);
          onChange(data.optionValue ?? '');
        }}
      >
        {shown.length === 0 ? (
          <Option key="none" value="" text={t('budget.addLine.organisationNoMatch')} disabled>
            {t('budget.addLine.organisationNoMatch')}
          </Option>
        ) : (
          shown.map((option) => (
            <Option key={option.id} value={option.id} text={option.label}>
              {option.label}
            </Option>
          ))
        )}
      </Combobox>
    </Field>
  );
}

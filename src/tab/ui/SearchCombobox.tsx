import { Combobox, Field, makeStyles, Option, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useI18n } from '../i18n';

/** One choice of a SearchCombobox: its value (never shown), its text, and an optional second line. */
export interface SearchOption {
  value: string;
  text: string;
  secondary?: string;
}

const useStyles = makeStyles({
  secondary: {
    display: 'block',
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
});

/** The default filter: the typed words as one piece of the text or the second line, case-insensitive in Swedish. */
export function matchesSearch(option: SearchOption, query: string): boolean {
  const needle = query.trim().toLocaleLowerCase('sv-SE');
  if (!needle) return true;
  return [option.text, option.secondary ?? ''].some((part) => part.toLocaleLowerCase('sv-SE').includes(needle));
}

/**
 * A labelled, searchable choice of one option (Fluent's Combobox: type to filter, arrow keys, Enter chooses, clear
 * button). The field shows the chosen option's text, never its value; `onChange` gets the chosen value, or '' for
 * none. When nothing matches, one disabled option says so (`emptyText`, by default "Inga träffar").
 */
export function SearchCombobox({
  label,
  options,
  value,
  onChange,
  placeholder,
  emptyText,
  hint,
  required,
  validationMessage,
  filter = matchesSearch,
}: {
  label: string;
  options: readonly SearchOption[];
  value: string;
  onChange(value: string): void;
  placeholder?: string;
  emptyText?: string;
  hint?: string;
  required?: boolean;
  validationMessage?: string;
  filter?: (option: SearchOption, query: string) => boolean;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const [query, setQuery] = useState<string>();
  const selected = options.find((option) => option.value === value);
  const shown = query ? options.filter((option) => filter(option, query)) : options;
  const none = emptyText ?? t('search.none');
  return (
    <Field label={label} required={required} validationMessage={validationMessage} hint={hint}>
      <Combobox
        freeform
        clearable
        placeholder={placeholder}
        value={query ?? selected?.text ?? ''}
        selectedOptions={value ? [value] : []}
        onChange={(event) => setQuery(event.target.value)}
        onOptionSelect={(_, data) => {
          setQuery(undefined);
          onChange(data.optionValue ?? '');
        }}
      >
        {shown.length === 0 ? (
          <Option key="none" value="" text={none} disabled>
            {none}
          </Option>
        ) : (
          shown.map((option) => (
            <Option key={option.value} value={option.value} text={option.text}>
              {option.text}
              {option.secondary && (
                // The space keeps the two lines apart in the option's accessible name.
                <>
                  {' '}
                  <span className={styles.secondary}>{option.secondary}</span>
                </>
              )}
            </Option>
          ))
        )}
      </Combobox>
    </Field>
  );
}

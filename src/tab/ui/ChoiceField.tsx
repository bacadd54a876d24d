import { Field, Select } from '@fluentui/react-components';

export interface Choice<T extends string> {
  value: T;
  label: string;
}

/**
 * A labelled drop-down of choices; with `allLabel` an empty first choice means "no filter". The value handed to
 * `onChange` is always one of the choices (or '' for all).
 */
export function ChoiceField<T extends string>({
  label,
  value,
  choices,
  onChange,
  allLabel,
  required,
}: {
  label: string;
  value: T | '';
  choices: readonly Choice<T>[];
  onChange: (value: T) => void;
  allLabel?: string;
  required?: boolean;
}) {
  return (
    <Field label={label} required={required}>
      <Select value={value} onChange={(_, data) => onChange(data.value as T)}>
        {allLabel !== undefined && <option value="">{allLabel}</option>}
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

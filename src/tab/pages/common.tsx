import { Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

export const usePageStyles = makeStyles({
  heading: {
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    fontWeight: tokens.fontWeightSemibold,
    margin: `0 0 ${tokens.spacingVerticalL}`,
    ':focus': { outlineStyle: 'none' },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  section: {
    marginBottom: tokens.spacingVerticalXXL,
  },
  sectionHeading: {
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    margin: `0 0 ${tokens.spacingVerticalS}`,
  },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    '& li': { marginBottom: tokens.spacingVerticalXS },
  },
});

/** The page's h1; the shell moves focus to it when the user goes to another page. */
export function PageHeading({ children }: { children: ReactNode }) {
  const styles = usePageStyles();
  return (
    <h1 tabIndex={-1} className={styles.heading}>
      {children}
    </h1>
  );
}

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

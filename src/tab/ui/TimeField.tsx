import { Field, Input } from '@fluentui/react-components';
import { ClockRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useI18n, type Language } from '../i18n';
import type { ValueFieldProps } from './fieldProps';
import { parseTimeText } from './timeText';

type TimeError = 'required-input' | 'invalid-input';

const ERRORS: Record<Language, Record<TimeError, string>> = {
  sv: {
    'required-input': 'Ange en tid.',
    'invalid-input': 'Skriv tiden som tt:mm med 24 timmar, till exempel 09:30 eller 14:00.',
  },
  en: {
    'required-input': 'Enter a time.',
    'invalid-input': 'Write the time as hh:mm on the 24-hour clock, for example 09:30 or 14:00.',
  },
};

/**
 * A labelled time field: 24 hours, typed as people write it ("9.30", "9:5", "0930") and shown as HH:MM once the field
 * is left (or Enter pressed). Value in and out is HH:MM, '' for none. Text that is not a time goes back to the last
 * valid value and says why, as the date field does.
 */
export function TimeField({ label, value, onChange, required, validationMessage }: ValueFieldProps) {
  const { language } = useI18n();
  const [text, setText] = useState(value);
  const [error, setError] = useState<TimeError | undefined>();
  const emitted = useRef(value);

  useEffect(() => {
    // A value set from outside (a reset, a loaded meeting) replaces the text; our own emit is already shown.
    if (value !== emitted.current) {
      emitted.current = value;
      setText(value);
    }
  }, [value]);

  const emit = (next: string) => {
    if (next === emitted.current) return;
    emitted.current = next;
    onChange(next);
  };

  const commit = () => {
    if (text.trim() === '') {
      emit('');
      setError(required ? 'required-input' : undefined);
      return;
    }
    const parsed = parseTimeText(text);
    setError(parsed ? undefined : 'invalid-input');
    setText(parsed ?? emitted.current);
    if (parsed) emit(parsed);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    commit();
  };

  return (
    <Field label={label} required={required} validationMessage={error ? ERRORS[language][error] : validationMessage}>
      <Input
        value={text}
        onChange={(_, data) => setText(data.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
        placeholder={language === 'sv' ? 'tt:mm' : 'hh:mm'}
        autoComplete="off"
        contentAfter={<ClockRegular aria-hidden />}
      />
    </Field>
  );
}

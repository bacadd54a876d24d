import { Field } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import {
  DatePicker,
  defaultDatePickerStrings,
  type DatePickerErrorType,
  type DatePickerProps,
} from '@fluentui/react-datepicker-compat';
import { useI18n, type Language } from '../i18n';
import { MONTH_NAMES_SV } from '../../domain/wallClock';
import type { ValueFieldProps } from './fieldProps';
import { fromIsoDate, parseDateText, toIsoDate } from './dateText';

type PickerStrings = NonNullable<DatePickerProps['strings']>;

/** DayOfWeek.Monday and FirstWeekOfYear.FirstFourDayWeek (ISO weeks): the enums live in react-calendar-compat. */
const MONDAY: NonNullable<DatePickerProps['firstDayOfWeek']> = 1;
const ISO_FIRST_WEEK: NonNullable<DatePickerProps['firstWeekOfYear']> = 2;

const SV_STRINGS: PickerStrings = {
  ...defaultDatePickerStrings,
  months: [...MONTH_NAMES_SV],
  shortMonths: ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
  days: ['söndag', 'måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag'],
  shortDays: ['sö', 'må', 'ti', 'on', 'to', 'fr', 'lö'],
  goToToday: 'Gå till idag',
  weekNumberFormatString: 'Vecka {0}',
  prevMonthAriaLabel: 'Föregående månad',
  nextMonthAriaLabel: 'Nästa månad',
  prevYearAriaLabel: 'Föregående år',
  nextYearAriaLabel: 'Nästa år',
  closeButtonAriaLabel: 'Stäng datumväljaren',
};

type DateFormatting = NonNullable<DatePickerProps['dateTimeFormatter']>;

/** Day buttons and headings read the Swedish way ("10 december 2026"), not Fluent's "december 10, 2026". */
const SV_FORMATTING: DateFormatting = {
  formatDay: (date) => String(date.getDate()),
  formatMonth: (date, strings) => strings.months[date.getMonth()] ?? '',
  formatYear: (date) => String(date.getFullYear()),
  formatMonthYear: (date, strings) => `${strings.months[date.getMonth()]} ${date.getFullYear()}`,
  formatMonthDayYear: (date, strings) => `${date.getDate()} ${strings.months[date.getMonth()]} ${date.getFullYear()}`,
};

const EN_STRINGS: PickerStrings = {
  ...defaultDatePickerStrings,
  weekNumberFormatString: 'Week {0}',
};

const ERRORS: Record<Language, Record<DatePickerErrorType, string>> = {
  sv: {
    'required-input': 'Ange ett datum.',
    'invalid-input': 'Skriv datumet som åååå-mm-dd, till exempel 2026-12-03.',
    'out-of-bounds': 'Datumet ligger utanför det tillåtna intervallet.',
  },
  en: {
    'required-input': 'Enter a date.',
    'invalid-input': 'Write the date as yyyy-mm-dd, for example 2026-12-03.',
    'out-of-bounds': 'The date is outside the allowed range.',
  },
};

// Stable across renders: the picker re-formats its text whenever `value` or `formatDate` changes identity, which
// would wipe what the user is typing each time the form re-renders.
const formatDate = (date?: Date): string => (date ? toIsoDate(date) : '');
const parseDate = (text: string): Date => parseDateText(text) ?? new Date(Number.NaN);

export function datePickerStrings(language: Language): PickerStrings {
  return language === 'sv' ? SV_STRINGS : EN_STRINGS;
}

/**
 * A labelled date field (Fluent date picker): Monday first, ISO week numbers, typed yyyy-mm-dd (and common Swedish
 * forms). Value in and out is an ISO date string (yyyy-mm-dd), '' for none — the same the forms keep.
 */
export function DateField({ label, value, onChange, required, validationMessage }: ValueFieldProps) {
  const { language } = useI18n();
  const [error, setError] = useState<DatePickerErrorType | undefined>();
  const date = useMemo(() => fromIsoDate(value) ?? null, [value]);
  return (
    <Field label={label} required={required} validationMessage={error ? ERRORS[language][error] : validationMessage}>
      <DatePicker
        value={date}
        onSelectDate={(selected) => onChange(selected ? toIsoDate(selected) : '')}
        formatDate={formatDate}
        parseDateFromString={parseDate}
        allowTextInput
        required={required}
        onValidationResult={(data) => setError(data.error)}
        firstDayOfWeek={MONDAY}
        firstWeekOfYear={ISO_FIRST_WEEK}
        showWeekNumbers
        showMonthPickerAsOverlay
        strings={datePickerStrings(language)}
        {...(language === 'sv' ? { dateTimeFormatter: SV_FORMATTING } : {})}
        placeholder={language === 'sv' ? 'åååå-mm-dd' : 'yyyy-mm-dd'}
      />
    </Field>
  );
}

import { Field, Input } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { useI18n } from '../i18n';
import type { ValueFieldProps } from './fieldProps';

// The date picker (Fluent's calendar, its popover and focus handling: ~60 kB gzip) loads after the page around it
// has rendered; until then the field shows its value, read only, in the same place.
const DateField = lazy(() => import('./DateField').then((module) => ({ default: module.DateField })));

/** The kit's DateField for a page's first view: the page renders without waiting for the calendar's code. */
export function LazyDateField(props: ValueFieldProps) {
  const { language } = useI18n();
  return (
    <Suspense
      fallback={
        <Field label={props.label} required={props.required}>
          <Input value={props.value} readOnly placeholder={language === 'sv' ? 'åååå-mm-dd' : 'yyyy-mm-dd'} />
        </Field>
      }
    >
      <DateField {...props} />
    </Suspense>
  );
}

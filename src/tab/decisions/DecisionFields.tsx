import { Field, Input, Textarea } from '@fluentui/react-components';
import { DECISION_KINDS, type DecisionKind } from '../../contract';
import { useI18n } from '../i18n';
import { ChoiceField } from '../ui/ChoiceField';
import { KindFields, type DecisionChoices } from './KindFields';
import { DateField } from '../ui/DateField';

export interface DecisionValues {
  kind: DecisionKind;
  title: string;
  text: string;
  owner: string;
  due: string;
  /** Kind sammankallande: the person appointed (a Kontakter id, chosen by name) and the last day in force. */
  personId: string;
  validUntil: string;
  /** Kind kostnadsundantag: the kommuner it concerns and the ceiling in kronor as typed. */
  organisationIds: string[];
  ceiling: string;
}

/** What was decided: kind (and what the kind asks for), title, text, who follows it up and by when. */
export function DecisionFields({
  values,
  onChange,
  choices,
}: {
  values: DecisionValues;
  onChange<K extends keyof DecisionValues>(key: K, value: DecisionValues[K]): void;
  choices: DecisionChoices;
}) {
  const { t } = useI18n();
  return (
    <>
      <ChoiceField
        label={t('dec.record.kind')}
        required
        value={values.kind}
        choices={DECISION_KINDS.map((k) => ({ value: k, label: t(`dec.kind.${k}`) }))}
        onChange={(kind) => onChange('kind', kind)}
      />
      <KindFields values={values} onChange={onChange} choices={choices} />
      <Field label={t('dec.record.title')}>
        <Input value={values.title} onChange={(_, d) => onChange('title', d.value)} />
      </Field>
      <Field label={t('dec.record.text')} required>
        <Textarea value={values.text} onChange={(_, d) => onChange('text', d.value)} />
      </Field>
      <Field label={t('dec.record.owner')}>
        <Input type="email" value={values.owner} onChange={(_, d) => onChange('owner', d.value)} />
      </Field>
      <DateField label={t('dec.record.due')} value={values.due} onChange={(due) => onChange('due', due)} />
    </>
  );
}

import { Checkbox, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import type { Choice } from '../ui/ChoiceField';
import { ChoiceField } from '../ui/ChoiceField';
import { DateField } from '../ui/DateField';
import { useI18n } from '../i18n';
import type { DecisionValues } from './DecisionFields';

/** The people and kommuner the kind-specific fields offer, by name (never an id on screen). */
export interface DecisionChoices {
  /** Active people of Kontakter: "Name (Organisation)". */
  people: readonly Choice<string>[];
  /** The samverkan's kommuner by name. */
  kommuner: readonly Choice<string>[];
}

type Change = <K extends keyof DecisionValues>(key: K, value: DecisionValues[K]) => void;

const useStyles = makeStyles({
  group: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    margin: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
});

/** An appointment of a sammankallande: the person, and the last day it is in force (optional). */
function ConvenerFields({
  values,
  onChange,
  people,
}: {
  values: DecisionValues;
  onChange: Change;
  people: readonly Choice<string>[];
}) {
  const { t } = useI18n();
  return (
    <>
      <ChoiceField
        label={t('dec.record.person')}
        required
        value={values.personId}
        allLabel={t('dec.record.choosePerson')}
        choices={people}
        onChange={(personId) => onChange('personId', personId)}
      />
      <DateField
        label={t('dec.record.validUntil')}
        value={values.validUntil}
        onChange={(validUntil) => onChange('validUntil', validUntil)}
      />
    </>
  );
}

/** An exception for a kommun's own costs: the kommuner it concerns, and a ceiling in kronor (optional). */
function CostExceptionFields({
  values,
  onChange,
  kommuner,
}: {
  values: DecisionValues;
  onChange: Change;
  kommuner: readonly Choice<string>[];
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const toggle = (id: string, on: boolean) =>
    onChange('organisationIds', on ? [...values.organisationIds, id] : values.organisationIds.filter((o) => o !== id));
  return (
    <>
      {/* Not inside a Field: a Field hands its one control id to every checkbox in it. */}
      <fieldset className={styles.group}>
        <legend className={styles.legend}>{t('dec.record.organisations')}</legend>
        {kommuner.map((kommun) => (
          <div key={kommun.value}>
            <Checkbox
              checked={values.organisationIds.includes(kommun.value)}
              onChange={(_, d) => toggle(kommun.value, d.checked === true)}
              label={kommun.label}
            />
          </div>
        ))}
      </fieldset>
      <Field label={t('dec.record.ceiling')}>
        <Input inputMode="numeric" value={values.ceiling} onChange={(_, d) => onChange('ceiling', d.value)} />
      </Field>
    </>
  );
}

/** What only some kinds of decision ask for. */
export function KindFields({
  values,
  onChange,
  choices,
}: {
  values: DecisionValues;
  onChange: Change;
  choices: DecisionChoices;
}) {
  if (values.kind === 'sammankallande')
    return <ConvenerFields values={values} onChange={onChange} people={choices.people} />;
  if (values.kind === 'kostnadsundantag') {
    return <CostExceptionFields values={values} onChange={onChange} kommuner={choices.kommuner} />;
  }
  return null;
}

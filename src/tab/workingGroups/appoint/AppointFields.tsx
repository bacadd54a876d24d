import { Checkbox, Field, Input, Radio, RadioGroup, Select, Textarea } from '@fluentui/react-components';
import { useId, useMemo, useState } from 'react';
import type { Contact } from '../../api';
import { useI18n } from '../../i18n';
import { MEMBERSHIP_TYPES, type MembershipType } from '../../../contract';
import { DecisionPicker } from '../../decisions/DecisionPicker';
import { useAppointStyles } from './styles';
import type { AppointFormState } from './useAppointForm';
import { DateField } from '../../ui/DateField';

/** The order the form offers the contract's channel types in: private (the usual choice) first. */
const TYPE_ORDER: Record<MembershipType, number> = { private: 0, shared: 1, standard: 2 };
const TYPES = [...MEMBERSHIP_TYPES].sort((a, b) => TYPE_ORDER[a] - TYPE_ORDER[b]);

/** Namn, syfte, uppdrag and the optional målsättning. */
export function MandateFields({ form: { values, set, problems } }: { form: AppointFormState }) {
  const { t } = useI18n();
  return (
    <>
      <Field label={t('wg.name')} hint={t('wg.nameHint')} required validationMessage={problems.name}>
        <Input value={values.name} onChange={(_, d) => set('name')(d.value)} />
      </Field>
      <Field label={t('wg.syfte')} required validationMessage={problems.syfte}>
        <Textarea value={values.syfte} onChange={(_, d) => set('syfte')(d.value)} resize="vertical" />
      </Field>
      <Field label={t('wg.uppdrag')} required validationMessage={problems.uppdrag}>
        <Textarea value={values.uppdrag} onChange={(_, d) => set('uppdrag')(d.value)} resize="vertical" />
      </Field>
      <Field label={`${t('wg.malsattning')} ${t('wg.optional')}`}>
        <Textarea value={values.malsattning} onChange={(_, d) => set('malsattning')(d.value)} resize="vertical" />
      </Field>
    </>
  );
}

/** Members from the register (filtered, the chosen always shown) and the convener among them. */
export function MemberFields({
  form: { values, set, toggle, problems },
  people,
}: {
  form: AppointFormState;
  people: Contact[];
}) {
  const styles = useAppointStyles();
  const { t } = useI18n();
  const membersErrorId = useId();
  const [filter, setFilter] = useState('');
  const { memberIds } = values;
  const visiblePeople = useMemo(() => {
    const needle = filter.trim().toLocaleLowerCase('sv-SE');
    return people.filter(
      (p) =>
        !needle ||
        memberIds.includes(p.id) ||
        `${p.displayName} ${p.email} ${p.organisationName ?? ''}`.toLocaleLowerCase('sv-SE').includes(needle),
    );
  }, [people, filter, memberIds]);
  const members = people.filter((p) => memberIds.includes(p.id));
  return (
    <>
      <Field label={t('wg.filterPeople')} hint={t('wg.membersHint')}>
        <Input type="search" value={filter} onChange={(_, d) => setFilter(d.value)} />
      </Field>
      {/* Not inside a Field: a Field hands its one control id to every checkbox in it. */}
      <fieldset className={styles.people} aria-describedby={problems.memberIds ? membersErrorId : undefined}>
        <legend className={styles.legend}>{t('wg.members')}</legend>
        {visiblePeople.map((person) => (
          <div key={person.id}>
            <Checkbox
              checked={memberIds.includes(person.id)}
              onChange={(_, d) => toggle(person.id, d.checked === true)}
              label={`${person.displayName}, ${person.organisationName ?? ''}`}
            />
          </div>
        ))}
      </fieldset>
      {problems.memberIds && (
        <p id={membersErrorId} className={styles.error}>
          {problems.memberIds}
        </p>
      )}
      <Field label={t('wg.convener')} required validationMessage={problems.convenerId}>
        <Select value={values.convenerId} onChange={(_, d) => set('convenerId')(d.value)}>
          <option value="">{t('wg.chooseConvener')}</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.displayName}
            </option>
          ))}
        </Select>
      </Field>
    </>
  );
}

/** Period, the decision that appointed the group, and the channel's type. */
export function PeriodFields({ form: { values, set, problems } }: { form: AppointFormState }) {
  const styles = useAppointStyles();
  const { t } = useI18n();
  return (
    <>
      <div className={styles.row}>
        <DateField
          label={t('wg.periodStart')}
          required
          validationMessage={problems['period.start']}
          value={values.start}
          onChange={set('start')}
        />
        <DateField
          label={`${t('wg.periodEnd')} ${t('wg.optional')}`}
          validationMessage={problems['period.end']}
          value={values.end}
          onChange={set('end')}
        />
        <DecisionPicker
          label={`${t('wg.decision')} ${t('wg.optional')}`}
          value={values.decisionId}
          onChange={set('decisionId')}
          {...(problems.decisionId ? { validationMessage: problems.decisionId } : {})}
        />
      </div>
      <Field label={t('wg.channelType')}>
        <RadioGroup value={values.membershipType} onChange={(_, d) => set('membershipType')(d.value as MembershipType)}>
          {TYPES.map((type) => (
            <Radio key={type} value={type} label={t(`wg.type.${type}`)} />
          ))}
        </RadioGroup>
      </Field>
    </>
  );
}

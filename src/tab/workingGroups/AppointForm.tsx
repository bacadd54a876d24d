import {
  Button,
  Checkbox,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { ApiError, type Contact } from '../api';
import { useI18n } from '../i18n';
import { MEMBERSHIP_TYPES, type AppointInput, type MembershipType } from '../../contract';
import { DecisionPicker } from '../decisions/DecisionPicker';

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
    maxWidth: '48rem',
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
  people: {
    maxHeight: '16rem',
    overflowY: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    margin: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM },
  error: { margin: 0, color: tokens.colorPaletteRedForeground1 },
  heading: { margin: 0, fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
});

/** The order the form offers the contract's channel types in: private (the usual choice) first. */
const TYPE_ORDER: Record<MembershipType, number> = { private: 0, shared: 1, standard: 2 };
const TYPES = [...MEMBERSHIP_TYPES].sort((a, b) => TYPE_ORDER[a] - TYPE_ORDER[b]);
const NAME_MAX = 50;

/** The coordinator's form for appointing a group: mandate, members from the register, convener, period, channel type. */
export function AppointForm({
  people,
  onSubmit,
  onCancel,
}: {
  people: Contact[];
  onSubmit(request: AppointInput): Promise<void>;
  onCancel(): void;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const headingId = useId();
  const membersErrorId = useId();
  const [name, setName] = useState('');
  const [syfte, setSyfte] = useState('');
  const [uppdrag, setUppdrag] = useState('');
  const [malsattning, setMalsattning] = useState('');
  const [memberIds, setMemberIds] = useState<string[]>([]);
  const [convenerId, setConvenerId] = useState('');
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const [decisionId, setDecisionId] = useState('');
  const [membershipType, setMembershipType] = useState<MembershipType>('private');
  const [filter, setFilter] = useState('');
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();

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

  const toggle = (id: string, checked: boolean) => {
    setMemberIds((current) => (checked ? [...current, id] : current.filter((m) => m !== id)));
    if (!checked && convenerId === id) setConvenerId('');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: Record<string, string> = {};
    if (!name.trim()) local.name = 'Namnet får inte vara tomt.';
    else if (name.trim().length > NAME_MAX) local.name = `Namnet får vara högst ${NAME_MAX} tecken.`;
    if (!syfte.trim()) local.syfte = 'Syftet får inte vara tomt.';
    if (!uppdrag.trim()) local.uppdrag = 'Uppdraget får inte vara tomt.';
    if (memberIds.length === 0) local.memberIds = 'Välj minst en medlem.';
    if (!convenerId) local.convenerId = 'Välj sammankallande.';
    if (!start) local['period.start'] = 'Ange startdatum.';
    setProblems(local);
    setFailure(undefined);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      await onSubmit({
        name: name.trim(),
        syfte: syfte.trim(),
        uppdrag: uppdrag.trim(),
        ...(malsattning.trim() ? { malsattning: malsattning.trim() } : {}),
        memberIds,
        convenerId,
        period: { start, ...(end ? { end } : {}) },
        membershipType,
        ...(decisionId.trim() ? { decisionId: decisionId.trim() } : {}),
      });
    } catch (error) {
      if (error instanceof ApiError) {
        const fromServer: Record<string, string> = {};
        for (const issue of error.issues ?? []) {
          const path = (issue as { path?: unknown }).path;
          if (typeof path === 'string' && path) fromServer[path] = issue.message;
        }
        setProblems(fromServer);
        setFailure(error.message);
      } else setFailure(t('unexpectedError'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className={styles.form} aria-labelledby={headingId} onSubmit={submit} noValidate>
      <h2 id={headingId} className={styles.heading}>
        {t('wg.appointTitle')}
      </h2>
      <Field label={t('wg.name')} hint={t('wg.nameHint')} required validationMessage={problems.name}>
        <Input value={name} onChange={(_, d) => setName(d.value)} />
      </Field>
      <Field label={t('wg.syfte')} required validationMessage={problems.syfte}>
        <Textarea value={syfte} onChange={(_, d) => setSyfte(d.value)} resize="vertical" />
      </Field>
      <Field label={t('wg.uppdrag')} required validationMessage={problems.uppdrag}>
        <Textarea value={uppdrag} onChange={(_, d) => setUppdrag(d.value)} resize="vertical" />
      </Field>
      <Field label={`${t('wg.malsattning')} ${t('wg.optional')}`}>
        <Textarea value={malsattning} onChange={(_, d) => setMalsattning(d.value)} resize="vertical" />
      </Field>
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
        <Select value={convenerId} onChange={(_, d) => setConvenerId(d.value)}>
          <option value="">{t('wg.chooseConvener')}</option>
          {members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.displayName}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.row}>
        <Field label={t('wg.periodStart')} required validationMessage={problems['period.start']}>
          <Input type="date" value={start} onChange={(_, d) => setStart(d.value)} />
        </Field>
        <Field label={`${t('wg.periodEnd')} ${t('wg.optional')}`} validationMessage={problems['period.end']}>
          <Input type="date" value={end} onChange={(_, d) => setEnd(d.value)} />
        </Field>
        <DecisionPicker
          label={`${t('wg.decision')} ${t('wg.optional')}`}
          value={decisionId}
          onChange={setDecisionId}
          {...(problems.decisionId ? { validationMessage: problems.decisionId } : {})}
        />
      </div>
      <Field label={t('wg.channelType')}>
        <RadioGroup value={membershipType} onChange={(_, d) => setMembershipType(d.value as MembershipType)}>
          {TYPES.map((type) => (
            <Radio key={type} value={type} label={t(`wg.type.${type}`)} />
          ))}
        </RadioGroup>
      </Field>
      <div role="status" aria-live="polite">
        {busy ? t('wg.working') : ''}
      </div>
      {failure && (
        <p role="alert" lang="sv">
          {failure}
        </p>
      )}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={busy}>
          {t('wg.submit')}
        </Button>
        <Button type="button" onClick={onCancel} disabled={busy}>
          {t('wg.cancel')}
        </Button>
      </div>
    </form>
  );
}

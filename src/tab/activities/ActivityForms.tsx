import { Button, Checkbox, Field, Input, Textarea } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { parseKronor } from '../../domain/money';
import type { OrganisationDto } from '../api';
import {
  SAMVERKANSOMRADEN,
  TARGET_GROUPS,
  type ActivityDto,
  type NewActivity,
  type TopicTagDto,
  type Samverkansomrade,
  type TargetGroup,
} from '../../contract';
import { activitiesApi } from './api';
import { TagField } from './TagField';
import { todayInStockholm } from '../format';
import { ActionStatus } from '../ui/ActionStatus';
import { ChoiceField } from '../ui/ChoiceField';
import { FormDialog } from '../ui/FormDialog';
import { useAction } from '../ui/useAction';
import { useI18n } from '../i18n';
import { useServices } from '../services';
import { DateField } from '../ui/DateField';

/** The proposal being written: each field's value and setter, and the request it makes. */
function useProposalDraft(organisations: OrganisationDto[], year: number) {
  const [title, setTitle] = useState('');
  const [area, setArea] = useState<Samverkansomrade>('kompetensutveckling');
  const [groups, setGroups] = useState<TargetGroup[]>(['kommuner']);
  const [start, setStart] = useState(`${year}-09-15`);
  const [end, setEnd] = useState(`${year}-09-15`);
  const [organisationId, setOrganisationId] = useState(organisations[0]?.id ?? '');
  const [cost, setCost] = useState('');
  const [description, setDescription] = useState('');
  const [tagIds, setTagIds] = useState<string[]>([]);
  const request = (): NewActivity => ({
    title: title.trim(),
    area,
    targetGroups: groups,
    startDate: start,
    endDate: end,
    responsibleOrganisationId: organisationId,
    budgetedCostOre: cost.trim() ? parseKronor(cost) : 0,
    ...(description.trim() ? { description: description.trim() } : {}),
    ...(tagIds.length > 0 ? { tagIds } : {}),
  });
  const clear = () => {
    setTitle('');
    setDescription('');
    setTagIds([]);
  };
  return {
    values: { title, area, groups, start, end, organisationId, cost, description, tagIds },
    set: { setTitle, setArea, setGroups, setStart, setEnd, setOrganisationId, setCost, setDescription, setTagIds },
    request,
    clear,
  };
}

type ProposalDraft = ReturnType<typeof useProposalDraft>;

/** The proposal's fields: title, area, target groups, dates, responsible organisation, cost and description. */
function ProposalFields({
  draft,
  organisations,
  tags,
}: {
  draft: ProposalDraft;
  organisations: OrganisationDto[];
  tags: readonly TopicTagDto[];
}) {
  const { t } = useI18n();
  const { values: v, set } = draft;
  return (
    <>
      <Field label={t('act.field.title')} required>
        <Input value={v.title} onChange={(_, d) => set.setTitle(d.value)} />
      </Field>
      <ChoiceField
        label={t('act.filter.area')}
        required
        value={v.area}
        choices={SAMVERKANSOMRADEN.map((a) => ({ value: a, label: t(`act.area.${a}`) }))}
        onChange={set.setArea}
      />
      <fieldset>
        <legend>{t('act.col.targetGroups')}</legend>
        {TARGET_GROUPS.map((g) => (
          <Checkbox
            key={g}
            label={t(`act.tg.${g}`)}
            checked={v.groups.includes(g)}
            onChange={(_, d) => set.setGroups((now) => (d.checked ? [...now, g] : now.filter((x) => x !== g)))}
          />
        ))}
      </fieldset>
      <DateField label={t('act.field.start')} required value={v.start} onChange={set.setStart} />
      <DateField label={t('act.field.end')} required value={v.end} onChange={set.setEnd} />
      <ChoiceField
        label={t('act.field.organisation')}
        required
        value={v.organisationId}
        choices={organisations.map((o) => ({ value: o.id, label: o.name }))}
        onChange={set.setOrganisationId}
      />
      <Field label={t('act.field.cost')}>
        <Input value={v.cost} inputMode="decimal" onChange={(_, d) => set.setCost(d.value)} />
      </Field>
      <Field label={t('act.field.description')}>
        <Textarea value={v.description} onChange={(_, d) => set.setDescription(d.value)} />
      </Field>
      {tags.length > 0 && <TagField tags={tags} value={v.tagIds} onChange={set.setTagIds} />}
    </>
  );
}

/** "Föreslå en aktivitet": the proposal's form in a dialog; it closes when the proposal is registered. */
export function Propose({
  organisations,
  tags = [],
  year,
  onProposed,
}: {
  organisations: OrganisationDto[];
  /** Ämnestaggar (#17); without them the form has no tag field. */
  tags?: readonly TopicTagDto[];
  year: number;
  onProposed(): void;
}) {
  const { t } = useI18n();
  const { api } = useServices();
  const action = useAction();
  const [open, setOpen] = useState(false);
  const [proposed, setProposed] = useState<string>();
  const draft = useProposalDraft(organisations, year);
  const submit = async () => {
    let title = '';
    const ok = await action.run(async () => {
      const { activity } = await activitiesApi(api).propose(draft.request());
      title = activity.title;
      return t('act.proposed', { title: activity.title });
    });
    if (!ok) return;
    draft.clear();
    setProposed(t('act.proposed', { title }));
    setOpen(false);
    onProposed();
  };
  return (
    <>
      <Button
        appearance="primary"
        onClick={() => {
          action.reset();
          setProposed(undefined);
          setOpen(true);
        }}
      >
        {t('act.propose')}
      </Button>
      <FormDialog
        open={open}
        title={t('act.propose')}
        submitLabel={t('act.propose.submit')}
        cancelLabel={t('act.dialogCancel')}
        busy={action.busy}
        onSubmit={() => void submit()}
        onCancel={() => setOpen(false)}
        footer={action.state.status === 'error' ? <ActionStatus state={action.state} /> : undefined}
      >
        <ProposalFields draft={draft} organisations={organisations} tags={tags} />
      </FormDialog>
      {proposed && <ActionStatus state={{ status: 'done', message: proposed }} />}
    </>
  );
}

/** The participants per organisation, as numbers. */
function countsOf(counts: Record<string, string>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(counts)
      .filter(([, value]) => value.trim() !== '')
      .map(([org, value]) => [org, Number(value)]),
  );
}

/** The participants per organisation in the evaluation, as typed. */
function ParticipantCounts({
  organisations,
  counts,
  onCounts,
}: {
  organisations: OrganisationDto[];
  counts: Record<string, string>;
  onCounts(update: (now: Record<string, string>) => Record<string, string>): void;
}) {
  const { t } = useI18n();
  return (
    <fieldset>
      <legend>{t('act.evaluate.participants')}</legend>
      {organisations.map((o) => (
        <Field key={o.id} label={o.name} orientation="horizontal">
          <Input
            type="number"
            min={0}
            value={counts[o.id] ?? ''}
            onChange={(_, d) => onCounts((now) => ({ ...now, [o.id]: d.value }))}
          />
        </Field>
      ))}
    </fieldset>
  );
}

/** The evaluation of a decided activity in a dialog: date, outcome, lessons and participants per organisation. */
export function Evaluate({
  activity,
  organisations,
  onDone,
  onCancel,
  onConflict,
}: {
  activity: ActivityDto;
  organisations: OrganisationDto[];
  /** Saved and closed: with the message to show on the page. */
  onDone(message: string): void;
  /** Closed without saving. */
  onCancel(): void;
  onConflict(): void;
}) {
  const { t } = useI18n();
  const { api } = useServices();
  const action = useAction();
  const today = todayInStockholm();
  const [date, setDate] = useState(today > activity.endDate ? today : activity.endDate);
  const [summary, setSummary] = useState('');
  const [lessons, setLessons] = useState('');
  const [counts, setCounts] = useState<Record<string, string>>({});
  // The dialog closes first and tells the page once its closing motion has ended (so the page is not left hidden).
  const [open, setOpen] = useState(true);
  const saved = useRef<string>(undefined);
  const submit = async () => {
    const message = t('act.evaluated', { title: activity.title });
    const ok = await action.run(async () => {
      try {
        await activitiesApi(api).evaluate(activity, {
          date,
          summary: summary.trim(),
          ...(lessons.trim() ? { lessons: lessons.trim() } : {}),
          participantsByOrganisation: countsOf(counts),
        });
      } catch (error) {
        onConflict();
        throw error;
      }
      return message;
    });
    if (!ok) return;
    saved.current = message;
    setOpen(false);
  };
  return (
    <FormDialog
      open={open}
      onClosed={() => (saved.current ? onDone(saved.current) : onCancel())}
      title={t('act.evaluate.title', { title: activity.title })}
      submitLabel={t('act.evaluate.submit')}
      cancelLabel={t('act.dialogCancel')}
      busy={action.busy}
      onSubmit={() => void submit()}
      onCancel={() => setOpen(false)}
      footer={action.state.status === 'error' ? <ActionStatus state={action.state} /> : undefined}
    >
      <DateField label={t('act.evaluate.date')} required value={date} onChange={setDate} />
      <Field label={t('act.evaluate.summary')} required>
        <Textarea value={summary} onChange={(_, d) => setSummary(d.value)} />
      </Field>
      <Field label={t('act.evaluate.lessons')}>
        <Textarea value={lessons} onChange={(_, d) => setLessons(d.value)} />
      </Field>
      <ParticipantCounts organisations={organisations} counts={counts} onCounts={setCounts} />
    </FormDialog>
  );
}

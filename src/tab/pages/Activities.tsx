import {
  Button,
  Checkbox,
  Field,
  Input,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
  ToggleButton,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { parseKronor } from '../../domain/money';
import type { Me, OrganisationDto } from '../api';
import {
  AREAS,
  STATUSES,
  TARGET_GROUPS,
  activitiesApi,
  isoWeekOf,
  type ActivityDto,
  type Area,
  type MeetingRow,
  type Status,
  type TargetGroup,
} from '../activities/api';
import { Arshjul, wheelItems } from '../activities/Arshjul';
import { Kalendarium } from '../activities/Kalendarium';
import { OperatingPlanSection } from '../activities/OperatingPlan';
import { todayInStockholm } from '../format';
import { ActionStatus } from '../ui/ActionStatus';
import { ChoiceField } from '../ui/ChoiceField';
import { PageHeading } from '../ui/PageHeading';
import { useFormStyles, usePageStyles } from '../ui/styles';
import { useAction } from '../ui/useAction';
import { useReloadOn } from '../ui/useReloadOn';
import { useI18n } from '../i18n';
import { useLoad, useServices } from '../services';
import { ErrorMessage, Loading } from '../ui/status';

type View = 'table' | 'kalendarium' | 'arshjul';

export function ActivitiesPage({ me }: { me: Me }) {
  const { t } = useI18n();
  const page = usePageStyles();
  const styles = useFormStyles();
  const today = todayInStockholm();
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const [area, setArea] = useState<Area | ''>('');
  const [targetGroup, setTargetGroup] = useState<TargetGroup | ''>('');
  const [status, setStatus] = useState<Status | ''>('');
  const [view, setView] = useState<View>('table');
  const [evaluating, setEvaluating] = useState<ActivityDto | undefined>();
  const filters = {
    year,
    ...(area ? { area } : {}),
    ...(targetGroup ? { targetGroup } : {}),
    ...(status ? { status } : {}),
  };
  const activities = useLoad((api) => activitiesApi(api).list(filters));
  const context = useLoad(async (api) => {
    const [meetings, decisions, organisations] = await Promise.all([
      activitiesApi(api).meetings(),
      activitiesApi(api).decisions(),
      api.organisations(),
    ]);
    return { meetings, decisions, organisations };
  });
  useReloadOn(`${year}|${area}|${targetGroup}|${status}`, activities.reload);
  // Bumped on every write here, so the verksamhetsplan sees a newly proposed or decided activity.
  const [changes, setChanges] = useState(0);
  const reloadAll = () => {
    activities.reload();
    context.reload();
    setChanges((n) => n + 1);
  };
  const canPropose = me.allowedActions.includes('activity.propose');
  const canDecide = me.allowedActions.includes('activity.decide');
  const canEvaluate = me.allowedActions.includes('activity.evaluate');
  const samverkansMeetings =
    context.status === 'ready' ? context.data.meetings.filter((m) => m.group === 'samverkansgrupp') : [];

  return (
    <>
      <PageHeading>{t('act.title')}</PageHeading>
      <p>{t('act.intro')}</p>
      <div className={styles.toolbar}>
        <ChoiceField
          label={t('act.year')}
          value={String(year)}
          choices={[year - 1, year, year + 1].map((y) => ({ value: String(y), label: String(y) }))}
          onChange={(value) => setYear(Number(value))}
        />
        <ChoiceField
          label={t('act.filter.area')}
          value={area}
          allLabel={t('act.filter.all')}
          choices={AREAS.map((a) => ({ value: a, label: t(`act.area.${a}`) }))}
          onChange={setArea}
        />
        <ChoiceField
          label={t('act.filter.targetGroup')}
          value={targetGroup}
          allLabel={t('act.filter.all')}
          choices={TARGET_GROUPS.map((g) => ({ value: g, label: t(`act.tg.${g}`) }))}
          onChange={setTargetGroup}
        />
        <ChoiceField
          label={t('act.filter.status')}
          value={status}
          allLabel={t('act.filter.all')}
          choices={STATUSES.map((st) => ({ value: st, label: t(`act.status.${st}`) }))}
          onChange={setStatus}
        />
      </div>
      {/* Toggle buttons rather than a TabList: the views are one region that changes, not tab panels. */}
      <div role="group" aria-label={t('act.views')} className={styles.toolbar}>
        {(['table', 'kalendarium', 'arshjul'] as const).map((value) => (
          <ToggleButton key={value} checked={view === value} onClick={() => setView(value)}>
            {t(`act.view.${value}`)}
          </ToggleButton>
        ))}
      </div>
      <section className={page.section} aria-live="polite">
        {activities.status === 'loading' && <Loading />}
        {activities.status === 'error' && <ErrorMessage error={activities.error} onRetry={activities.reload} />}
        {activities.status === 'ready' && view === 'table' && (
          <ActivityTable
            activities={activities.data}
            meetings={samverkansMeetings}
            canDecide={canDecide}
            canEvaluate={canEvaluate}
            onChanged={reloadAll}
            onEvaluate={setEvaluating}
          />
        )}
        {activities.status === 'ready' && view === 'kalendarium' && (
          <Kalendarium
            year={year}
            activities={activities.data}
            initialMonth={
              Number(activities.data[0]?.startDate.slice(5, 7)) ||
              (today.startsWith(`${year}-`) ? Number(today.slice(5, 7)) : 1)
            }
          />
        )}
        {activities.status === 'ready' && view === 'arshjul' && context.status === 'ready' && (
          <Arshjul
            year={year}
            items={wheelItems(year, activities.data, context.data.meetings, context.data.decisions)}
          />
        )}
      </section>
      {evaluating && context.status === 'ready' && (
        <Evaluate
          key={evaluating.id}
          activity={evaluating}
          organisations={context.data.organisations}
          onDone={() => {
            setEvaluating(undefined);
            reloadAll();
          }}
          onConflict={reloadAll}
        />
      )}
      {context.status === 'ready' && (
        <OperatingPlanSection
          year={year}
          changes={changes}
          meetings={samverkansMeetings}
          canPropose={me.allowedActions.includes('proposal.create')}
          canDecide={me.allowedActions.includes('decision.record')}
        />
      )}
      {canPropose && context.status === 'ready' && (
        <Propose organisations={context.data.organisations} year={year} onProposed={reloadAll} />
      )}
    </>
  );
}

function ActivityTable({
  activities,
  meetings,
  canDecide,
  canEvaluate,
  onChanged,
  onEvaluate,
}: {
  activities: ActivityDto[];
  meetings: MeetingRow[];
  canDecide: boolean;
  canEvaluate: boolean;
  onChanged(): void;
  onEvaluate(activity: ActivityDto): void;
}) {
  const { t } = useI18n();
  const styles = useFormStyles();
  const { api } = useServices();
  const action = useAction();
  const [meetingId, setMeetingId] = useState('');
  const chosenMeeting = meetingId || meetings[meetings.length - 1]?.id || '';
  if (activities.length === 0) return <p>{t('act.none')}</p>;
  const decide = async (activity: ActivityDto) => {
    await action.run(async () => {
      try {
        await activitiesApi(api).decide(activity, chosenMeeting);
      } finally {
        onChanged();
      }
      return t('act.decided', { title: activity.title });
    });
  };
  return (
    <>
      {canDecide && activities.some((a) => a.status === 'forslag') && (
        <div className={styles.toolbar}>
          {meetings.length === 0 ? (
            <p>{t('act.decide.noMeetings')}</p>
          ) : (
            <ChoiceField
              label={t('act.decide.meeting')}
              value={chosenMeeting}
              choices={meetings.map((m) => ({ value: m.id, label: m.title }))}
              onChange={setMeetingId}
            />
          )}
        </div>
      )}
      <div className={styles.tableWrap}>
        <Table aria-label={t('act.title')} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('act.col.title')}</TableHeaderCell>
              <TableHeaderCell>{t('act.col.when')}</TableHeaderCell>
              <TableHeaderCell>{t('act.col.area')}</TableHeaderCell>
              <TableHeaderCell>{t('act.col.targetGroups')}</TableHeaderCell>
              <TableHeaderCell>{t('act.col.status')}</TableHeaderCell>
              {(canDecide || canEvaluate) && <TableHeaderCell>{t('act.col.actions')}</TableHeaderCell>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {activities.map((a) => (
              <TableRow key={a.id}>
                <TableCell>{a.title}</TableCell>
                <TableCell>
                  {a.startDate === a.endDate ? a.startDate : `${a.startDate} – ${a.endDate}`} (
                  {t('act.week', { week: isoWeekOf(a.startDate) })})
                </TableCell>
                <TableCell>{t(`act.area.${a.area}`)}</TableCell>
                <TableCell>{a.targetGroups.map((g) => t(`act.tg.${g}`)).join(', ')}</TableCell>
                <TableCell>{t(`act.status.${a.status}`)}</TableCell>
                {(canDecide || canEvaluate) && (
                  <TableCell>
                    {canDecide && a.status === 'forslag' && meetings.length > 0 && (
                      <Button
                        size="small"
                        onClick={() => void decide(a)}
                        disabled={action.state.status === 'busy'}
                        aria-label={`${t('act.decide')}: ${a.title}`}
                      >
                        {t('act.decide.submit')}
                      </Button>
                    )}
                    {canEvaluate && (a.status === 'beslutad' || a.status === 'genomford') && (
                      <Button
                        size="small"
                        onClick={() => onEvaluate(a)}
                        aria-label={`${t('act.evaluate')}: ${a.title}`}
                      >
                        {t('act.evaluate')}
                      </Button>
                    )}
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
      <ActionStatus state={action.state} />
    </>
  );
}

function Propose({
  organisations,
  year,
  onProposed,
}: {
  organisations: OrganisationDto[];
  year: number;
  onProposed(): void;
}) {
  const { t } = useI18n();
  const page = usePageStyles();
  const styles = useFormStyles();
  const { api } = useServices();
  const action = useAction();
  const [title, setTitle] = useState('');
  const [area, setArea] = useState<Area>('kompetensutveckling');
  const [groups, setGroups] = useState<TargetGroup[]>(['kommuner']);
  const [start, setStart] = useState(`${year}-09-15`);
  const [end, setEnd] = useState(`${year}-09-15`);
  const [organisationId, setOrganisationId] = useState(organisations[0]?.id ?? '');
  const [cost, setCost] = useState('');
  const [description, setDescription] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const ok = await action.run(async () => {
      const { activity } = await activitiesApi(api).propose({
        title: title.trim(),
        area,
        targetGroups: groups,
        startDate: start,
        endDate: end,
        responsibleOrganisationId: organisationId,
        budgetedCostOre: cost.trim() ? parseKronor(cost) : 0,
        ...(description.trim() ? { description: description.trim() } : {}),
      });
      return t('act.proposed', { title: activity.title });
    });
    if (ok) {
      setTitle('');
      setDescription('');
      onProposed();
    }
  };
  return (
    <section className={page.section} aria-labelledby="act-propose">
      <h2 id="act-propose" className={page.sectionHeading}>
        {t('act.propose')}
      </h2>
      <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate>
        <Field label={t('act.field.title')} required>
          <Input value={title} onChange={(_, d) => setTitle(d.value)} />
        </Field>
        <ChoiceField
          label={t('act.filter.area')}
          required
          value={area}
          choices={AREAS.map((a) => ({ value: a, label: t(`act.area.${a}`) }))}
          onChange={setArea}
        />
        <fieldset>
          <legend>{t('act.col.targetGroups')}</legend>
          {TARGET_GROUPS.map((g) => (
            <Checkbox
              key={g}
              label={t(`act.tg.${g}`)}
              checked={groups.includes(g)}
              onChange={(_, d) => setGroups((now) => (d.checked ? [...now, g] : now.filter((x) => x !== g)))}
            />
          ))}
        </fieldset>
        <Field label={t('act.field.start')} required>
          <Input type="date" value={start} onChange={(_, d) => setStart(d.value)} />
        </Field>
        <Field label={t('act.field.end')} required>
          <Input type="date" value={end} onChange={(_, d) => setEnd(d.value)} />
        </Field>
        <ChoiceField
          label={t('act.field.organisation')}
          required
          value={organisationId}
          choices={organisations.map((o) => ({ value: o.id, label: o.name }))}
          onChange={setOrganisationId}
        />
        <Field label={t('act.field.cost')}>
          <Input value={cost} inputMode="decimal" onChange={(_, d) => setCost(d.value)} />
        </Field>
        <Field label={t('act.field.description')}>
          <Textarea value={description} onChange={(_, d) => setDescription(d.value)} />
        </Field>
        <Button type="submit" appearance="primary" disabled={action.state.status === 'busy'}>
          {t('act.propose.submit')}
        </Button>
      </form>
      <ActionStatus state={action.state} />
    </section>
  );
}

function Evaluate({
  activity,
  organisations,
  onDone,
  onConflict,
}: {
  activity: ActivityDto;
  organisations: OrganisationDto[];
  onDone(): void;
  onConflict(): void;
}) {
  const { t } = useI18n();
  const page = usePageStyles();
  const styles = useFormStyles();
  const { api } = useServices();
  const action = useAction();
  const today = todayInStockholm();
  const [date, setDate] = useState(today > activity.endDate ? today : activity.endDate);
  const [summary, setSummary] = useState('');
  const [lessons, setLessons] = useState('');
  const [counts, setCounts] = useState<Record<string, string>>({});
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const participantsByOrganisation = Object.fromEntries(
      Object.entries(counts)
        .filter(([, value]) => value.trim() !== '')
        .map(([org, value]) => [org, Number(value)]),
    );
    const ok = await action.run(async () => {
      try {
        await activitiesApi(api).evaluate(activity, {
          date,
          summary: summary.trim(),
          ...(lessons.trim() ? { lessons: lessons.trim() } : {}),
          participantsByOrganisation,
        });
      } catch (error) {
        onConflict();
        throw error;
      }
      return t('act.evaluated', { title: activity.title });
    });
    if (ok) onDone();
  };
  return (
    <section className={page.section} aria-labelledby="act-evaluate">
      <h2 id="act-evaluate" className={page.sectionHeading}>
        {t('act.evaluate.title', { title: activity.title })}
      </h2>
      <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate>
        <Field label={t('act.evaluate.date')} required>
          <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} />
        </Field>
        <Field label={t('act.evaluate.summary')} required>
          <Textarea value={summary} onChange={(_, d) => setSummary(d.value)} />
        </Field>
        <Field label={t('act.evaluate.lessons')}>
          <Textarea value={lessons} onChange={(_, d) => setLessons(d.value)} />
        </Field>
        <fieldset>
          <legend>{t('act.evaluate.participants')}</legend>
          {organisations.map((o) => (
            <Field key={o.id} label={o.name} orientation="horizontal">
              <Input
                type="number"
                min={0}
                value={counts[o.id] ?? ''}
                onChange={(_, d) => setCounts((now) => ({ ...now, [o.id]: d.value }))}
              />
            </Field>
          ))}
        </fieldset>
        <Button type="submit" appearance="primary" disabled={action.state.status === 'busy'}>
          {t('act.evaluate.submit')}
        </Button>
      </form>
      <ActionStatus state={action.state} />
    </section>
  );
}

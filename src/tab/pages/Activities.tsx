import { ToggleButton } from '@fluentui/react-components';
import { useState } from 'react';
import type { Me } from '../api';
import {
  ACTIVITY_STATUSES,
  SAMVERKANSOMRADEN,
  TARGET_GROUPS,
  type ActivityDto,
  type ActivityStatus,
  type Samverkansomrade,
  type TargetGroup,
} from '../../contract';
import { activitiesApi } from '../activities/api';
import { Arshjul, wheelItems } from '../activities/Arshjul';
import { Kalendarium } from '../activities/Kalendarium';
import { OperatingPlanSection } from '../activities/OperatingPlan';
import { heldMeetings } from '../decisions/heldMeetings';
import { todayInStockholm } from '../format';
import { ChoiceField } from '../ui/ChoiceField';
import { PageHeading } from '../ui/PageHeading';
import { useFormStyles, usePageStyles } from '../ui/styles';
import { useReloadOn } from '../ui/useReloadOn';
import { useI18n } from '../i18n';
import { useLoad } from '../services';
import { ErrorMessage, Loading } from '../ui/status';
import { Evaluate, Propose } from '../activities/ActivityForms';
import { ActivityTable } from '../activities/ActivityTable';

type View = 'table' | 'kalendarium' | 'arshjul';

export function ActivitiesPage({ me }: { me: Me }) {
  const { t } = useI18n();
  const page = usePageStyles();
  const styles = useFormStyles();
  const today = todayInStockholm();
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const [area, setArea] = useState<Samverkansomrade | ''>('');
  const [targetGroup, setTargetGroup] = useState<TargetGroup | ''>('');
  const [status, setStatus] = useState<ActivityStatus | ''>('');
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
  // A decision is taken at a meeting that has started (#17): one still ahead or cancelled is never offered.
  const samverkansMeetings =
    context.status === 'ready'
      ? heldMeetings(
          context.data.meetings.filter((m) => m.group === 'samverkansgrupp'),
          Date.now(),
        )
      : [];

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
          choices={SAMVERKANSOMRADEN.map((a) => ({ value: a, label: t(`act.area.${a}`) }))}
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
          choices={ACTIVITY_STATUSES.map((st) => ({ value: st, label: t(`act.status.${st}`) }))}
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

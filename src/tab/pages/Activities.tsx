import { useState } from 'react';
import type { Me } from '../api';
import type { ActivityDto } from '../../contract';
import { ActivityFilters, ViewToggle, type ActivityFilter, type ActivityView } from '../activities/ActivityFilters';
import { ActivityViews } from '../activities/ActivityViews';
import { useActivities } from '../activities/useActivities';
import { OperatingPlanSection } from '../activities/OperatingPlan';
import { todayInStockholm } from '../format';
import { PageHeading } from '../ui/PageHeading';
import { useI18n } from '../i18n';
import { Evaluate, Propose } from '../activities/ActivityForms';
import { fundersApi } from '../activities/fundersApi';
import { ReportParticipants } from '../activities/ParticipantsDialog';
import { useLoad } from '../services';

export function ActivitiesPage({ me }: { me: Me }) {
  const { t } = useI18n();
  const today = todayInStockholm();
  const [filter, setFilter] = useState<ActivityFilter>({
    year: Number(today.slice(0, 4)),
    area: '',
    targetGroup: '',
    status: '',
  });
  const { year } = filter;
  const [view, setView] = useState<ActivityView>('table');
  const [evaluating, setEvaluating] = useState<ActivityDto | undefined>();
  const [reporting, setReporting] = useState<ActivityDto | undefined>();
  const { activities, context, changes, reloadAll, samverkansMeetings } = useActivities(filter);
  const tags = useLoad((api) => fundersApi(api).tags());
  const allowed = (action: Me['allowedActions'][number]) => me.allowedActions.includes(action);

  return (
    <>
      <PageHeading>{t('act.title')}</PageHeading>
      <p>{t('act.intro')}</p>
      <ActivityFilters filter={filter} onChange={setFilter} />
      <ViewToggle view={view} onChange={setView} />
      <ActivityViews
        view={view}
        year={year}
        today={today}
        activities={activities}
        context={context}
        meetings={samverkansMeetings}
        canDecide={allowed('activity.decide')}
        canEvaluate={allowed('activity.evaluate')}
        onChanged={reloadAll}
        onEvaluate={setEvaluating}
        onReport={setReporting}
      />
      {context.status === 'ready' && (
        <ReportParticipants
          activity={reporting}
          organisations={context.data.organisations}
          onClose={() => {
            setReporting(undefined);
            reloadAll();
          }}
        />
      )}
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
          canPropose={allowed('proposal.create')}
          canDecide={allowed('decision.record')}
        />
      )}
      {allowed('activity.propose') && context.status === 'ready' && (
        <Propose
          organisations={context.data.organisations}
          tags={tags.status === 'ready' ? tags.data : []}
          year={year}
          onProposed={reloadAll}
        />
      )}
    </>
  );
}

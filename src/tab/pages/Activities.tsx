import { useState } from 'react';
import type { Me, OrganisationDto } from '../api';
import type { ActivityDto } from '../../contract';
import { ActivityFilters, ActivityTabs, type ActivityFilter, type ActivityView } from '../activities/ActivityFilters';
import { ActivityViews } from '../activities/ActivityViews';
import { useActivities } from '../activities/useActivities';
import { OperatingPlanSection } from '../activities/OperatingPlan';
import { todayInStockholm } from '../format';
import { ActionStatus } from '../ui/ActionStatus';
import { PageHeading } from '../ui/PageHeading';
import { usePageView } from '../ui/usePageView';
import { ViewPanel } from '../ui/ViewTabs';
import { useI18n } from '../i18n';
import { Evaluate, Propose } from '../activities/ActivityForms';
import { fundersApi } from '../activities/fundersApi';
import { ReportParticipants } from '../activities/ParticipantsDialog';
import { useLoad } from '../services';

const allOfYear = (year: number): ActivityFilter => ({ year, area: '', targetGroup: '', status: '' });

const VIEWS: readonly ActivityView[] = ['tabell', 'kalendarium', 'arshjul', 'uppfoljning', 'verksamhetsplan'];

/**
 * Aktiviteter, one view at a time (kept in the address: `#/aktiviteter/kalendarium`): the year's activities as a
 * table, a kalendarium or an årshjul, the funders' figures, and the verksamhetsplan; proposing and evaluating an
 * activity and reporting its participants in dialogs.
 */
export function ActivitiesPage({ me }: { me: Me }) {
  const { t } = useI18n();
  const today = todayInStockholm();
  const [filter, setFilter] = useState<ActivityFilter>(() => allOfYear(Number(today.slice(0, 4))));
  const { year } = filter;
  const [view, setView] = usePageView('aktiviteter', VIEWS);
  const [evaluating, setEvaluating] = useState<ActivityDto | undefined>();
  const [evaluated, setEvaluated] = useState<string>();
  const [reporting, setReporting] = useState<ActivityDto | undefined>();
  const { activities, context, changes, reloadAll, samverkansMeetings } = useActivities(filter);
  const tagsLoad = useLoad((api) => fundersApi(api).tags());
  const tags = tagsLoad.status === 'ready' ? tagsLoad.data : [];
  const allowed = (action: Me['allowedActions'][number]) => me.allowedActions.includes(action);
  const perYear = view === 'uppfoljning' || view === 'verksamhetsplan';
  const evaluate = (activity: ActivityDto) => {
    setEvaluated(undefined);
    setEvaluating(activity);
  };

  return (
    <>
      <PageHeading>{t('act.title')}</PageHeading>
      <p>{t('act.intro')}</p>
      <ActivityFilters filter={filter} onChange={setFilter} yearOnly={perYear}>
        {allowed('activity.propose') && context.status === 'ready' && (
          <Propose organisations={context.data.organisations} tags={tags} year={year} onProposed={reloadAll} />
        )}
      </ActivityFilters>
      <ActivityTabs views={VIEWS} view={view} onView={setView} />
      <ViewPanel idPrefix="act" view={view}>
        {evaluated && <ActionStatus state={{ status: 'done', message: evaluated }} />}
        {view === 'verksamhetsplan' ? (
          context.status === 'ready' && (
            <OperatingPlanSection
              year={year}
              changes={changes}
              meetings={samverkansMeetings}
              canPropose={allowed('proposal.create')}
              canDecide={allowed('decision.record')}
            />
          )
        ) : (
          <ActivityViews
            view={view}
            year={year}
            today={today}
            activities={activities}
            context={context}
            meetings={samverkansMeetings}
            tags={tags}
            canDecide={allowed('activity.decide')}
            canEvaluate={allowed('activity.evaluate')}
            onChanged={reloadAll}
            onEvaluate={evaluate}
            onReport={setReporting}
          />
        )}
      </ViewPanel>
      {context.status === 'ready' && (
        <ActivityDialogs
          organisations={context.data.organisations}
          evaluating={evaluating}
          reporting={reporting}
          onEvaluated={(message) => {
            setEvaluated(message);
            reloadAll();
          }}
          onClosed={() => {
            setEvaluating(undefined);
            setReporting(undefined);
          }}
          onChanged={reloadAll}
        />
      )}
    </>
  );
}

/** The evaluation and the participant counts of one activity, each in its dialog. */
function ActivityDialogs({
  organisations,
  evaluating,
  reporting,
  onEvaluated,
  onClosed,
  onChanged,
}: {
  organisations: OrganisationDto[];
  evaluating: ActivityDto | undefined;
  reporting: ActivityDto | undefined;
  onEvaluated(message: string): void;
  onClosed(): void;
  onChanged(): void;
}) {
  return (
    <>
      <ReportParticipants
        activity={reporting}
        organisations={organisations}
        onClose={() => {
          onClosed();
          onChanged();
        }}
      />
      {evaluating && (
        <Evaluate
          key={evaluating.id}
          activity={evaluating}
          organisations={organisations}
          onDone={(message) => {
            onClosed();
            onEvaluated(message);
          }}
          onCancel={onClosed}
          onConflict={onChanged}
        />
      )}
    </>
  );
}

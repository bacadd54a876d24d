import { Button } from '@fluentui/react-components';
import { ActionStatus } from '../ui/ActionStatus';
import { useFormStyles, usePageStyles } from '../ui/styles';
import { useI18n } from '../i18n';
import { ErrorMessage, Loading } from '../ui/status';
import type { MeetingSummaryDto } from '../../contract';
import { DecidePlan } from './plan/DecidePlan';
import { PlanEditor } from './plan/PlanEditor';
import { PlanSummary } from './plan/PlanSummary';
import { useOperatingPlan } from './plan/useOperatingPlan';

/**
 * The year's verksamhetsplan: priorities, goals with their activities (goals without any flagged), the proposal
 * editor for stödgruppen and the samordnare, and the samordnare's record of samverkansgruppen's decision.
 */
export function OperatingPlanSection({
  year,
  changes = 0,
  meetings,
  canPropose,
  canDecide,
}: {
  year: number;
  /** Changes when activities were written elsewhere on the page. */
  changes?: number;
  meetings: MeetingSummaryDto[];
  canPropose: boolean;
  canDecide: boolean;
}) {
  const { t } = useI18n();
  const page = usePageStyles();
  const styles = useFormStyles();
  const plan = useOperatingPlan(year, changes, meetings);
  const { view, action, heading, editing } = plan;
  const titleId = `plan-${year}`;

  return (
    <section className={page.section} aria-labelledby={titleId}>
      <h2 id={titleId} ref={heading} tabIndex={-1} className={page.sectionHeading}>
        {t('plan.title', { year })}
      </h2>
      {view.status === 'loading' && <Loading />}
      {view.status === 'error' && <ErrorMessage error={view.error} onRetry={view.reload} />}
      {view.status === 'ready' && (
        <>
          <PlanSummary year={year} view={view.data} />
          {view.data.plan?.status === 'beslutad' && <p>{t('plan.decidedNote')}</p>}
          {canPropose && view.data.plan?.status !== 'beslutad' && !editing && (
            <div className={styles.toolbar}>
              <Button onClick={plan.startEditing}>{view.data.plan ? t('plan.edit') : t('plan.propose')}</Button>
            </div>
          )}
          {editing && (
            <PlanEditor
              year={year}
              plan={view.data.plan}
              activities={view.data.activities}
              onCancel={plan.cancelEditing}
              save={plan.save}
              error={action.state.status === 'error' ? action.state.error : undefined}
              busy={action.state.status === 'busy'}
            />
          )}
          {canDecide && view.data.plan?.status === 'forslag' && !editing && (
            <DecidePlan
              meetings={meetings}
              meetingId={plan.chosenMeeting}
              onMeeting={plan.setMeetingId}
              busy={action.state.status === 'busy'}
              onDecide={() => view.data.plan && void plan.decide(view.data.plan)}
            />
          )}
        </>
      )}
      <ActionStatus state={action.state} />
    </section>
  );
}

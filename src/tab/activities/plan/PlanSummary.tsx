import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { OperatingPlanViewDto } from '../../../contract';
import { useI18n } from '../../i18n';
import { usePageStyles } from '../../ui/styles';

/** The plan as decided or proposed: priorities, and each goal with its activities (a goal without any flagged). */
export function PlanSummary({ year, view }: { year: number; view: OperatingPlanViewDto }) {
  const { t } = useI18n();
  const page = usePageStyles();
  const { plan, coverage } = view;
  if (!plan) return <p>{t('plan.none', { year })}</p>;
  const byGoal = new Map(coverage?.goals.map((goal) => [goal.goalId, goal]));
  return (
    <>
      <p>{t('plan.status', { status: t(`plan.status.${plan.status}`) })}</p>
      <h3 className={page.sectionHeading}>{t('plan.priorities')}</h3>
      {plan.priorities.length === 0 ? (
        <p>{t('plan.noPriorities')}</p>
      ) : (
        <ul className={page.list} aria-label={t('plan.priorities')}>
          {plan.priorities.map((priority, index) => (
            <li key={index} lang="sv">
              {priority}
            </li>
          ))}
        </ul>
      )}
      <h3 className={page.sectionHeading}>{t('plan.goals')}</h3>
      {coverage && coverage.totalGoals > 0 && (
        <p>{t('plan.coverage', { covered: coverage.coveredGoals, total: coverage.totalGoals })}</p>
      )}
      {plan.goals.length === 0 ? (
        <p>{t('plan.noGoals')}</p>
      ) : (
        <ul className={page.list} aria-label={t('plan.goals')}>
          {plan.goals.map((goal) => {
            const covered = byGoal.get(goal.id);
            return (
              <li key={goal.id} data-testid={`plan-goal-${goal.id}`}>
                <span lang="sv">{goal.text}</span>
                {covered && covered.activities.length > 0 ? (
                  <ul className={page.list} aria-label={`${t('plan.goalActivities')}: ${goal.text}`}>
                    {covered.activities.map((activity) => (
                      <li key={activity.id}>{activity.title}</li>
                    ))}
                  </ul>
                ) : (
                  <MessageBar intent="warning">
                    <MessageBarBody>{t('plan.goalUncovered')}</MessageBarBody>
                  </MessageBar>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

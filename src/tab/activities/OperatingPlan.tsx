import { Button, Checkbox, Field, MessageBar, MessageBarBody, Textarea } from '@fluentui/react-components';
import { useRef, useState, type FormEvent } from 'react';
import { ActionStatus } from '../ui/ActionStatus';
import { ChoiceField } from '../ui/ChoiceField';
import { useFormStyles, usePageStyles } from '../ui/styles';
import { useAction } from '../ui/useAction';
import { useReloadOn } from '../ui/useReloadOn';
import { useI18n } from '../i18n';
import { useLoad, useServices } from '../services';
import { ErrorMessage, Loading } from '../ui/status';
import { ApiError } from '../api';
import type { ActivityDto, MeetingSummaryDto, OperatingPlanDto, OperatingPlanViewDto, PlanInput } from '../../contract';
import { activitiesApi } from './api';
import { conflictPlan, planApi } from './planApi';

interface DraftGoal {
  key: string;
  id?: string;
  text: string;
  activityIds: string[];
}

let draftKeys = 0;
const nextKey = () => `goal-${(draftKeys += 1)}`;

interface Draft {
  priorities: string;
  goals: DraftGoal[];
}

function draftOf(plan: OperatingPlanDto | null): Draft {
  return {
    priorities: plan ? plan.priorities.join('\n') : '',
    goals: plan
      ? plan.goals.map((goal) => ({ ...goal, key: nextKey() }))
      : [{ key: nextKey(), text: '', activityIds: [] }],
  };
}

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
  const { api } = useServices();
  const action = useAction();
  const heading = useRef<HTMLHeadingElement>(null);
  const [editing, setEditing] = useState(false);
  const [meetingId, setMeetingId] = useState('');
  const view = useLoad(async (client) => {
    const [plan, activities] = await Promise.all([planApi(client).get(year), activitiesApi(client).list({ year })]);
    return { ...plan, activities };
  });
  useReloadOn(`${year}|${changes}`, view.reload);
  const chosenMeeting = meetingId || meetings[meetings.length - 1]?.id || '';
  const titleId = `plan-${year}`;

  const afterWrite = (message: string) => {
    setEditing(false);
    view.reload();
    heading.current?.focus();
    return message;
  };

  const decide = async (plan: OperatingPlanDto) => {
    await action.run(async () => {
      try {
        await planApi(api).decide(plan, chosenMeeting);
      } catch (error) {
        view.reload();
        throw error;
      }
      return afterWrite(t('plan.decided', { year }));
    });
  };

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
              <Button
                onClick={() => {
                  action.reset();
                  setEditing(true);
                }}
              >
                {view.data.plan ? t('plan.edit') : t('plan.propose')}
              </Button>
            </div>
          )}
          {editing && (
            <PlanEditor
              year={year}
              plan={view.data.plan}
              activities={view.data.activities}
              onCancel={() => {
                setEditing(false);
                heading.current?.focus();
              }}
              save={(input, etag) =>
                action.run(async () => {
                  await planApi(api).save(year, input, etag);
                  return afterWrite(t('plan.saved', { year }));
                })
              }
              error={action.state.status === 'error' ? action.state.error : undefined}
              busy={action.state.status === 'busy'}
            />
          )}
          {canDecide && view.data.plan?.status === 'forslag' && !editing && (
            <div className={styles.toolbar} role="group" aria-label={t('plan.decide')}>
              {meetings.length === 0 ? (
                <p>{t('act.decide.noMeetings')}</p>
              ) : (
                <>
                  <ChoiceField
                    label={t('act.decide.meeting')}
                    value={chosenMeeting}
                    choices={meetings.map((m) => ({ value: m.id, label: m.title }))}
                    onChange={setMeetingId}
                  />
                  <Button
                    appearance="primary"
                    disabled={action.state.status === 'busy'}
                    onClick={() => view.data.plan && void decide(view.data.plan)}
                  >
                    {t('plan.decide.submit')}
                  </Button>
                </>
              )}
            </div>
          )}
        </>
      )}
      <ActionStatus state={action.state} />
    </section>
  );
}

function PlanSummary({ year, view }: { year: number; view: OperatingPlanViewDto }) {
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

function PlanEditor({
  year,
  plan,
  activities,
  onCancel,
  save,
  error,
  busy,
}: {
  year: number;
  plan: OperatingPlanDto | null;
  activities: ActivityDto[];
  onCancel(): void;
  save(input: PlanInput, etag: string | undefined): Promise<boolean>;
  error: ApiError | undefined;
  busy: boolean;
}) {
  const { t } = useI18n();
  const page = usePageStyles();
  const styles = useFormStyles();
  const [base, setBase] = useState(plan);
  const [draft, setDraft] = useState(() => draftOf(plan));
  const conflicting = error?.code === 'CONFLICT' ? conflictPlan(error.current) : undefined;
  // Once the user starts from the newer version it is the base, no longer news.
  const newer = conflicting && conflicting.etag !== base?.etag ? conflicting : undefined;
  const live = activities.filter((a) => a.status !== 'struken');
  const setGoal = (key: string, change: (goal: DraftGoal) => DraftGoal) =>
    setDraft((now) => ({ ...now, goals: now.goals.map((goal) => (goal.key === key ? change(goal) : goal)) }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await save(
      {
        priorities: draft.priorities
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => line !== ''),
        goals: draft.goals
          .filter((goal) => goal.text.trim() !== '')
          .map((goal) => ({
            ...(goal.id ? { id: goal.id } : {}),
            text: goal.text.trim(),
            activityIds: goal.activityIds,
          })),
      },
      base?.etag,
    );
  };

  return (
    <form className={page.section} onSubmit={(event) => void submit(event)} noValidate aria-labelledby="plan-editor">
      <h3 id="plan-editor" className={page.sectionHeading}>
        {t('plan.editor', { year })}
      </h3>
      <Field label={t('plan.field.priorities')} hint={t('plan.field.prioritiesHint')}>
        <Textarea
          value={draft.priorities}
          resize="vertical"
          rows={4}
          onChange={(_, d) => setDraft((now) => ({ ...now, priorities: d.value }))}
        />
      </Field>
      {draft.goals.map((goal, index) => (
        <fieldset key={goal.key}>
          <legend>{t('plan.goal', { n: index + 1 })}</legend>
          <Field label={t('plan.goal.text')} required>
            <Textarea value={goal.text} onChange={(_, d) => setGoal(goal.key, (g) => ({ ...g, text: d.value }))} />
          </Field>
          <div role="group" aria-label={`${t('plan.goal.link')}, ${t('plan.goal', { n: index + 1 })}`}>
            <p>{t('plan.goal.link')}</p>
            {live.length === 0 && <p>{t('plan.goal.noActivities')}</p>}
            {live.map((activity) => (
              <Checkbox
                key={activity.id}
                label={activity.title}
                checked={goal.activityIds.includes(activity.id)}
                onChange={(_, d) =>
                  setGoal(goal.key, (g) => ({
                    ...g,
                    activityIds: d.checked
                      ? [...g.activityIds, activity.id]
                      : g.activityIds.filter((id) => id !== activity.id),
                  }))
                }
              />
            ))}
          </div>
          <Button
            size="small"
            onClick={() => setDraft((now) => ({ ...now, goals: now.goals.filter((g) => g.key !== goal.key) }))}
          >
            {t('plan.goal.remove', { n: index + 1 })}
          </Button>
        </fieldset>
      ))}
      <div className={styles.toolbar}>
        <Button
          onClick={() =>
            setDraft((now) => ({ ...now, goals: [...now.goals, { key: nextKey(), text: '', activityIds: [] }] }))
          }
        >
          {t('plan.goal.add')}
        </Button>
        <Button type="submit" appearance="primary" disabled={busy}>
          {t('plan.save')}
        </Button>
        <Button onClick={onCancel}>{t('plan.cancel')}</Button>
      </div>
      {newer && (
        <section aria-labelledby="plan-newer" data-testid="plan-newer">
          <h4 id="plan-newer" className={page.sectionHeading}>
            {t('plan.newer')}
          </h4>
          <p>{t('plan.field.priorities')}:</p>
          <ul className={page.list}>
            {newer.priorities.map((priority, index) => (
              <li key={index} lang="sv">
                {priority}
              </li>
            ))}
          </ul>
          <p>{t('plan.goals')}:</p>
          <ul className={page.list}>
            {newer.goals.map((goal) => (
              <li key={goal.id} lang="sv">
                {goal.text}
              </li>
            ))}
          </ul>
          <Button
            onClick={() => {
              setBase(newer);
              setDraft(draftOf(newer));
            }}
          >
            {t('plan.useNewer')}
          </Button>
        </section>
      )}
    </form>
  );
}

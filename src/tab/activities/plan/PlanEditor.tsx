import { Button, Checkbox, Field, Textarea } from '@fluentui/react-components';
import type { ApiError } from '../../api';
import type { ActivityDto, OperatingPlanDto, PlanInput } from '../../../contract';
import { useI18n } from '../../i18n';
import { useFormStyles, usePageStyles } from '../../ui/styles';
import { usePlanEditor, type DraftGoal } from './usePlanEditor';

/** The proposal editor: priorities, goals linked to the year's live activities, and a conflict's newer version. */
export function PlanEditor({
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
  const editor = usePlanEditor(plan, error, save);
  const { draft, newer } = editor;
  const live = activities.filter((a) => a.status !== 'struken');

  return (
    <form
      className={page.section}
      onSubmit={(event) => void editor.submit(event)}
      noValidate
      aria-labelledby="plan-editor"
    >
      <h3 id="plan-editor" className={page.sectionHeading}>
        {t('plan.editor', { year })}
      </h3>
      <Field label={t('plan.field.priorities')} hint={t('plan.field.prioritiesHint')}>
        <Textarea
          value={draft.priorities}
          resize="vertical"
          rows={4}
          onChange={(_, d) => editor.setPriorities(d.value)}
        />
      </Field>
      {draft.goals.map((goal, index) => (
        <GoalFieldset
          key={goal.key}
          goal={goal}
          n={index + 1}
          live={live}
          onChange={(change) => editor.setGoal(goal.key, change)}
          onRemove={() => editor.removeGoal(goal.key)}
        />
      ))}
      <div className={styles.toolbar}>
        <Button onClick={editor.addGoal}>{t('plan.goal.add')}</Button>
        <Button type="submit" appearance="primary" disabled={busy}>
          {t('plan.save')}
        </Button>
        <Button onClick={onCancel}>{t('plan.cancel')}</Button>
      </div>
      {newer && <NewerPlan plan={newer} onUse={() => editor.startFromNewer(newer)} />}
    </form>
  );
}

function GoalFieldset({
  goal,
  n,
  live,
  onChange,
  onRemove,
}: {
  goal: DraftGoal;
  n: number;
  live: ActivityDto[];
  onChange(change: (goal: DraftGoal) => DraftGoal): void;
  onRemove(): void;
}) {
  const { t } = useI18n();
  return (
    <fieldset>
      <legend>{t('plan.goal', { n })}</legend>
      <Field label={t('plan.goal.text')} required>
        <Textarea value={goal.text} onChange={(_, d) => onChange((g) => ({ ...g, text: d.value }))} />
      </Field>
      <div role="group" aria-label={`${t('plan.goal.link')}, ${t('plan.goal', { n })}`}>
        <p>{t('plan.goal.link')}</p>
        {live.length === 0 && <p>{t('plan.goal.noActivities')}</p>}
        {live.map((activity) => (
          <Checkbox
            key={activity.id}
            label={activity.title}
            checked={goal.activityIds.includes(activity.id)}
            onChange={(_, d) =>
              onChange((g) => ({
                ...g,
                activityIds: d.checked
                  ? [...g.activityIds, activity.id]
                  : g.activityIds.filter((id) => id !== activity.id),
              }))
            }
          />
        ))}
      </div>
      <Button size="small" onClick={onRemove}>
        {t('plan.goal.remove', { n })}
      </Button>
    </fieldset>
  );
}

function NewerPlan({ plan, onUse }: { plan: OperatingPlanDto; onUse(): void }) {
  const { t } = useI18n();
  const page = usePageStyles();
  return (
    <section aria-labelledby="plan-newer" data-testid="plan-newer">
      <h4 id="plan-newer" className={page.sectionHeading}>
        {t('plan.newer')}
      </h4>
      <p>{t('plan.field.priorities')}:</p>
      <ul className={page.list}>
        {plan.priorities.map((priority, index) => (
          <li key={index} lang="sv">
            {priority}
          </li>
        ))}
      </ul>
      <p>{t('plan.goals')}:</p>
      <ul className={page.list}>
        {plan.goals.map((goal) => (
          <li key={goal.id} lang="sv">
            {goal.text}
          </li>
        ))}
      </ul>
      <Button onClick={onUse}>{t('plan.useNewer')}</Button>
    </section>
  );
}

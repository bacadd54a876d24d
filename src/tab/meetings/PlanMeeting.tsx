import { Button } from '@fluentui/react-components';
import { useI18n } from '../i18n';
import { ActionStatus } from '../ui/ActionStatus';
import { usePageStyles } from '../ui/styles';
import type { MeetingRecordDto } from '../../contract';
import type { MeetingsApi } from './api';
import { Candidates } from './plan/Candidates';
import { PlanFields } from './plan/PlanFields';
import { usePlanStyles } from './plan/styles';
import { usePlanForm, usePlanMeeting, type Group } from './plan/usePlanMeeting';

/**
 * Plan → pick → send: candidate times from the convener's and members' calendars, a poll when the guests'
 * calendars cannot be read, and the kallelse for the time picked.
 */
export function PlanMeeting({
  api,
  groups,
  onSent,
}: {
  api: MeetingsApi;
  groups: Group[];
  onSent(meeting: MeetingRecordDto): void;
}) {
  const { t } = useI18n();
  const page = usePageStyles();
  const styles = usePlanStyles();
  const form = usePlanForm(groups);
  const state = usePlanMeeting(api, form, onSent);

  return (
    <section aria-labelledby="meetings-plan" className={page.section}>
      <h2 id="meetings-plan" className={page.sectionHeading}>
        {t('meetings.planHeading')}
      </h2>
      <form className={styles.form} onSubmit={state.propose}>
        <PlanFields form={form} groups={groups} />
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={state.planning.busy}>
            {t('meetings.propose')}
          </Button>
        </div>
        <ActionStatus state={state.planning.state} busyLabel={t('meetings.proposing')} doneIntent="info" />
      </form>

      {state.plan && <Candidates plan={state.plan} state={state} form={form} />}
    </section>
  );
}

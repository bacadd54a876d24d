import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { useEffect } from 'react';
import { useI18n } from '../i18n';
import { ActionStatus } from '../ui/ActionStatus';
import { usePageStyles } from '../ui/styles';
import type { MeetingDraftView, MeetingRecordDto } from '../../contract';
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
  draft,
  onClearDraft,
}: {
  api: MeetingsApi;
  groups: Group[];
  /** The kallelse is sent: the meeting, and the message saying to how many. */
  onSent(meeting: MeetingRecordDto, message: string): void;
  /** The draft the kallelse is made from: its group, year and season, its dagordning and handlingar. */
  draft?: MeetingDraftView;
  onClearDraft?(): void;
}) {
  const { t } = useI18n();
  const page = usePageStyles();
  const styles = usePlanStyles();
  const form = usePlanForm(groups);
  const state = usePlanMeeting(api, form, onSent);
  const { setGroup, setYear, setSeason, setDraftId } = form;
  useEffect(() => {
    setDraftId(draft?.id);
    if (!draft) return;
    setGroup(draft.group);
    setYear(String(draft.year));
    if (draft.season) setSeason(draft.season);
  }, [draft, setGroup, setYear, setSeason, setDraftId]);

  return (
    <section aria-labelledby="meetings-plan" className={page.section}>
      <h2 id="meetings-plan" className={page.sectionHeading}>
        {t('meetings.planHeading')}
      </h2>
      {draft && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t('drafts.fromDraft', { title: draft.title })}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={onClearDraft}>{t('drafts.withoutDraft')}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
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

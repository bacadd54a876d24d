import { Button } from '@fluentui/react-components';
import type { MeetingSummaryDto } from '../../../contract';
import { useI18n } from '../../i18n';
import { ChoiceField } from '../../ui/ChoiceField';
import { useFormStyles } from '../../ui/styles';

/** The samordnare records samverkansgruppen's decision on the proposal, at a meeting that has started. */
export function DecidePlan({
  meetings,
  meetingId,
  onMeeting,
  busy,
  onDecide,
}: {
  meetings: MeetingSummaryDto[];
  meetingId: string;
  onMeeting(id: string): void;
  busy: boolean;
  onDecide(): void;
}) {
  const { t } = useI18n();
  const styles = useFormStyles();
  return (
    <div className={styles.toolbar} role="group" aria-label={t('plan.decide')}>
      {meetings.length === 0 ? (
        <p>{t('act.decide.noMeetings')}</p>
      ) : (
        <>
          <ChoiceField
            label={t('act.decide.meeting')}
            value={meetingId}
            choices={meetings.map((m) => ({ value: m.id, label: m.title }))}
            onChange={onMeeting}
          />
          <Button appearance="primary" disabled={busy} onClick={onDecide}>
            {t('plan.decide.submit')}
          </Button>
        </>
      )}
    </div>
  );
}

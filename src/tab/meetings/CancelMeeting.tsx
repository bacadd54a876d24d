import { Button, Field, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { MeetingRecordDto } from '../../contract';
import { useI18n } from '../i18n';
import { ActionStatus } from '../ui/ActionStatus';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { useAction } from '../ui/useAction';
import type { MeetingsApi } from './api';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '40rem', marginTop: tokens.spacingVerticalM },
});

/**
 * Cancelling a meeting, with the message to the invitees; asked again in a dialog that says what happens (every
 * invitee gets the cancellation, it cannot be undone), with "Behåll mötet" as the safe choice.
 */
export function CancelMeeting({
  api,
  meeting,
  onChanged,
}: {
  api: MeetingsApi;
  meeting: MeetingRecordDto;
  onChanged(): void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const [comment, setComment] = useState('');
  const [asking, setAsking] = useState(false);
  const cancelling = useAction();
  const confirm = async () => {
    const cancelled = await cancelling.run(
      () => api.cancel(meeting.id, comment.trim()),
      () => t('meetings.cancelled'),
    );
    setAsking(false);
    if (cancelled) onChanged();
  };
  return (
    <>
      <div className={styles.form}>
        <Field label={t('meetings.cancelMessage')}>
          <Textarea value={comment} onChange={(_, data) => setComment(data.value)} />
        </Field>
        <div>
          <Button disabled={cancelling.busy || comment.trim() === ''} onClick={() => setAsking(true)}>
            {t('meetings.cancel')}
          </Button>
        </div>
      </div>
      <ConfirmDialog
        open={asking}
        title={t('meetings.cancel.confirmTitle', { title: meeting.title })}
        consequence={t('meetings.cancel.consequence', { date: meeting.date, time: meeting.startTime })}
        confirmLabel={t('meetings.cancel')}
        cancelLabel={t('meetings.cancel.keep')}
        destructive
        busy={cancelling.busy}
        onConfirm={() => void confirm()}
        onCancel={() => setAsking(false)}
      />
      <ActionStatus state={cancelling.state} />
    </>
  );
}

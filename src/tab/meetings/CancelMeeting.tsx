import { Button, Field, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { MeetingRecordDto } from '../../contract';
import { useI18n } from '../i18n';
import { ActionStatus } from '../ui/ActionStatus';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { useAction } from '../ui/useAction';
import type { MeetingsApi } from './api';

/**
 * Cancelling a meeting: a dialog that says what happens (every invitee gets the cancellation with the message
 * written in it, it cannot be undone), with "Behåll mötet" as the safe choice that has the focus; the cancel waits
 * for the message.
 */
export function CancelMeeting({
  api,
  meeting,
  onChanged,
}: {
  api: MeetingsApi;
  meeting: MeetingRecordDto;
  /** With the message to show on the meeting once it is read again. */
  onChanged(notice?: string): void;
}) {
  const { t } = useI18n();
  const [comment, setComment] = useState('');
  const [asking, setAsking] = useState(false);
  const cancelling = useAction();
  const confirm = async () => {
    const cancelled = await cancelling.run(
      () => api.cancel(meeting.id, comment.trim()),
      () => t('meetings.cancelled'),
    );
    if (cancelled) onChanged(t('meetings.cancelled'));
  };
  return (
    <>
      <Button disabled={cancelling.busy} onClick={() => setAsking(true)}>
        {t('meetings.cancel')}
      </Button>
      <ConfirmDialog
        open={asking}
        title={t('meetings.cancel.confirmTitle', { title: meeting.title })}
        consequence={
          <>
            <p>{t('meetings.cancel.consequence', { date: meeting.date, time: meeting.startTime })}</p>
            <Field label={t('meetings.cancelMessage')} required>
              <Textarea value={comment} onChange={(_, data) => setComment(data.value)} />
            </Field>
          </>
        }
        confirmLabel={t('meetings.cancel')}
        cancelLabel={t('meetings.cancel.keep')}
        destructive
        busy={cancelling.busy || comment.trim() === ''}
        onConfirm={() => void confirm()}
        onCancel={() => setAsking(false)}
      />
      {cancelling.state.status === 'error' && <ActionStatus state={cancelling.state} />}
    </>
  );
}

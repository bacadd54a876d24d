import { Button } from '@fluentui/react-components';
import { useState } from 'react';
import { ApiError } from '../api';
import { useI18n } from '../i18n';
import { ActionStatus } from '../ui/ActionStatus';
import { DateField } from '../ui/DateField';
import { FormDialog } from '../ui/FormDialog';
import { TimeField } from '../ui/TimeField';
import { useAction } from '../ui/useAction';
import type { MeetingRecordDto } from '../../contract';
import type { MeetingsApi } from './api';

/** Moving a meeting to a new day and time, in a dialog; the invitees get the change in their calendars. */
export function MoveMeeting({
  api,
  meeting,
  onChanged,
}: {
  api: MeetingsApi;
  meeting: MeetingRecordDto;
  /** With the message to show on the meeting once it is read again. */
  onChanged(notice?: string, intent?: 'warning'): void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState(meeting.date);
  const [start, setStart] = useState(meeting.startTime);
  const [end, setEnd] = useState(meeting.endTime);
  const moving = useAction();
  const openDialog = () => {
    moving.reset();
    setDate(meeting.date);
    setStart(meeting.startTime);
    setEnd(meeting.endTime);
    setOpen(true);
  };
  const move = async () => {
    const moved = await moving.run(
      () =>
        api.reschedule(meeting.id, { date, startTime: start, endTime: end }, meeting.etag).catch((error) => {
          // Changed by someone else first: the meeting is read again and shows the newer time, with why.
          if (error instanceof ApiError && error.status === 409) onChanged(t('meetings.move.conflict'), 'warning');
          throw error;
        }),
      () => t('meetings.rescheduled'),
    );
    if (!moved) return;
    setOpen(false);
    onChanged(t('meetings.rescheduled'));
  };
  return (
    <>
      <Button onClick={openDialog}>{t('meetings.reschedule')}</Button>
      <FormDialog
        open={open}
        title={t('meetings.reschedule')}
        submitLabel={t('meetings.reschedule')}
        cancelLabel={t('meetings.dialogCancel')}
        busy={moving.busy}
        onSubmit={() => void move()}
        onCancel={() => setOpen(false)}
        footer={<ActionStatus state={moving.state} />}
      >
        <p>{t('meetings.move.hint')}</p>
        <DateField label={t('meetings.newDate')} value={date} onChange={setDate} />
        <TimeField label={t('meetings.start')} value={start} onChange={setStart} />
        <TimeField label={t('meetings.end')} value={end} onChange={setEnd} />
      </FormDialog>
    </>
  );
}

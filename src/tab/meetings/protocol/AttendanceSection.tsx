import { Button, Checkbox } from '@fluentui/react-components';
import type { AttendanceRowDto, MeetingRecordDto } from '../../../contract';
import { useI18n } from '../../i18n';
import { ActionStatus } from '../../ui/ActionStatus';
import { usePageStyles } from '../../ui/styles';
import { useAction } from '../../ui/useAction';
import type { MeetingsApi } from '../api';
import { useProtocolStyles } from './styles';

/** Närvaro: one checkbox per invited person, saved together. */
export function AttendanceSection({
  api,
  meeting,
  attendance,
  present,
  onPresent,
  mayRecord,
  locked,
  onSaved,
  headed = true,
}: {
  api: MeetingsApi;
  meeting: MeetingRecordDto;
  attendance: AttendanceRowDto[];
  present: Record<string, boolean>;
  onPresent(update: (value: Record<string, boolean>) => Record<string, boolean>): void;
  mayRecord: boolean;
  locked: boolean;
  onSaved(): void;
  /** False where the surrounding view names the part itself (the meeting side panel's Närvaro disclosure). */
  headed?: boolean;
}) {
  const { t } = useI18n();
  const page = usePageStyles();
  const styles = useProtocolStyles();
  const saving = useAction();
  return (
    <section aria-labelledby={headed ? 'meeting-attendance' : undefined} className={page.section}>
      {headed && (
        <h3 id="meeting-attendance" className={page.sectionHeading}>
          {t('meetings.attendanceHeading')}
        </h3>
      )}
      <fieldset className={styles.checks} disabled={!mayRecord || locked}>
        <legend>{t('meetings.attendanceHeading')}</legend>
        {attendance.map((row) => (
          <Checkbox
            key={row.email}
            checked={present[row.email] ?? false}
            label={row.displayName}
            onChange={(_, change) => onPresent((value) => ({ ...value, [row.email]: change.checked === true }))}
          />
        ))}
      </fieldset>
      {mayRecord && !locked && (
        <Button
          disabled={saving.busy}
          onClick={async () => {
            const rows = attendance.map((row) => ({ email: row.email, present: present[row.email] ?? false }));
            const saved = await saving.run(
              () => api.setAttendance(meeting.id, rows),
              () => t('meetings.attendanceSaved'),
            );
            if (saved) onSaved();
          }}
        >
          {t('meetings.saveAttendance')}
        </Button>
      )}
      <ActionStatus state={saving.state} />
    </section>
  );
}

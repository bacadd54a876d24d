import { Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useState } from 'react';
import type { AttendanceRowDto, MeetingRecordDto } from '../../contract';
import { useI18n } from '../i18n';
import { useServices } from '../services';
import { ActionStatus } from '../ui/ActionStatus';
import { useAction } from '../ui/useAction';
import type { MeetingsApi } from '../meetings/api';
import { AttendanceSection } from '../meetings/protocol/AttendanceSection';
import { meetingPanelApi } from './api';
import { useMeetingStyles } from './styles';

/**
 * Närvaro for the secretary: the Möten page's checkboxes and save (AttendanceSection), and above them Teams' own
 * attendance report, which ticks those it shows present; the secretary corrects by hand and saves.
 */
export function AttendancePanel({
  api,
  meeting,
  attendance,
  onSaved,
}: {
  api: MeetingsApi;
  meeting: MeetingRecordDto;
  attendance: AttendanceRowDto[];
  onSaved(): void;
}) {
  const { t } = useI18n();
  const styles = useMeetingStyles();
  const services = useServices();
  const taking = useAction();
  const [present, setPresent] = useState<Record<string, boolean>>(() =>
    Object.fromEntries(attendance.map((row) => [row.email, row.present])),
  );
  const [others, setOthers] = useState<string[]>([]);
  const takeFromReport = () =>
    taking.run(
      () => meetingPanelApi(services.api).attendanceReport(meeting.id),
      (report) => {
        if (!report.found) return t('meetingPanel.reportNotYet');
        const shown = new Set(report.present.map((row) => row.email));
        setPresent(Object.fromEntries(attendance.map((row) => [row.email, shown.has(row.email)])));
        setOthers(report.others);
        return t('meetingPanel.reportTaken', { count: report.present.length });
      },
    );
  const marked = attendance.filter((row) => present[row.email]).length;
  return (
    <details className={styles.disclosure}>
      <summary className={styles.summary}>
        {t('meetingPanel.attendanceSummary', { marked, total: attendance.length })}
      </summary>
      {meeting.joinUrl && (
        <div className={styles.actions}>
          <Button disabled={taking.busy} onClick={() => void takeFromReport()}>
            {t('meetingPanel.fromReport')}
          </Button>
        </div>
      )}
      <ActionStatus state={taking.state} doneIntent="info" />
      {others.length > 0 && (
        <MessageBar intent="info">
          <MessageBarBody>{t('meetingPanel.reportOthers', { names: others.join(', ') })}</MessageBarBody>
        </MessageBar>
      )}
      <AttendanceSection
        api={api}
        meeting={meeting}
        attendance={attendance}
        present={present}
        onPresent={setPresent}
        mayRecord
        locked={false}
        onSaved={onSaved}
        headed={false}
      />
    </details>
  );
}

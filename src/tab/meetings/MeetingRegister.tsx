import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { MeetingRecordDto } from '../../contract';
import { meetingGroupName } from '../format';
import { useI18n } from '../i18n';
import { ActionStatus } from '../ui/ActionStatus';
import { saveBlob } from '../ui/saveBlob';
import { usePageStyles } from '../ui/styles';
import { useAction } from '../ui/useAction';
import { ErrorMessage, Loading } from '../ui/status';
import { TableScroll } from '../ui/TableScroll';
import type { LoadState } from '../services';
import type { MeetingsApi } from './api';

const useStyles = makeStyles({
  table: { maxWidth: '60rem', marginBottom: tokens.spacingVerticalM },
});

function RegisterTable({
  records,
  selectedId,
  onSelect,
}: {
  records: readonly MeetingRecordDto[];
  selectedId: string | undefined;
  onSelect(id: string): void;
}) {
  const { t, language } = useI18n();
  const styles = useStyles();
  return (
    <TableScroll labelledBy="meetings-register">
      <Table className={styles.table} size="small" aria-labelledby="meetings-register">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('meetings.col.date')}</TableHeaderCell>
            <TableHeaderCell>{t('meetings.col.group')}</TableHeaderCell>
            <TableHeaderCell>{t('meetings.col.title')}</TableHeaderCell>
            <TableHeaderCell>{t('meetings.col.status')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {records.map((meeting) => (
            <TableRow key={meeting.id} aria-selected={meeting.id === selectedId}>
              <TableCell>
                {meeting.date} {meeting.startTime}
              </TableCell>
              <TableCell>{meetingGroupName(meeting.group, language)}</TableCell>
              <TableCell>
                <Button
                  appearance="transparent"
                  aria-label={t('meetings.show', { title: `${meeting.title} ${meeting.date}` })}
                  onClick={() => onSelect(meeting.id)}
                >
                  {meeting.title}
                </Button>
              </TableCell>
              <TableCell>{t(`meetings.status.${meeting.status}`)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableScroll>
  );
}

/** The register of meetings (each opens its detail) and the year's calendar file. */
export function MeetingRegister<T extends { records: MeetingRecordDto[] }>({
  api,
  data,
  selectedId,
  onSelect,
}: {
  api: MeetingsApi;
  data: LoadState<T> & { reload(): void };
  selectedId: string | undefined;
  onSelect(id: string): void;
}) {
  const { t } = useI18n();
  const page = usePageStyles();
  const download = useAction();
  const year = new Date().getFullYear();
  return (
    <section aria-labelledby="meetings-register" className={page.section}>
      <h2 id="meetings-register" className={page.sectionHeading}>
        {t('meetings.registerHeading')}
      </h2>
      {data.status === 'loading' && <Loading />}
      {data.status === 'error' && <ErrorMessage error={data.error} onRetry={data.reload} />}
      {data.status === 'ready' &&
        (data.data.records.length === 0 ? (
          <p>{t('meetings.none')}</p>
        ) : (
          <RegisterTable records={data.data.records} selectedId={selectedId} onSelect={onSelect} />
        ))}
      <Button
        onClick={() =>
          download.run(
            async () => saveBlob(await api.yearIcs(year), `kalendarium-${year}.ics`),
            () => t('meetings.yearCalendar'),
          )
        }
      >
        {t('meetings.yearCalendar')}
      </Button>
      <ActionStatus state={download.state} />
    </section>
  );
}

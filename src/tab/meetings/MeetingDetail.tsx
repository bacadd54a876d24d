import { Button, Link, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { ApiError, type Me } from '../api';
import { meetingGroupName } from '../format';
import { useI18n } from '../i18n';
import { ActionStatus } from '../ui/ActionStatus';
import { saveBlob } from '../ui/saveBlob';
import { usePageStyles } from '../ui/styles';
import { useAction } from '../ui/useAction';
import type { MeetingRecordDto } from '../../contract';
import type { MeetingsApi } from './api';
import { CancelMeeting } from './CancelMeeting';
import { FileArchive } from './FileArchive';
import { CalledAgenda } from './draft/CalledAgenda';
import { ProtocolPanel } from './ProtocolPanel';
import { Answers } from './Answers';
import { DateField } from '../ui/DateField';
import { TimeField } from '../ui/TimeField';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    '& dt': { fontWeight: tokens.fontWeightSemibold },
    '& dd': { margin: 0 },
  },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'flex-end' },
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '40rem', marginTop: tokens.spacingVerticalM },
});

function ChangeMeeting({
  api,
  meeting,
  onChanged,
}: {
  api: MeetingsApi;
  meeting: MeetingRecordDto;
  onChanged(): void;
}) {
  const { t } = useI18n();
  const page = usePageStyles();
  const styles = useStyles();
  const [date, setDate] = useState(meeting.date);
  const [start, setStart] = useState(meeting.startTime);
  const [end, setEnd] = useState(meeting.endTime);
  const moving = useAction();
  return (
    <section aria-labelledby="meeting-change" className={page.section}>
      <h3 id="meeting-change" className={page.sectionHeading}>
        {t('meetings.changeHeading')}
      </h3>
      <div className={styles.row}>
        <DateField label={t('meetings.newDate')} value={date} onChange={setDate} />
        <TimeField label={t('meetings.start')} value={start} onChange={setStart} />
        <TimeField label={t('meetings.end')} value={end} onChange={setEnd} />
        <Button
          disabled={moving.busy}
          onClick={async () => {
            const moved = await moving.run(
              () =>
                api.reschedule(meeting.id, { date, startTime: start, endTime: end }, meeting.etag).catch((error) => {
                  // Moved by someone else first: the meeting is read again and shows the newer time.
                  if (error instanceof ApiError && error.status === 409) onChanged();
                  throw error;
                }),
              () => t('meetings.rescheduled'),
            );
            if (moved) onChanged();
          }}
        >
          {t('meetings.reschedule')}
        </Button>
      </div>
      <ActionStatus state={moving.state} />
      <CancelMeeting api={api} meeting={meeting} onChanged={onChanged} />
    </section>
  );
}

/** One meeting: when and where, the answers per kommun, and what its convener and coordinator do with it. */
export function MeetingDetail({
  api,
  meeting,
  me,
  onChanged,
}: {
  api: MeetingsApi;
  meeting: MeetingRecordDto;
  me: Me;
  onChanged(): void;
}) {
  const { t, language } = useI18n();
  const page = usePageStyles();
  const styles = useStyles();
  const download = useAction();
  const isConvener = meeting.convenerEmail === me.person.email.toLowerCase() && meeting.status === 'planerat';
  return (
    <section aria-labelledby="meeting-detail" className={page.section}>
      <h2 id="meeting-detail" className={page.sectionHeading}>
        {t('meetings.detailHeading')}: {meeting.title}
      </h2>
      <dl className={styles.facts}>
        <dt>{t('meetings.col.group')}</dt>
        <dd>{meetingGroupName(meeting.group, language)}</dd>
        <dt>{t('meetings.when')}</dt>
        <dd>
          {meeting.date} {meeting.startTime}–{meeting.endTime}
        </dd>
        <dt>{t('meetings.where')}</dt>
        <dd>{[meeting.location, meeting.isOnline ? 'Teams' : undefined].filter(Boolean).join(', ') || '–'}</dd>
        <dt>{t('meetings.col.status')}</dt>
        <dd>{t(`meetings.status.${meeting.status}`)}</dd>
      </dl>
      {meeting.extraMeetingReason && (
        <p>
          {t('meetings.extraMeeting')}: {meeting.extraMeetingReason}
        </p>
      )}
      {meeting.cancelComment && <p>{meeting.cancelComment}</p>}
      <div className={styles.row}>
        {meeting.joinUrl && meeting.status === 'planerat' && (
          <Link href={meeting.joinUrl} target="_blank" rel="noreferrer">
            {t('meetings.teamsLink')}
          </Link>
        )}
        {meeting.archiveUrl && (
          <Link href={meeting.archiveUrl} target="_blank" rel="noreferrer">
            {t('meetings.archiveLink')}
          </Link>
        )}
        <Button
          onClick={() =>
            download.run(
              async () => saveBlob(await api.meetingIcs(meeting.id), `mote-${meeting.id}.ics`),
              () => t('meetings.downloadIcs'),
            )
          }
        >
          {t('meetings.downloadIcs')}
        </Button>
      </div>
      <ActionStatus state={download.state} />
      {meeting.status === 'genomfort' && !meeting.archiveUrl && me.allowedActions.includes('decision.record') && (
        <FileArchive api={api} meeting={meeting} onFiled={onChanged} />
      )}
      {meeting.status !== 'installt' && <Answers api={api} meeting={meeting} canRemind={isConvener} />}
      {isConvener && <ChangeMeeting api={api} meeting={meeting} onChanged={onChanged} />}
      {isConvener && <CalledAgenda meetingId={meeting.id} />}
      {meeting.status !== 'installt' && meeting.group === 'samverkansgrupp' && (
        <ProtocolPanel api={api} meeting={meeting} me={me} />
      )}
    </section>
  );
}

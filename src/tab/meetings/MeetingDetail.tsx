import {
  Button,
  Link,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { ApiError, type Me } from '../api';
import { meetingGroupName } from '../format';
import { useI18n } from '../i18n';
import { ActionStatus } from '../ui/ActionStatus';
import { saveBlob } from '../ui/saveBlob';
import { usePageStyles } from '../ui/styles';
import { useAction } from '../ui/useAction';
import { useLoad } from '../services';
import { ErrorMessage, Loading } from '../ui/status';
import type { MeetingRecordDto } from '../../contract';
import { meetingsApi, type MeetingsApi } from './api';
import { CancelMeeting } from './CancelMeeting';
import { ProtocolPanel } from './ProtocolPanel';
import { TableScroll } from '../ui/TableScroll';
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
  table: { maxWidth: '48rem' },
});

function Answers({ api, meeting, canRemind }: { api: MeetingsApi; meeting: MeetingRecordDto; canRemind: boolean }) {
  const { t } = useI18n();
  const reminding = useAction();
  const page = usePageStyles();
  const styles = useStyles();
  const answers = useLoad((client) => meetingsApi(client).answers(meeting.id));
  if (answers.status === 'loading') return <Loading />;
  if (answers.status === 'error') return <ErrorMessage error={answers.error} onRetry={answers.reload} />;
  const { organisations, warnings, notAnswered, totals } = answers.data;
  const reminder = `mailto:?bcc=${encodeURIComponent(notAnswered.map((p) => p.email).join(','))}&subject=${encodeURIComponent(
    `Påminnelse: ${meeting.title}`,
  )}`;
  return (
    <section aria-labelledby="meeting-answers" className={page.section}>
      <h3 id="meeting-answers" className={page.sectionHeading}>
        {t('meetings.answersHeading')}
      </h3>
      {warnings.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <ul className={page.list}>
              {warnings.map((warning) => (
                <li key={warning.organisationId}>{warning.message}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <TableScroll labelledBy="meeting-answers">
        <Table className={styles.table} size="small" aria-labelledby="meeting-answers">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('meetings.col.organisation')}</TableHeaderCell>
              <TableHeaderCell>{t('meetings.col.accepted')}</TableHeaderCell>
              <TableHeaderCell>{t('meetings.col.tentative')}</TableHeaderCell>
              <TableHeaderCell>{t('meetings.col.declined')}</TableHeaderCell>
              <TableHeaderCell>{t('meetings.col.noAnswer')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {organisations.map((org) => (
              <TableRow key={org.organisationId}>
                <TableCell>{org.name}</TableCell>
                <TableCell>{org.accepted}</TableCell>
                <TableCell>{org.tentative}</TableCell>
                <TableCell>{org.declined}</TableCell>
                <TableCell>{org.noAnswer}</TableCell>
              </TableRow>
            ))}
            <TableRow>
              <TableCell>
                <strong>Totalt</strong>
              </TableCell>
              <TableCell>{totals.accepted}</TableCell>
              <TableCell>{totals.tentative}</TableCell>
              <TableCell>{totals.declined}</TableCell>
              <TableCell>{totals.noAnswer}</TableCell>
            </TableRow>
          </TableBody>
        </Table>
      </TableScroll>
      {notAnswered.length > 0 && (
        <>
          <h4 className={page.sectionHeading}>{t('meetings.notAnsweredHeading')}</h4>
          <ul className={page.list}>
            {notAnswered.map((person) => (
              <li key={person.email}>{person.displayName}</li>
            ))}
          </ul>
          <div className={styles.row}>
            {canRemind && (
              <Button
                disabled={reminding.busy}
                onClick={() =>
                  reminding.run(
                    () => api.remind(meeting.id),
                    (result) =>
                      result.already
                        ? t('meetings.remindAlready')
                        : result.posted
                          ? t('meetings.remindPosted', {
                              mentioned: String(result.mentioned.length),
                              listed: String(result.listed.length),
                            })
                          : t('meetings.remindNobody'),
                  )
                }
              >
                {t('meetings.remindTeams')}
              </Button>
            )}
            <Link href={reminder}>{t('meetings.remindMail')}</Link>
          </div>
          <ActionStatus state={reminding.state} />
        </>
      )}
    </section>
  );
}

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
      {meeting.status !== 'installt' && <Answers api={api} meeting={meeting} canRemind={isConvener} />}
      {isConvener && <ChangeMeeting api={api} meeting={meeting} onChanged={onChanged} />}
      {meeting.status !== 'installt' && meeting.group === 'samverkansgrupp' && (
        <ProtocolPanel api={api} meeting={meeting} me={me} />
      )}
    </section>
  );
}

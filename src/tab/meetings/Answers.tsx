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
import type { MeetingAnswersDto, MeetingRecordDto } from '../../contract';
import { useI18n } from '../i18n';
import { ActionStatus } from '../ui/ActionStatus';
import { usePageStyles } from '../ui/styles';
import { useAction } from '../ui/useAction';
import { useLoad } from '../services';
import { ErrorMessage, Loading } from '../ui/status';
import { TableScroll } from '../ui/TableScroll';
import { meetingsApi, type MeetingsApi } from './api';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'flex-end' },
  table: { maxWidth: '48rem' },
});

/** Accepted, tentative, declined and not answered per organisation, with the totals. */
function AnswersTable({ answers }: { answers: MeetingAnswersDto }) {
  const { t } = useI18n();
  const styles = useStyles();
  const { organisations, totals } = answers;
  return (
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
  );
}

/** Who has not answered, and the convener's reminder in Teams or by mail. */
function NotAnswered({
  api,
  meeting,
  notAnswered,
  canRemind,
}: {
  api: MeetingsApi;
  meeting: MeetingRecordDto;
  notAnswered: MeetingAnswersDto['notAnswered'];
  canRemind: boolean;
}) {
  const { t } = useI18n();
  const page = usePageStyles();
  const styles = useStyles();
  const reminding = useAction();
  const reminder = `mailto:?bcc=${encodeURIComponent(notAnswered.map((p) => p.email).join(','))}&subject=${encodeURIComponent(
    `Påminnelse: ${meeting.title}`,
  )}`;
  const remind = () =>
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
    );
  return (
    <>
      <h4 className={page.sectionHeading}>{t('meetings.notAnsweredHeading')}</h4>
      <ul className={page.list}>
        {notAnswered.map((person) => (
          <li key={person.email}>{person.displayName}</li>
        ))}
      </ul>
      <div className={styles.row}>
        {canRemind && (
          <Button disabled={reminding.busy} onClick={remind}>
            {t('meetings.remindTeams')}
          </Button>
        )}
        <Link href={reminder}>{t('meetings.remindMail')}</Link>
      </div>
      <ActionStatus state={reminding.state} />
    </>
  );
}

/** The answers to a meeting's invitation per kommun, and the reminder to those who have not answered. */
export function Answers({
  api,
  meeting,
  canRemind,
}: {
  api: MeetingsApi;
  meeting: MeetingRecordDto;
  canRemind: boolean;
}) {
  const { t } = useI18n();
  const page = usePageStyles();
  const answers = useLoad((client) => meetingsApi(client).answers(meeting.id));
  if (answers.status === 'loading') return <Loading />;
  if (answers.status === 'error') return <ErrorMessage error={answers.error} onRetry={answers.reload} />;
  const { warnings, notAnswered } = answers.data;
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
      <AnswersTable answers={answers.data} />
      {notAnswered.length > 0 && (
        <NotAnswered api={api} meeting={meeting} notAnswered={notAnswered} canRemind={canRemind} />
      )}
    </section>
  );
}

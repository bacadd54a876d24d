import { Button, Link, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { MeetingAnswersDto, MeetingRecordDto } from '../../contract';
import { pluralForm } from '../format';
import { useI18n } from '../i18n';
import { ActionStatus } from '../ui/ActionStatus';
import { DataTable, type DataColumn } from '../ui/DataTable';
import { byNumber, byText } from '../ui/sortBy';
import { usePageStyles } from '../ui/styles';
import { useAction } from '../ui/useAction';
import { useLoad } from '../services';
import { ErrorMessage, Loading } from '../ui/status';
import { TableScroll } from '../ui/TableScroll';
import { meetingsApi, type MeetingsApi } from './api';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'center' },
  table: { maxWidth: '48rem' },
});

type OrganisationAnswers = MeetingAnswersDto['organisations'][number];
const COUNTS = ['accepted', 'tentative', 'declined', 'noAnswer'] as const;

/** Accepted, tentative, declined and not answered per organisation, sortable by each, with the totals under it. */
function AnswersTable({ answers }: { answers: MeetingAnswersDto }) {
  const { t } = useI18n();
  const styles = useStyles();
  const { organisations, totals } = answers;
  const columns = useMemo<DataColumn<OrganisationAnswers>[]>(
    () => [
      {
        id: 'organisation',
        header: t('meetings.col.organisation'),
        compare: byText((o) => o.name),
        cell: (o) => o.name,
      },
      ...COUNTS.map((count) => ({
        id: count,
        header: t(`meetings.col.${count}`),
        numeric: true,
        compare: byNumber<OrganisationAnswers>((o) => o[count]),
        cell: (o: OrganisationAnswers) => o[count],
      })),
    ],
    [t],
  );
  return (
    <>
      <TableScroll labelledBy="meeting-answers">
        <DataTable
          items={organisations}
          columns={columns}
          getRowId={(o) => o.organisationId}
          label={t('meetings.answersHeading')}
          emptyMessage={t('meetings.noOrganisations')}
          className={styles.table}
        />
      </TableScroll>
      <p>{t('meetings.totals', { ...totals })}</p>
    </>
  );
}

/** Who has not answered, collapsed to its count, and the convener's reminder in Teams or by mail. */
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
  const { t, language } = useI18n();
  const page = usePageStyles();
  const styles = useStyles();
  const reminding = useAction();
  const [open, setOpen] = useState(false);
  const count = notAnswered.length;
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
      <Button
        appearance="subtle"
        aria-expanded={open}
        aria-controls="meeting-not-answered"
        onClick={() => setOpen(!open)}
      >
        {t(`meetings.notAnswered.${open ? 'hide' : 'show'}.${pluralForm(count, language)}`, { count })}
      </Button>
      {open && (
        <ul id="meeting-not-answered" className={page.list}>
          {notAnswered.map((person) => (
            <li key={person.email}>{person.displayName}</li>
          ))}
        </ul>
      )}
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

/** The kommuner that may go unrepresented; more than two are collapsed to their count. */
function Warnings({ warnings }: { warnings: MeetingAnswersDto['warnings'] }) {
  const { t, language } = useI18n();
  const page = usePageStyles();
  const [open, setOpen] = useState(false);
  if (warnings.length === 0) return null;
  const collapsed = warnings.length > 2 && !open;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        {warnings.length > 2 && (
          <Button appearance="transparent" aria-expanded={open} onClick={() => setOpen(!open)}>
            {t(`meetings.warnings.${open ? 'hide' : 'show'}.${pluralForm(warnings.length, language)}`, {
              count: warnings.length,
            })}
          </Button>
        )}
        {!collapsed && (
          <ul className={page.list}>
            {warnings.map((warning) => (
              <li key={warning.organisationId}>{warning.message}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
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
      <Warnings warnings={warnings} />
      <AnswersTable answers={answers.data} />
      {notAnswered.length > 0 && (
        <NotAnswered api={api} meeting={meeting} notAnswered={notAnswered} canRemind={canRemind} />
      )}
    </section>
  );
}

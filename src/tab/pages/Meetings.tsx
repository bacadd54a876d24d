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
import { useMemo, useState } from 'react';
import { MEETING_GROUPS } from '../../contract';
import type { Me } from '../api';
import { meetingGroupName } from '../format';
import { useI18n } from '../i18n';
import { ActionStatus } from '../ui/ActionStatus';
import { PageHeading } from '../ui/PageHeading';
import { saveBlob } from '../ui/saveBlob';
import { usePageStyles } from '../ui/styles';
import { useAction } from '../ui/useAction';
import { MeetingDetail } from '../meetings/MeetingDetail';
import { PlanMeeting } from '../meetings/PlanMeeting';
import { ConvenerLine } from '../meetings/convener/ConvenerLine';
import { Polls } from '../meetings/Polls';
import { meetingsApi } from '../meetings/api';
import { useLoad, useServices } from '../services';
import { pageTarget } from '../routes';
import { ErrorMessage, Loading } from '../ui/status';
import { TableScroll } from '../ui/TableScroll';

const useStyles = makeStyles({
  table: { maxWidth: '60rem', marginBottom: tokens.spacingVerticalM },
});

/** Möten: plan and convene, the register, one meeting's answers and protokoll, and the date polls. */
export function MeetingsPage({ me }: { me: Me }) {
  const { t, language } = useI18n();
  const page = usePageStyles();
  const styles = useStyles();
  const { api: client } = useServices();
  const api = useMemo(() => meetingsApi(client), [client]);
  const data = useLoad(async (c) => {
    const m = meetingsApi(c);
    const [records, polls] = await Promise.all([m.records(), m.polls()]);
    return { records, polls };
  });
  // `#/moten/7` (a link from "Att göra") opens that meeting.
  const [selectedId, setSelectedId] = useState<string | undefined>(() => pageTarget(window.location));
  const download = useAction();
  const groups = MEETING_GROUPS.filter((group) => me.allowedActions.includes(`${group}.kalla`));
  const year = new Date().getFullYear();

  return (
    <>
      <PageHeading>{t('nav.moten')}</PageHeading>
      <ConvenerLine />
      {groups.length > 0 && (
        <PlanMeeting
          api={api}
          groups={[...groups]}
          onSent={(meeting) => {
            setSelectedId(meeting.id);
            data.reload();
          }}
        />
      )}
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
                  {data.data.records.map((meeting) => (
                    <TableRow key={meeting.id} aria-selected={meeting.id === selectedId}>
                      <TableCell>
                        {meeting.date} {meeting.startTime}
                      </TableCell>
                      <TableCell>{meetingGroupName(meeting.group, language)}</TableCell>
                      <TableCell>
                        <Button
                          appearance="transparent"
                          aria-label={t('meetings.show', { title: `${meeting.title} ${meeting.date}` })}
                          onClick={() => setSelectedId(meeting.id)}
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
      {data.status === 'ready' &&
        (() => {
          const selected = data.data.records.find((meeting) => meeting.id === selectedId);
          return selected ? (
            <MeetingDetail
              key={`${selected.id}-${selected.etag}`}
              api={api}
              meeting={selected}
              me={me}
              onChanged={data.reload}
            />
          ) : null;
        })()}
      {data.status === 'ready' && <Polls api={api} polls={data.data.polls} />}
    </>
  );
}

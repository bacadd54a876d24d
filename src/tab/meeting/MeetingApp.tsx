import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useEffect, useMemo, useRef } from 'react';
import { threadIdFromMeetingId } from '../../domain/meetingInTeams';
import { PROTOCOL_KIND_RULES, protocolKind } from '../../domain/protocolKind';
import type { AttendanceRowDto, MeetingDecisionDto, MeetingInTeamsDto, MinutesViewDto } from '../../contract';
import { formatMeetingTime } from '../format';
import { useI18n } from '../i18n';
import { meetingsApi, type MeetingsApi } from '../meetings/api';
import { useLoad, useServices, type LoadState } from '../services';
import type { MeetingHostContext } from '../teams';
import { ErrorMessage, Loading } from '../ui/status';
import { ApiError, type Me } from '../api';
import { AgendaPoints } from './AgendaPoints';
import { AttendancePanel } from './AttendancePanel';
import { meetingPanelApi } from './api';
import { useMeetingStyles } from './styles';

/** The meeting chat's thread: teams-js `chat.id`, or the one inside `meeting.id`. */
export function chatIdOf(context: MeetingHostContext): string | undefined {
  return context.chatId ?? threadIdFromMeetingId(context.meetingId);
}

/**
 * The tab inside a Teams meeting (issue #16): the register meeting of the meeting's chat, its dagordning with
 * handlingar, and for the secretary (samordnaren) närvaro from Teams' attendance report and beslut per point.
 * Laid out for the side panel (about 320 px); the details tab and the stage show the same, wider.
 */
export function MeetingApp({ context }: { context: MeetingHostContext }) {
  const { t } = useI18n();
  const styles = useMeetingStyles();
  const chatId = chatIdOf(context);
  const data = useLoad(async (api) => {
    if (!chatId) throw new ApiError('NOT_FOUND', t('meetingPanel.notFound'), 404);
    const [me, found] = await Promise.all([api.me(), meetingPanelApi(api).find(chatId)]);
    return { me, found };
  });
  return (
    <main className={styles.root}>
      {data.status === 'loading' && <Loading />}
      {data.status === 'error' && <ErrorMessage error={data.error} onRetry={data.reload} />}
      {data.status === 'ready' && <MeetingView me={data.data.me} found={data.data.found} />}
    </main>
  );
}

function MeetingView({ me, found }: { me: Me; found: MeetingInTeamsDto }) {
  const { t, language } = useI18n();
  const styles = useMeetingStyles();
  const { meeting, agenda } = found;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const secretary = me.allowedActions.includes('meeting.attendance');
  const { api } = useServices();
  const client = useMemo(() => meetingsApi(api), [api]);
  const records = useLoad<Records>(async (api) => {
    if (!secretary) return undefined;
    const m = meetingsApi(api);
    const [attendance, decisions, minutes] = await Promise.all([
      m.attendance(meeting.id),
      m.decisions(meeting.id),
      m.minutes(meeting.id),
    ]);
    return { attendance, decisions, minutes };
  });
  return (
    <>
      <h1 ref={heading} tabIndex={-1} className={styles.title}>
        {meeting.title}
      </h1>
      <p className={styles.when}>
        {formatMeetingTime(meeting.startUtc, language)}
        {meeting.location ? `, ${meeting.location}` : ''}
      </p>
      <SecretaryPart api={client} secretary={secretary} records={records} meeting={found} />
      <section aria-labelledby="meeting-agenda">
        <h2 id="meeting-agenda" className={styles.heading}>
          {t('meetingPanel.agendaHeading')}
        </h2>
        <AgendaPoints
          api={client}
          meetingId={meeting.id}
          points={agenda}
          decisions={records.status === 'ready' ? (records.data?.decisions ?? []) : []}
          mayDecide={
            secretary && PROTOCOL_KIND_RULES[protocolKind(meeting.group)].decides && records.status === 'ready'
          }
          onDecided={records.reload}
          {...(records.status === 'ready' && records.data ? { minutes: records.data.minutes } : {})}
        />
      </section>
    </>
  );
}

type Records = { attendance: AttendanceRowDto[]; decisions: MeetingDecisionDto[]; minutes: MinutesViewDto } | undefined;

function SecretaryPart({
  api,
  secretary,
  records,
  meeting,
}: {
  api: MeetingsApi;
  secretary: boolean;
  records: LoadState<Records> & { reload(): void };
  meeting: MeetingInTeamsDto;
}) {
  const { t } = useI18n();
  const styles = useMeetingStyles();
  if (!secretary) {
    return (
      <MessageBar intent="info">
        <MessageBarBody>{t('meetingPanel.secretaryOnly')}</MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <section aria-labelledby="meeting-secretary">
      <h2 id="meeting-secretary" className={styles.heading}>
        {t('meetingPanel.secretaryHeading')}
      </h2>
      {!PROTOCOL_KIND_RULES[protocolKind(meeting.meeting.group)].decides && <p>{t('meetingPanel.noDecisionsHere')}</p>}
      {records.status === 'loading' && <Loading />}
      {records.status === 'error' && <ErrorMessage error={records.error} onRetry={records.reload} />}
      {records.status === 'ready' && records.data && (
        <AttendancePanel
          api={api}
          meeting={meeting.meeting}
          attendance={records.data.attendance}
          onSaved={records.reload}
        />
      )}
    </section>
  );
}

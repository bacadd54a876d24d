import { Button, Link, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons';
import type { Me } from '../api';
import { formatDay, meetingGroupName } from '../format';
import { useI18n } from '../i18n';
import { ActionStatus } from '../ui/ActionStatus';
import { saveBlob } from '../ui/saveBlob';
import { usePageStyles } from '../ui/styles';
import { useAction } from '../ui/useAction';
import { ViewPanel, ViewTabs } from '../ui/ViewTabs';
import type { MeetingRecordDto } from '../../contract';
import type { MeetingsApi } from './api';
import { CancelMeeting } from './CancelMeeting';
import { FileArchive } from './FileArchive';
import { CalledAgenda } from './draft/CalledAgenda';
import { MoveMeeting } from './MoveMeeting';
import { ProtocolPanel } from './ProtocolPanel';
import { Answers } from './Answers';
import type { MeetingPart } from './useMeetingsRoute';
import { protocolKind } from '../../domain/protocolKind';
import { KIND_TEXTS } from './protocol/kindTexts';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    marginBottom: tokens.spacingVerticalM,
    '& dt': { fontWeight: tokens.fontWeightSemibold },
    '& dd': { margin: 0, minWidth: 0, overflowWrap: 'anywhere' },
  },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    alignItems: 'center',
    marginBottom: tokens.spacingVerticalM,
  },
  back: { marginBottom: tokens.spacingVerticalM },
});

/**
 * The parts a meeting has: answers until it is cancelled, its record (the part is named by its kind: samverkansgruppen's
 * protokoll, stödgruppen's minnesanteckningar), the archive once held.
 */
function partsOf(meeting: MeetingRecordDto): MeetingPart[] {
  if (meeting.status === 'installt') return [];
  return ['svar', protocolKind(meeting.group), ...(meeting.status === 'genomfort' ? (['arkiv'] as const) : [])];
}

/** When and where, the links, the calendar file, and the convener's move and cancel (each in a dialog). */
function MeetingFacts({
  api,
  meeting,
  isConvener,
  onChanged,
}: {
  api: MeetingsApi;
  meeting: MeetingRecordDto;
  isConvener: boolean;
  onChanged(notice?: string): void;
}) {
  const { t, language } = useI18n();
  const styles = useStyles();
  const download = useAction();
  return (
    <>
      <dl className={styles.facts}>
        <dt>{t('meetings.col.group')}</dt>
        <dd>{meetingGroupName(meeting.group, language)}</dd>
        <dt>{t('meetings.when')}</dt>
        <dd>
          {formatDay(meeting.date, language)} {meeting.startTime}–{meeting.endTime}
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
        {isConvener && <MoveMeeting api={api} meeting={meeting} onChanged={onChanged} />}
        {isConvener && <CancelMeeting api={api} meeting={meeting} onChanged={onChanged} />}
      </div>
      {isConvener && <CalledAgenda meetingId={meeting.id} />}
      <ActionStatus state={download.state} />
    </>
  );
}

/** Arkiv: the meeting's documents in the library once filed, or the samordnare's button to file them. */
function ArchivePart({
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
  const { t } = useI18n();
  if (meeting.archiveUrl) {
    return (
      <p>
        <Link href={meeting.archiveUrl} target="_blank" rel="noreferrer">
          {t('meetings.archiveLink')}
        </Link>
      </p>
    );
  }
  if (me.allowedActions.includes('decision.record'))
    return <FileArchive api={api} meeting={meeting} onFiled={onChanged} />;
  return <p>{t(KIND_TEXTS[protocolKind(meeting.group)].archiveNotYet)}</p>;
}

/**
 * One meeting on its own view: the way back to the register, when and where, and its parts one at a time (Svar,
 * Protokoll, Arkiv) as tabs whose choice is kept in the address.
 */
/** What the page says on the meeting after an action; a warning when someone else's change came first. */
export interface MeetingDetailNotice {
  message: string;
  intent?: 'warning' | undefined;
}

export function MeetingDetail({
  api,
  meeting,
  me,
  part,
  notice,
  onPart,
  onBack,
  onChanged,
}: {
  api: MeetingsApi;
  meeting: MeetingRecordDto;
  me: Me;
  part: string | undefined;
  /** What the last action did (a kallelse sent, the meeting moved), shown until the person leaves the meeting. */
  notice?: MeetingDetailNotice | undefined;
  onPart(part: MeetingPart): void;
  onBack(): void;
  onChanged(notice?: string, intent?: 'warning'): void;
}) {
  const { t } = useI18n();
  const page = usePageStyles();
  const styles = useStyles();
  const isConvener = meeting.convenerEmail === me.person.email.toLowerCase() && meeting.status === 'planerat';
  const parts = partsOf(meeting);
  const current = parts.find((p) => p === part) ?? parts[0];
  return (
    <section aria-labelledby="meeting-detail" className={page.section}>
      <Button className={styles.back} appearance="subtle" icon={<ArrowLeftRegular />} onClick={onBack}>
        {t('meetings.back')}
      </Button>
      <h2 id="meeting-detail" className={page.sectionHeading}>
        {t('meetings.detailHeading')}: {meeting.title}
      </h2>
      {notice && (
        <ActionStatus state={{ status: 'done', message: notice.message }} doneIntent={notice.intent ?? 'success'} />
      )}
      <MeetingFacts api={api} meeting={meeting} isConvener={isConvener} onChanged={onChanged} />
      {current && (
        <>
          <ViewTabs
            idPrefix="meeting"
            label={t('meetings.parts')}
            views={parts}
            view={current}
            labelOf={(p) => t(`meetings.part.${p}`)}
            onView={onPart}
          />
          <ViewPanel idPrefix="meeting" view={current}>
            {current === 'svar' && <Answers api={api} meeting={meeting} canRemind={isConvener} />}
            {current === protocolKind(meeting.group) && <ProtocolPanel api={api} meeting={meeting} me={me} />}
            {current === 'arkiv' && <ArchivePart api={api} meeting={meeting} me={me} onChanged={onChanged} />}
          </ViewPanel>
        </>
      )}
    </section>
  );
}

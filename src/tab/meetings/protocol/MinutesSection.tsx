import { Button, Checkbox, Field, Select } from '@fluentui/react-components';
import { useState } from 'react';
import type { AttendanceRowDto, MeetingRecordDto, ProtocolViewDto } from '../../../contract';
import { formatInstant } from '../../format';
import { useI18n } from '../../i18n';
import { ActionStatus } from '../../ui/ActionStatus';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { usePageStyles } from '../../ui/styles';
import { useAction, type Action } from '../../ui/useAction';
import type { MeetingsApi } from '../api';
import { RecordPdf } from './RecordPdf';
import { useProtocolStyles } from './styles';

/**
 * Stödgruppen's minnesanteckningar (#16): no justering. The secretary (the samordnare, or a stand-in the meeting
 * chose) is named, then fastställer them in one confirmed step, which locks them; the PDF once there is a record.
 */
export function MinutesSection({
  api,
  meeting,
  myEmail,
  current,
  attendance,
  editable,
  onProtocol,
  samordnareEmail,
}: {
  api: MeetingsApi;
  meeting: MeetingRecordDto;
  myEmail: string;
  current: ProtocolViewDto;
  attendance: AttendanceRowDto[];
  editable: boolean;
  onProtocol(protocol: ProtocolViewDto): void;
  samordnareEmail?: string;
}) {
  const { t, language } = useI18n();
  const page = usePageStyles();
  const naming = useAction();
  const nameOf = (email: string | undefined) =>
    attendance.find((row) => row.email === email)?.displayName ?? email ?? '';
  const confirmation = current.approvals[0];
  const status =
    current.status === 'faststallt' && confirmation
      ? t('minutes.status.faststallt', {
          name: nameOf(confirmation.personId),
          when: formatInstant(confirmation.at, language),
        })
      : current.status === 'utkast'
        ? t('minutes.status.utkast', { name: nameOf(current.secretaryEmail) })
        : t('minutes.status.saknas');
  const iAmSecretary = current.status !== 'saknas' && current.secretaryEmail?.toLowerCase() === myEmail;
  return (
    <section aria-labelledby="meeting-minutes" className={page.section}>
      <h3 id="meeting-minutes" className={page.sectionHeading}>
        {t('minutes.heading')}
      </h3>
      <p>{t('minutes.noJustering')}</p>
      <p>{status}</p>
      {editable && (
        <MinutesSecretary
          api={api}
          meeting={meeting}
          proposed={current.secretaryEmail ?? samordnareEmail ?? myEmail}
          samordnareEmail={samordnareEmail ?? myEmail}
          presentPeople={attendance.filter((row) => row.recorded && row.present)}
          naming={naming}
          onProtocol={onProtocol}
        />
      )}
      <ActionStatus state={naming.state} />
      {iAmSecretary && <ConfirmMinutes api={api} meeting={meeting} current={current} onProtocol={onProtocol} />}
      {current.status !== 'saknas' && (
        <RecordPdf
          api={api}
          meetingId={meeting.id}
          fileName={`minnesanteckningar-${meeting.id}.pdf`}
          label={t('minutes.downloadPdf')}
        />
      )}
    </section>
  );
}

/**
 * The secretary's one step: "Fastställ minnesanteckningarna", after a dialog whose safe choice (Avbryt) has the focus;
 * its outcome stays in view once they are fastställda (the button is gone then).
 */
function ConfirmMinutes({
  api,
  meeting,
  current,
  onProtocol,
}: {
  api: MeetingsApi;
  meeting: MeetingRecordDto;
  current: ProtocolViewDto;
  onProtocol(protocol: ProtocolViewDto): void;
}) {
  const { t } = useI18n();
  const confirming = useAction();
  const [asking, setAsking] = useState(false);
  const confirm = async () => {
    setAsking(false);
    // The version read: minnesanteckningar changed since are refused with the reason; the post carries its key.
    const confirmed = await confirming.run(
      () => api.approve(meeting.id, current.version),
      () => t('minutes.confirmed'),
    );
    if (confirmed) onProtocol(confirmed);
  };
  return (
    <>
      {current.status === 'utkast' && (
        <Button appearance="primary" disabled={confirming.busy} onClick={() => setAsking(true)}>
          {t('minutes.confirm')}
        </Button>
      )}
      <ConfirmDialog
        open={asking}
        title={t('minutes.confirmTitle')}
        consequence={<p>{t('minutes.confirmConsequence')}</p>}
        confirmLabel={t('minutes.confirm')}
        cancelLabel={t('meetings.dialogCancel')}
        busy={confirming.busy}
        onConfirm={() => void confirm()}
        onCancel={() => setAsking(false)}
      />
      <ActionStatus state={confirming.state} />
    </>
  );
}

/** The secretary among those present: the samordnare, or a stand-in recorded as the meeting's choice. */
function MinutesSecretary({
  api,
  meeting,
  proposed,
  samordnareEmail,
  presentPeople,
  naming,
  onProtocol,
}: {
  api: MeetingsApi;
  meeting: MeetingRecordDto;
  proposed: string;
  samordnareEmail: string;
  presentPeople: AttendanceRowDto[];
  naming: Action;
  onProtocol(protocol: ProtocolViewDto): void;
}) {
  const { t } = useI18n();
  const styles = useProtocolStyles();
  const [secretary, setSecretary] = useState(proposed);
  const [standIn, setStandIn] = useState(false);
  const needsStandIn = secretary !== '' && secretary !== samordnareEmail;
  return (
    <div className={styles.form}>
      <Field label={t('meetings.secretary')}>
        <Select value={secretary} onChange={(_, data) => setSecretary(data.value)}>
          <option value="">{t('meetings.choose')}</option>
          {presentPeople.map((person) => (
            <option key={person.email} value={person.email}>
              {person.displayName}
            </option>
          ))}
        </Select>
      </Field>
      {needsStandIn && (
        <Checkbox
          checked={standIn}
          onChange={(_, data) => setStandIn(data.checked === true)}
          label={t('meetings.secretaryStandIn')}
        />
      )}
      <div>
        <Button
          disabled={naming.busy || !secretary || (needsStandIn && !standIn)}
          onClick={async () => {
            const named = await naming.run(
              () =>
                api.draftProtocol(meeting.id, {
                  secretaryEmail: secretary,
                  ...(needsStandIn ? { secretaryChosenByMeeting: true } : {}),
                }),
              () => t('minutes.secretarySaved'),
            );
            if (named) onProtocol(named);
          }}
        >
          {t('minutes.saveSecretary')}
        </Button>
      </div>
    </div>
  );
}

import { Button, Checkbox, Field, Select } from '@fluentui/react-components';
import { useState } from 'react';
import type { AttendanceRowDto, MeetingRecordDto, ProtocolViewDto } from '../../../contract';
import { formatInstant } from '../../format';
import { useI18n } from '../../i18n';
import { ActionStatus } from '../../ui/ActionStatus';
import { usePageStyles } from '../../ui/styles';
import { useAction, type Action } from '../../ui/useAction';
import type { MeetingsApi } from '../api';
import { RecordPdf } from './RecordPdf';
import { useProtocolStyles } from './styles';

function PersonSelect({
  label,
  value,
  people,
  onChange,
}: {
  label: string;
  value: string;
  people: AttendanceRowDto[];
  onChange(value: string): void;
}) {
  const { t } = useI18n();
  return (
    <Field label={label}>
      <Select value={value} onChange={(_, data) => onChange(data.value)}>
        <option value="">{t('meetings.choose')}</option>
        {people.map((person) => (
          <option key={person.email} value={person.email}>
            {person.displayName}
          </option>
        ))}
      </Select>
    </Field>
  );
}

type SignerStep = 'sekreterare' | 'ordforande' | 'justerare';

/**
 * The approval order (#16) and who approved when: the secretary, the chair, then the two justerare, each by name
 * where the person was invited, with the time of their approval in Stockholm time or whether it is their turn.
 */
function Approvals({ protocol, attendance }: { protocol: ProtocolViewDto; attendance: AttendanceRowDto[] }) {
  const { t, language } = useI18n();
  if (protocol.status === 'saknas') return null;
  const nameOf = (email: string) => attendance.find((row) => row.email === email)?.displayName ?? email;
  const signers: { step: SignerStep; email: string }[] = [
    ...(protocol.secretaryEmail ? [{ step: 'sekreterare' as const, email: protocol.secretaryEmail }] : []),
    ...(protocol.chairEmail ? [{ step: 'ordforande' as const, email: protocol.chairEmail }] : []),
    ...protocol.adjusterEmails.map((email) => ({ step: 'justerare' as const, email })),
  ];
  const waiting = protocol.turn?.waitingFor ?? [];
  return (
    <>
      <p>{t('meetings.approvalOrder')}</p>
      <ol aria-label={t('meetings.signers')}>
        {signers.map(({ step, email }) => {
          const approval = protocol.approvals.find((a) => a.personId === email);
          const state = approval
            ? t('meetings.signerApproved', { when: formatInstant(approval.at, language) })
            : waiting.includes(email)
              ? t('meetings.signerTurn')
              : t('meetings.signerWaiting');
          return (
            <li key={`${step}-${email}`}>
              {t(`meetings.signer.${step}`)}: {nameOf(email)}, {state}
            </li>
          );
        })}
      </ol>
    </>
  );
}

/** Protokoll: its status and approvals, the roles while it is open, justering and the PDF. */
export function ProtocolSection({
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
  /** The samordnare, who is the secretary unless the meeting chose a stand-in (#16). */
  samordnareEmail?: string;
}) {
  const { t } = useI18n();
  const page = usePageStyles();
  const drafting = useAction();
  const approving = useAction();
  const locked = current.status === 'justerat';
  // The button only for whose turn it is (the secretary, then the chair, then the justerare).
  const myTurn = (current.turn?.waitingFor ?? []).some((email) => email.toLowerCase() === myEmail);
  const iAmAdjuster = current.adjusterEmails.some((email) => email.toLowerCase() === myEmail);
  return (
    <section aria-labelledby="meeting-protocol" className={page.section}>
      <h3 id="meeting-protocol" className={page.sectionHeading}>
        {t('meetings.protocolHeading')}
      </h3>
      <p>{t('meetings.protocolStatus', { status: t(`meetings.protocol.${current.status}`) })}</p>
      <Approvals protocol={current} attendance={attendance} />
      {editable && (
        <ProtocolRoles
          api={api}
          meeting={meeting}
          secretaryEmail={samordnareEmail ?? myEmail}
          presentPeople={attendance.filter((row) => row.recorded && row.present)}
          drafting={drafting}
          onProtocol={onProtocol}
        />
      )}
      <ActionStatus state={drafting.state} />
      {myTurn && !locked && (
        <Button
          appearance="primary"
          disabled={approving.busy}
          onClick={async () => {
            const approved = await approving.run(
              () => api.approve(meeting.id, current.version),
              () => t('meetings.approved'),
            );
            if (approved) onProtocol(approved);
          }}
        >
          {iAmAdjuster ? t('meetings.approve') : t('meetings.approveAsSigner')}
        </Button>
      )}
      <ActionStatus state={approving.state} />
      {current.status !== 'saknas' && (
        <RecordPdf
          api={api}
          meetingId={meeting.id}
          fileName={`protokoll-${meeting.id}.pdf`}
          label={t('meetings.downloadPdf')}
        />
      )}
    </section>
  );
}

/** Sekreterare, ordförande and two justerare among those present; drafting the protocol names them. */
function ProtocolRoles({
  api,
  meeting,
  secretaryEmail,
  presentPeople,
  drafting,
  onProtocol,
}: {
  api: MeetingsApi;
  meeting: MeetingRecordDto;
  /** The samordnare: the secretary proposed. */
  secretaryEmail: string;
  presentPeople: AttendanceRowDto[];
  drafting: Action;
  onProtocol(protocol: ProtocolViewDto): void;
}) {
  const { t } = useI18n();
  const styles = useProtocolStyles();
  const [secretary, setSecretary] = useState(secretaryEmail);
  const [standIn, setStandIn] = useState(false);
  const needsStandIn = secretary !== '' && secretary !== secretaryEmail;
  const [chair, setChair] = useState(meeting.convenerEmail ?? '');
  const [adjuster1, setAdjuster1] = useState('');
  const [adjuster2, setAdjuster2] = useState('');
  return (
    <div className={styles.form}>
      <div className={styles.row}>
        <PersonSelect
          label={t('meetings.secretary')}
          value={secretary}
          people={presentPeople}
          onChange={setSecretary}
        />
        <PersonSelect label={t('meetings.chair')} value={chair} people={presentPeople} onChange={setChair} />
      </div>
      {needsStandIn && (
        <Checkbox
          checked={standIn}
          onChange={(_, data) => setStandIn(data.checked === true)}
          label={t('meetings.secretaryStandIn')}
        />
      )}
      <div className={styles.row}>
        <PersonSelect
          label={t('meetings.adjuster1')}
          value={adjuster1}
          people={presentPeople}
          onChange={setAdjuster1}
        />
        <PersonSelect
          label={t('meetings.adjuster2')}
          value={adjuster2}
          people={presentPeople}
          onChange={setAdjuster2}
        />
      </div>
      <div>
        <Button
          disabled={drafting.busy || !secretary || !chair || !adjuster1 || !adjuster2 || (needsStandIn && !standIn)}
          onClick={async () => {
            const drafted = await drafting.run(
              () =>
                api.draftProtocol(meeting.id, {
                  secretaryEmail: secretary,
                  chairEmail: chair,
                  adjusterEmails: [adjuster1, adjuster2],
                  ...(needsStandIn ? { secretaryChosenByMeeting: true } : {}),
                }),
              () => t('meetings.protocolDrafted'),
            );
            if (drafted) onProtocol(drafted);
          }}
        >
          {t('meetings.draftProtocol')}
        </Button>
      </div>
    </div>
  );
}

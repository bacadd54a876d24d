import { Button, Checkbox, Field, Input, Select, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { DECISION_KINDS, DECISION_KIND_LABELS, type DecisionKind } from '../../domain/decisions';
import type { Me } from '../api';
import { useI18n } from '../i18n';
import { ActionStatus } from '../ui/ActionStatus';
import { saveBlob } from '../ui/saveBlob';
import { usePageStyles } from '../ui/styles';
import { useAction } from '../ui/useAction';
import { useLoad } from '../services';
import { ErrorMessage, Loading } from '../ui/status';
import type { AttendanceRowDto, MeetingRecordDto, ProtocolViewDto } from '../../contract';
import { meetingsApi, type MeetingsApi } from './api';

const useStyles = makeStyles({
  checks: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(18rem, 1fr))',
    gap: tokens.spacingVerticalXS,
  },
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '40rem', marginTop: tokens.spacingVerticalM },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'flex-end' },
});

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

/** After the meeting: närvaro, beslut, protokoll with two justerare, and the PDF once it is justerat. */
export function ProtocolPanel({ api, meeting, me }: { api: MeetingsApi; meeting: MeetingRecordDto; me: Me }) {
  const { t, language } = useI18n();
  const page = usePageStyles();
  const styles = useStyles();
  const mayRecord = me.allowedActions.includes('meeting.attendance');
  const myEmail = me.person.email.toLowerCase();
  const data = useLoad(async (client) => {
    const m = meetingsApi(client);
    const [attendance, decisions, protocol] = await Promise.all([
      m.attendance(meeting.id),
      m.decisions(meeting.id),
      m.protocol(meeting.id),
    ]);
    return { attendance, decisions, protocol };
  });
  const [present, setPresent] = useState<Record<string, boolean>>({});
  const [protocol, setProtocol] = useState<ProtocolViewDto>();
  const [kind, setKind] = useState<DecisionKind>(DECISION_KINDS[0]);
  const [text, setText] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const [secretary, setSecretary] = useState(meeting.group === 'samverkansgrupp' ? myEmail : '');
  const [chair, setChair] = useState(meeting.convenerEmail ?? '');
  const [adjuster1, setAdjuster1] = useState('');
  const [adjuster2, setAdjuster2] = useState('');
  const saving = useAction();
  const deciding = useAction();
  const drafting = useAction();
  const approving = useAction();
  const downloading = useAction();

  const loaded = data.status === 'ready' ? data.data : undefined;
  useEffect(() => {
    if (!loaded) return;
    setPresent(Object.fromEntries(loaded.attendance.map((row) => [row.email, row.present])));
    setProtocol(loaded.protocol);
  }, [loaded]);

  if (data.status === 'loading') return <Loading />;
  if (data.status === 'error') return <ErrorMessage error={data.error} onRetry={data.reload} />;
  const { attendance, decisions } = data.data;
  const current = protocol ?? data.data.protocol;
  const locked = current.status === 'justerat';
  const presentPeople = attendance.filter((row) => row.recorded && row.present);
  const iAmAdjuster =
    current.adjusterEmails.includes(myEmail) && !current.approvals.some((a) => a.personId === myEmail);

  return (
    <>
      <section aria-labelledby="meeting-attendance" className={page.section}>
        <h3 id="meeting-attendance" className={page.sectionHeading}>
          {t('meetings.attendanceHeading')}
        </h3>
        <fieldset className={styles.checks} disabled={!mayRecord || locked}>
          <legend>{t('meetings.attendanceHeading')}</legend>
          {attendance.map((row) => (
            <Checkbox
              key={row.email}
              checked={present[row.email] ?? false}
              label={row.displayName}
              onChange={(_, change) => setPresent((value) => ({ ...value, [row.email]: change.checked === true }))}
            />
          ))}
        </fieldset>
        {mayRecord && !locked && (
          <Button
            disabled={saving.busy}
            onClick={async () => {
              const rows = attendance.map((row) => ({ email: row.email, present: present[row.email] ?? false }));
              const saved = await saving.run(
                () => api.setAttendance(meeting.id, rows),
                () => t('meetings.attendanceSaved'),
              );
              if (saved) data.reload();
            }}
          >
            {t('meetings.saveAttendance')}
          </Button>
        )}
        <ActionStatus state={saving.state} />
      </section>

      <section aria-labelledby="meeting-decisions" className={page.section}>
        <h3 id="meeting-decisions" className={page.sectionHeading}>
          {t('meetings.decisionsHeading')}
        </h3>
        {decisions.length === 0 ? (
          <p>{t('meetings.noDecisions')}</p>
        ) : (
          <ol className={page.list}>
            {decisions.map((decision) => (
              <li key={decision.id}>
                <strong>
                  {DECISION_KIND_LABELS[decision.kind as keyof typeof DECISION_KIND_LABELS]?.[language] ??
                    decision.kind}
                </strong>
                : {decision.text}
                {decision.followUpDue ? ` (${decision.followUpDue})` : ''}
              </li>
            ))}
          </ol>
        )}
        {mayRecord && !locked && (
          <div className={styles.form}>
            <Field label={t('meetings.decisionKind')}>
              <Select
                value={kind}
                onChange={(_, change) => setKind(DECISION_KINDS.find((value) => value === change.value) ?? kind)}
              >
                {DECISION_KINDS.map((value) => (
                  <option key={value} value={value}>
                    {DECISION_KIND_LABELS[value][language]}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={t('meetings.decisionText')} required>
              <Textarea value={text} onChange={(_, change) => setText(change.value)} />
            </Field>
            <div className={styles.row}>
              <Field label={t('meetings.decisionOwner')}>
                <Input type="email" value={owner} onChange={(_, change) => setOwner(change.value)} />
              </Field>
              <Field label={t('meetings.decisionFollowUp')}>
                <Input type="date" value={due} onChange={(_, change) => setDue(change.value)} />
              </Field>
            </div>
            <div>
              <Button
                disabled={deciding.busy || text.trim() === ''}
                onClick={async () => {
                  const saved = await deciding.run(
                    () =>
                      api.recordDecision(meeting.id, {
                        kind,
                        text: text.trim(),
                        ...(owner.trim() ? { ownerEmail: owner.trim() } : {}),
                        ...(due ? { followUpDue: due } : {}),
                      }),
                    () => t('meetings.decisionSaved'),
                  );
                  if (saved) {
                    setText('');
                    data.reload();
                  }
                }}
              >
                {t('meetings.addDecision')}
              </Button>
            </div>
          </div>
        )}
        <ActionStatus state={deciding.state} />
      </section>

      <section aria-labelledby="meeting-protocol" className={page.section}>
        <h3 id="meeting-protocol" className={page.sectionHeading}>
          {t('meetings.protocolHeading')}
        </h3>
        <p>{t('meetings.protocolStatus', { status: t(`meetings.protocol.${current.status}`) })}</p>
        {current.approvals.length > 0 && (
          <p>
            {t('meetings.approvals', {
              names: current.approvals
                .map((a) => attendance.find((row) => row.email === a.personId)?.displayName ?? a.personId)
                .join(', '),
            })}
          </p>
        )}
        {mayRecord && !locked && (
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
                disabled={drafting.busy || !secretary || !chair || !adjuster1 || !adjuster2}
                onClick={async () => {
                  const drafted = await drafting.run(
                    () =>
                      api.draftProtocol(meeting.id, {
                        secretaryEmail: secretary,
                        chairEmail: chair,
                        adjusterEmails: [adjuster1, adjuster2],
                      }),
                    () => t('meetings.protocolDrafted'),
                  );
                  if (drafted) setProtocol(drafted);
                }}
              >
                {t('meetings.draftProtocol')}
              </Button>
            </div>
          </div>
        )}
        <ActionStatus state={drafting.state} />
        {iAmAdjuster && !locked && (
          <Button
            appearance="primary"
            disabled={approving.busy}
            onClick={async () => {
              const approved = await approving.run(
                () => api.approve(meeting.id),
                () => t('meetings.approved'),
              );
              if (approved) setProtocol(approved);
            }}
          >
            {t('meetings.approve')}
          </Button>
        )}
        <ActionStatus state={approving.state} />
        {current.status !== 'saknas' && (
          <Button
            onClick={() =>
              downloading.run(
                async () => saveBlob(await api.protocolPdf(meeting.id), `protokoll-${meeting.id}.pdf`),
                () => t('meetings.downloadPdf'),
              )
            }
          >
            {t('meetings.downloadPdf')}
          </Button>
        )}
        <ActionStatus state={downloading.state} />
      </section>
    </>
  );
}

import {
  Button,
  Checkbox,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { meetingGroupName } from '../format';
import { useI18n } from '../i18n';
import { ActionStatus } from '../ui/ActionStatus';
import { usePageStyles } from '../ui/styles';
import { useAction } from '../ui/useAction';
import type { CandidateDto, MeetingPlanDto, MeetingRecordDto } from '../../contract';
import type { MeetingsApi } from './api';
import { actionKey, confirmAction } from '../idempotency';

type Group = 'samverkansgrupp' | 'stodgrupp';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '40rem' },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, alignItems: 'flex-end' },
  candidates: { display: 'grid', gap: tokens.spacingVerticalS },
  candidate: {
    padding: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  orgs: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalXL },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
});

/** The kallelse's key outlives a reload of the tab until the kallelse is confirmed sent. */
const sendAction = (group: Group) => `kallelse.${group}`;

function nextYear(): number {
  const now = new Date();
  return now.getMonth() >= 5 ? now.getFullYear() + 1 : now.getFullYear();
}

/** The day before a date, as ÅÅÅÅ-MM-DD (the poll's deadline must come before every candidate). */
function dayBefore(date: string): string {
  const day = new Date(`${date}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

function addMinutes(time: string, minutes: number): string {
  const [h = 0, m = 0] = time.split(':').map(Number);
  const total = h * 60 + m + minutes;
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

function CandidateOption({ candidate, index }: { candidate: CandidateDto; index: number }) {
  const { t } = useI18n();
  const styles = useStyles();
  const availability = ['free', 'tentative', 'busy', 'unknown'] as const;
  return (
    <div className={styles.candidate}>
      <Radio
        value={String(index)}
        label={`${candidate.label} – ${t('meetings.candidate.free', {
          free: candidate.counts.free + candidate.counts.tentative,
          busy: candidate.counts.busy,
          unknown: candidate.counts.unknown,
        })}`}
      />
      {candidate.warnings.map((warning) => (
        <p key={warning}>{warning}</p>
      ))}
      <details>
        <summary>{t('meetings.candidate.details')}</summary>
        <ul className={styles.orgs}>
          {candidate.organisations.map((org) => (
            <li key={org.organisationId}>
              <strong>{org.name}</strong>:{' '}
              {availability
                .filter((kind) => org[kind].length > 0)
                .map((kind) => `${t(`meetings.availability.${kind}`)}: ${org[kind].join(', ')}`)
                .join('; ')}
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}

/**
 * Plan → pick → send: candidate times from the convener's and members' calendars, a poll when the guests'
 * calendars cannot be read, and the kallelse for the time picked.
 */
export function PlanMeeting({
  api,
  groups,
  onSent,
}: {
  api: MeetingsApi;
  groups: Group[];
  onSent(meeting: MeetingRecordDto): void;
}) {
  const { t } = useI18n();
  const page = usePageStyles();
  const styles = useStyles();
  const [group, setGroup] = useState<Group>(groups[0] ?? 'samverkansgrupp');
  const [year, setYear] = useState(String(nextYear()));
  const [season, setSeason] = useState<'var' | 'host'>('var');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [duration, setDuration] = useState('150');
  const [room, setRoom] = useState('');
  const [online, setOnline] = useState(true);
  const [reason, setReason] = useState('');
  const [plan, setPlan] = useState<MeetingPlanDto>();
  const [picked, setPicked] = useState<string>('');
  const planning = useAction();
  const sending = useAction();
  const polling = useAction();

  const propose = async (event: FormEvent) => {
    event.preventDefault();
    setPicked('');
    const result = await planning.run(
      () =>
        api.plan({
          group,
          year: Number(year),
          ...(group === 'samverkansgrupp' ? { season } : {}),
          ...(from ? { from } : {}),
          ...(to ? { to } : {}),
          durationMinutes: Number(duration),
          ...(reason.trim() ? { outsideWindowReason: reason.trim() } : {}),
        }),
      (answer) => answer.message,
    );
    setPlan(result);
  };

  const chosen = plan && picked !== '' ? plan.candidates[Number(picked)] : undefined;

  const send = async () => {
    if (!chosen) return;
    const meeting = await sending.run(
      () =>
        api.send({
          group,
          ...(group === 'samverkansgrupp' ? { season } : {}),
          date: chosen.date,
          startTime: chosen.startTime,
          endTime: addMinutes(chosen.startTime, Number(duration)),
          ...(room.trim() ? { room: room.trim() } : {}),
          online,
          ...(reason.trim() ? { outsideWindowReason: reason.trim() } : {}),
          idempotencyKey: actionKey(sendAction(group)),
        }),
      () => t('meetings.sent', { count: plan?.attendees ?? 0 }),
    );
    if (meeting) {
      confirmAction(sendAction(group));
      onSent(meeting);
    }
  };

  const poll = async () => {
    if (!plan || plan.candidates.length < 2) return;
    const candidates = [...plan.candidates].sort((a, b) => a.start.localeCompare(b.start)).slice(0, 5);
    await polling.run(
      () =>
        api.createPoll({
          group,
          year: Number(year),
          ...(group === 'samverkansgrupp' ? { season } : {}),
          candidates: candidates.map((c) => ({ start: c.start, end: c.end })),
          deadline: dayBefore(candidates[0]?.date ?? ''),
        }),
      () => t('meetings.pollCreated'),
    );
  };

  return (
    <section aria-labelledby="meetings-plan" className={page.section}>
      <h2 id="meetings-plan" className={page.sectionHeading}>
        {t('meetings.planHeading')}
      </h2>
      <form className={styles.form} onSubmit={propose}>
        <div className={styles.row}>
          <Field label={t('meetings.group')}>
            <Select value={group} onChange={(_, data) => setGroup(data.value as Group)}>
              {groups.map((g) => (
                <option key={g} value={g}>
                  {meetingGroupName(g, 'sv')}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t('meetings.year')}>
            <Input type="number" value={year} min={2000} max={2199} onChange={(_, data) => setYear(data.value)} />
          </Field>
          {group === 'samverkansgrupp' && (
            <Field label={t('meetings.season')}>
              <Select value={season} onChange={(_, data) => setSeason(data.value as 'var' | 'host')}>
                <option value="var">{t('meetings.season.var')}</option>
                <option value="host">{t('meetings.season.host')}</option>
              </Select>
            </Field>
          )}
          <Field label={t('meetings.length')}>
            <Input
              type="number"
              value={duration}
              min={30}
              max={480}
              step={15}
              onChange={(_, data) => setDuration(data.value)}
            />
          </Field>
        </div>
        <div className={styles.row}>
          <Field label={t('meetings.from')}>
            <Input type="date" value={from} onChange={(_, data) => setFrom(data.value)} />
          </Field>
          <Field label={t('meetings.to')}>
            <Input type="date" value={to} onChange={(_, data) => setTo(data.value)} />
          </Field>
        </div>
        <div className={styles.row}>
          <Field label={t('meetings.room')}>
            <Input value={room} onChange={(_, data) => setRoom(data.value)} />
          </Field>
          <Checkbox
            checked={online}
            label={t('meetings.online')}
            onChange={(_, data) => setOnline(data.checked === true)}
          />
        </div>
        <Field label={t('meetings.reason')}>
          <Textarea value={reason} onChange={(_, data) => setReason(data.value)} />
        </Field>
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={planning.busy}>
            {t('meetings.propose')}
          </Button>
        </div>
        <ActionStatus state={planning.state} busyLabel={t('meetings.proposing')} doneIntent="info" />
      </form>

      {plan && (
        <div>
          <h3 className={page.sectionHeading}>{t('meetings.candidatesHeading')}</h3>
          {plan.candidates.length === 0 ? (
            <p>{t('meetings.noCandidates')}</p>
          ) : (
            <RadioGroup
              aria-label={t('meetings.pick')}
              value={picked}
              onChange={(_, data) => setPicked(data.value)}
              className={styles.candidates}
            >
              {plan.candidates.map((candidate, index) => (
                <CandidateOption key={candidate.start} candidate={candidate} index={index} />
              ))}
            </RadioGroup>
          )}
          <div className={styles.actions}>
            <Button appearance="primary" disabled={!chosen || sending.busy} onClick={send}>
              {t('meetings.send')}
            </Button>
            {plan.pollAdvised && plan.candidates.length >= 2 && (
              <Button disabled={polling.busy} onClick={poll}>
                {t('meetings.pollCreate')}
              </Button>
            )}
          </div>
          <ActionStatus state={sending.state} busyLabel={t('meetings.sending')} />
          <ActionStatus state={polling.state} />
        </div>
      )}
    </section>
  );
}

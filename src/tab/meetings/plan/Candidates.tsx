import { Button, Checkbox, Field, Radio, RadioGroup, Textarea } from '@fluentui/react-components';
import type { CandidateDto, MeetingPlanDto } from '../../../contract';
import { pluralForm } from '../../format';
import { useI18n } from '../../i18n';
import { ActionStatus } from '../../ui/ActionStatus';
import { usePageStyles } from '../../ui/styles';
import { KallelsePreviewDialog } from './KallelsePreview';
import { usePlanStyles } from './styles';
import { sendReady, type PlanForm, type PlanMeetingState } from './usePlanMeeting';

function CandidateOption({ candidate, index }: { candidate: CandidateDto; index: number }) {
  const { t, language } = useI18n();
  const styles = usePlanStyles();
  const availability = ['free', 'tentative', 'busy', 'unknown'] as const;
  const counted = (kind: 'free' | 'busy' | 'unknown', count: number) =>
    t(`meetings.candidate.count.${kind}.${pluralForm(count, language)}`, { count });
  return (
    <div className={styles.candidate}>
      <Radio
        value={String(index)}
        label={`${candidate.label} – ${t('meetings.candidate.free', {
          free: counted('free', candidate.counts.free + candidate.counts.tentative),
          busy: counted('busy', candidate.counts.busy),
          unknown: counted('unknown', candidate.counts.unknown),
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

/** The samverkansgrupp meets once a season; a second kallelse in it is an extra möte, with its reason recorded. */
function ExtraMeeting({ form }: { form: PlanForm }) {
  const { t } = useI18n();
  if (form.group !== 'samverkansgrupp') return null;
  return (
    <div>
      <Checkbox
        checked={form.extra}
        onChange={(_, data) => form.setExtra(data.checked === true)}
        label={t('meetings.extraMeeting.mark')}
      />
      {form.extra && (
        <Field label={t('meetings.extraMeeting.reason')} required hint={t('meetings.extraMeeting.hint')}>
          <Textarea value={form.extraReason} onChange={(_, data) => form.setExtraReason(data.value)} />
        </Field>
      )}
    </div>
  );
}

/** The times proposed: pick one and send the kallelse, or ask the members in a poll. */
export function Candidates({ plan, state, form }: { plan: MeetingPlanDto; state: PlanMeetingState; form: PlanForm }) {
  const { t } = useI18n();
  const page = usePageStyles();
  const styles = usePlanStyles();
  return (
    <div>
      <h3 className={page.sectionHeading}>{t('meetings.candidatesHeading')}</h3>
      {plan.candidates.length === 0 ? (
        <p>{t('meetings.noCandidates')}</p>
      ) : (
        <RadioGroup
          aria-label={t('meetings.pick')}
          value={state.picked}
          onChange={(_, data) => state.setPicked(data.value)}
          className={styles.candidates}
        >
          {plan.candidates.map((candidate, index) => (
            <CandidateOption key={candidate.start} candidate={candidate} index={index} />
          ))}
        </RadioGroup>
      )}
      <ExtraMeeting form={form} />
      <div className={styles.actions}>
        <Button
          appearance="primary"
          disabled={!state.chosen || state.sending.busy || state.preview.previewing.busy || !sendReady(form)}
          onClick={() => void state.preview.show()}
        >
          {t('meetings.preview')}
        </Button>
        {plan.pollAdvised && plan.candidates.length >= 2 && (
          <Button disabled={state.polling.busy} onClick={state.poll}>
            {t('meetings.pollCreate')}
          </Button>
        )}
      </div>
      <ActionStatus state={state.preview.previewing.state} busyLabel={t('meetings.previewing')} />
      <ActionStatus state={state.sending.state} busyLabel={t('meetings.sending')} />
      <ActionStatus state={state.polling.state} />
      <KallelsePreviewDialog
        open={state.preview.open}
        shown={state.preview.shown}
        busy={state.sending.busy}
        onSend={() => void state.send()}
        onBack={state.preview.close}
      />
    </div>
  );
}

import { Button, Radio, RadioGroup } from '@fluentui/react-components';
import type { CandidateDto, MeetingPlanDto } from '../../../contract';
import { useI18n } from '../../i18n';
import { ActionStatus } from '../../ui/ActionStatus';
import { usePageStyles } from '../../ui/styles';
import { usePlanStyles } from './styles';
import type { PlanMeetingState } from './usePlanMeeting';

function CandidateOption({ candidate, index }: { candidate: CandidateDto; index: number }) {
  const { t } = useI18n();
  const styles = usePlanStyles();
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

/** The times proposed: pick one and send the kallelse, or ask the members in a poll. */
export function Candidates({ plan, state }: { plan: MeetingPlanDto; state: PlanMeetingState }) {
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
      <div className={styles.actions}>
        <Button appearance="primary" disabled={!state.chosen || state.sending.busy} onClick={state.send}>
          {t('meetings.send')}
        </Button>
        {plan.pollAdvised && plan.candidates.length >= 2 && (
          <Button disabled={state.polling.busy} onClick={state.poll}>
            {t('meetings.pollCreate')}
          </Button>
        )}
      </div>
      <ActionStatus state={state.sending.state} busyLabel={t('meetings.sending')} />
      <ActionStatus state={state.polling.state} />
    </div>
  );
}

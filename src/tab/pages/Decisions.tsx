import { useState } from 'react';
import type { Me } from '../api';
import { PER_CAPSULAM_MEETING_ID, type DecisionDto, type FollowUpStatus } from '../../contract';
import { activitiesApi } from '../activities/api';
import { decisionsApi, decisionsQuery } from '../decisions/api';
import { DecisionFilters, type DecisionFilter } from '../decisions/DecisionFilters';
import { DecisionTable } from '../decisions/DecisionTable';
import { OpenProposals } from '../decisions/OpenProposals';
import { ActionStatus } from '../ui/ActionStatus';
import { PageHeading } from '../ui/PageHeading';
import { usePageStyles } from '../ui/styles';
import { useAction } from '../ui/useAction';
import { useReloadOn } from '../ui/useReloadOn';
import { RecordDecision } from '../decisions/RecordDecision';
import { useI18n } from '../i18n';
import { useLoad, useServices } from '../services';
import { ErrorMessage, Loading } from '../ui/status';

export function DecisionsPage({ me }: { me: Me }) {
  const { t } = useI18n();
  const page = usePageStyles();
  const { api } = useServices();
  const [filter, setFilter] = useState<DecisionFilter>({ meetingId: '', kind: '', followUp: '' });
  const query = decisionsQuery(filter);
  const decisions = useLoad((client) => decisionsApi(client).list(filter));
  const meetings = useLoad((client) => activitiesApi(client).meetings());
  const proposals = useLoad((client) => decisionsApi(client).openProposals());
  useReloadOn(query, decisions.reload);
  const action = useAction();
  const canRecord = me.allowedActions.includes('decision.record');
  const meetingTitle = (id: string) =>
    id === PER_CAPSULAM_MEETING_ID
      ? t('dec.record.perCapsulam')
      : meetings.status === 'ready'
        ? (meetings.data.find((m) => m.id === id)?.title ?? id)
        : id;

  const changeFollowUp = async (decision: DecisionDto, next: FollowUpStatus) => {
    await action.run(async () => {
      try {
        await decisionsApi(api).setFollowUp(decision, next);
      } finally {
        decisions.reload();
      }
      return t('dec.saved');
    });
  };

  return (
    <>
      <PageHeading>{t('dec.title')}</PageHeading>
      <p>{t('dec.intro')}</p>
      <DecisionFilters
        filter={filter}
        onChange={setFilter}
        meetings={meetings.status === 'ready' ? meetings.data : []}
      />
      <section className={page.section} aria-live="polite">
        {decisions.status === 'loading' && <Loading />}
        {decisions.status === 'error' && <ErrorMessage error={decisions.error} onRetry={decisions.reload} />}
        {decisions.status === 'ready' && decisions.data.length === 0 && <p>{t('dec.none')}</p>}
        {decisions.status === 'ready' && decisions.data.length > 0 && (
          <DecisionTable
            decisions={decisions.data}
            canRecord={canRecord}
            busy={action.state.status === 'busy'}
            meetingTitle={meetingTitle}
            onFollowUp={(decision, next) => void changeFollowUp(decision, next)}
          />
        )}
        <ActionStatus state={action.state} />
      </section>
      {canRecord && meetings.status === 'ready' && (
        <RecordDecision
          meetings={meetings.data.filter((m) => m.group === 'samverkansgrupp')}
          onRecorded={() => {
            decisions.reload();
            proposals.reload();
          }}
        />
      )}
      <OpenProposals proposals={proposals} />
    </>
  );
}

import { Button } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useCallback, useState } from 'react';
import type { Me } from '../api';
import { PER_CAPSULAM_MEETING_ID, type DecisionDto, type FollowUpStatus } from '../../contract';
import { activitiesApi } from '../activities/api';
import { decisionsApi, decisionsQuery } from '../decisions/api';
import type { DecisionFilter } from '../decisions/DecisionFilters';
import { DecisionRegister } from '../decisions/DecisionRegister';
import { OpenProposals } from '../decisions/OpenProposals';
import { ActionStatus } from '../ui/ActionStatus';
import { PageHeading } from '../ui/PageHeading';
import { useAction } from '../ui/useAction';
import { usePageView } from '../ui/usePageView';
import { useReloadOn } from '../ui/useReloadOn';
import { ViewPanel, ViewTabs } from '../ui/ViewTabs';
import { RecordDecision } from '../decisions/RecordDecision';
import { useI18n } from '../i18n';
import { useLoad, useServices } from '../services';

const VIEWS = ['beslutslista', 'forslag'] as const;

/** Beslut: the register (searchable, sortable) or the proposals waiting for a decision; recording in a dialog. */
export function DecisionsPage({ me }: { me: Me }) {
  const { t } = useI18n();
  const { api } = useServices();
  const [filter, setFilter] = useState<DecisionFilter>({ meetingId: '', kind: '', followUp: '' });
  const decisions = useLoad((client) => decisionsApi(client).list(filter));
  const meetings = useLoad((client) => activitiesApi(client).meetings());
  const proposals = useLoad((client) => decisionsApi(client).openProposals());
  useReloadOn(decisionsQuery(filter), decisions.reload);
  const action = useAction();
  const [view, setView] = usePageView('beslut', VIEWS);
  const [recording, setRecording] = useState(false);
  const canRecord = me.allowedActions.includes('decision.record');
  const meetingList = meetings.status === 'ready' ? meetings.data : undefined;
  const meetingTitle = useCallback(
    (id: string) =>
      id === PER_CAPSULAM_MEETING_ID
        ? t('dec.record.perCapsulam')
        : (meetingList?.find((m) => m.id === id)?.title ?? id),
    [meetingList, t],
  );
  const changeFollowUp = useCallback(
    (decision: DecisionDto, next: FollowUpStatus) =>
      void action.run(async () => {
        try {
          await decisionsApi(api).setFollowUp(decision, next);
        } finally {
          decisions.reload();
        }
        return t('dec.saved');
      }),
    [action, api, decisions, t],
  );
  const proposalsLabel =
    proposals.status === 'ready'
      ? t('dec.view.proposalsCount', { count: proposals.data.length })
      : t('dec.view.proposals');

  return (
    <>
      <PageHeading>{t('dec.title')}</PageHeading>
      <p>{t('dec.intro')}</p>
      {canRecord && meetingList && (
        <p>
          <Button appearance="primary" icon={<AddRegular aria-hidden />} onClick={() => setRecording(true)}>
            {t('dec.record')}
          </Button>
        </p>
      )}
      <ViewTabs
        idPrefix="dec"
        label={t('dec.views')}
        views={VIEWS}
        view={view}
        labelOf={(v) => (v === 'beslutslista' ? t('dec.view.register') : proposalsLabel)}
        onView={setView}
      />
      <ViewPanel idPrefix="dec" view={view}>
        {view === 'beslutslista' && (
          <DecisionRegister
            decisions={decisions}
            filter={filter}
            onFilter={setFilter}
            meetings={meetingList ?? []}
            meetingTitle={meetingTitle}
            canRecord={canRecord}
            busy={action.state.status === 'busy'}
            onFollowUp={changeFollowUp}
          />
        )}
        {view === 'forslag' && <OpenProposals proposals={proposals} />}
        <ActionStatus state={action.state} />
      </ViewPanel>
      {canRecord && meetingList && (
        <RecordDecision
          open={recording}
          meetings={meetingList.filter((m) => m.group === 'samverkansgrupp')}
          onRecorded={() => {
            decisions.reload();
            proposals.reload();
          }}
          onClose={() => setRecording(false)}
        />
      )}
    </>
  );
}

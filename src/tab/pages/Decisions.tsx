import { Button } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { Me } from '../api';
import { DecisionRegister } from '../decisions/DecisionRegister';
import { OpenProposals } from '../decisions/OpenProposals';
import { RecordDecision } from '../decisions/RecordDecision';
import { useDecisionsData } from '../decisions/useDecisionsData';
import { ActionStatus } from '../ui/ActionStatus';
import { PageHeading } from '../ui/PageHeading';
import { usePageView } from '../ui/usePageView';
import { ViewPanel, ViewTabs } from '../ui/ViewTabs';
import { useI18n } from '../i18n';

const VIEWS = ['beslutslista', 'forslag'] as const;

/** Beslut: the register (searchable, sortable) or the proposals waiting for a decision; recording in a dialog. */
export function DecisionsPage({ me }: { me: Me }) {
  const { t } = useI18n();
  const data = useDecisionsData();
  const { decisions, meetingList, proposals, action } = data;
  const [view, setView] = usePageView('beslut', VIEWS);
  const [recording, setRecording] = useState(false);
  const canRecord = me.allowedActions.includes('decision.record');
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
            filter={data.filter}
            onFilter={data.setFilter}
            meetings={meetingList ?? []}
            meetingTitle={data.meetingTitle}
            canRecord={canRecord}
            busy={action.state.status === 'busy'}
            onFollowUp={data.changeFollowUp}
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

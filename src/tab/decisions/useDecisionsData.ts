import { useCallback, useState } from 'react';
import { PER_CAPSULAM_MEETING_ID, type DecisionDto, type FollowUpStatus } from '../../contract';
import { activitiesApi } from '../activities/api';
import { useI18n } from '../i18n';
import { useLoad, useServices } from '../services';
import { useAction } from '../ui/useAction';
import { useReloadOn } from '../ui/useReloadOn';
import { decisionsApi, decisionsQuery } from './api';
import type { DecisionFilter } from './DecisionFilters';

/**
 * What the Beslut page loads (the register as filtered, the meetings, the open proposals) and its one in-row
 * action: the coordinator's follow-up, saved with the ETag it was read with.
 */
export function useDecisionsData() {
  const { t } = useI18n();
  const { api } = useServices();
  const [filter, setFilter] = useState<DecisionFilter>({ meetingId: '', kind: '', followUp: '' });
  const decisions = useLoad((client) => decisionsApi(client).list(filter));
  const meetings = useLoad((client) => activitiesApi(client).meetings());
  const proposals = useLoad((client) => decisionsApi(client).openProposals());
  useReloadOn(decisionsQuery(filter), decisions.reload);
  const action = useAction();
  const meetingList = meetings.status === 'ready' ? meetings.data : undefined;
  // Never a meeting's id on screen: blank until the meetings have loaded (or if it is not among them).
  const meetingTitle = useCallback(
    (id: string) =>
      id === PER_CAPSULAM_MEETING_ID
        ? t('dec.record.perCapsulam')
        : (meetingList?.find((m) => m.id === id)?.title ?? ''),
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
  return { filter, setFilter, decisions, meetingList, proposals, meetingTitle, changeFollowUp, action };
}

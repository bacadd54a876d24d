import { useState } from 'react';
import { ApiError } from '../../api';
import { useI18n } from '../../i18n';
import type { ChannelDifferenceDto, WorkingGroupDto } from '../../../contract';
import type { GroupActions } from './types';

/** The card's state: the end form, the channel difference shown, and the last failure of an action. */
export function useGroupCard(group: WorkingGroupDto, actions: GroupActions) {
  const { t } = useI18n();
  const [ending, setEnding] = useState(false);
  const [report, setReport] = useState('');
  const [reportProblem, setReportProblem] = useState<string>();
  const [difference, setDifference] = useState<ChannelDifferenceDto>();
  const [failure, setFailure] = useState<string>();

  const guarded = async (run: () => Promise<void>) => {
    setFailure(undefined);
    try {
      await run();
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : t('unexpectedError'));
    }
  };

  const end = () =>
    guarded(async () => {
      if (!report.trim()) {
        setReportProblem('Skriv en kort slutrapport.');
        return;
      }
      await actions.end(group, report.trim());
    });

  return { ending, setEnding, report, setReport, reportProblem, difference, setDifference, failure, guarded, end };
}

export type Guarded = (run: () => Promise<void>) => Promise<void>;

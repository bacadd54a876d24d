import { useRef, useState } from 'react';
import type { MeetingSummaryDto, OperatingPlanDto, PlanInput } from '../../../contract';
import { useI18n } from '../../i18n';
import { useLoad, useServices } from '../../services';
import { useAction } from '../../ui/useAction';
import { useReloadOn } from '../../ui/useReloadOn';
import { activitiesApi } from '../api';
import { planApi } from '../planApi';

/**
 * The year's plan with its activities, whether the editor is open, the meeting chosen for the decision, and
 * the writes (save, decide); after each the heading takes focus.
 */
export function useOperatingPlan(year: number, changes: number, meetings: MeetingSummaryDto[]) {
  const { t } = useI18n();
  const { api } = useServices();
  const action = useAction();
  const heading = useRef<HTMLHeadingElement>(null);
  const [editing, setEditing] = useState(false);
  const [meetingId, setMeetingId] = useState('');
  const view = useLoad(async (client) => {
    const [plan, activities] = await Promise.all([planApi(client).get(year), activitiesApi(client).list({ year })]);
    return { ...plan, activities };
  });
  useReloadOn(`${year}|${changes}`, view.reload);
  const chosenMeeting = meetingId || meetings[meetings.length - 1]?.id || '';

  const afterWrite = (message: string) => {
    setEditing(false);
    view.reload();
    heading.current?.focus();
    return message;
  };

  const decide = async (plan: OperatingPlanDto) => {
    await action.run(async () => {
      try {
        await planApi(api).decide(plan, chosenMeeting);
      } catch (error) {
        view.reload();
        throw error;
      }
      return afterWrite(t('plan.decided', { year }));
    });
  };

  const save = (input: PlanInput, etag: string | undefined) =>
    action.run(async () => {
      await planApi(api).save(year, input, etag);
      return afterWrite(t('plan.saved', { year }));
    });

  const startEditing = () => {
    action.reset();
    setEditing(true);
  };
  const cancelEditing = () => {
    setEditing(false);
    heading.current?.focus();
  };

  return { view, action, heading, editing, chosenMeeting, setMeetingId, decide, save, startEditing, cancelEditing };
}

import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@fluentui/react-components';
import { useState } from 'react';
import { isoWeek } from '../../domain/calendar';
import { isHeld } from '../../domain/funders';
import type { ActivityDto, MeetingSummaryDto } from '../../contract';
import { activitiesApi } from './api';
import { ActionStatus } from '../ui/ActionStatus';
import { ChoiceField } from '../ui/ChoiceField';
import { useFormStyles } from '../ui/styles';
import { useAction } from '../ui/useAction';
import { useI18n } from '../i18n';
import { useServices } from '../services';
import { TableScroll } from '../ui/TableScroll';

/** One activity: title, when (with its ISO week), area, target groups, status and the actions open to me. */
function ActivityRow({
  activity: a,
  actions,
  decide,
  evaluate,
  report,
  busy,
}: {
  activity: ActivityDto;
  actions: boolean;
  decide: (() => void) | undefined;
  evaluate: (() => void) | undefined;
  report: (() => void) | undefined;
  busy: boolean;
}) {
  const { t } = useI18n();
  return (
    <TableRow>
      <TableCell>{a.title}</TableCell>
      <TableCell>
        {a.startDate === a.endDate ? a.startDate : `${a.startDate} – ${a.endDate}`} (
        {t('act.week', { week: isoWeek(a.startDate) })})
      </TableCell>
      <TableCell>{t(`act.area.${a.area}`)}</TableCell>
      <TableCell>{a.targetGroups.map((g) => t(`act.tg.${g}`)).join(', ')}</TableCell>
      <TableCell>{t(`act.status.${a.status}`)}</TableCell>
      {actions && (
        <TableCell>
          {decide && (
            <Button size="small" onClick={decide} disabled={busy} aria-label={`${t('act.decide')}: ${a.title}`}>
              {t('act.decide.submit')}
            </Button>
          )}
          {evaluate && (
            <Button size="small" onClick={evaluate} aria-label={`${t('act.evaluate')}: ${a.title}`}>
              {t('act.evaluate')}
            </Button>
          )}
          {report && (
            <Button size="small" onClick={report} aria-label={`${t('fund.report')}: ${a.title}`}>
              {t('fund.report')}
            </Button>
          )}
        </TableCell>
      )}
    </TableRow>
  );
}

/** Deciding an activity at the chosen meeting; the message says when the decided budget got a revision. */
function useDecideActivity(meetingId: string, onChanged: () => void) {
  const { t } = useI18n();
  const { api } = useServices();
  const action = useAction();
  const decide = async (activity: ActivityDto) => {
    await action.run(async () => {
      const answer = await activitiesApi(api)
        .decide(activity, meetingId)
        .finally(() => onChanged());
      const revisions = answer.budget?.revisionsOpened ?? [];
      const decided = t('act.decided', { title: activity.title });
      return revisions.length === 0
        ? decided
        : `${decided} ${t('act.budgetRevision', { years: revisions.join(', ') })}`;
    });
  };
  return { action, decide };
}

export function ActivityTable({
  activities,
  meetings,
  canDecide,
  canEvaluate,
  onChanged,
  onEvaluate,
  onReport,
}: {
  activities: ActivityDto[];
  meetings: MeetingSummaryDto[];
  canDecide: boolean;
  canEvaluate: boolean;
  onChanged(): void;
  onEvaluate(activity: ActivityDto): void;
  onReport(activity: ActivityDto): void;
}) {
  const { t } = useI18n();
  const styles = useFormStyles();
  const [meetingId, setMeetingId] = useState('');
  const chosenMeeting = meetingId || meetings[meetings.length - 1]?.id || '';
  const { action, decide } = useDecideActivity(chosenMeeting, onChanged);
  if (activities.length === 0) return <p>{t('act.none')}</p>;
  return (
    <>
      {canDecide && activities.some((a) => a.status === 'forslag') && (
        <div className={styles.toolbar}>
          {meetings.length === 0 ? (
            <p>{t('act.decide.noMeetings')}</p>
          ) : (
            <ChoiceField
              label={t('act.decide.meeting')}
              value={chosenMeeting}
              choices={meetings.map((m) => ({ value: m.id, label: m.title }))}
              onChange={setMeetingId}
            />
          )}
        </div>
      )}
      <TableScroll label={t('act.title')}>
        <Table aria-label={t('act.title')} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('act.col.title')}</TableHeaderCell>
              <TableHeaderCell>{t('act.col.when')}</TableHeaderCell>
              <TableHeaderCell>{t('act.col.area')}</TableHeaderCell>
              <TableHeaderCell>{t('act.col.targetGroups')}</TableHeaderCell>
              <TableHeaderCell>{t('act.col.status')}</TableHeaderCell>
              {(canDecide || canEvaluate) && <TableHeaderCell>{t('act.col.actions')}</TableHeaderCell>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {activities.map((a) => (
              <ActivityRow
                key={a.id}
                activity={a}
                actions={canDecide || canEvaluate}
                decide={canDecide && a.status === 'forslag' && meetings.length > 0 ? () => void decide(a) : undefined}
                evaluate={
                  canEvaluate && (a.status === 'beslutad' || a.status === 'genomford') ? () => onEvaluate(a) : undefined
                }
                report={canEvaluate && isHeld(a, new Date()) ? () => onReport(a) : undefined}
                busy={action.state.status === 'busy'}
              />
            ))}
          </TableBody>
        </Table>
      </TableScroll>
      <ActionStatus state={action.state} />
    </>
  );
}

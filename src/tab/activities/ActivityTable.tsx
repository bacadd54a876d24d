import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { isoWeek } from '../../domain/calendar';
import { isHeld } from '../../domain/funders';
import type { ActivityDto, MeetingSummaryDto, TopicTagDto } from '../../contract';
import { activitiesApi } from './api';
import { ActionStatus } from '../ui/ActionStatus';
import { ChoiceField } from '../ui/ChoiceField';
import { DataTable, type DataColumn } from '../ui/DataTable';
import { byDate, byText } from '../ui/sortBy';
import { useFormStyles } from '../ui/styles';
import { useAction } from '../ui/useAction';
import { useI18n } from '../i18n';
import { useServices } from '../services';
import { TableScroll } from '../ui/TableScroll';

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

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, '& button': { whiteSpace: 'nowrap' } },
  nowrap: { whiteSpace: 'nowrap' },
});

type Reporting = 'rapporterad' | 'ej_rapporterad' | 'kommande' | 'none';

/** After the event (#17): reported, or waiting for the counts; before it "after the activity" for a decided one. */
export function reportingOf(activity: ActivityDto, now: Date): Reporting {
  if (activity.participants) return 'rapporterad';
  if (isHeld(activity, now)) return 'ej_rapporterad';
  return activity.status === 'beslutad' ? 'kommande' : 'none';
}

/** The day or the days, each kept on one line, and the ISO week of the first. */
function When({ activity: a }: { activity: ActivityDto }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <>
      <span className={styles.nowrap}>{a.startDate}</span>
      {a.startDate !== a.endDate && (
        <>
          {' – '}
          <span className={styles.nowrap}>{a.endDate}</span>
        </>
      )}{' '}
      <span className={styles.nowrap}>({t('act.week', { week: isoWeek(a.startDate) })})</span>
    </>
  );
}

interface RowActions {
  decide: ((a: ActivityDto) => void) | undefined;
  evaluate: ((a: ActivityDto) => void) | undefined;
  report: ((a: ActivityDto) => void) | undefined;
  busy: boolean;
}

/** The buttons open to me on one activity: decide a proposal, evaluate a decided one, report its participants. */
function Actions({ activity: a, actions }: { activity: ActivityDto; actions: RowActions }) {
  const { t } = useI18n();
  const styles = useStyles();
  const { decide, evaluate, report } = actions;
  return (
    <div className={styles.actions}>
      {decide && a.status === 'forslag' && (
        <Button
          size="small"
          onClick={() => decide(a)}
          disabled={actions.busy}
          aria-label={`${t('act.decide')}: ${a.title}`}
        >
          {t('act.decide.submit')}
        </Button>
      )}
      {evaluate && (a.status === 'beslutad' || a.status === 'genomford') && (
        <Button size="small" onClick={() => evaluate(a)} aria-label={`${t('act.evaluate')}: ${a.title}`}>
          {t('act.evaluate')}
        </Button>
      )}
      {report && isHeld(a, new Date()) && (
        <Button size="small" onClick={() => report(a)} aria-label={`${t('fund.report')}: ${a.title}`}>
          {t('fund.report')}
        </Button>
      )}
    </div>
  );
}

function useColumns(tags: readonly TopicTagDto[], actions: RowActions | undefined): DataColumn<ActivityDto>[] {
  const { t } = useI18n();
  return useMemo(() => {
    const tagName = new Map(tags.map((tag) => [tag.id, tag.name]));
    const tagsOf = (a: ActivityDto) =>
      a.tagIds
        .map((id) => tagName.get(id))
        .filter(Boolean)
        .join(', ');
    const now = new Date();
    const columns: DataColumn<ActivityDto>[] = [
      { id: 'title', header: t('act.col.title'), compare: byText((a) => a.title), cell: (a) => a.title },
      {
        id: 'when',
        header: t('act.col.when'),
        compare: byDate((a) => a.startDate),
        cell: (a) => <When activity={a} />,
      },
      {
        id: 'area',
        header: t('act.col.area'),
        compare: byText((a) => t(`act.area.${a.area}`)),
        cell: (a) => t(`act.area.${a.area}`),
      },
      {
        id: 'targetGroups',
        header: t('act.col.targetGroups'),
        cell: (a) => a.targetGroups.map((g) => t(`act.tg.${g}`)).join(', '),
      },
      { id: 'tags', header: t('act.col.tags'), compare: byText(tagsOf), cell: (a) => tagsOf(a) || '–' },
      {
        id: 'status',
        header: t('act.col.status'),
        compare: byText((a) => t(`act.status.${a.status}`)),
        cell: (a) => t(`act.status.${a.status}`),
      },
      {
        id: 'reporting',
        header: t('act.col.reporting'),
        compare: byText((a) => t(`act.reporting.${reportingOf(a, now)}`)),
        cell: (a) => t(`act.reporting.${reportingOf(a, now)}`),
      },
    ];
    if (!actions) return columns;
    return [
      ...columns,
      { id: 'actions', header: t('act.col.actions'), cell: (a) => <Actions activity={a} actions={actions} /> },
    ];
  }, [t, tags, actions]);
}

export function ActivityTable({
  activities,
  meetings,
  tags = [],
  canDecide,
  canEvaluate,
  onChanged,
  onEvaluate,
  onReport,
}: {
  activities: ActivityDto[];
  meetings: MeetingSummaryDto[];
  /** Ämnestaggar (#17), to name each activity's tags and filter by one. */
  tags?: readonly TopicTagDto[];
  canDecide: boolean;
  canEvaluate: boolean;
  onChanged(): void;
  onEvaluate(activity: ActivityDto): void;
  onReport(activity: ActivityDto): void;
}) {
  const { t } = useI18n();
  const styles = useFormStyles();
  const [meetingId, setMeetingId] = useState('');
  const [tagId, setTagId] = useState('');
  const chosenMeeting = meetingId || meetings[meetings.length - 1]?.id || '';
  const { action, decide } = useDecideActivity(chosenMeeting, onChanged);
  const busy = action.state.status === 'busy';
  const actions: RowActions | undefined =
    canDecide || canEvaluate
      ? {
          decide: canDecide && meetings.length > 0 ? (a) => void decide(a) : undefined,
          evaluate: canEvaluate ? onEvaluate : undefined,
          report: canEvaluate ? onReport : undefined,
          busy,
        }
      : undefined;
  const columns = useColumns(tags, actions);
  if (activities.length === 0) return <p>{t('act.none')}</p>;
  const usedTags = tags.filter((tag) => activities.some((a) => a.tagIds.includes(tag.id)));
  const shown = tagId ? activities.filter((a) => a.tagIds.includes(tagId)) : activities;
  return (
    <>
      <div className={styles.toolbar}>
        {usedTags.length > 0 && (
          <ChoiceField
            label={t('act.filter.tag')}
            value={tagId}
            allLabel={t('act.filter.all')}
            choices={usedTags.map((tag) => ({ value: tag.id, label: tag.name }))}
            onChange={setTagId}
          />
        )}
        {canDecide &&
          activities.some((a) => a.status === 'forslag') &&
          (meetings.length === 0 ? (
            <p>{t('act.decide.noMeetings')}</p>
          ) : (
            <ChoiceField
              label={t('act.decide.meeting')}
              value={chosenMeeting}
              choices={meetings.map((m) => ({ value: m.id, label: m.title }))}
              onChange={setMeetingId}
            />
          ))}
      </div>
      <TableScroll label={t('act.title')}>
        <DataTable
          items={shown}
          columns={columns}
          getRowId={(a) => a.id}
          label={t('act.title')}
          emptyMessage={t('act.none')}
          defaultSort={{ columnId: 'when', direction: 'ascending' }}
        />
      </TableScroll>
      <ActionStatus state={action.state} />
    </>
  );
}
